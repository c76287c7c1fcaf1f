"""The result of an estimate: a pydantic model whose JSON dump is the published contract.

Money is carried unrounded (exact decimals inside Python, plain numbers in JSON); renderers
round each displayed figure from its own exact value.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pause_cost.model.base import Source
from pause_cost.model.scenario import Counting
from pause_cost.model.tables import Classification, Stage
from pause_cost.money import Exact

SCHEMA_VERSION = "1"


class ResultModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ScenarioSummary(ResultModel):
    """The inputs that determine the answer, echoed so a reader can check them."""

    name: str
    title: str | None
    council: str
    women_open: int
    birth_rate_per_woman_per_year: Exact
    programme_months: Exact
    gestation_months: Exact
    window_years: Exact = Field(description="(programme + gestation months) / 12.")
    avoided_births_counting: Counting
    immediate_years: int
    horizon_years: int
    unit_costs: list[str]
    cohort_source: Source


class TableSummary(ResultModel):
    name: str
    title: str
    edition: str | None
    lines: int
    price_years: list[str]


class IndexSummary(ResultModel):
    """A price index used to state every figure in one price year."""

    name: str
    title: str
    first_year: str
    last_year: str
    source: Source


class AvoidedBirths(ResultModel):
    exact: Exact = Field(description="women x birth rate x window years.")
    counted: Exact = Field(description="The births costed: exact, or rounded half up.")
    counting: Counting


class Amounts(ResultModel):
    cashable_gbp: Exact
    internal_gbp: Exact
    total_gbp: Exact = Field(description="The council's: cashable + internal.")
    other_agencies_gbp: Exact = Field(
        description="Avoided by other agencies (courts, NHS, police...); not in total_gbp."
    )


class Period(Amounts):
    years: int = Field(description="Years 1 to this, after the avoided births.")


class YearAmounts(Amounts):
    year: int


class LineResult(ResultModel):
    table: str
    id: str
    item: str
    stage: Stage
    classification: Classification
    agency: str
    amount_gbp: Exact
    unit: str
    quantity_per_child: Exact
    share_of_children: Exact
    first_year: int
    last_year: int
    per_avoided_birth_per_year_gbp: Exact = Field(
        description="amount x quantity x share: the line's cost per avoided birth in each "
        "year it falls in."
    )
    immediate_gbp: Exact
    horizon_gbp: Exact
    source: Source
    price_year: str = Field(description="The price year of amount_gbp, as its source states it.")
    price_index: str | None = Field(description="The index that uprated it; null if none.")
    uprating_factor: Exact = Field(
        description="amount_gbp x this = the amount in the estimate's price year (1 if none)."
    )
    derivation: str | None
    assumption: str | None
    override: str | None = Field(
        default=None, description="Why the scenario replaced this line's share, quantity or years."
    )


class Programme(ResultModel):
    """What the practice costs, and what the avoidance is worth net of it (nulls if unknown)."""

    cost_gbp: Exact | None
    net_gbp: Exact | None = Field(description="Horizon total minus programme cost.")
    return_per_pound: Exact | None = Field(description="Horizon total per pound of cost.")
    payback_year: int | None = Field(
        description="First year whose cumulative avoidance covers cumulative cost; null if "
        "none within the horizon or no cost given."
    )
    cost_by_year_gbp: list[Exact]
    source: Source | None


class PublishedCheck(ResultModel):
    figure: str
    published: Exact
    estimated: Exact = Field(description="Unrounded.")
    difference: Exact = Field(
        description="Estimated, rounded as published (whole pounds or births), minus published."
    )


class PublishedComparison(ResultModel):
    source: Source
    checks: list[PublishedCheck]


class Flag(ResultModel):
    """Something a reader must see before relying on the figures."""

    code: str
    message: str
    lines: list[str] = Field(default_factory=list, description="table/id of lines concerned.")


class Estimate(ResultModel):
    """Avoided births and cost avoidance for one scenario."""

    schema_version: str = SCHEMA_VERSION
    scenario: ScenarioSummary
    price_year: str | None = Field(
        description="The price year of every figure; null when lines keep their own."
    )
    price_indices: list[IndexSummary]
    tables: list[TableSummary]
    avoided_births: AvoidedBirths
    immediate: Period
    horizon: Period
    by_year: list[YearAmounts]
    lines: list[LineResult]
    programme: Programme
    published: PublishedComparison | None
    flags: list[Flag]
