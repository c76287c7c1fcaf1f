"""The whole case compiled once per scenario: everything an evaluation reads but never changes.

Compiling walks the scenario and its tables once: which years each line falls in (a lines x
horizon matrix of 0 and 1), each line's class and agency, each cohort's timing weights from
year after birth to financial year, the periods of the cash flow, the programme cost's shape
over them, the discount factors by period, the funders' lines and shares, and the bridge's
steps by path. An evaluation (:mod:`pause_cost.core.case`) then only multiplies and adds, once
exactly and once on arrays of draws, with the same functions.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, get_args

from pause_cost.core import formulas, timing
from pause_cost.core.by_line import ByLine as ByLine
from pause_cost.core.by_line import bridge_steps, by_line_of
from pause_cost.core.by_line import delay_shifts as delay_shifts
from pause_cost.core.cohorts import PlannedCohort, cohorts, counting_years, window_months
from pause_cost.core.discounting import rates_by_year
from pause_cost.core.funding import COUNCIL, FunderLines, Matrix, funder_lines, public_lines
from pause_cost.core.plan import Plan
from pause_cost.core.prices import CostPrices, cost_uplift, price_cost, uplifted
from pause_cost.core.programme import (
    practices_paid_for,
    programme_cost_by_year,
    programme_years,
)
from pause_cost.model.month import Month
from pause_cost.model.scenario import ProgrammeCost, Scenario
from pause_cost.model.tables import Classification
from pause_cost.money import to_decimal

if TYPE_CHECKING:
    from pause_cost.model.discounting import DiscountSchedule
    from pause_cost.model.splice import Index

CLASSIFICATIONS: tuple[Classification, ...] = get_args(Classification)
"""cashable, internal, other_agency: the order of every class column."""

__all__ = [
    "COUNCIL",
    "ByLine",
    "Case",
    "CostShape",
    "FunderLines",
    "Matrix",
    "class_matrices",
    "compile_case",
    "falling_years",
]


@dataclass(frozen=True, slots=True)
class CostShape:
    """The programme's cost by period as ``value`` x weight (/ ``divisor``)."""

    path: str | None
    """The input that sizes it (programme_cost.total_gbp or .per_year_gbp); None: a profile."""
    value: Decimal
    """That input's value (1 for a profile, whose weights are its amounts)."""
    weights: tuple[Decimal | None, ...]
    """Per period; None where nothing falls."""
    divisor: int
    rounded: bool
    """Spread over months: the parts are rounded cumulatively, as the calendar's amounts are."""
    total_weight: Decimal
    """The programme's total is ``value`` x this (x years for a yearly cost, x practices)."""
    present: tuple[bool, ...]
    """Per period: whether the cost names it (a funder's share of it is shown there)."""
    uplift: Decimal | None = None
    """Optimism bias on costs, as the factor the cost was multiplied by (None: none)."""
    given: tuple[Decimal | None, ...] = ()
    """Per period, the weights as the cost gives them, before its prices and uplift."""


@dataclass(frozen=True, slots=True)
class Case:
    """A scenario compiled: what every evaluation of it reads."""

    plan: Plan
    cohorts: tuple[PlannedCohort, ...]
    horizon_years: int
    immediate_years: int
    classes: tuple[Matrix, ...]
    """Per class (CLASSIFICATIONS' order): (lines, horizon), 1 where a line of it falls."""
    council: Matrix
    window_years: Decimal
    rounding: bool
    timings: tuple[timing.CohortTiming, ...] | None
    """Each cohort's timing weights, on a calendar; None: years after birth."""
    cash_first: int
    """On a calendar: the calendar year the avoided cash's first financial year starts in."""
    cash_years: int
    """How many periods the avoided cash spans (the horizon, without a calendar)."""
    periods: tuple[str, ...]
    """The cash flow's periods: financial years, or 'year 1', 'year 2', ..."""
    cost: CostShape | None
    discounts: tuple[Fraction, ...] | None
    funders: tuple[FunderLines, ...]
    bridge: tuple[tuple[str, bool, Decimal], ...]
    """Each step: its path (adjustments.deadweight.share), whether it takes off, its share."""
    public: tuple[FunderLines, ...] = ()
    """With a cost: the public sector (every line but transfers, the whole cost), then the
    transfers between public bodies (a line with transfer_to: a cost to the council, not to the
    public sector)."""
    cost_prices: CostPrices | None = None
    """How the programme's cost was brought to the savings' price year (None: no cost)."""
    by_line: ByLine = field(default_factory=ByLine)
    """The removal share and postponement, which act on the lines, not the births. With a
    postponement every matrix has, after the plan's lines, one more row per line for each
    shift: the line moved that many years on, within the horizon."""

    @property
    def calendar(self) -> bool:
        return self.timings is not None


def falling_years(
    plan: Plan, include: tuple[bool, ...], years: int, moves: tuple[int, ...] = (0,)
) -> Matrix:
    """Per line, per year 1..``years`` after birth: 1 where the line is included and falls in
    that year (within the horizon), else 0; with ``moves`` after the first (0), the lines again,
    each moved that many years on (a postponed birth's costs)."""
    horizon = plan.horizon_years
    return tuple(
        tuple(
            int(
                included and line.first_year + moved <= year <= min(line.last_year + moved, horizon)
            )
            for year in range(1, years + 1)
        )
        for moved in moves
        for line, included in zip(plan.lines, include, strict=True)
    )


def class_matrices(plan: Plan, moves: tuple[int, ...] = (0,)) -> tuple[Matrix, ...]:
    """The years each line falls in, one matrix per class (cashable, internal, other
    agencies): what the case sums cost avoided by year and class over."""
    return tuple(
        falling_years(
            plan,
            tuple(line.classification == name for line in plan.lines),
            plan.horizon_years,
            moves,
        )
        for name in CLASSIFICATIONS
    )


def compile_case(
    scenario: Scenario,
    plan: Plan,
    schedule: DiscountSchedule | None = None,
    deflator: Index | None = None,
) -> Case:
    """The scenario compiled against its compiled tables (``deflator`` brings a programme cost
    in cash or at another price year to the savings' price year)."""
    planned = tuple(cohorts(scenario))
    horizon = plan.horizon_years
    lines = plan.lines

    by_line = by_line_of(scenario, plan)
    moves = (0, *(years for years, _ in by_line.shifts))

    def matrix(include: tuple[bool, ...], years: int) -> Matrix:
        return falling_years(plan, include, years, moves)

    timed = bool(planned) and all(cohort.start is not None for cohort in planned)
    timings = _timings(scenario, planned, horizon) if timed else None
    cost = scenario.programme_cost
    running = _practices(scenario)
    if timings is not None:
        cash_first = min(found.first_year for found in timings)
        cash_years = max(found.last_year for found in timings) - cash_first + 1
        first, last = cash_first, cash_first + cash_years - 1
        by_year: dict[int, Decimal] = {}
        if cost is not None:
            start, months = running_months(scenario, planned)
            by_year = _cost_weights(cost, start, months, running)
            first, last = min(first, *by_year), max(last, *by_year)
        periods = tuple(timing.label(year) for year in range(first, last + 1))
        shape = None
        if cost is not None:
            path, value, divisor, rounded = _sized(cost, start, months)
            shape = CostShape(
                path=path,
                value=value,
                weights=tuple(by_year.get(year) for year in range(first, last + 1)),
                divisor=divisor,
                rounded=rounded,
                total_weight=_total_weight(cost, running),
                present=tuple(year in by_year for year in range(first, last + 1)),
            )
    else:
        cash_first, cash_years = 0, horizon
        years = horizon if cost is None else max(programme_years(cost), horizon)
        periods = tuple(f"year {year}" for year in range(1, years + 1))
        shape = None if cost is None else _cost_by_year(cost, years, running)
    prices = None
    if cost is not None and shape is not None:
        shape = replace(shape, given=shape.weights)
        shape, prices = price_cost(cost, shape, plan, deflator, periods, timings is not None)
        shape = uplifted(shape, cost_uplift(scenario))
    discounts = None
    if schedule is not None:
        discounts = tuple(
            formulas.discount_factors(
                [Fraction(rate) for rate in rates_by_year(schedule, len(periods) - 1)],
                Fraction(1),
            )
        )
    return Case(
        plan=plan,
        cohorts=planned,
        horizon_years=horizon,
        immediate_years=plan.immediate_years,
        classes=class_matrices(plan, moves),
        council=matrix(tuple(line.classification in COUNCIL for line in lines), horizon),
        window_years=counting_years(scenario),
        rounding=scenario.avoided_births_counting == "round_half_up",
        timings=timings,
        cash_first=cash_first,
        cash_years=cash_years,
        periods=periods,
        cost=shape,
        discounts=discounts,
        funders=funder_lines(scenario, plan, matrix),
        bridge=tuple(
            (f"adjustments.{name}.share", takes_off, to_decimal(adjustment.share))
            for name, takes_off, adjustment in bridge_steps(scenario)
        ),
        cost_prices=prices,
        public=() if cost is None else public_lines(plan, matrix),
        by_line=by_line,
    )


def _practices(scenario: Scenario) -> int:
    return scenario.practice.practices if scenario.practice is not None else 1


def whole_months(scenario: Scenario) -> int:
    """The window in whole months (a calendar spreads births over whole months)."""
    months = window_months(scenario)
    if months != months.to_integral_value():
        raise ValueError(
            f"a calendar spreads births over whole months; the window is {months} months"
        )
    return int(months)


def _timings(
    scenario: Scenario, planned: tuple[PlannedCohort, ...], horizon: int
) -> tuple[timing.CohortTiming, ...]:
    months = whole_months(scenario)
    gestation = int(to_decimal(scenario.pause_window.gestation_months))
    found = []
    for cohort in planned:
        assert cohort.start is not None
        if cohort.profile is not None:
            found.append(timing.cohort_timing(cohort.start, months, horizon, cohort.profile))
            continue
        weights = timing.births_after_gestation(
            gestation, months - gestation, cohort.ramp_up_months
        )
        found.append(timing.timing_from_weights(cohort.start, weights, horizon))
    return tuple(found)


def running_months(scenario: Scenario, planned: tuple[PlannedCohort, ...]) -> tuple[Month, int]:
    """The programme's first month and how many months it runs (first start to last end)."""
    starts = [cohort.start for cohort in planned if cohort.start is not None]
    programme_months = to_decimal(scenario.pause_window.programme_months)
    if programme_months != programme_months.to_integral_value():
        raise ValueError("a calendar needs programme_months in whole months")
    first, last = min(starts), max(starts)
    span = (last.year - first.year) * 12 + last.month - first.month
    return first, span + int(programme_months)


def _cost_weights(
    cost: ProgrammeCost, start: Month, months: int, practices: int
) -> dict[int, Decimal]:
    """By financial year (the calendar year it starts in), the weight the cost's value is
    multiplied by there: a profile's amounts in the years it names; a total spread evenly over
    the months the programme runs (the first cohort's start to the last cohort's end); a
    yearly cost a twelfth a month for ``years`` x 12 months from the programme's start."""
    times = practices_paid_for(cost, practices)
    if cost.profile is not None:
        return {
            timing.financial_year_start(year.financial_year): to_decimal(year.amount_gbp) * times
            for year in cost.profile
        }
    _sized(cost, start, months)  # refuses a yearly cost that is not whole months
    if cost.total_gbp is None:
        assert cost.years is not None
        months = int(to_decimal(cost.years) * 12)
    return {
        year: Decimal(count) * times
        for year, count in timing.months_by_financial_year(start, months)
    }


def _sized(cost: ProgrammeCost, start: Month, months: int) -> tuple[str | None, Decimal, int, bool]:
    """The input that sizes the cost, its value, the divisor of its weights, and whether the
    parts are rounded (a spread over months)."""
    if cost.profile is not None:
        return None, Decimal(1), 1, False
    if cost.total_gbp is not None:
        return "programme_cost.total_gbp", to_decimal(cost.total_gbp), months, True
    assert cost.per_year_gbp is not None
    assert cost.years is not None
    cost_months = to_decimal(cost.years) * 12
    if cost_months != cost_months.to_integral_value():
        raise ValueError("with a calendar, programme_cost years must come to whole months")
    return "programme_cost.per_year_gbp", to_decimal(cost.per_year_gbp), 12, True


def _total_weight(cost: ProgrammeCost, practices: int) -> Decimal:
    """What the cost's value is multiplied by to give the programme's total
    (:func:`pause_cost.core.programme.programme_total`)."""
    times = practices_paid_for(cost, practices)
    if cost.profile is not None:
        return sum((to_decimal(year.amount_gbp) for year in cost.profile), Decimal(0)) * times
    if cost.total_gbp is not None:
        return times
    assert cost.years is not None
    return to_decimal(cost.years) * times


def _cost_by_year(cost: ProgrammeCost, years: int, practices: int) -> CostShape:
    """Without a calendar: years 1, 2, ... (see :func:`programme_cost_by_year`)."""
    total = _total_weight(cost, practices)
    everywhere = (True,) * years
    if cost.profile is not None:
        amounts = programme_cost_by_year(cost, years, practices)
        return CostShape(None, Decimal(1), tuple(amounts), 1, False, total, everywhere)
    times = practices_paid_for(cost, practices)
    if cost.total_gbp is not None:
        first: tuple[Decimal | None, ...] = (times,)
        return CostShape(
            "programme_cost.total_gbp",
            to_decimal(cost.total_gbp),
            first + (None,) * (years - 1),
            1,
            False,
            total,
            everywhere,
        )
    assert cost.per_year_gbp is not None
    assert cost.years is not None
    remaining = to_decimal(cost.years)
    weights: list[Decimal | None] = []
    for _ in range(years):
        share = min(Decimal(1), remaining)
        weights.append(share * times if share > 0 else None)
        remaining -= share if share > 0 else 0
    return CostShape(
        "programme_cost.per_year_gbp",
        to_decimal(cost.per_year_gbp),
        tuple(weights),
        1,
        False,
        total,
        everywhere,
    )
