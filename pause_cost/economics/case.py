"""The economic case: cash by financial year, funders' positions, present values, the
gross-to-net bridge, the evaluation's route and the scale of need, from one compiled plan.

Every part is built only where the scenario asks for it. The figures come from the same
plan the estimate sums (each line's cost per avoided birth per year), so a financial-year
table adds up to the horizon total, and the funders' savings to the council's total plus
other agencies'.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from pause_cost.core import timing
from pause_cost.core.cohorts import PlannedCohort, count, window_months, window_years
from pause_cost.core.plan import Plan, PlannedLine
from pause_cost.core.programme import (
    practices_paid_for,
    programme_cost_by_year,
    programme_total,
    programme_years,
)
from pause_cost.core.timing import CohortTiming, cohort_timing
from pause_cost.model.scenario import ProgrammeCost, Scenario
from pause_cost.money import to_decimal
from pause_cost.results.economics import (
    Appraisal,
    Basis,
    Bridge,
    BridgeStep,
    Calendar,
    CashYear,
    CohortResult,
    Economics,
    ExPost,
    FunderPeriod,
    FunderPosition,
    Funders,
    NominalYear,
    Route,
    Routes,
    Scale,
)
from pause_cost.results.estimate import Programme, YearAmounts

if TYPE_CHECKING:  # these load only where a scenario asks for what they do
    from pause_cost.model.discounting import DiscountSchedule
    from pause_cost.model.month import Month
    from pause_cost.model.splice import Index

ZERO = Decimal(0)
COUNCIL = frozenset(("cashable", "internal"))

CALENDAR_CONVENTION = (
    "Avoided births are spread evenly over the months of each cohort's window from its start "
    "(or by its birth profile); year y after a birth is the 12 months from the birth's month "
    "+ 12(y - 1), its cost spread evenly over them; financial years run April to March."
)
PER_BIRTH_CONVENTION = (
    "Year 1 is the first year after each avoided birth, all births and the programme's first "
    "year of cost placed together (Pause's own convention): no calendar is given."
)
DISCOUNT_CONVENTION = (
    "Real terms at the scenario's price year; an amount in year t is discounted by t full "
    "years, at the rate of the band each year falls in, compounded; no mid-year adjustment."
)
ROUTE_NOTE = (
    "The routes count different things: the per-woman route counts births the women on the "
    "programme would have had; the evaluation's route counts fewer infants (under 12 months) "
    "entering care in the whole area. Both are costed per child with the same tables, gross of "
    "any adjustments in the bridge."
)


@dataclass(frozen=True, slots=True)
class Setting:
    """What the case reads besides the scenario: loaded files and the estimate's figures."""

    plan: Plan
    cohorts: Sequence[PlannedCohort]
    factor: Decimal
    by_year: Sequence[YearAmounts]
    programme: Programme
    practices: int
    schedule: DiscountSchedule | None = None
    nominal_index: Index | None = None


def per_birth_by_year(plan: Plan, include: Callable[[PlannedLine], bool]) -> list[Decimal]:
    """What one avoided birth costs in each year 1..horizon, summed over the lines included."""
    by_year = [ZERO] * plan.horizon_years
    for planned in plan.lines:
        if include(planned):
            for year in range(planned.first_year, min(planned.last_year, plan.horizon_years) + 1):
                by_year[year - 1] += planned.per_birth_per_year_gbp
    return by_year


def _is_class(classification: str) -> Callable[[PlannedLine], bool]:
    return lambda planned: planned.classification == classification


def _is_council(planned: PlannedLine) -> bool:
    return planned.classification in COUNCIL


def economics(scenario: Scenario, setting: Setting) -> Economics:
    """The case's parts the scenario asks for; the rest null."""
    timed = all(cohort.start is not None for cohort in setting.cohorts)
    basis: Basis = "financial_year" if timed else "year_after_birth"
    spread = _timed(scenario, setting) if timed else []
    cal = _calendar(scenario, setting, spread) if timed else None
    return Economics(
        cohorts=[_cohort_result(cohort) for cohort in setting.cohorts],
        timing=basis,
        calendar=cal,
        funders=_funders(scenario, setting, spread, basis),
        appraisal=_appraisal(scenario, setting, cal, basis),
        bridge=_bridge(scenario, setting),
        routes=_routes(scenario, setting),
        scale=_scale(scenario, setting),
        ex_post=_ex_post(setting),
    )


def _cohort_result(cohort: PlannedCohort) -> CohortResult:
    return CohortResult(
        name=cohort.name,
        start=None if cohort.start is None else str(cohort.start),
        women_open=cohort.women_open,
        birth_rate_per_woman_per_year=cohort.birth_rate_per_woman_per_year,
        expected_births_exact=cohort.expected_exact,
        expected_births_counted=cohort.expected_counted,
        observed_births=None if cohort.observed is None else cohort.observed_births,
        avoided_births=cohort.avoided,
        source=cohort.source,
        observed_source=None if cohort.observed is None else cohort.observed.source,
    )


# --- the calendar -------------------------------------------------------------------------


def _whole_months(scenario: Scenario) -> int:
    months = window_months(scenario)
    if months != months.to_integral_value():
        raise ValueError(
            f"a calendar spreads births over whole months; the window is {months} months"
        )
    return int(months)


def _timed(scenario: Scenario, setting: Setting) -> list[tuple[CohortTiming, Decimal]]:
    """Every cohort's timing weights (compiled once) and its births costed (after the
    bridge's adjustments)."""
    months = _whole_months(scenario)
    found = []
    for cohort in setting.cohorts:
        assert cohort.start is not None
        weights = cohort_timing(cohort.start, months, setting.plan.horizon_years, cohort.profile)
        found.append((weights, cohort.avoided * setting.factor))
    return found


def running_months(scenario: Scenario, cohorts: Sequence[PlannedCohort]) -> tuple[Month, int]:
    """The programme's first month and how many months it runs (first start to last end)."""
    starts = [cohort.start for cohort in cohorts if cohort.start is not None]
    programme_months = to_decimal(scenario.pause_window.programme_months)
    if programme_months != programme_months.to_integral_value():
        raise ValueError("a calendar needs programme_months in whole months")
    first, last = min(starts), max(starts)
    span = (last.year - first.year) * 12 + last.month - first.month
    return first, span + int(programme_months)


def programme_by_financial_year(
    cost: ProgrammeCost, first: Month, months: int, practices: int
) -> dict[str, Decimal]:
    """The programme's cost by financial year.

    A profile's amounts fall in the years it names; a yearly cost runs a twelfth a month for
    ``years`` x 12 months from the programme's start; a total is spread evenly over the months
    the programme runs (the first cohort's start to the last cohort's end).
    """
    from pause_cost.economics import calendar

    times = practices_paid_for(cost, practices)
    if cost.profile is not None:
        return {year.financial_year: to_decimal(year.amount_gbp) * times for year in cost.profile}
    if cost.total_gbp is not None:
        return calendar.spread_amount(first, to_decimal(cost.total_gbp) * times, months)
    assert cost.per_year_gbp is not None
    assert cost.years is not None
    cost_months = to_decimal(cost.years) * 12
    if cost_months != cost_months.to_integral_value():
        raise ValueError("with a calendar, programme_cost years must come to whole months")
    total = to_decimal(cost.per_year_gbp) * times * to_decimal(cost.years)
    return calendar.spread_amount(first, total, int(cost_months))


def _calendar(
    scenario: Scenario, setting: Setting, spread: Sequence[tuple[CohortTiming, Decimal]]
) -> Calendar:
    from pause_cost.economics import calendar

    plan = setting.plan
    columns = {
        classification: timing.cash_by_financial_year(
            spread, per_birth_by_year(plan, _is_class(classification))
        )
        for classification in ("cashable", "internal", "other_agency")
    }
    births = timing.births_by_financial_year(spread)
    cost: dict[str, Decimal] = {}
    if scenario.programme_cost is not None:
        first, months = running_months(scenario, setting.cohorts)
        cost = programme_by_financial_year(
            scenario.programme_cost, first, months, setting.practices
        )
    council = {
        label: columns["cashable"].get(label, ZERO) + columns["internal"].get(label, ZERO)
        for label in columns["cashable"]
    }
    rows = calendar.cash_flow(council, cost)
    from pause_cost.core.discounting import discount_factor

    schedule = setting.schedule
    years: list[CashYear] = []
    for offset, row in enumerate(rows):
        factor = None if schedule is None else discount_factor(schedule, offset)
        label = row.financial_year
        years.append(
            CashYear(
                financial_year=label,
                avoided_births=births.get(label, ZERO),
                cashable_gbp=columns["cashable"].get(label, ZERO),
                internal_gbp=columns["internal"].get(label, ZERO),
                total_gbp=row.avoided_gbp,
                other_agencies_gbp=columns["other_agency"].get(label, ZERO),
                programme_cost_gbp=row.cost_gbp,
                net_gbp=row.net_gbp,
                cumulative_net_gbp=row.cumulative_net_gbp,
                discount_year=None if schedule is None else offset,
                discount_factor=factor,
                present_value_net_gbp=None if factor is None else row.net_gbp * factor,
            )
        )
    nominal = _nominal(scenario, setting, years)
    return Calendar(
        window_months=_whole_months(scenario),
        convention=CALENDAR_CONVENTION,
        years=years,
        payback_financial_year=(
            calendar.payback_financial_year(rows) if scenario.programme_cost else None
        ),
        prices="real" if setting.nominal_index is None else "nominal",
        nominal_index=None if setting.nominal_index is None else setting.nominal_index.name,
        nominal_years=nominal,
    )


def _nominal(scenario: Scenario, setting: Setting, years: Sequence[CashYear]) -> list[NominalYear]:

    index = setting.nominal_index
    if index is None or scenario.nominal_cash is None:
        return []
    price_year = setting.plan.price_year
    assert price_year is not None  # the loader asks nominal_cash for a price_year
    forecast_from = index.forecast_from
    rows = []
    for year in years:
        if not index.covers(year.financial_year):
            continue  # flagged: beyond the index, the year's cash is left real
        inflation = index.factor(price_year, year.financial_year)
        rows.append(
            NominalYear(
                financial_year=year.financial_year,
                inflation_factor=inflation,
                forecast=forecast_from is not None
                and timing.financial_year_start(year.financial_year)
                >= timing.financial_year_start(forecast_from),
                total_gbp=year.total_gbp * inflation,
                programme_cost_gbp=year.programme_cost_gbp * inflation,
                net_gbp=year.net_gbp * inflation,
            )
        )
    return rows


# --- funders ------------------------------------------------------------------------------


def _funders(
    scenario: Scenario,
    setting: Setting,
    spread: Sequence[tuple[CohortTiming, Decimal]],
    basis: Basis,
) -> Funders | None:
    if scenario.funders is None or scenario.programme_cost is None:
        return None
    plan = setting.plan
    claimed = {agency for funder in scenario.funders for agency in funder.agencies}
    has_council = any(funder.kind == "council" for funder in scenario.funders)
    cost_by_period = _cost_by_period(scenario, setting, basis)
    positions = []
    for funder in scenario.funders:
        agencies = frozenset(funder.agencies)
        takes_council = funder.kind == "council"

        def include(
            planned: PlannedLine, agencies: frozenset[str] = agencies, council: bool = takes_council
        ) -> bool:
            return (council and _is_council(planned)) or (
                planned.classification == "other_agency" and planned.line.agency in agencies
            )

        share = to_decimal(funder.share_of_programme_cost)
        positions.append(
            _position(
                name=funder.name,
                kind=funder.kind,
                share=share,
                agencies=list(funder.agencies),
                savings=_savings_by_period(setting, spread, basis, include),
                cost={period: amount * share for period, amount in cost_by_period.items()},
                source=funder.source,
                assumption=funder.assumption,
            )
        )
    unclaimed = sorted(
        {
            planned.line.agency
            for planned in plan.lines
            if planned.classification == "other_agency" and planned.line.agency not in claimed
        }
    )
    if unclaimed or not has_council:

        def others(planned: PlannedLine) -> bool:
            return (not has_council and _is_council(planned)) or (
                planned.classification == "other_agency" and planned.line.agency not in claimed
            )

        positions.append(
            _position(
                name="Not funding the programme",
                kind="not_funding",
                share=ZERO,
                agencies=unclaimed,
                savings=_savings_by_period(setting, spread, basis, others),
                cost={},
                source=None,
                assumption=None,
            )
        )
    return Funders(basis=basis, positions=positions)


def _cost_by_period(scenario: Scenario, setting: Setting, basis: Basis) -> dict[str, Decimal]:
    cost = scenario.programme_cost
    assert cost is not None
    if basis == "financial_year":
        first, months = running_months(scenario, setting.cohorts)
        return programme_by_financial_year(cost, first, months, setting.practices)
    return {f"year {year}": amount for year, amount in enumerate(_cost_years(scenario, setting), 1)}


def _cost_years(scenario: Scenario, setting: Setting) -> list[Decimal]:
    """Without a calendar, the programme's cost in years 1, 2, ..., every year it runs, even
    past the horizon (the horizon bounds what is avoided, not what is spent)."""
    cost = scenario.programme_cost
    if cost is None:
        return []
    years = max(programme_years(cost), len(setting.by_year))
    return programme_cost_by_year(cost, years, setting.practices)


def _savings_by_period(
    setting: Setting,
    spread: Sequence[tuple[CohortTiming, Decimal]],
    basis: Basis,
    include: Callable[[PlannedLine], bool],
) -> dict[str, Decimal]:
    per_birth = per_birth_by_year(setting.plan, include)
    if basis == "financial_year":
        return timing.cash_by_financial_year(spread, per_birth)
    births = sum((cohort.avoided for cohort in setting.cohorts), ZERO) * setting.factor
    return {f"year {year}": amount * births for year, amount in enumerate(per_birth, start=1)}


def _position(
    *,
    name: str,
    kind: str,
    share: Decimal,
    agencies: list[str],
    savings: Mapping[str, Decimal],
    cost: Mapping[str, Decimal],
    source: object,
    assumption: str | None,
) -> FunderPosition:
    periods = _ordered([*savings, *cost])
    by_period = [
        FunderPeriod(
            period=period,
            cost_gbp=cost.get(period, ZERO),
            savings_gbp=savings.get(period, ZERO),
            net_gbp=savings.get(period, ZERO) - cost.get(period, ZERO),
        )
        for period in periods
    ]
    total_cost = sum((row.cost_gbp for row in by_period), ZERO)
    total_savings = sum((row.savings_gbp for row in by_period), ZERO)
    return FunderPosition(
        name=name,
        kind=kind,  # type: ignore[arg-type]
        share_of_programme_cost=share,
        cost_gbp=total_cost,
        savings_gbp=total_savings,
        net_gbp=total_savings - total_cost,
        agencies=agencies,
        by_period=by_period,
        source=source,  # type: ignore[arg-type]
        assumption=assumption,
    )


def _ordered(periods: Sequence[str]) -> list[str]:
    """Periods in time order, each once: financial years by start, 'year n' by n."""

    def key(period: str) -> int:
        if period.startswith("year "):
            return int(period[5:])
        return timing.financial_year_start(period)

    return sorted(set(periods), key=key)


# --- present values -----------------------------------------------------------------------


def _appraisal(
    scenario: Scenario, setting: Setting, cal: Calendar | None, basis: Basis
) -> Appraisal | None:
    schedule = setting.schedule
    if schedule is None:
        return None
    from pause_cost.core.discounting import appraisal, present_value

    if cal is not None:
        benefits = [(offset, year.total_gbp) for offset, year in enumerate(cal.years)]
        costs = [(offset, year.programme_cost_gbp) for offset, year in enumerate(cal.years)]
        others = [(offset, year.other_agencies_gbp) for offset, year in enumerate(cal.years)]
        year_zero = f"{cal.years[0].financial_year}, the first financial year of the cash flow"
    else:
        benefits = [(offset, year.total_gbp) for offset, year in enumerate(setting.by_year)]
        costs = list(enumerate(_cost_years(scenario, setting)))
        others = [(offset, year.other_agencies_gbp) for offset, year in enumerate(setting.by_year)]
        year_zero = "year 1 after each avoided birth (no calendar given)"
    case = appraisal(benefits, costs, schedule)
    return Appraisal(
        schedule=schedule.name,
        schedule_title=schedule.title,
        source=schedule.source,
        basis=basis,
        year_zero=year_zero,
        convention=DISCOUNT_CONVENTION,
        benefits_gbp=case.undiscounted_benefits_gbp,
        costs_gbp=case.undiscounted_costs_gbp,
        net_gbp=case.undiscounted_net_gbp,
        pv_benefits_gbp=case.pv_benefits_gbp,
        pv_costs_gbp=case.pv_costs_gbp,
        npv_gbp=case.npv_gbp,
        bcr=case.bcr,
        pv_other_agencies_gbp=present_value(others, schedule),
    )


# --- the bridge, the routes, the scale, the outturn ---------------------------------------


def per_birth_horizon(plan: Plan) -> Decimal:
    """What one avoided birth saves the council over the horizon (cashable + internal)."""
    return sum(per_birth_by_year(plan, _is_council), ZERO)


def _births(setting: Setting) -> Decimal:
    return sum((cohort.avoided for cohort in setting.cohorts), ZERO)


def _bridge(scenario: Scenario, setting: Setting) -> Bridge | None:
    if scenario.adjustments is None or not scenario.adjustments.steps():
        return None
    gross = per_birth_horizon(setting.plan) * _births(setting)
    running = gross
    steps = []
    for name, factor, adjustment in scenario.adjustments.steps():
        after = running * factor
        steps.append(
            BridgeStep(
                name=name,
                factor=factor,
                change_gbp=after - running,
                after_gbp=after,
                source=adjustment.source,
                assumption=adjustment.assumption,
            )
        )
        running = after
    return Bridge(gross_gbp=gross, steps=steps, net_gbp=running, factor=setting.factor)


def _return(avoided: Decimal, cost: Decimal | None) -> Decimal | None:
    return None if cost is None or cost == 0 else avoided / cost


def _routes(scenario: Scenario, setting: Setting) -> Routes | None:
    route = scenario.evaluation_route
    if route is None:
        return None
    per_birth = per_birth_horizon(setting.plan)
    cost = setting.programme.cost_gbp
    births = _births(setting)  # gross of the bridge, as the evaluation's count is
    women = Route(
        name="per woman",
        counts="births the women on the programme would have had",
        units=births,
        avoided_gbp=per_birth * births,
        programme_cost_gbp=cost,
        return_per_pound=_return(per_birth * births, cost),
        source=setting.cohorts[0].source,
    )
    effect_years = max(
        ZERO, to_decimal(route.years_open) - to_decimal(route.months_before_effect) / 12
    )
    infants = (
        Decimal(route.practices) * effect_years * to_decimal(route.infants_per_practice_per_year)
    )
    evaluation = Route(
        name="evaluation",
        counts="fewer infants (under 12 months) entering care in the area",
        units=infants,
        avoided_gbp=per_birth * infants,
        programme_cost_gbp=cost,
        return_per_pound=_return(per_birth * infants, cost),
        source=route.source,
    )
    return Routes(
        per_woman=women,
        evaluation=evaluation,
        ratio=_return(evaluation.avoided_gbp, women.avoided_gbp),
        published_return_per_pound=(
            None
            if route.published_return_per_pound is None
            else to_decimal(route.published_return_per_pound)
        ),
        published_return_years=(
            None
            if route.published_return_years is None
            else to_decimal(route.published_return_years)
        ),
        note=ROUTE_NOTE,
    )


def _scale(scenario: Scenario, setting: Setting) -> Scale | None:
    need = scenario.scale_of_need
    if need is None:
        return None
    first = setting.cohorts[0]
    needed = math.ceil(Decimal(need.eligible_women) / need.capacity_women_per_practice)
    exact = (
        Decimal(need.eligible_women) * first.birth_rate_per_woman_per_year * window_years(scenario)
    )
    births = count(scenario, exact) * setting.factor
    avoided = per_birth_horizon(setting.plan) * births
    cost = None
    if scenario.programme_cost is not None:
        practice_cohorts = Decimal(setting.practices * len(setting.cohorts))
        cost = programme_total(scenario.programme_cost, setting.practices) / practice_cohorts
        cost *= needed
    return Scale(
        eligible_women=need.eligible_women,
        children_removed=need.children_removed,
        capacity_women_per_practice=need.capacity_women_per_practice,
        practice_cohorts_needed=needed,
        avoided_births=births,
        avoided_gbp=avoided,
        programme_cost_gbp=cost,
        net_gbp=None if cost is None else avoided - cost,
        source=need.source,
    )


def _ex_post(setting: Setting) -> ExPost | None:
    if all(cohort.observed is None for cohort in setting.cohorts):
        return None
    per_birth = per_birth_horizon(setting.plan) * setting.factor
    forecast = sum((cohort.expected_counted for cohort in setting.cohorts), ZERO)
    outturn = _births(setting)
    return ExPost(
        forecast_births=forecast,
        observed_births=sum((cohort.observed_births for cohort in setting.cohorts), ZERO),
        outturn_births=outturn,
        forecast_total_gbp=per_birth * forecast,
        outturn_total_gbp=per_birth * outturn,
    )
