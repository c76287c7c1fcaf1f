"""The result of an estimate, whose JSON dump is the published contract.

Plain frozen dataclasses, not pydantic models: an estimate is built from inputs already
validated, so it needs no validation, and every model class on ``estimate``'s path costs
start-up time. The field annotations carry the descriptions and JSON forms that
``pause-cost schema estimate`` publishes (pydantic reads them only when asked for the schema).

Money is carried unrounded (exact decimals inside Python, plain numbers in JSON); renderers
round each displayed figure from its own exact value.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from pause_cost.model.base import Source
from pause_cost.model.scenario import Counting
from pause_cost.model.tables import Classification, Nation, Stage
from pause_cost.results.base import Exact, result
from pause_cost.results.economics import Economics

SCHEMA_VERSION = "2"
"""2: adds ``economics`` (cohorts, calendar, funders, present values, bridge, routes, scale),
``avoided_births.observed``/``costed``; ``birth_rate_per_woman_per_year`` is null when
cohorts differ. Since added (keys only, none changed): ``scenario.persistence_months``,
``avoided_births.factor``, each ``by_year``'s ``programme_cost_gbp``/``net_gbp``/
``cumulative_net_gbp``, ``by_stage``, ``economics.calendar.programme_cost_gbp``, each flag's
``prominent`` and each published check's ``source`` (a claim's own): the figures the page
and the workbook show, so no renderer adds them up; ``economics.headline`` (whose view, and
what the tables leave out), ``economics.price_base.one_base``, the scale's ``basis``, ``note``
and ``*_rounded_gbp``, and each cohort's ``births_source`` (a published count). Each cohort's
``birth_rate_per_woman_per_year`` is null where it gives a published count."""


@result
class ScenarioSummary:
    """The inputs that determine the answer, echoed so a reader can check them."""

    name: str
    title: str | None
    council: str
    nation: Annotated[
        Nation | None, Field(description="The UK nation the council is in; null if not stated.")
    ]
    notes: Annotated[str | None, Field(description="The scenario's own notes, as written.")]
    women_open: Annotated[int, Field(description="Women open, all cohorts together.")]
    birth_rate_per_woman_per_year: Annotated[
        Exact | None, Field(description="The cohorts' birth rate; null if they differ.")
    ]
    programme_months: Exact
    gestation_months: Exact
    window_years: Annotated[
        Exact, Field(description="(programme + gestation (+ persistence) months) / 12.")
    ]
    persistence_months: Annotated[
        Exact,
        Field(description="Months the pause is assumed to last beyond the window (0 if none)."),
    ] = Decimal(0)
    avoided_births_counting: Counting
    immediate_years: int
    horizon_years: int
    unit_costs: list[str]
    cohort_source: Source


@result
class LeftOutSummary:
    """Part of the journey a table does not cost, and why (as the table says)."""

    item: str
    reason: str


@result
class CoverageSummary:
    """What a table's journey covers and leaves out, as the table states it."""

    stages: Annotated[list[str], Field(description="The stages the table says its lines cost.")]
    left_out: Annotated[
        list[LeftOutSummary],
        Field(description="What the table says it does not cost, each with its reason."),
    ]


@result
class TableSummary:
    name: str
    title: str
    edition: str | None
    lines: int
    price_years: list[str]
    nation: Annotated[
        Nation | None,
        Field(description="The nation whose costs the table states it holds; null if unstated."),
    ] = None
    coverage: Annotated[
        CoverageSummary | None,
        Field(
            description="The stages it costs and what it leaves out; null where the table "
            "does not say (its lines' stages are then all that is known)."
        ),
    ] = None


@result
class IndexSummary:
    """A price index used to state every figure in one price year."""

    name: str
    title: str
    first_year: str
    last_year: str
    source: Source
    spliced_from: Annotated[
        list[str],
        Field(description="For a splice, the indices it joins, in time order; else empty."),
    ]
    joins: Annotated[
        list[str], Field(description="For a splice, the years where one index hands over.")
    ]
    forecast_from: Annotated[
        str | None, Field(description="The index's first forecast year; null if all outturn.")
    ] = None


@result
class AvoidedBirths:
    exact: Annotated[Exact, Field(description="women x birth rate x window years.")]
    counted: Annotated[
        Exact,
        Field(
            description="Births avoided: exact, or each cohort's rounded half up, less any "
            "observed on the programme."
        ),
    ]
    counting: Counting
    convention: Annotated[
        str,
        Field(
            description="The counting convention, named: Pause's (rate x programme + gestation "
            "months) or the conception window (rate x programme months)."
        ),
    ] = ""
    observed: Annotated[
        Exact, Field(description="Births observed on the programme, netted off (0 if none).")
    ] = Decimal(0)
    costed: Annotated[
        Exact | None,
        Field(description="counted x the bridge's adjustments; null when none is applied."),
    ] = None
    factor: Annotated[
        Exact,
        Field(
            description="The bridge's adjustments multiplied: costed = counted x this (1 if none)."
        ),
    ] = Decimal(1)


@result
class Amounts:
    cashable_gbp: Exact
    internal_gbp: Exact
    total_gbp: Annotated[Exact, Field(description="The council's: cashable + internal.")]
    other_agencies_gbp: Annotated[
        Exact,
        Field(description="Avoided by other agencies (courts, NHS, police...); not in total_gbp."),
    ]


@result
class Period(Amounts):
    years: Annotated[int, Field(description="Years 1 to this, after the avoided births.")]


@result
class YearAmounts(Amounts):
    year: int
    programme_cost_gbp: Annotated[
        Exact, Field(description="The programme's cost in this year (0 if none given).")
    ] = Decimal(0)
    net_gbp: Annotated[Exact, Field(description="total_gbp - programme_cost_gbp.")] = Decimal(0)
    cumulative_net_gbp: Annotated[
        Exact, Field(description="net_gbp summed over years 1 to this.")
    ] = Decimal(0)


@result
class StageAmounts(Amounts):
    """The lines of one stage of the journey into care, added over the horizon."""

    stage: Stage


@result
class LineResult:
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
    per_avoided_birth_per_year_gbp: Annotated[
        Exact,
        Field(
            description="amount x quantity x share: the line's cost per avoided birth in each "
            "year it falls in."
        ),
    ]
    immediate_gbp: Exact
    horizon_gbp: Exact
    source: Source
    price_year: Annotated[
        str, Field(description="The price year of amount_gbp, as its source states it.")
    ]
    price_index: Annotated[
        str | None, Field(description="The index that uprated it; null if none.")
    ]
    uprating_factor: Annotated[
        Exact,
        Field(
            description="amount_gbp x this = the amount in the estimate's price year (1 if none)."
        ),
    ]
    derivation: str | None
    assumption: str | None
    fee_in_force_from: Annotated[
        str | None,
        Field(
            description="For a statutory fee: the day the fee used (amount_gbp) came into "
            "force; a fee is taken as in force in the price year, not uprated. Null otherwise."
        ),
    ] = None
    override: Annotated[
        str | None,
        Field(description="Why the scenario replaced this line's share, quantity or years."),
    ] = None


@result
class Programme:
    """What the practice costs, and what the avoidance is worth net of it (nulls if unknown)."""

    cost_gbp: Exact | None
    net_gbp: Annotated[Exact | None, Field(description="Horizon total minus programme cost.")]
    return_per_pound: Annotated[Exact | None, Field(description="Horizon total per pound of cost.")]
    payback_year: Annotated[
        int | None,
        Field(
            description="First year whose cumulative avoidance covers cumulative cost; null if "
            "none within the horizon or no cost given."
        ),
    ]
    cost_by_year_gbp: list[Exact]
    source: Source | None


@result
class PublishedCheck:
    figure: str
    published: Exact
    estimated: Annotated[Exact, Field(description="Unrounded.")]
    difference: Annotated[
        Exact,
        Field(
            description="Estimated, rounded as published (whole pounds or births), minus published."
        ),
    ]
    source: Annotated[
        Source | None, Field(description="A claim's own source; null: the comparison's.")
    ] = None


@result
class PublishedComparison:
    source: Source
    checks: list[PublishedCheck]
    price_year: Annotated[
        str | None,
        Field(
            description="The price year the published sums of money are in: as the scenario "
            "states it, else the unit costs' own where every line states one; null: not known."
        ),
    ] = None
    deflated_by: Annotated[
        Exact | None,
        Field(
            description="Where the estimate is in another price year: each estimated sum of "
            "money divided by this (the one factor that uprated the lines stated in the "
            "published price year) before comparing; null: compared as estimated."
        ),
    ] = None
    prices: Annotated[
        str | None,
        Field(
            description="How the comparison deals with price years, in words; null where "
            "the estimate is in the published figures' price year."
        ),
    ] = None


PROMINENT = frozenset(
    (
        "what_if",
        "overlapping_tables",
        "nation_mismatch",
        "programme_cost_prices_unstated",
        "programme_cost_cash_not_converted",
    )
)
"""Flags that put a figure in doubt as a whole: outputs show them before the figures."""


@result
class Flag:
    """Something a reader must see before relying on the figures.

    Its prominence follows from its code wherever it is raised (the engine, a what-if, a
    comparison), so every output agrees on which flags come before the figures.
    """

    code: str
    message: str
    lines: Annotated[list[str], Field(description="table/id of lines concerned.")] = field(
        default_factory=list
    )
    prominent: Annotated[
        bool,
        Field(description="Puts the figures in doubt as a whole: outputs show it before them."),
    ] = False

    def __post_init__(self) -> None:
        self.prominent = self.prominent or self.code in PROMINENT


@result
class Estimate:
    """Avoided births and cost avoidance for one scenario."""

    schema_version: str = SCHEMA_VERSION
    scenario: ScenarioSummary
    price_year: Annotated[
        str | None,
        Field(description="The price year of every figure; null when lines keep their own."),
    ]
    price_indices: list[IndexSummary]
    tables: list[TableSummary]
    avoided_births: AvoidedBirths
    immediate: Period
    horizon: Period
    by_year: list[YearAmounts]
    lines: list[LineResult]
    by_stage: Annotated[
        list[StageAmounts],
        Field(description="The horizon's figures of the lines added by stage, in journey order."),
    ] = field(default_factory=list)
    programme: Programme
    published: PublishedComparison | None
    economics: Economics
    flags: list[Flag]
