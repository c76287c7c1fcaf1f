"""The estimate beside the figures a report published for the same scenario."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.model.scenario import Published
from pause_cost.money import round_half_up, to_decimal
from pause_cost.results.estimate import (
    Amounts,
    AvoidedBirths,
    PublishedCheck,
    PublishedComparison,
)


def check_published(
    published: Published | None, births: AvoidedBirths, immediate: Amounts, horizon: Amounts
) -> PublishedComparison | None:
    """Each published figure, ours beside it, and the difference at the published precision.

    Ours is rounded as the report rounds (whole pounds, whole births) before subtracting, so a
    reproduction to the pound shows a difference of 0, not of pennies.
    """
    if published is None:
        return None
    ours: dict[str, Decimal] = {
        "avoided_births": births.counted,
        "immediate_cashable_gbp": immediate.cashable_gbp,
        "immediate_internal_gbp": immediate.internal_gbp,
        "immediate_total_gbp": immediate.total_gbp,
        "horizon_cashable_gbp": horizon.cashable_gbp,
        "horizon_internal_gbp": horizon.internal_gbp,
        "horizon_total_gbp": horizon.total_gbp,
    }
    checks = []
    for figure, estimated in ours.items():
        value = getattr(published, figure)
        if value is None:
            continue
        given = to_decimal(value)
        places = max(0, -int(given.as_tuple().exponent))
        checks.append(
            PublishedCheck(
                figure=figure,
                published=given,
                estimated=estimated,
                difference=round_half_up(estimated, places) - given,
            )
        )
    return PublishedComparison(source=published.source, checks=checks)
