"""Discounting for the economic case: present values, net present value and benefit-cost ratio.

The rates come from a schedule file (:class:`~pause_cost.model.discounting.DiscountSchedule`;
the shipped one is HM Treasury's Green Book schedule), never from this module.

Conventions, stated once and used throughout:

* **Year 0** is the first year of the programme's spending (the appraisal's current year,
  the Green Book's "year 0"). Costs and benefits in year ``t`` are discounted by ``t`` full
  years: year 0's amounts are not discounted at all, year 1's by one year's rate, and so on.
  Amounts are taken to fall at a single point in their year; no mid-year adjustment is made.
* **Real terms**: every amount is stated in the prices of one price year (the scenario's), and
  the rates are real rates, so no inflation enters here.
* **Across bands**: the rate that applies to each year is the rate of the band in which that
  year falls, and a year's discount factor compounds every year up to it at that year's own
  rate. With the Green Book's schedule (3.5% for years 0-30, 3.0% for years 31-75, ...):

      factor(t) = 1 / 1.035^t                           for t <= 30
      factor(t) = 1 / 1.035^30 x 1 / 1.03^(t - 30)      for 31 <= t <= 75
      factor(t) = 1 / 1.035^30 x 1 / 1.03^45 x 1 / 1.025^(t - 75)   for 76 <= t <= 125, ...

  Year 0's rate never acts (nothing is discounted for year 0); the first band's rate applies
  to years 1 to 30. The Green Book's table gives its bands in "years from current year"; its
  own words on compounding across a band's edge were not read (only second-hand copies of
  the table were), so this is the reading the table implies, written out here to be checked.

A discount factor is rarely a terminating decimal (1/1.035 = 200/207), so the arithmetic runs
in exact fractions and each figure returned is rounded once, half up, to a fixed number of
places far below anything shown: factors to :data:`FACTOR_PLACES`, pounds to
:data:`MONEY_PLACES`, the ratio to :data:`RATIO_PLACES`. The same inputs give the same digits
on every machine.

Pure: no files, no printing, no clock (the schedule file is read by
:mod:`pause_cost.load.discounting`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, Inexact, InvalidOperation, localcontext
from fractions import Fraction
from functools import lru_cache
from math import lcm

from pause_cost.core import formulas
from pause_cost.core.timing import whole_units
from pause_cost.model.discounting import MAX_YEAR, DiscountSchedule

FACTOR_PLACES = 24
"""Discount factors are given to 1e-24: exact for any use a council's figures can make."""

MONEY_PLACES = 12
"""Present values are given to 1e-12 of a pound, as the calendar gives amounts by year: never
seen once rounded to pounds, and few enough places that a council's total still fits the
default 28-digit decimal context."""

RATIO_PLACES = 12
"""The benefit-cost ratio is given to 12 decimal places."""

_HUNDRED = Fraction(100)


@dataclass(frozen=True, slots=True)
class PresentValues:
    """The economic case's figures for one stream of benefits and one of costs.

    All amounts are pounds in the prices of the scenario's price year. The undiscounted
    totals are what the budget paper shows; the present values are what the economic case
    compares. ``npv_gbp`` is ``pv_benefits_gbp - pv_costs_gbp`` exactly (as the figures are
    given), so a table of the three adds up. ``bcr`` is ``None`` where the present value of
    costs is zero (there is no ratio to a cost of nothing).
    """

    schedule: str
    undiscounted_benefits_gbp: Decimal
    undiscounted_costs_gbp: Decimal
    pv_benefits_gbp: Decimal
    pv_costs_gbp: Decimal
    npv_gbp: Decimal
    bcr: Decimal | None

    @property
    def undiscounted_net_gbp(self) -> Decimal:
        """Undiscounted benefits less undiscounted costs: the budget paper's net."""
        return _exact_sum(
            [self.undiscounted_benefits_gbp, self.undiscounted_costs_gbp.copy_negate()]
        )


def discount_factor(schedule: DiscountSchedule, year: int) -> Decimal:
    """What an amount in ``year`` is multiplied by to give its present value (year 0: 1).

    ``year`` counts full years from year 0, the first year of the programme's spending. The
    rate that applies to each year is the rate of the band in which that year falls, and the
    factor compounds years 1 to ``year`` each at its own rate:
    ``factor(t) = 1 / ((1 + r(1)/100) x (1 + r(2)/100) x ... x (1 + r(t)/100))``, where
    ``r(k)`` is the rate in per cent of the band year ``k`` falls in. With the Green Book's
    schedule, year 30's factor is 1/1.035^30 and year 31's is 1/1.035^30 x 1/1.03.

    Rounded once, half up, to :data:`FACTOR_PLACES` decimal places.
    """
    _check_year(year)
    return _rounded_factor(rates_by_year(schedule, year))


def present_value(
    amounts_by_year: Sequence[tuple[int, Decimal]], schedule: DiscountSchedule
) -> Decimal:
    """The sum of each amount times its year's discount factor (see :func:`discount_factor`).

    ``amounts_by_year`` pairs a year (0 is the first year of spending; an amount in year ``t``
    is discounted by ``t`` full years) with an amount in pounds at the scenario's price year.
    A year may appear more than once; its amounts add. Computed exactly and rounded once,
    half up, to :data:`MONEY_PLACES` decimal places.
    """
    return rounded(_exact_present_value(amounts_by_year, schedule), MONEY_PLACES)


def appraisal(
    benefits_by_year: Sequence[tuple[int, Decimal]],
    costs_by_year: Sequence[tuple[int, Decimal]],
    schedule: DiscountSchedule,
) -> PresentValues:
    """Undiscounted totals, present values, net present value and benefit-cost ratio.

    Benefits (cost avoided) and costs (what the programme costs) are each given by year, with
    the convention of :func:`present_value`: year 0 is the first year of the programme's
    spending, and amounts in year ``t`` are discounted by ``t`` full years, in real terms at
    the scenario's price year. NPV is PV benefits less PV costs; BCR is PV benefits over PV
    costs, ``None`` when PV costs is zero. The ratio is computed from the exact present
    values and rounded once to :data:`RATIO_PLACES` places.
    """
    exact_benefits = _exact_present_value(benefits_by_year, schedule)
    exact_costs = _exact_present_value(costs_by_year, schedule)
    pv_benefits = rounded(exact_benefits, MONEY_PLACES)
    pv_costs = rounded(exact_costs, MONEY_PLACES)
    return PresentValues(
        schedule=schedule.name,
        undiscounted_benefits_gbp=_exact_sum(amount for _, amount in benefits_by_year),
        undiscounted_costs_gbp=_exact_sum(amount for _, amount in costs_by_year),
        pv_benefits_gbp=pv_benefits,
        pv_costs_gbp=pv_costs,
        npv_gbp=_exact_sum([pv_benefits, pv_costs.copy_negate()]),
        bcr=None if exact_costs == 0 else rounded(exact_benefits / exact_costs, RATIO_PLACES),
    )


def _check_year(year: int) -> None:
    if isinstance(year, bool) or not isinstance(year, int):
        raise TypeError(f"a year is a whole number of years from year 0, not {year!r}")
    if not 0 <= year <= MAX_YEAR:
        raise ValueError(
            f"year {year} is outside the years discounted: 0 (the first year of spending) "
            f"to {MAX_YEAR}"
        )


def _factors(schedule: DiscountSchedule, last_year: int) -> list[Fraction]:
    """The exact discount factors of years 0 to ``last_year``, each compounding the last.

    Kept per schedule (by its rates), so an analysis that estimates thousands of times
    compounds each year once."""
    rates = rates_by_year(schedule, last_year)
    return _compounded(rates)


_RATES: dict[int, tuple[DiscountSchedule, list[Decimal]]] = {}
"""Each schedule's rates by year, as far as asked (by the schedule's identity; the schedule is
held, so its identity is not reused while the entry lives)."""


def rates_by_year(schedule: DiscountSchedule, last_year: int) -> tuple[Decimal, ...]:
    """The schedule's rates for years 1 to ``last_year``, looked up in its bands once."""
    held = _RATES.get(id(schedule))
    if held is None or held[0] is not schedule:
        if len(_RATES) >= 64:
            _RATES.clear()
        held = _RATES[id(schedule)] = (schedule, [])
    rates = held[1]
    for year in range(len(rates) + 1, last_year + 1):
        rates.append(schedule.rate_percent(year))
    return tuple(rates[:last_year])


@lru_cache(maxsize=64)
def _compounded(rates: tuple[Decimal, ...]) -> list[Fraction]:
    return formulas.discount_factors([Fraction(rate) for rate in rates], Fraction(1))


@lru_cache(maxsize=4096)
def _rounded_factor(rates: tuple[Decimal, ...]) -> Decimal:
    return rounded(_compounded(rates)[-1], FACTOR_PLACES)


def _exact_present_value(
    amounts_by_year: Sequence[tuple[int, Decimal]], schedule: DiscountSchedule
) -> Fraction:
    for year, amount in amounts_by_year:
        _check_year(year)
        if not isinstance(amount, Decimal) or not amount.is_finite():
            raise ValueError(f"year {year}: the amount must be a finite Decimal, not {amount!r}")
    if not amounts_by_year:
        return Fraction(0)
    last = max(year for year, _ in amounts_by_year)
    numerators, denominator = _whole_factors(rates_by_year(schedule, last))
    amounts, places = whole_units([amount for _, amount in amounts_by_year])
    total = sum(
        units * numerators[year] for (year, _), units in zip(amounts_by_year, amounts, strict=True)
    )
    return Fraction(total, denominator * 10**places)


@lru_cache(maxsize=64)
def _whole_factors(rates: tuple[Decimal, ...]) -> tuple[list[int], int]:
    """The exact factors of years 0 to len(rates) as whole numbers over one denominator."""
    factors = _compounded(rates)
    denominator = lcm(*(factor.denominator for factor in factors))
    return [factor.numerator * (denominator // factor.denominator) for factor in factors], (
        denominator
    )


def _exact_sum(amounts: Iterable[Decimal]) -> Decimal:
    """A sum of decimals, exact: a sum that would need rounding raises instead."""
    with localcontext() as context:
        context.prec = 100
        context.traps[Inexact] = True
        context.traps[InvalidOperation] = True
        return sum(amounts, Decimal(0))


def rounded(value: Fraction, places: int) -> Decimal:
    """The fraction to ``places`` decimal places, half up (away from zero), made exactly.

    Trailing zeros are dropped (a factor of 1 is ``1``, not ``1.000...``), as the loader gives
    numbers; no decimal context is involved, so no digit is lost however large the value.
    """
    scaled = abs(value) * 10**places
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    digits, exponent = str(whole), -places
    while exponent < 0 and len(digits) > 1 and digits.endswith("0"):
        digits, exponent = digits[:-1], exponent + 1
    if digits == "0":
        exponent = 0
    sign = 1 if value < 0 and whole else 0
    return Decimal((sign, tuple(int(digit) for digit in digits), exponent))
