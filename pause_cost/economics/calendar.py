"""When things happen: avoided births, their costs and the programme's cost by financial year.

Given the month a programme starts, the births it avoids are spread over the months of the
window, each avoided birth's costs fall in the years after that birth, and everything is
summed by council financial year (April to March) for the budget paper: avoided cost, the
programme's cost, net and cumulative net, and the payback year on that basis.

Pure: no files, no printing, no clock. Spreading divides (15 births over 27 months; a year's
cost over its 12 months), and a decimal quotient is rarely exact, so the arithmetic runs in
exact fractions and is rounded once, to a fixed number of places far below anything shown
(:data:`BIRTH_PLACES`, :data:`MONEY_PLACES`). The rounding is cumulative: each part is the
rounded running total less the previous rounded running total, so the parts add up to the
whole *exactly*, as decimals, however many there are, and no part is more than one unit in
the last place from its exact value (:func:`_parts`). Every sum of parts is therefore exact
in any decimal context that holds the whole's digits, as the default context's 28 does for
any council's figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import (
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from fractions import Fraction

from pause_cost.core.formulas import MONTHS_PER_YEAR
from pause_cost.core.timing import (
    BIRTH_PLACES,
    MONEY_PLACES,
    check_profile,
    decimal_units,
    financial_year,
    financial_year_start,
    start_year,
)
from pause_cost.core.timing import label as year_label
from pause_cost.model.month import Month

ZERO = Decimal(0)


_EXACT = Context(prec=100, traps=[Inexact, InvalidOperation, DivisionByZero, Overflow])
"""Where decimals are only added: wide enough for any figures, and an inexact sum raises
rather than round silently."""


def spread_births(
    births: Decimal,
    start: Month,
    window_months: int,
    profile: Sequence[Decimal] | None = None,
) -> list[tuple[Month, Decimal]]:
    """The avoided births falling in each month of the window, from ``start``.

    The births the programme avoids would have fallen across the window, not all at its
    start: uniformly by default (``births / window_months`` a month), or in proportion to a
    ``profile`` of one non-negative weight per month (normalised, so only their ratios
    matter). The months' births add up to ``births`` exactly; each is within 1e-20 of a birth
    of its exact share (cumulative rounding: see the module's docstring).
    """
    if window_months < 1:
        raise ValueError(f"the window must be at least one month long, not {window_months}")
    weights = (
        [Fraction(1)] * window_months
        if profile is None
        else _weights(profile, start, window_months)
    )
    total = _fraction(births, "births")
    total_weight = sum(weights, Fraction(0))
    shares = [total * weight / total_weight for weight in weights]
    return list(zip(_months(start, window_months), _parts(shares, BIRTH_PLACES), strict=True))


def births_by_financial_year(
    births_by_month: Iterable[tuple[Month, Decimal]],
) -> dict[str, Decimal]:
    """The births by month added up by financial year, exactly, every year first to last."""
    by_month = list(births_by_month)
    if not by_month:
        return {}
    months = [month for month, _ in by_month]
    totals = dict.fromkeys(_financial_years(min(months), max(months)), ZERO)
    with localcontext(_EXACT):
        for month, births in by_month:
            totals[financial_year(month)] += births
    return totals


def cash_by_financial_year(
    births_by_month: Sequence[tuple[Month, Decimal]], per_birth_by_year: Sequence[Decimal]
) -> dict[str, Decimal]:
    """Cost avoided by financial year, for births by month and a cost per birth by year.

    ``per_birth_by_year[y - 1]`` is what one avoided birth costs in year ``y`` after it (one
    classification's, or all of them). Year ``y`` after a birth in month ``m`` is the 12
    months from ``m + 12 * (y - 1)``: year 1 is the birth month and the 11 after it. A year's
    cost falls evenly over its 12 months, 1/12 a month (a placement runs all year; a court
    fee's month is not known), so a year after a birth that starts in January puts 3/12 of
    its cost in the financial year ending that March and 9/12 in the next.

    Every financial year from the first birth month's to the one holding the last month of
    the last year is present, in order, even where it is zero, so the columns of several
    classifications line up. The total is births x sum(per_birth_by_year) exactly, where that
    product has no more than 12 decimal places (always, for births in at most 20 places
    spread by :func:`spread_births` and amounts in pence).
    """
    if not births_by_month or not per_birth_by_year:
        return {}
    months = [month for month, _ in births_by_month]
    last = max(months).plus(MONTHS_PER_YEAR * len(per_birth_by_year) - 1)
    exact = dict.fromkeys(_financial_years(min(months), last), Fraction(0))
    for month, births in births_by_month:
        for year, per_birth in enumerate(per_birth_by_year, start=1):
            per_month = (
                _fraction(births, "births") * _fraction(per_birth, "a cost") / MONTHS_PER_YEAR
            )
            year_start = month.plus(MONTHS_PER_YEAR * (year - 1))
            for label, count in _months_by_financial_year(year_start, MONTHS_PER_YEAR).items():
                exact[label] += per_month * count
    return dict(zip(exact, _parts(list(exact.values()), MONEY_PLACES), strict=True))


def spread_amount(start: Month, total_gbp: Decimal, months: int) -> dict[str, Decimal]:
    """``total_gbp`` spread evenly over ``months`` months from ``start``, by financial year.

    The monthly figure is kept exact (419,000 over 18 months is not a finite decimal) and the
    years' parts are rounded cumulatively, so they add up to the total exactly.
    """
    if months < 1:
        raise ValueError(f"the programme must run for at least one month, not {months}")
    per_month = _fraction(total_gbp, "the programme's cost") / months
    counts = _months_by_financial_year(start, months)
    exact = [per_month * count for count in counts.values()]
    return dict(zip(counts, _parts(exact, MONEY_PLACES), strict=True))


@dataclass(frozen=True, slots=True)
class FinancialYearRow:
    """One financial year of the budget paper's table: what is avoided, spent, and the net."""

    financial_year: str
    avoided_gbp: Decimal
    cost_gbp: Decimal
    net_gbp: Decimal
    cumulative_net_gbp: Decimal


def cash_flow(
    avoided: Mapping[str, Decimal], cost: Mapping[str, Decimal]
) -> list[FinancialYearRow]:
    """Avoided cost, programme cost, net and cumulative net, one row a financial year.

    The rows run in order over every financial year from the earliest in either mapping to
    the latest, gaps included; a year missing from one mapping has zero there. Labels are
    checked ('2018/19'); sums are exact (an inexact one raises).
    """
    labels = [*avoided, *cost]
    if not labels:
        return []
    starts = [financial_year_start(label) for label in labels]
    rows: list[FinancialYearRow] = []
    cumulative = ZERO
    with localcontext(_EXACT):
        for first in range(min(starts), max(starts) + 1):
            label = year_label(first)
            avoided_gbp, cost_gbp = avoided.get(label, ZERO), cost.get(label, ZERO)
            net = avoided_gbp - cost_gbp
            cumulative += net
            rows.append(FinancialYearRow(label, avoided_gbp, cost_gbp, net, cumulative))
    return rows


def payback_financial_year(rows: Sequence[FinancialYearRow]) -> str | None:
    """The first financial year whose cumulative net is zero or more, once money is spent.

    A year before any programme cost is never the payback year, however much is avoided in
    it (nothing has yet been paid back); what is avoided in it still counts toward the
    cumulative net, so a later year with a cost can pay back at once. None if the cumulative
    net never reaches zero with a cost spent, or nothing is ever spent. The same test as
    :func:`pause_cost.economics.programme.payback_year`, on financial years.
    """
    spent = ZERO
    with localcontext(_EXACT):
        for row in rows:
            spent += row.cost_gbp
            if spent > 0 and row.cumulative_net_gbp >= 0:
                return row.financial_year
    return None


def _months(start: Month, count: int) -> list[Month]:
    return [start.plus(offset) for offset in range(count)]


def _financial_years(first: Month, last: Month) -> list[str]:
    """Every financial year from the one ``first`` falls in to the one ``last`` falls in."""
    return [year_label(year) for year in range(start_year(first), start_year(last) + 1)]


def _months_by_financial_year(start: Month, count: int) -> dict[str, int]:
    """How many of the ``count`` months from ``start`` fall in each financial year, in order."""
    counts: dict[str, int] = {}
    for month in _months(start, count):
        label = financial_year(month)
        counts[label] = counts.get(label, 0) + 1
    return counts


def _weights(profile: Sequence[Decimal], start: Month, window_months: int) -> list[Fraction]:
    """A birth profile's weights, checked (:func:`pause_cost.core.timing.check_profile`)."""
    check_profile(profile, start, window_months)
    return [Fraction(weight) for weight in profile]


def _fraction(value: Decimal, what: str) -> Fraction:
    if not value.is_finite():
        raise ValueError(f"{what} must be a finite number, not {value}")
    return Fraction(value)


def _parts(exact: Sequence[Fraction], places: int) -> list[Decimal]:
    """``exact`` rounded to ``places`` so that the parts add up to the rounded whole exactly.

    Each part is the running total rounded (to nearest, ties to even) less the running total
    before it rounded, so the parts telescope: any run of consecutive parts adds up to its
    exact sum rounded once (the nine months of 2018/19 give exactly 5 births), and no part
    is further than one unit in the last place from its exact value. Non-negative amounts
    give non-negative parts, as rounding keeps order.
    """
    parts: list[Decimal] = []
    running, previous = Fraction(0), 0
    for amount in exact:
        running += amount
        rounded = round(running * 10**places)
        parts.append(decimal_units(rounded - previous, places))
        previous = rounded
    return parts
