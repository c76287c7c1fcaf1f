"""The economic case's part of an estimate: cohorts, cash by financial year, funders, present
values, the gross-to-net bridge, the evaluation's route and the scale of need.

Each part is null (or empty) where the scenario does not ask for it, so an estimate of a
scenario that gives none of these inputs carries the figures it always did.
"""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from pause_cost.model.base import Source
from pause_cost.model.economics import FunderKind
from pause_cost.results.base import Exact, result
from pause_cost.results.business_case import BusinessCaseResult
from pause_cost.results.headline import Headline

Basis = Literal["financial_year", "year_after_birth"]
"""What a period is: a council financial year (a calendar is given), or a year after each
avoided birth (Pause's own convention: year 1 is the year after the birth)."""


@result
class CohortResult:
    name: str
    start: Annotated[str | None, Field(description="The month the cohort starts, YYYY-MM.")]
    women_open: int
    birth_rate_per_woman_per_year: Annotated[
        Exact | None, Field(description="Null where the cohort gives a published count.")
    ]
    expected_births_exact: Annotated[
        Exact, Field(description="women x rate x window years, or the published count given.")
    ]
    expected_births_counted: Annotated[Exact, Field(description="As the scenario counts them.")]
    observed_births: Annotated[
        Exact | None, Field(description="Births on the programme that happened anyway.")
    ]
    avoided_births: Annotated[
        Exact, Field(description="Expected (counted) less observed, never below zero.")
    ]
    source: Source
    observed_source: Source | None
    births_source: Annotated[
        Source | None,
        Field(description="Where the published count of avoided births comes from; null if none."),
    ] = None


@result
class CashYear:
    """One financial year of the budget paper's table, in the scenario's prices (real)."""

    financial_year: str
    avoided_births: Annotated[Exact, Field(description="Births avoided in the year.")]
    cashable_gbp: Exact
    internal_gbp: Exact
    total_gbp: Annotated[Exact, Field(description="The council's: cashable + internal.")]
    other_agencies_gbp: Exact
    programme_cost_gbp: Exact
    net_gbp: Annotated[Exact, Field(description="total_gbp - programme_cost_gbp.")]
    cumulative_net_gbp: Exact
    discount_year: Annotated[
        int | None, Field(description="Years from year 0 (null without discounting).")
    ]
    discount_factor: Exact | None
    present_value_net_gbp: Exact | None


@result
class NominalYear:
    """One financial year's cash in money of the day, inflated by the named index."""

    financial_year: str
    inflation_factor: Annotated[Exact, Field(description="level(year) / level(price year).")]
    forecast: Annotated[bool, Field(description="The index's level for this year is a forecast.")]
    total_gbp: Exact
    programme_cost_gbp: Exact
    net_gbp: Exact


@result
class Calendar:
    """When things happen: births spread over each cohort's window, cash by financial year."""

    window_months: int
    convention: str
    years: list[CashYear]
    programme_cost_gbp: Annotated[
        Exact, Field(description="The programme's cost summed over the financial years.")
    ] = Decimal(0)
    payback_financial_year: Annotated[
        str | None,
        Field(description="First financial year whose cumulative net is zero or more."),
    ]
    prices: Annotated[str, Field(description="'real' (the price year's prices) or 'nominal'.")]
    nominal_index: str | None
    nominal_years: list[NominalYear]


@result
class FunderPeriod:
    period: str
    cost_gbp: Exact
    savings_gbp: Exact
    net_gbp: Exact


@result
class FunderPosition:
    name: str
    kind: FunderKind | Literal["not_funding"]
    share_of_programme_cost: Exact
    cost_gbp: Annotated[Exact, Field(description="share x programme cost.")]
    savings_gbp: Annotated[Exact, Field(description="Avoided costs falling to this funder.")]
    net_gbp: Exact
    agencies: list[str]
    by_period: list[FunderPeriod]
    source: Source | None
    assumption: str | None
    return_per_pound: Annotated[
        Exact | None,
        Field(description="cost avoided / cost: its return on its own share (null: pays nothing)."),
    ] = None
    npv_gbp: Annotated[
        Exact | None,
        Field(description="PV of its cost avoided less PV of its cost (null without discounting)."),
    ] = None


@result
class Cashable:
    """The headline on cash-releasing lines only: what a budget actually gives back."""

    cost_avoided_gbp: Annotated[Exact, Field(description="Cashable lines over the horizon.")]
    net_gbp: Annotated[Exact, Field(description="Cashable cost avoided less programme cost.")]
    return_per_pound: Exact | None
    payback: Annotated[
        str | None,
        Field(description="On cashable only: a financial year on a calendar, else 'year n'."),
    ]
    payback_basis: str
    npv_gbp: Annotated[Exact | None, Field(description="Null without discounting.")]


@result
class PublicSector:
    """Every agency's avoided costs together against the whole programme cost, with payments
    between public bodies (transfers) netted out: they cancel within the public sector."""

    savings_gbp: Annotated[Exact, Field(description="All agencies' lines but transfers.")]
    transfers_gbp: Annotated[
        Exact, Field(description="Transfers netted out (the court fee a council pays HMCTS).")
    ]
    cost_gbp: Exact
    net_gbp: Exact
    return_per_pound: Exact | None
    pv_savings_gbp: Exact | None
    pv_cost_gbp: Exact | None
    npv_gbp: Exact | None
    bcr: Exact | None


@result
class Funders:
    basis: Basis
    positions: Annotated[
        list[FunderPosition],
        Field(description="Each funder, then any agencies that save but do not fund."),
    ]


@result
class Appraisal:
    """Present values on the schedule's terms, beside the undiscounted budget figures."""

    schedule: str
    schedule_title: str
    source: Source
    basis: Basis
    year_zero: Annotated[str, Field(description="Which period is year 0 (not discounted).")]
    convention: str
    benefits_gbp: Annotated[Exact, Field(description="Undiscounted: the council's avoidance.")]
    costs_gbp: Annotated[Exact, Field(description="Undiscounted programme cost.")]
    net_gbp: Exact
    pv_benefits_gbp: Exact
    pv_costs_gbp: Exact
    npv_gbp: Exact
    bcr: Annotated[Exact | None, Field(description="PV benefits / PV costs; null if no cost.")]
    pv_other_agencies_gbp: Annotated[
        Exact, Field(description="Present value of other agencies' avoidance, not in benefits.")
    ]


@result
class BridgeStep:
    name: str
    factor: Annotated[
        Exact,
        Field(
            description="What the running figure is multiplied by (for the removal share and "
            "postponement, which act on the lines: what they leave of it, to 6 places)."
        ),
    ]
    change_gbp: Exact
    after_gbp: Exact
    source: Source | None
    assumption: str | None


@result
class MovedCost:
    """Part of a postponed birth's costs, moved later: every line's cost per birth (after the
    removal share) x ``part``, falling ``years`` years later than the line's own years."""

    years: int
    part: Annotated[
        Exact, Field(description="Minus the postponed share x the part of a year's cost moved.")
    ]


@result
class Bridge:
    """Gross avoidance over the horizon, each adjustment, and the net the figures show."""

    gross_gbp: Exact
    steps: list[BridgeStep]
    net_gbp: Exact
    factor: Annotated[
        Exact,
        Field(
            description="Births costed per birth counted: the product of the factors of the "
            "steps that act on births (the removal share and postponement act on the lines)."
        ),
    ]
    share_of_gross: Annotated[
        Exact,
        Field(description="Net as a share of gross, to 6 places (1 where gross is 0)."),
    ] = Decimal(1)
    line_factors: Annotated[
        list[Exact],
        Field(
            description="With a removal share, per line in the estimate's order: the share "
            "where the line falls at or after the removal decision, else 1; empty without one."
        ),
    ] = field(default_factory=list)
    moved: Annotated[
        list[MovedCost],
        Field(description="With a postponement, how a postponed birth's costs move later."),
    ] = field(default_factory=list)


@result
class Route:
    name: str
    counts: str
    units: Annotated[Exact, Field(description="Births avoided, or fewer infant care entries.")]
    avoided_gbp: Annotated[Exact, Field(description="Council's avoidance over the horizon.")]
    programme_cost_gbp: Exact | None
    return_per_pound: Exact | None
    source: Source
    span_months: Annotated[
        Exact | None, Field(description="Months from the start the route's effect is counted.")
    ] = None
    practice_years: Annotated[
        Exact | None, Field(description="The evaluation's: practices x years open.")
    ] = None
    cost_per_practice_year_gbp: Annotated[
        Exact | None, Field(description="Programme cost / (practices x years it runs).")
    ] = None


@result
class Routes:
    """The per-woman route beside the evaluation's per-practice route."""

    per_woman: Route
    evaluation: Route
    ratio: Annotated[
        Exact | None, Field(description="Evaluation route's avoidance / per-woman route's.")
    ]
    published_return_per_pound: Exact | None
    published_return_years: Exact | None
    note: str


@result
class Scale:
    """Eligible women against a practice's capacity, at the scenario's economics."""

    eligible_women: int
    children_removed: int | None
    capacity_women_per_practice: int
    practice_cohorts_needed: Annotated[
        int, Field(description="ceil(eligible women / capacity): practices running one cohort.")
    ]
    avoided_births: Exact
    avoided_gbp: Exact
    programme_cost_gbp: Annotated[
        Exact | None, Field(description="Cost per practice-cohort x practice-cohorts needed.")
    ]
    net_gbp: Exact | None
    source: Source
    basis: Annotated[
        str, Field(description="How births at scale were found: the rate, or a count per woman.")
    ] = ""
    note: Annotated[
        str, Field(description="What the figures are: an undated, undiscounted illustration.")
    ] = ""
    avoided_rounded_gbp: Annotated[
        Exact | None, Field(description="avoided_gbp to the nearest £1,000, as shown.")
    ] = None
    programme_cost_rounded_gbp: Annotated[
        Exact | None, Field(description="programme_cost_gbp to the nearest £1,000, as shown.")
    ] = None
    net_rounded_gbp: Annotated[
        Exact | None, Field(description="net_gbp to the nearest £1,000, as shown.")
    ] = None


@result
class ExPost:
    """The forecast beside the forecast less births observed on the programme (ex-post).

    The ``outturn_*`` keys keep their names for scripts; what they hold is not an outturn (the
    births the women would have had are never observed) but the forecast less the births
    observed, and every output labels them so."""

    forecast_births: Exact
    observed_births: Exact
    outturn_births: Annotated[
        Exact, Field(description="Forecast less births observed (never below 0); not an outturn.")
    ]
    forecast_total_gbp: Exact
    outturn_total_gbp: Annotated[
        Exact, Field(description="The council's avoidance for the forecast less births observed.")
    ]


@result
class CostFactor:
    period: str
    factor: Annotated[Exact, Field(description="What the cost there is multiplied by.")]


@result
class PriceBase:
    """The prices every figure is in, and how the programme's cost was brought to them."""

    price_year: Annotated[
        str | None,
        Field(description="The unit costs' one price year; null where lines are in several."),
    ]
    cost_prices: Annotated[
        str, Field(description="How the programme cost states its prices: cash, real, not stated.")
    ]
    cost_price_year: Annotated[str | None, Field(description="For a real cost, its price year.")]
    deflator: Annotated[str | None, Field(description="The index that converts the cost.")]
    factors: Annotated[
        list[CostFactor],
        Field(description="Per period: level(price year) / level(period), or of its price year."),
    ]
    statement: Annotated[str, Field(description="The price base in words, shown beside PVs.")]
    one_base: Annotated[
        bool,
        Field(
            description="Whether the cost and the cost avoided are in one price year; false where "
            "the cost states no prices, is cash in years not known, or the lines are in "
            "several (net and the ratio then mix prices, and say so beside them)."
        ),
    ] = True


@result
class Economics:
    """The economic case; every part null or empty where the scenario does not ask for it."""

    cohorts: list[CohortResult]
    timing: Annotated[Basis, Field(description="The basis of payback and present values.")]
    calendar: Calendar | None
    funders: Funders | None
    appraisal: Appraisal | None
    bridge: Bridge | None
    routes: Routes | None
    scale: Scale | None
    ex_post: ExPost | None
    price_base: PriceBase | None = None
    public_sector: PublicSector | None = None
    cashable: Cashable | None = None
    business_case: Annotated[
        BusinessCaseResult | None,
        Field(description="The finance officer's case; null without a programme cost."),
    ] = None
    headline: Annotated[
        Headline | None,
        Field(description="Whose view the headline takes, and what its tables leave out."),
    ] = None
