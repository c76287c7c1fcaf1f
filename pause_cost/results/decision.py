"""The results of deciding: the value of information for the fund / don't-fund decision.
Plain dataclasses whose JSON dump is the published contract."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from pause_cost.results.base import Exact, result
from pause_cost.results.uncertainty import InputRange

SCHEMA_VERSION = "1"


@result
class OptionValue:
    """One option's expected net benefit over the draws."""

    option: str
    expected: Exact
    mcse: Annotated[Exact, Field(description="Monte Carlo standard error of the mean.")]


@result
class PartialValue:
    """EVPPI of one input or a group of inputs."""

    inputs: list[str]
    value: Annotated[Exact, Field(description="EVPPI per decision, in pounds.")]
    mcse: Annotated[
        Exact,
        Field(description="Monte Carlo standard error, with the regression's own (delta method)."),
    ]
    method: Annotated[
        str, Field(description="The regression: a restricted cubic spline, or a polynomial.")
    ]
    terms: int
    population: Annotated[
        Exact | None, Field(description="Scaled to the population of decisions, if stated.")
    ]


@result
class Population:
    """The decisions the value of information is scaled to (as voi's pop_voi)."""

    decisions_per_year: Exact
    years: Exact
    discount_rate_percent: Exact
    factor: Annotated[Exact, Field(description="Discounted decisions: d (1 - e^(-r T)) / r.")]
    basis: Annotated[str, Field(description="The block's source, or its assumption (flagged).")]
    study_cost: Exact | None
    study_source: str | None


@result
class Information:
    """EVPI and EVPPI for funding the practice (net benefit: the outcome) or not (0)."""

    schema_version: str = SCHEMA_VERSION
    scenario: str
    outcome: Annotated[str, Field(description="The net benefit of funding: npv, or net.")]
    draws: int
    seed: int
    numpy: Annotated[str, Field(description="numpy's version: the draws depend on it.")]
    bit_generator: str
    options: list[OptionValue]
    best: Annotated[str, Field(description="The option with the greater expected net benefit.")]
    evpi: Annotated[Exact, Field(description="EVPI per decision, in pounds.")]
    evpi_mcse: Exact
    evpi_population: Exact | None
    partial: Annotated[list[PartialValue], Field(description="Largest EVPPI first.")]
    population: Population | None
    held: Annotated[
        list[InputRange], Field(description="Ranges with no distribution, held at their point.")
    ]
    flags: list[str]
