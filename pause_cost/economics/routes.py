"""The two routes to the saving, like for like.

The per-woman route costs the births a cohort's women would have had, over the window and the
infant year after it. The evaluation's route costs fewer infants entering care in the area,
per practice per year once a practice has been open ``months_before_effect``. To compare them
the evaluation's route is costed over the practice-years it counts (the programme's cost per
practice-year x practices x years open), and its years open default to the per-woman span (the
window plus the infant year). The ratio between the routes is given only where the spans
match; the evaluation's own published return rests on a basis that could not be read, so it
stands apart, marked not comparable.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.core.cohorts import window_months
from pause_cost.core.compile import running_months
from pause_cost.economics.adjustments import ROUTE_NOTE, gross_per_birth_horizon
from pause_cost.economics.setting import Setting
from pause_cost.model.scenario import Scenario
from pause_cost.money import to_decimal
from pause_cost.results.economics import Route, Routes

ZERO = Decimal(0)
MONTHS_PER_YEAR = 12
INFANT_MONTHS = 12
"""An infant is a child under 12 months: the evaluation counts infants entering care."""


def _return(avoided: Decimal, cost: Decimal | None) -> Decimal | None:
    return None if cost is None or cost == 0 else avoided / cost


def cost_per_practice_year(scenario: Scenario, setting: Setting) -> Decimal | None:
    """The programme's cost over the practice-years it pays for: on a calendar, the months
    from the first cohort's start to the last one's end; else each cohort's programme months."""
    cost = setting.programme.cost_gbp
    if cost is None:
        return None
    if setting.case.calendar:
        _, months = running_months(scenario, setting.case.cohorts)
        running = Decimal(months)
    else:
        running = to_decimal(scenario.pause_window.programme_months) * len(setting.cohorts)
    years = running / MONTHS_PER_YEAR
    return cost / (Decimal(setting.practices) * years) if years > 0 else None


def routes(scenario: Scenario, setting: Setting) -> Routes | None:
    route = scenario.evaluation_route
    if route is None:
        return None
    per_birth = gross_per_birth_horizon(setting)
    cost = setting.programme.cost_gbp
    births = setting.evaluated.births  # gross of the bridge, as the evaluation's count is
    span = window_months(scenario) + INFANT_MONTHS
    women = Route(
        name="per woman",
        counts="births the women on the programme would have had",
        units=births,
        avoided_gbp=per_birth * births,
        programme_cost_gbp=cost,
        return_per_pound=_return(per_birth * births, cost),
        source=setting.cohorts[0].source,
        span_months=span,
    )
    years_open = (
        span / MONTHS_PER_YEAR if route.years_open is None else to_decimal(route.years_open)
    )
    lag = to_decimal(route.months_before_effect) / MONTHS_PER_YEAR
    effect_years = max(ZERO, years_open - lag)
    infants = (
        Decimal(route.practices) * effect_years * to_decimal(route.infants_per_practice_per_year)
    )
    per_practice_year = cost_per_practice_year(scenario, setting)
    practice_years = Decimal(route.practices) * years_open
    evaluation_cost = None if per_practice_year is None else per_practice_year * practice_years
    evaluation = Route(
        name="evaluation",
        counts="fewer infants (under 12 months) entering care in the area",
        units=infants,
        avoided_gbp=per_birth * infants,
        programme_cost_gbp=evaluation_cost,
        return_per_pound=_return(per_birth * infants, evaluation_cost),
        source=route.source,
        span_months=years_open * MONTHS_PER_YEAR,
        practice_years=practice_years,
        cost_per_practice_year_gbp=per_practice_year,
    )
    matching = evaluation.span_months == women.span_months
    note = ROUTE_NOTE + (
        f" Both span {span.normalize():f} months from the start."
        if matching
        else f" The spans differ ({(years_open * 12).normalize():f} months open against the "
        f"per-woman {span.normalize():f}: the window and the infant year), so no ratio "
        "between them is given."
    )
    return Routes(
        per_woman=women,
        evaluation=evaluation,
        ratio=_return(evaluation.avoided_gbp, women.avoided_gbp) if matching else None,
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
        note=note + " The evaluation's published return: basis not comparable (its unit "
        "costs, discounting and price base could not be read).",
    )
