"""The case's adjustments and comparisons: the gross-to-net bridge, the evaluation's route,
and the forecast beside the forecast less births observed (the scale of need is
:mod:`pause_cost.economics.scale`).

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.economics.setting import Setting
from pause_cost.model.scenario import Scenario
from pause_cost.results.economics import Bridge, BridgeStep, ExPost

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
