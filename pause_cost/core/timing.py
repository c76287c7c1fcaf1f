"""When a cohort's births and their costs fall, by council financial year: weights compiled once.

A cohort's avoided births fall over the months of its window from its start (evenly, or in
proportion to a birth profile); year ``y`` after a birth in month ``m`` is the 12 months from
``m + 12(y - 1)``, its cost spread evenly over them; financial years run April to March. All of
that depends only on the cohort's start, the window, the profile and the horizon, never on how
many births there are or what a year costs, so it is compiled here once into whole-number
weights: ``costs[y][f]`` is, summed over the window's months, each month's birth weight times
the months of year ``y + 1`` after it that fall in financial year ``f``; dividing by
``denominator`` (12 x the weights' total) gives the exact share of one birth's year-``y + 1``
cost that falls in ``f``. An evaluation is then a weighted sum, exact in whole numbers or on
arrays of draws (:func:`weight_matrix`), with no month walked again.

The exact sums are rounded once, cumulatively, to :data:`MONEY_PLACES` (births to
:data:`BIRTH_PLACES`): each part is the rounded running total less the previous one, so the
parts add up to the whole exactly and none is more than one unit in the last place from its
exact value.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from math import lcm

from pause_cost.model.month import Month

MONTHS_PER_YEAR = 12
FINANCIAL_YEAR_FIRST_MONTH = 4
"""A council's financial year starts in April: 2018/19 runs from April 2018 to March 2019."""

_FINANCIAL_YEAR_TEXT = re.compile(r"([0-9]{4})/([0-9]{2})")

BIRTH_PLACES = 20
"""Births by financial year are carried to 1e-20 of a birth."""

MONEY_PLACES = 12
"""Amounts by financial year are carried to 1e-12 of a pound, a ten-billionth of a penny: never
seen once rounded to pounds, and few enough places that a council's total (up to 10^16
pounds) still fits the default 28-digit decimal context, so sums of parts stay exact."""


def start_year(month: Month) -> int:
    """The calendar year the financial year holding ``month`` starts in."""
    return month.year if month.month >= FINANCIAL_YEAR_FIRST_MONTH else month.year - 1


def label(first_year: int) -> str:
    """A financial year's label from the calendar year it starts in: 2018 gives '2018/19'."""
    return f"{first_year}/{(first_year + 1) % 100:02d}"


def financial_year_start(text: str) -> int:
    """The calendar year a financial year starts in: '2018/19' gives 2018, '1999/00' 1999.

    Refuses, with ValueError, a label that is not 'YYYY/YY' for two consecutive years.
    """
    match = _FINANCIAL_YEAR_TEXT.fullmatch(text)
    if match is None or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ValueError(
            f"a financial year is written YYYY/YY for two consecutive years "
            f"(e.g. 2018/19), not {text!r}"
        )
    return int(match[1])


def months_by_financial_year(start: Month, months: int) -> list[tuple[int, int]]:
    """How many of the ``months`` months from ``start`` fall in each financial year, in order
    (each year as the calendar year it starts in)."""
    if months < 1:
        raise ValueError(f"the programme must run for at least one month, not {months}")
    offset = (start.month - FINANCIAL_YEAR_FIRST_MONTH) % MONTHS_PER_YEAR
    first = start_year(start)
    counts: list[tuple[int, int]] = []
    position = 0
    while position < months:
        into = (offset + position) // MONTHS_PER_YEAR
        take = min(MONTHS_PER_YEAR - (offset + position) % MONTHS_PER_YEAR, months - position)
        counts.append((first + into, take))
        position += take
    return counts


def financial_year(month: Month) -> str:
    """The council financial year a month falls in: 2018-07 and 2019-03 are in '2018/19'."""
    return label(start_year(month))


@dataclass(frozen=True, slots=True)
class CohortTiming:
    """One cohort's timing weights, in whole numbers, from its first financial year on."""

    first_year: int
    """The calendar year the cohort's first financial year starts in."""
    births: tuple[int, ...]
    """Birth weight falling in each financial year (over ``weight``)."""
    costs: tuple[tuple[int, ...], ...]
    """(horizon, financial years): one birth's year-y cost falling in each (over
    ``denominator``)."""
    weight: int
    denominator: int

    @property
    def last_year(self) -> int:
        return self.first_year + len(self.costs[0]) - 1


def cohort_timing(
    start: Month, window_months: int, horizon_years: int, profile: Sequence[Decimal] | None = None
) -> CohortTiming:
    """The cohort's timing weights (compiled once per start, window, profile and horizon)."""
    if window_months < 1:
        raise ValueError(f"the window must be at least one month long, not {window_months}")
    weights = (
        [1] * window_months if profile is None else _whole_weights(profile, start, window_months)
    )
    offset = (start.month - FINANCIAL_YEAR_FIRST_MONTH) % MONTHS_PER_YEAR
    return _timing(start_year(start), offset, tuple(weights), horizon_years)


def births_after_gestation(
    gestation_months: int, birth_months: int, ramp_up_months: int | None = None
) -> tuple[int, ...]:
    """Whole-number birth weights by month of the window, by default.

    A woman is open once contraception is in place, so she is not pregnant at month 0: a
    conception the programme prevents in its month ``k`` is a birth prevented in month
    ``k + gestation_months``. So births fall evenly over the ``birth_months`` months from month
    ``gestation_months`` (Rotherham: months 9 to 26 of the 27-month window), none before. With
    a ramp-up, the women become open evenly over its first ``ramp_up_months`` months and each
    woman's births fall the same way from her own start: month ``m``'s weight is how many of
    the ramp's starts ``k`` have ``k + gestation_months <= m < k + gestation_months +
    birth_months`` (the weights total ramp x birth months; only their ratios matter).
    """
    if birth_months < 1:
        raise ValueError(f"births must fall over at least one month, not {birth_months}")
    ramp = 1 if ramp_up_months is None else ramp_up_months
    if ramp < 1:
        raise ValueError(f"a ramp-up lasts at least one month, not {ramp}")
    length = ramp - 1 + gestation_months + birth_months
    weights = [0] * length
    for first in range(ramp):
        for month in range(first + gestation_months, first + gestation_months + birth_months):
            weights[month] += 1
    return tuple(weights)


def timing_from_weights(start: Month, weights: Sequence[int], horizon_years: int) -> CohortTiming:
    """The cohort's timing weights from whole-number birth weights by month from ``start``."""
    offset = (start.month - FINANCIAL_YEAR_FIRST_MONTH) % MONTHS_PER_YEAR
    return _timing(start_year(start), offset, tuple(weights), horizon_years)


def before_gestation(profile: Sequence[Decimal], gestation_months: int) -> Decimal:
    """The share of a birth profile's weight in the first ``gestation_months`` months, when no
    birth the programme prevents can yet have fallen."""
    total = sum(profile, Decimal(0))
    if total == 0:
        return Decimal(0)
    return sum(profile[:gestation_months], Decimal(0)) / total


@lru_cache(maxsize=256)
def _timing(first_year: int, offset: int, weights: tuple[int, ...], horizon: int) -> CohortTiming:
    last_month = offset + len(weights) - 1 + MONTHS_PER_YEAR * horizon - 1
    years = last_month // MONTHS_PER_YEAR + 1
    births = [0] * ((offset + len(weights) - 1) // MONTHS_PER_YEAR + 1)
    costs = [[0] * years for _ in range(horizon)]
    for month, weight in enumerate(weights):
        births[(offset + month) // MONTHS_PER_YEAR] += weight
        for year in range(horizon):
            begins = offset + month + MONTHS_PER_YEAR * year
            into, after = divmod(begins, MONTHS_PER_YEAR)
            row = costs[year]
            row[into] += weight * (MONTHS_PER_YEAR - after)
            if after:
                row[into + 1] += weight * after
    total = sum(weights)
    return CohortTiming(
        first_year=first_year,
        births=tuple(births),
        costs=tuple(tuple(row) for row in costs),
        weight=total,
        denominator=MONTHS_PER_YEAR * total,
    )


def check_profile(profile: Sequence[Decimal], start: Month, window_months: int) -> None:
    """A birth profile's weights, checked: one a month, none negative, some positive."""
    if not profile:
        raise ValueError(
            f"the birth profile is empty: give one weight per month of the "
            f"{window_months}-month window"
        )
    if len(profile) != window_months:
        raise ValueError(
            f"the birth profile has {len(profile)} weights for a {window_months}-month "
            f"window: give one weight per month"
        )
    for weight in profile:
        if not weight.is_finite():
            raise ValueError(f"a birth profile weight must be a finite number, not {weight}")
    for offset, weight in enumerate(profile):
        if weight < 0:
            raise ValueError(
                f"the birth profile's weight for month {offset + 1} ({start.plus(offset)}) is "
                f"negative ({weight}): weights must be zero or more"
            )
    if sum(profile, Decimal(0)) == 0:
        raise ValueError(
            "the birth profile's weights add up to 0: at least one month must have a positive "
            "weight"
        )


def _whole_weights(profile: Sequence[Decimal], start: Month, window_months: int) -> list[int]:
    """The profile as whole numbers in the same ratios (only ratios matter)."""
    check_profile(profile, start, window_months)
    units, _ = whole_units(profile)
    return units


# --- exact evaluation ---------------------------------------------------------------------


def scaled(value: Decimal) -> tuple[int, int]:
    """``value`` as (units, places): value = units x 10^-places, exactly."""
    if not value.is_finite():
        raise ValueError(f"an amount must be a finite number, not {value}")
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    units = int("".join(map(str, digits)) or "0")
    if sign:
        units = -units
    if exponent >= 0:
        return units * 10**exponent, 0
    return units, -exponent


def whole_units(values: Sequence[Decimal]) -> tuple[list[int], int]:
    """The values as whole numbers over one power of ten: (units, places)."""
    found = [scaled(value) for value in values]
    places = max((own for _, own in found), default=0)
    return [units * 10 ** (places - own) for units, own in found], places


def round_parts(numerators: Sequence[int], denominator: int, places: int) -> list[Decimal]:
    """numerators / denominator, rounded cumulatively to ``places`` (to nearest, ties to even)."""
    parts: list[Decimal] = []
    running = previous = 0
    scale = 10**places
    for numerator in numerators:
        running += numerator
        quotient, remainder = divmod(running * scale, denominator)
        twice = 2 * remainder
        if twice > denominator or (twice == denominator and quotient % 2):
            quotient += 1
        parts.append(decimal_units(quotient - previous, places))
        previous = quotient
    return parts


def decimal_units(units: int, places: int) -> Decimal:
    """``units`` x 10^-``places``, exactly, without trailing zeros (300, not 300.00)."""
    while places > 0 and units % 10 == 0:
        units //= 10
        places -= 1
    return Decimal(f"{units}E-{places}")


def cash_by_financial_year(
    cohorts: Sequence[tuple[CohortTiming, Decimal]], per_birth_by_year: Sequence[Decimal]
) -> dict[str, Decimal]:
    """Cost avoided by financial year: each cohort's births x the cost per birth by year,
    through its timing weights, exact, rounded once (cumulatively) to :data:`MONEY_PLACES`.

    Every financial year from the first cohort's first to the last one any cost reaches is
    present, in order, even where it is zero, so several classifications' columns line up.
    """
    if not cohorts or not per_birth_by_year:
        return {}
    first = min(timing.first_year for timing, _ in cohorts)
    last = max(timing.last_year for timing, _ in cohorts)
    amounts, amount_places = whole_units(per_birth_by_year)
    birth_units = [scaled(births) for _, births in cohorts]
    denominator = lcm(
        *(
            timing.denominator * 10**places
            for (timing, _), (_, places) in zip(cohorts, birth_units, strict=True)
        )
    )
    numerators = [0] * (last - first + 1)
    for (timing, _), (births, places) in zip(cohorts, birth_units, strict=True):
        if births == 0:
            continue
        scale = births * (denominator // (timing.denominator * 10**places))
        shift = timing.first_year - first
        for amount, row in zip(amounts, timing.costs, strict=False):
            if amount == 0:
                continue
            term = amount * scale
            for index, count in enumerate(row):
                if count:
                    numerators[shift + index] += term * count
    parts = round_parts(numerators, denominator * 10**amount_places, MONEY_PLACES)
    return {label(first + index): part for index, part in enumerate(parts)}


def births_by_financial_year(cohorts: Sequence[tuple[CohortTiming, Decimal]]) -> dict[str, Decimal]:
    """Each cohort's births by financial year (rounded cumulatively, cohort by cohort, to
    :data:`BIRTH_PLACES`), added up: every year from the first birth's to the last's."""
    if not cohorts:
        return {}
    first = min(timing.first_year for timing, _ in cohorts)
    last = max(timing.first_year + len(timing.births) - 1 for timing, _ in cohorts)
    totals = [Fraction(0)] * (last - first + 1)
    for timing, births in cohorts:
        units, places = scaled(births)
        parts = round_parts(
            [units * weight for weight in timing.births], timing.weight * 10**places, BIRTH_PLACES
        )
        shift = timing.first_year - first
        for index, part in enumerate(parts):
            totals[shift + index] += Fraction(part)
    return {label(first + index): _exact(total) for index, total in enumerate(totals)}


def _exact(value: Fraction) -> Decimal:
    """A sum of decimals of at most BIRTH_PLACES places, as that decimal exactly."""
    units = value * 10**BIRTH_PLACES
    assert units.denominator == 1
    return decimal_units(int(units), BIRTH_PLACES)


def weight_matrix(timing: CohortTiming, first_year: int, years: int) -> list[list[float]]:
    """The cohort's cost weights as floats over ``years`` financial years from ``first_year``
    (horizon rows): the share of one birth's year-y cost that falls in each, for arrays."""
    shift = timing.first_year - first_year
    rows = []
    for row in timing.costs:
        out = [0.0] * years
        for index, count in enumerate(row):
            out[shift + index] = count / timing.denominator
        rows.append(out)
    return rows
