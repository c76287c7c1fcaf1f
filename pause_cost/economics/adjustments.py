"""The case's adjustments and comparisons: the gross-to-net bridge, the evaluation's route,
and the forecast beside the forecast less births observed (the scale of need is
:mod:`pause_cost.economics.scale`).

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.core.exact import line_factors, moved_parts
from pause_cost.economics.setting import Setting
from pause_cost.model.economics import BY_LINE
from pause_cost.model.scenario import Scenario
from pause_cost.money import round_half_up, to_decimal
from pause_cost.results.economics import Bridge, BridgeStep, ExPost, MovedCost

ZERO = Decimal(0)
ONE = Decimal(1)

RATIO_PLACES = 6
"""A share or factor of the bridge derived from its amounts is shown to 6 places."""

ROUTE_NOTE = (
    "The routes count different things: the per-woman route counts births the women on the "
    "programme would have had; the evaluation's route counts fewer infants (under 12 months) "
    "entering care in the whole area. Both are costed per child with the same tables, gross of "
    "any adjustments in the bridge."
)


def per_birth_horizon(setting: Setting) -> Decimal:
    """What one avoided birth saves the council over the horizon (cashable + internal)."""
    return sum(setting.evaluated.per_birth_council, ZERO)


def gross_per_birth_horizon(setting: Setting) -> Decimal:
    """What one avoided birth would save the council over the horizon before the removal
    share and postponement, which act on the lines (the same as :func:`per_birth_horizon`
    where neither is given)."""
    stages = setting.evaluated.per_birth_council_stages
    return sum(stages[0], ZERO) if stages else per_birth_horizon(setting)


def _births(setting: Setting) -> Decimal:
    return setting.evaluated.births


def bridge(scenario: Scenario, setting: Setting) -> Bridge | None:
    """Gross avoidance to net, step by step in the bridge's order (GMCA's: see
    :data:`pause_cost.model.economics.BRIDGE_ORDER`). The removal share and postponement act
    on the costs per birth (the lines at or after the removal decision; a postponed birth's
    costs moved later), so their factor is what they leave of the council's avoidance; the
    rest multiply the births costed."""
    if scenario.adjustments is None or not scenario.adjustments.given():
        return None
    births = _births(setting)
    stages = setting.evaluated.per_birth_council_stages
    per_birth = [sum(stage, ZERO) for stage in stages] + [per_birth_horizon(setting)]
    gross = running = per_birth[0] * births
    steps = []
    for name, takes_off, adjustment in scenario.adjustments.given():
        share = to_decimal(adjustment.share)
        factor = ONE - share if takes_off else share
        if name in BY_LINE:
            after = (per_birth[1] if name == "removal_share" else per_birth[-1]) * births
            factor = _places(after / running) if running else factor
        else:
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
    return Bridge(
        gross_gbp=gross,
        steps=steps,
        net_gbp=running,
        factor=setting.factor,
        share_of_gross=_places(running / gross) if gross else ONE,
        line_factors=line_factors(setting.case),
        moved=[MovedCost(years=years, part=part) for years, part in moved_parts(setting.case)],
    )


def _places(ratio: Decimal) -> Decimal:
    """A ratio shown in the bridge, to 6 places (the amounts beside it are exact)."""
    return round_half_up(ratio, RATIO_PLACES)


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
