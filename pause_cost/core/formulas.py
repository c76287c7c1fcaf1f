"""The model's arithmetic, written once, for exact decimals and numpy arrays alike.

Each function is plain arithmetic with no branches on its arguments' type, so the exact engine
(Decimal) and a vectorised evaluation (numpy arrays of draws) run the very same formula and
cannot drift apart (Tax-Calculator keeps its calculation functions so, for the same reason).
The order of the operations is part of the formula: decimal products are exact only to the
context's precision, so it is kept as the engine has always computed them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Number = TypeVar("Number", Decimal, Fraction, float, NDArray[np.float64])
else:
    Number = TypeVar("Number")

MONTHS_PER_YEAR = 12


def window_years(programme_months: Number, gestation_months: Number) -> Number:
    """The pause window in years: (programme + gestation months) / 12 (Rotherham: 2.25)."""
    return (programme_months + gestation_months) / MONTHS_PER_YEAR


def avoided_births(
    women_open: Number, birth_rate_per_woman_per_year: Number, years: Number
) -> Number:
    """Births the programme avoids: women x births per woman per year x window years."""
    return women_open * birth_rate_per_woman_per_year * years


def counted_births(
    expected: Number, rounding: bool, round_half_up: Callable[[Number], Number]
) -> Number:
    """Births as the scenario counts them: exact, or rounded half up to whole births (Pause's
    tool rounded 14.85 to 15)."""
    return round_half_up(expected) if rounding else expected


def netted_births(
    counted: Number, observed: Number, at_least_zero: Callable[[Number], Number]
) -> Number:
    """Births counted less those observed on the programme, never below zero."""
    return at_least_zero(counted - observed)


def per_birth_per_year(
    amount_gbp: Number, quantity_per_child: Number, share_of_children: Number, uprating: Number
) -> Number:
    """What one avoided birth saves on a line in each year the line falls in, at the price year."""
    return amount_gbp * quantity_per_child * share_of_children * uprating


def yearly(per_birth_per_year_gbp: Number, births: Number) -> Number:
    """A line's cost avoidance in each year it falls in, for the births costed."""
    return per_birth_per_year_gbp * births


def over_years(yearly_gbp: Number, years_falling: Number) -> Number:
    """A line's cost avoidance over a period in which it falls in ``years_falling`` years."""
    return yearly_gbp * years_falling


def years_within(first_year: int, last_year: int, period_years: int) -> int:
    """How many of years ``first_year``..``last_year`` fall in years 1 to ``period_years``."""
    return max(0, min(last_year, period_years) - first_year + 1)


def bridge_factor(one: Number, steps: Sequence[tuple[Number, bool]]) -> Number:
    """The bridge's adjustments multiplied in order: each share, or 1 - share where the step
    takes a share off (optimism bias, deadweight)."""
    factor = one
    for share, takes_off in steps:
        factor = factor * (one - share if takes_off else share)
    return factor


def net(avoided: Number, cost: Number) -> Number:
    """What is avoided less what the programme costs."""
    return avoided - cost


def return_per_pound(avoided: Number, cost: Number) -> Number:
    """What is avoided for each pound the programme costs."""
    return avoided / cost


def discount_factors(rates_percent: Sequence[Number], one: Number) -> list[Number]:
    """Year 0's factor (1), then each year's: the last compounded at the year's own rate,
    ``factor(t) = factor(t - 1) x 100 / (100 + r(t))`` (see :mod:`pause_cost.core.discounting`)."""
    factors = [one]
    for rate in rates_percent:
        factors.append(factors[-1] * 100 / (100 + rate))
    return factors
