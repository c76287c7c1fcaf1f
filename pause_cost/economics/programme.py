"""What the programme costs, and what the cost avoidance is worth net of it."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal

from pause_cost.model.scenario import ProgrammeCost
from pause_cost.money import to_decimal
from pause_cost.results.estimate import Programme, YearAmounts

ZERO = Decimal(0)


def practices_paid_for(cost: ProgrammeCost, practices: int) -> Decimal:
    """What the cost's figures are multiplied by: the practices, for a per-practice cost."""
    return Decimal(practices) if cost.per_practice else Decimal(1)


def programme_cost_by_year(
    cost: ProgrammeCost, horizon_years: int, practices: int = 1
) -> list[Decimal]:
    """The programme's cost in each year of the horizon, for the payback test.

    Yearly costs fall in years 1, 2, ... (a part year last); a total with no profile is taken
    as spent in year 1, which can only make payback later, never earlier; a profile's years
    are years 1, 2, ... in its order (without a calendar its financial years are not placed,
    and a year beyond the horizon is not counted here).
    """
    by_year = [ZERO] * horizon_years
    times = practices_paid_for(cost, practices)
    if cost.total_gbp is not None:
        by_year[0] = to_decimal(cost.total_gbp) * times
        return by_year
    if cost.profile is not None:
        for index, year in enumerate(cost.profile[:horizon_years]):
            by_year[index] = to_decimal(year.amount_gbp) * times
        return by_year
    assert cost.per_year_gbp is not None  # the model ensures both are given
    assert cost.years is not None
    per_year, remaining = to_decimal(cost.per_year_gbp), to_decimal(cost.years)
    for index in range(horizon_years):
        share = min(Decimal(1), remaining)
        if share <= 0:
            break
        by_year[index] = per_year * share * times
        remaining -= share
    return by_year


def programme_years(cost: ProgrammeCost) -> int:
    """How many years after the first the programme's cost runs into (a part year counts)."""
    if cost.profile is not None:
        return len(cost.profile)
    if cost.years is not None:
        return int(to_decimal(cost.years).to_integral_value(rounding=ROUND_CEILING))
    return 1


def programme_total(cost: ProgrammeCost, practices: int = 1) -> Decimal:
    """What the programme costs in all: the total, per year x years, or the profile's sum."""
    times = practices_paid_for(cost, practices)
    if cost.total_gbp is not None:
        return to_decimal(cost.total_gbp) * times
    if cost.profile is not None:
        return sum((to_decimal(year.amount_gbp) for year in cost.profile), ZERO) * times
    assert cost.per_year_gbp is not None  # the model ensures both are given
    assert cost.years is not None
    return to_decimal(cost.per_year_gbp) * to_decimal(cost.years) * times


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
        net_gbp=horizon_total - total,
        return_per_pound=horizon_total / total if total > 0 else None,
        payback_year=payback_year([year.total_gbp for year in by_year], cost_by_year),
        cost_by_year_gbp=cost_by_year,
        source=cost.source,
    )
