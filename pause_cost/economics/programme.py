"""What the programme costs, and what the cost avoidance is worth net of it."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pause_cost.core import formulas
from pause_cost.core.programme import programme_cost_by_year, programme_total
from pause_cost.model.scenario import ProgrammeCost
from pause_cost.results.estimate import Programme, YearAmounts

ZERO = Decimal(0)


def payback_year(saved_by_year: Sequence[Decimal], cost_by_year: Sequence[Decimal]) -> int | None:
    """The first year whose cumulative avoidance covers cumulative programme cost, if any."""
    saved = spent = ZERO
    for year, (saved_in_year, spent_in_year) in enumerate(
        zip(saved_by_year, cost_by_year, strict=True), start=1
    ):
        saved += saved_in_year
        spent += spent_in_year
        if saved >= spent and spent > 0:
            return year
    return None


def programme(
    cost: ProgrammeCost | None,
    horizon_total: Decimal,
    by_year: Sequence[YearAmounts],
    practices: int = 1,
) -> Programme:
    """Cost, net, return per pound and payback; nulls where the scenario gives no cost."""
    if cost is None:
        return Programme(
            cost_gbp=None,
            net_gbp=None,
            return_per_pound=None,
            payback_year=None,
            cost_by_year_gbp=[],
            source=None,
        )
    total = programme_total(cost, practices)
    cost_by_year = programme_cost_by_year(cost, len(by_year), practices)
    return Programme(
        cost_gbp=total,
        net_gbp=formulas.net(horizon_total, total),
        return_per_pound=formulas.return_per_pound(horizon_total, total) if total > 0 else None,
        payback_year=payback_year([year.total_gbp for year in by_year], cost_by_year),
        cost_by_year_gbp=cost_by_year,
        source=cost.source,
    )
