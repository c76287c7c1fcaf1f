"""The cash-flow sheets: by year after each avoided birth (formulas over the Lines sheet), by
council financial year (the engine's spread, summed by formulas), and the programme's cost
with each funder's share."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book
from pause_cost.report.lines import BY_LINE, CLASS, FIRST, LAST, PER_BIRTH, LineRows, by_line_steps
from pause_cost.results.estimate import Estimate

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


def by_year_sheet(book: Book, sheet: Any, estimate: Estimate, lines: LineRows) -> None:
    headers = ("Year after birth", *CASH_COLUMNS)
    book.header_row(sheet, headers, 16)
    steps = by_line_steps(estimate)
    for index, year in enumerate(estimate.by_year):
        row, r = index + 1, index + 2
        book.number(sheet, row, 0, year.year, "count")

        def falling(classification: str, r: int = r) -> str:
            first, last = lines.column(FIRST), lines.column(LAST)
            chosen = f'({lines.column(CLASS)}="{classification}")'
            if steps is None:
                return (
                    f"=SUMPRODUCT({chosen}*({first}<=A{r})"
                    f"*({last}>=A{r})*{lines.column(PER_BIRTH)})*births"
                )
            moved = "".join(
                f"+({cost.part})*(({first}+{cost.years})<=A{r})*(({last}+{cost.years})>=A{r})"
                for cost in steps[1]
            )
            return (
                f"=SUMPRODUCT({chosen}*{lines.column(BY_LINE)}*{lines.column(PER_BIRTH)}"
                f"*(({first}<=A{r})*({last}>=A{r}){moved}))*births"
            )

        book.formula(
            sheet,
            row,
            1,
            falling("cashable"),
            year.cashable_gbp,
            "money",
            f"year {year.year} cashable",
        )
        book.formula(
            sheet,
            row,
            2,
            falling("internal"),
            year.internal_gbp,
            "money",
            f"year {year.year} internal",
        )
        book.formula(
            sheet, row, 3, f"=B{r}+C{r}", year.total_gbp, "money", f"year {year.year} total"
        )
        book.formula(
            sheet,
            row,
            4,
            falling("other_agency"),
            year.other_agencies_gbp,
            "money",
            f"year {year.year} other",
        )
        book.number(sheet, row, 5, year.programme_cost_gbp)
        book.formula(sheet, row, 6, f"=D{r}-F{r}", year.net_gbp, "money", f"year {year.year} net")
        previous = f"+H{r - 1}" if index else ""
        book.formula(
            sheet,
            row,
            7,
            f"=G{r}{previous}",
            year.cumulative_net_gbp,
            "money",
            f"year {year.year} cumulative",
        )
    last = len(estimate.by_year) + 1
    book.text(sheet, last, 0, "Total", "bold")
    book.formula(
        sheet, last, 3, f"=SUM(D2:D{last})", estimate.horizon.total_gbp, "money", "by-year total"
    )


def financial_year_sheet(book: Book, sheet: Any, estimate: Estimate) -> None:
    calendar = estimate.economics.calendar
    assert calendar is not None
    headers = ("Financial year", "Births", *CASH_COLUMNS, "Discount factor", "Discounted net")
    book.header_row(sheet, headers, 15)
    for index, year in enumerate(calendar.years):
        row, r = index + 1, index + 2
        book.text(sheet, row, 0, year.financial_year)
        book.number(sheet, row, 1, year.avoided_births, "count")
        book.number(sheet, row, 2, year.cashable_gbp)
        book.number(sheet, row, 3, year.internal_gbp)
        book.formula(
            sheet, row, 4, f"=C{r}+D{r}", year.total_gbp, "money", f"{year.financial_year} total"
        )
        book.number(sheet, row, 5, year.other_agencies_gbp)
        book.number(sheet, row, 6, year.programme_cost_gbp)
        book.formula(
            sheet, row, 7, f"=E{r}-G{r}", year.net_gbp, "money", f"{year.financial_year} net"
        )
        previous = f"+I{r - 1}" if index else ""
        book.formula(
            sheet,
            row,
            8,
            f"=H{r}{previous}",
            year.cumulative_net_gbp,
            "money",
            f"{year.financial_year} cumulative",
        )
        if year.discount_factor is not None and year.present_value_net_gbp is not None:
            book.number(sheet, row, 9, year.discount_factor, "count")
            book.formula(
                sheet,
                row,
                10,
                f"=H{r}*J{r}",
                year.present_value_net_gbp,
                "money",
                f"{year.financial_year} discounted",
            )
    last = len(calendar.years) + 1
    book.text(sheet, last, 0, "Total", "bold")
    book.formula(
        sheet,
        last,
        4,
        f"=SUM(E2:E{last})",
        estimate.horizon.total_gbp,
        "money",
        "financial years total",
    )
    book.formula(
        sheet,
        last,
        6,
        f"=SUM(G2:G{last})",
        calendar.programme_cost_gbp,
        "money",
        "financial years cost",
    )
    appraisal = estimate.economics.appraisal
    if appraisal is not None and calendar.years[0].discount_factor is not None:
        book.formula(sheet, last, 10, f"=SUM(K2:K{last})", appraisal.npv_gbp, "money", "NPV")
    book.text(
        sheet,
        last + 2,
        0,
        "Births and amounts by financial year are the engine's: births spread evenly over each "
        "cohort's window by month, each year's cost over its 12 months. " + calendar.convention,
    )


def programme_sheet(book: Book, sheet: Any, estimate: Estimate) -> None:
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, 5, 16)
    programme = estimate.programme
    book.text(sheet, 0, 0, "Programme cost", "header")
    book.formula(
        sheet, 0, 1, "=programme_cost", programme.cost_gbp or Decimal(0), "money", "programme cost"
    )
    book.text(
        sheet, 1, 0, programme.source.cite() if programme.source else "not given: figures are gross"
    )
    funders = estimate.economics.funders
    if funders is None:
        return
    for column, label in enumerate(("Funder", "Kind", "Share", "Cost", "Cost avoided", "Net")):
        book.text(sheet, 3, column, label, "header")
    for index, position in enumerate(funders.positions):
        row, r = 4 + index, 5 + index
        book.text(sheet, row, 0, position.name)
        book.text(sheet, row, 1, position.kind)
        book.number(sheet, row, 2, position.share_of_programme_cost, "count")
        book.formula(
            sheet,
            row,
            3,
            f"=C{r}*programme_cost",
            position.cost_gbp,
            "money",
            f"{position.name} cost",
        )
        book.number(sheet, row, 4, position.savings_gbp)
        book.formula(
            sheet, row, 5, f"=E{r}-D{r}", position.net_gbp, "money", f"{position.name} net"
        )
