"""The scale of need: the whole area's eligible women at the case's own economics.

An undated illustration: the births the area's eligible women would avoid, counted as the
scenario counts them, at what one avoided birth saves the council over the horizon, and the
programme's cost per practice-cohort (as brought to the savings' prices) times the
practice-cohorts needed. It is not placed on the calendar and not discounted, so its figures
are also given rounded to the nearest thousand pounds, as an illustration is quoted.

Births per eligible woman come only from what the scenario gives: the first cohort's birth
rate x the counting years, or, where the cohort gives a published count of avoided births,
that count per woman open (count / women open); never a rate the scenario does not state.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

import math
from decimal import Decimal

from pause_cost.core import formulas
from pause_cost.core.cohorts import count, counting_years
from pause_cost.core.programme import programme_total
from pause_cost.economics.setting import Setting
from pause_cost.model.scenario import Scenario
from pause_cost.money import round_half_up, to_decimal
from pause_cost.results.economics import Scale

ZERO = Decimal(0)
ROUNDED_TO_GBP = Decimal(1000)
"""An illustration's figures are quoted to the nearest thousand pounds."""


def _to_thousands(value: Decimal) -> Decimal:
    return round_half_up(value / ROUNDED_TO_GBP) * ROUNDED_TO_GBP


def scale(scenario: Scenario, setting: Setting) -> Scale | None:
    """The scale of need, or None where the scenario gives none."""
    need = scenario.scale_of_need
    if need is None:
        return None
    first = setting.cohorts[0]
    eligible = Decimal(need.eligible_women)
    needed = math.ceil(eligible / need.capacity_women_per_practice)
    if first.given is not None:
        given = to_decimal(first.given.count)
        exact = eligible * given / Decimal(first.women_open)
        basis = (
            f"eligible women x the published count per woman open ({given.normalize():f} "
            f"births / {first.women_open} women, {first.given.source.cite()})"
        )
    else:
        assert first.birth_rate_per_woman_per_year is not None
        years = counting_years(scenario)
        exact = formulas.avoided_births(eligible, first.birth_rate_per_woman_per_year, years)
        basis = (
            f"eligible women x {first.birth_rate_per_woman_per_year.normalize():f} births per "
            f"woman per year x {years.normalize():f} years"
        )
    births = count(scenario, exact) * setting.factor
    avoided = sum(setting.evaluated.per_birth_council, ZERO) * births
    cost = None
    if scenario.programme_cost is not None:
        practice_cohorts = Decimal(setting.practices * len(setting.cohorts))
        total = setting.evaluated.programme_total
        if total is None:
            total = programme_total(scenario.programme_cost, setting.practices)
        cost = total / practice_cohorts * needed
    net = None if cost is None else avoided - cost
    return Scale(
        eligible_women=need.eligible_women,
        children_removed=need.children_removed,
        capacity_women_per_practice=need.capacity_women_per_practice,
        practice_cohorts_needed=needed,
        avoided_births=births,
        avoided_gbp=avoided,
        programme_cost_gbp=cost,
        net_gbp=net,
        source=need.source,
        basis=basis,
        note=(
            "An undated illustration: not placed on the calendar and not discounted; the "
            "horizon's avoidance per birth and the programme's cost per practice-cohort, in "
            "the case's prices, shown to the nearest £1,000."
        ),
        avoided_rounded_gbp=_to_thousands(avoided),
        programme_cost_rounded_gbp=None if cost is None else _to_thousands(cost),
        net_rounded_gbp=None if net is None else _to_thousands(net),
    )
