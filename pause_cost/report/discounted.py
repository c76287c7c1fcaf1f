"""Discounting on a cash-flow sheet, by period: year t, its rate (the named ``discount_rate``,
or a later band's own), its discount factor as a formula over the period before
(``= last x 100 / (100 + rate)``; year 0's is 1), the present values of benefits and costs
and the discounted net; and their sums, named ``pv_benefits`` and ``pv_costs``."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, Kind, cell
from pause_cost.results.economics import Appraisal
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

HEADERS = (
    "Year (t)",
    "Discount rate, % (year t)",
    "Discount factor",
    "PV of benefits",
    "PV of costs",
    "Discounted net",
)


@dataclass(frozen=True)
class Discounted:
    """One period's figures as the engine gives them, and where they are in its JSON."""

    label: str
    total_gbp: Decimal
    cost_gbp: Decimal
    factor: Decimal
    net_gbp: Decimal
    """The discounted net."""
    key: str = ""
    """The period's place in the JSON (its discount_factor, present_value_net_gbp), if any."""


def discount_columns(
    book: Book,
    sheet: Any,
    where: tuple[int, int, int],
    rates: tuple[Decimal, ...],
    year: Discounted,
) -> None:
    """The period's discounting from column ``first``; ``where`` is (row, the council's total
    column (its cost two right), first)."""
    row, total, first = where
    r, index = row + 1, row - 1
    letter = [cell(0, column, False).rstrip("1") for column in range(first + 6)]
    book.number(sheet, row, first, index, "count")
    if index == 0:
        book.text(sheet, row, first + 1, "year 0: none")
        book.number(sheet, row, first + 2, 1, "factor")
    else:
        rate = rates[index - 1]
        if rate == rates[0]:
            book.formula(
                sheet, row, first + 1, "=discount_rate", rate, "count", f"{year.label} rate"
            )
        else:  # a later band of the schedule: its own rate
            book.number(sheet, row, first + 1, rate, "count")
        factor = letter[first + 2]
        book.formula(
            sheet,
            row,
            first + 2,
            f"={factor}{r - 1}*100/(100+{letter[first + 1]}{r})",
            year.factor,
            "factor",
            f"{year.label} discount factor",
            f"{year.key}.discount_factor" if year.key else "",
        )
    factor = f"{letter[first + 2]}{r}"
    for offset, column, figure, what in (
        (3, total, year.total_gbp * year.factor, "PV benefits"),
        (4, total + 2, year.cost_gbp * year.factor, "PV costs"),
    ):
        book.formula(
            sheet,
            row,
            first + offset,
            f"={letter[column]}{r}*{factor}",
            figure,
            "money",
            f"{year.label} {what}",
        )
    book.formula(
        sheet,
        row,
        first + 5,
        f"={letter[first + 3]}{r}-{letter[first + 4]}{r}",
        year.net_gbp,
        "money",
        f"{year.label} discounted",
        f"{year.key}.present_value_net_gbp" if year.key else "",
    )


def present_value_sums(
    book: Book, sheet: Any, where: tuple[int, int], appraisal: Appraisal
) -> None:
    """The sums of the present values on the ``last`` row, from column ``first`` + 3 (where is
    (last, first)); PV of benefits and of costs named for the Summary's economic case."""
    last, first = where
    for offset, figure, named, what in (
        (3, appraisal.pv_benefits_gbp, "pv_benefits", "PV of benefits"),
        (4, appraisal.pv_costs_gbp, "pv_costs", "PV of costs"),
        (5, appraisal.npv_gbp, "", "NPV"),
    ):
        column = first + offset
        letter = cell(0, column, False).rstrip("1")
        book.formula(
            sheet,
            last,
            column,
            f"=SUM({letter}2:{letter}{last})",
            figure,
            "money",
            what,
            f"economics.appraisal.{named or 'npv'}_gbp",
        )
        if named:
            book.define(named, sheet, last, column)


def payback_row(
    book: Book, sheet: Any, last: int, paid: str, found: Decimal | str, kinds: tuple[Kind, str]
) -> None:
    """The first period whose paid-back test (column ``paid``, 1 once cumulative net is at
    least 0) holds, below the ``last`` row, named ``payback_year`` on years after birth and
    ``payback_financial_year`` on financial years (``kinds``: year or text, and which)."""
    kind, which = kinds
    financial = which == "financial_year"
    missing = "not within the cash flow" if financial else "not within the horizon"
    name = "payback_financial_year" if financial else "payback_year"
    book.text(sheet, last + 1, 0, f"Payback, {which.replace('_', ' ')}", "bold")
    book.formula(
        sheet,
        last + 1,
        1,
        f'=IFERROR(INDEX(A2:A{last},MATCH(1,{paid}2:{paid}{last},0)),"{missing}")',
        found,
        kind,
        name.replace("_", " "),
        "economics.calendar.payback_financial_year" if financial else "programme.payback_year",
    )
    book.define(name, sheet, last + 1, 1)


def on_financial_years(estimate: Estimate, layout: Layout) -> bool:
    """Whether the financial-year sheet discounts (a calendar with discounting)."""
    calendar = estimate.economics.calendar
    return (
        estimate.economics.appraisal is not None
        and calendar is not None
        and layout.calendar
        and layout.rates is not None
        and calendar.years[0].discount_factor is not None
    )


def on_years_after_birth(estimate: Estimate, layout: Layout) -> bool:
    """Whether the by-year sheet discounts (discounting without a calendar, the programme's
    cost falling within the horizon, so its rows are every period)."""
    return (
        estimate.economics.appraisal is not None
        and not layout.calendar
        and layout.rates is not None
        and layout.discounts is not None
        and len(layout.periods) == len(estimate.by_year)
    )
