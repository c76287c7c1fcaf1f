"""A nation's case built from its parts: the published figures, each with its source.

Three recurrence figures are in circulation and are not the same thing (a probability per
mother, a share of applications, a share of newborns): each has its own key here, and no
formula combines them.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from pause_cost.model.base import InputModel, Number, PriceYear, Slug, Source, Text
from pause_cost.model.contract import check_range


class Figure(InputModel):
    """A published or derived figure; a range where the Monte Carlo draws it."""

    value: Number
    low: Number | None = None
    high: Number | None = None
    source: Source
    derivation: Text | None = Field(default=None, description="How a derived figure is worked.")
    assumption: Text | None = Field(default=None, description="What about it is a judgement.")

    @model_validator(mode="after")
    def _range(self) -> Self:
        check_range(self.low, self.value, self.high)
        return self


class Share(Figure):
    value: Number = Field(ge=0, le=1)


class CostPricesAt(InputModel):
    """The financial year whose prices a cash figure is taken to be in (a judgement)."""

    financial_year: PriceYear
    assumption: Text


class PublishedReturn(Figure):
    """A published return per pound spent, and the years it counts."""

    years: int = Field(ge=1, le=100, description="The span the return counts, in years.")


class NationalCase(InputModel):
    """A nation's figures: the area route (the evaluation's effect per area x areas), the
    per-woman route, and the recurrence figures, each kept apart."""

    name: Slug
    title: Text
    nation: Literal["england", "scotland", "wales", "northern_ireland"]
    costed_with: Text | None = Field(
        default=None,
        description="A scenario file (path from this file's folder) whose tables, birth rate "
        "and window cost an avoided birth.",
    )
    fewer_infants_per_area_per_year: Figure | None = None
    areas: Figure | None = None
    published_national_reduction_per_year: Figure | None = None
    women_per_area_per_year: Figure | None = None
    cost_per_woman_gbp: Figure | None = None
    cost_per_woman_prices: CostPricesAt | None = Field(
        default=None,
        description="The year whose prices the cost per woman (contract cash) is in: it is "
        "brought to the costing scenario's price year with the GDP deflator.",
    )
    published_return_per_pound: PublishedReturn | None = Field(
        default=None,
        description="A published saving per pound spent, set beside the tool's ratio (not "
        "used in any formula).",
    )
    newborns_in_proceedings_per_year: Figure | None = None
    subsequent_infant_share_of_newborns_in_proceedings: Share | None = None
    mothers_returning_to_court_share: Share | None = None
    repeat_mother_share_of_care_applications: Share | None = None
    infants_under_one_starting_care_per_year: Figure | None = None
    children_starting_care_per_year: Figure | None = None
    infants_entering_care_before_one_share: Share | None = None
    missing: list[Text] = Field(
        default_factory=list, description="What the case needs and no source found gives."
    )
