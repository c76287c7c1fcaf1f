"""What a decision's value of information is scaled by: how many such decisions are taken,
over how many years, discounted at what rate, and what a study to settle it would cost."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from pause_cost.model.base import InputModel, Number, Source, Text
from pause_cost.model.economics import Sourced
from pause_cost.model.uncertainty import INPUT_PATH

EvppiGroup = Annotated[
    list[Annotated[str, Field(pattern=INPUT_PATH, max_length=300)]],
    Field(min_length=1, max_length=8),  # voi.MOST_IN_GROUP
]
"""Drawn inputs learnt together (a local study that would measure them all): their EVPPI is
one regression on all of them jointly."""


class Study(InputModel):
    """A local study that would settle the inputs' uncertainty, and what it would cost."""

    cost_gbp: Annotated[Number, Field(gt=0, le=1e9)]
    description: Text | None = None
    source: Source = Field(description="Where the study's cost comes from (a quote, a budget).")


class ValueOfInformation(Sourced):
    """The population of decisions the value of information is scaled to: ``decisions_per_year``
    (councils deciding whether to fund a practice each year) over ``years``, discounted
    continuously at ``discount_rate_percent`` as voi's ``pop_voi`` does; with a ``study`` whose
    cost the population value is set beside."""

    decisions_per_year: Annotated[Number, Field(gt=0, le=10_000)]
    years: Annotated[Number, Field(gt=0, le=100)]
    discount_rate_percent: Annotated[Number, Field(ge=0, le=20)]
    study: Study | None = None
