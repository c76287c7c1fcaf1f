"""The case's adjustments and comparisons: the gross-to-net bridge, the evaluation's route,
the scale of need, and the outturn against the forecast.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

import math
from decimal import Decimal

from pause_cost.core import formulas
from pause_cost.core.cohorts import count, window_years
from pause_cost.core.programme import programme_total
from pause_cost.economics.setting import Setting
from pause_cost.model.scenario import Scenario
from pause_cost.money import to_decimal
from pause_cost.results.economics import Bridge, BridgeStep, ExPost, Route, Routes, Scale

ZERO = Decimal(0)

ROUTE_NOTE = (
    "The routes count different things: the per-woman route counts births the women on the "
    "programme would have had; the evaluation's route counts fewer infants (under 12 months) "
    "entering care in the whole area. Both are costed per child with the same tables, gross of "
    "any adjustments in the bridge."
)


def per_birth_horizon(setting: Setting) -> Decimal:
    """What one avoided birth saves the council over the horizon (cashable + internal)."""
    return sum(setting.evaluated.per_birth_council, ZERO)


def _births(setting: Setting) -> Decimal:
    return setting.evaluated.births


def bridge(scenario: Scenario, setting: Setting) -> Bridge | None:
    if scenario.adjustments is None or not scenario.adjustments.steps():
        return None
    gross = per_birth_horizon(setting) * _births(setting)
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
    return None if cost is None or cost == 0 else formulas.return_per_pound(avoided, cost)


def routes(scenario: Scenario, setting: Setting) -> Routes | None:
    route = scenario.evaluation_route
    if route is None:
        return None
    per_birth = per_birth_horizon(setting)
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


def scale(scenario: Scenario, setting: Setting) -> Scale | None:
    need = scenario.scale_of_need
    if need is None:
        return None
    first = setting.cohorts[0]
    needed = math.ceil(Decimal(need.eligible_women) / need.capacity_women_per_practice)
    exact = (
        Decimal(need.eligible_women) * first.birth_rate_per_woman_per_year * window_years(scenario)
    )
    births = count(scenario, exact) * setting.factor
    avoided = per_birth_horizon(setting) * births
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


def ex_post(setting: Setting) -> ExPost | None:
    if all(cohort.observed is None for cohort in setting.cohorts):
        return None
    per_birth = per_birth_horizon(setting) * setting.factor
    forecast = sum((cohort.expected_counted for cohort in setting.cohorts), ZERO)
    outturn = _births(setting)
    return ExPost(
        forecast_births=forecast,
        observed_births=sum((cohort.observed_births for cohort in setting.cohorts), ZERO),
        outturn_births=outturn,
        forecast_total_gbp=per_birth * forecast,
        outturn_total_gbp=per_birth * outturn,
    )
