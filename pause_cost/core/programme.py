"""The programme's cost: what it comes to, and how it falls over years.

Pure arithmetic on the scenario's ``programme_cost``: the analyses and the economic case both
read the cost's shape from here.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, Decimal

from pause_cost.model.scenario import ProgrammeCost
from pause_cost.money import to_decimal

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
