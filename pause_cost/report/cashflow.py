"""The cash flow by year after each avoided birth (formulas over the Lines sheet and the
programme's cost), with a payback test per row and the payback year as a formula; the sheet by
council financial year is :mod:`.financial_years`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pause_cost.report import programme
from pause_cost.report.book import Book, at, cell
from pause_cost.report.discounted import (
    HEADERS,
    Discounted,
    discount_columns,
    on_years_after_birth,
    payback_row,
    present_value_sums,
)
from pause_cost.report.lines import LineRows
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

CASH_COLUMNS = (
    "Cashable",
    "Internal",
    "Total",
    "Other agencies",
    "Programme cost",
    "Net",
    "Cumulative net",
)
"""Both cash-flow sheets' columns after the period (and births): avoidance, cost, net."""
PAID_BACK = "Paid back (1 = yes)"
"""1 once money is spent and the cumulative net is zero or more: the first 1 is payback."""
BY_YEAR = "By year"


def by_year_sheet(
    book: Book, sheet: Any, estimate: Estimate, lines: LineRows, layout: Layout
) -> None:
    discounted = on_years_after_birth(estimate, layout)
    headers = ("Year after birth", *CASH_COLUMNS, PAID_BACK)
    book.header_row(sheet, headers + (HEADERS if discounted else ()), 16)
    cost = layout.cost
    spent = spent_by([year.programme_cost_gbp for year in estimate.by_year])
    for index, year in enumerate(estimate.by_year):
        row, r = index + 1, index + 2
        key = f"by_year.{index}"
        book.number(sheet, row, 0, year.year, "count")

        def falling(classification: str, r: int = r) -> str:
            return f"={lines.per_birth_in_year(classification, f'A{r}')}*births"

        for column, (name, figure) in enumerate(
            (("cashable", year.cashable_gbp), ("internal", year.internal_gbp)), start=1
        ):
            book.formula(
                sheet,
                row,
                column,
                falling(name),
                figure,
                "money",
                f"year {year.year} {name}",
                f"{key}.{name}_gbp",
            )
        book.formula(
            sheet,
            row,
            3,
            f"=B{r}+C{r}",
            year.total_gbp,
            "money",
            f"year {year.year} total",
            f"{key}.total_gbp",
        )
        book.formula(
            sheet,
            row,
            4,
            falling("other_agency"),
            year.other_agencies_gbp,
            "money",
            f"year {year.year} other",
            f"{key}.other_agencies_gbp",
        )
        if cost is not None and layout.calendar:  # the years-after-birth view (a total in year 1)
            book.formula(
                sheet,
                row,
                5,
                f"=programme_cost*{layout.year_shares[index]}",
                year.programme_cost_gbp,
                "money",
                f"year {year.year} programme cost",
                f"{key}.programme_cost_gbp",
            )
        else:
            period_cost(book, sheet, (row, 5), index if cost else None, year, key)
        net_columns(book, sheet, (row, 3), year, spent[index], key)
        if discounted:
            assert layout.rates is not None
            assert layout.discounts is not None
            factor = layout.discounts[index]
            net = (year.total_gbp - year.programme_cost_gbp) * factor
            discount_columns(
                book,
                sheet,
                (row, 3, 9),
                layout.rates,
                Discounted(
                    f"year {year.year}", year.total_gbp, year.programme_cost_gbp, factor, net
                ),
            )
    last = len(estimate.by_year) + 1
    book.text(sheet, last, 0, "Total", "bold")
    book.formula(
        sheet,
        last,
        3,
        f"=SUM(D2:D{last})",
        estimate.horizon.total_gbp,
        "money",
        "by-year total",
        "horizon.total_gbp",
    )
    appraisal = estimate.economics.appraisal
    if discounted and appraisal is not None:
        present_value_sums(book, sheet, (last, 9), appraisal)
    # On a calendar there is one payback, the financial year's (on its own sheet).
    if estimate.programme.cost_gbp is not None and estimate.economics.calendar is None:
        payback = estimate.programme.payback_year
        found = "not within the horizon" if payback is None else Decimal(payback)
        payback_row(book, sheet, last, "I", found, ("year", "years_after_birth"))


def period_cost(
    book: Book, sheet: Any, where: tuple[int, int], index: int | None, year: Any, key: str
) -> None:
    """A period's programme cost: the Programme sheet's cell for period ``index`` (None: the
    engine's figure, where the scenario gives no cost)."""
    row, column = where
    if index is None:
        book.number(sheet, row, column, year.programme_cost_gbp)
        return
    book.formula(
        sheet,
        row,
        column,
        f"={at(book.sheet_name(programme.NAME), programme.period_row(index), programme.COST)}",
        year.programme_cost_gbp,
        "money",
        f"{key} programme cost",
        f"{key}.programme_cost_gbp",
    )


def net_columns(
    book: Book, sheet: Any, where: tuple[int, int], year: Any, spent: bool, key: str
) -> None:
    """From the council's total at ``where`` (its cost two columns right): net, cumulative
    net (over the row above's) and the payback test."""
    row, total = where
    r = row + 1
    letter = [cell(0, total + offset, False)[0] for offset in range(5)]
    book.formula(
        sheet,
        row,
        total + 3,
        f"={letter[0]}{r}-{letter[2]}{r}",
        year.net_gbp,
        "money",
        f"{key} net",
        f"{key}.net_gbp",
    )
    previous = f"+{letter[4]}{r - 1}" if row > 1 else ""
    book.formula(
        sheet,
        row,
        total + 4,
        f"={letter[3]}{r}{previous}",
        year.cumulative_net_gbp,
        "money",
        f"{key} cumulative",
        f"{key}.cumulative_net_gbp",
    )
    covered = (f"SUM(${letter[2]}$2:{letter[2]}{r})>0", f"{letter[4]}{r}>=0")
    paid_back(book, sheet, row, total + 5, covered, spent and year.cumulative_net_gbp >= 0)


def paid_back(
    book: Book, sheet: Any, row: int, column: int, tests: tuple[str, str], paid: bool
) -> None:
    """1 where money has been spent and the cumulative net is zero or more (the engine's
    payback test), else 0; the first 1 is the payback period."""
    spent, covered = tests
    book.formula(
        sheet,
        row,
        column,
        f"=IF(AND({spent},{covered}),1,0)",
        Decimal(int(paid)),
        "count",
        f"paid back {row}",
    )


def spent_by(amounts: list[Decimal]) -> list[bool]:
    """Per period: whether any money has been spent by its end."""
    running, found = Decimal(0), []
    for amount in amounts:
        running += amount
        found.append(running > 0)
    return found
