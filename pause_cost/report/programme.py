"""The Programme and funders sheet: the programme's cost by period as formulas over the cost as
given on the Summary (``programme_cost_given``), each period's share, the factor that brings it
to the savings' price year and any optimism-bias uplift; their total is the named cell
``programme_cost`` every net figure reads. Then each funder's share, cost and net."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, cell
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

NAME = "Programme and funders"
HEADER_ROW = 3
COST = 6
"""The column of each period's cost in the savings' prices."""
COLUMNS = (
    ("Period", 36),
    ("Weight as given", 14),
    ("Share of the cost", 14),
    ("Cost as given", 16),
    ("Price factor", 14),
    ("Optimism bias uplift", 14),
    ("Cost in the savings' prices", 18),
)


def period_row(index: int) -> int:
    """The row (0-based) of the cost in period ``index`` (the layout's order)."""
    return HEADER_ROW + 1 + index


def programme_sheet(book: Book, sheet: Any, estimate: Estimate, layout: Layout) -> None:
    programme = estimate.programme
    book.text(sheet, 0, 0, "Programme cost by period", "title")
    book.text(
        sheet, 1, 0, programme.source.cite() if programme.source else "not given: figures are gross"
    )
    for column, (_, width) in enumerate(COLUMNS):
        sheet.set_column(column, column, width)
    row = HEADER_ROW
    cost = layout.cost
    if cost is not None:
        price_base = estimate.economics.price_base
        book.note(
            sheet,
            2,
            "Each period's cost = the cost as given x its share (weight / "
            f"{cost.divisor}) x price factor x uplift."
            + (f" {price_base.statement}" if price_base is not None else ""),
            len(COLUMNS) - 1,
        )
        for column, (label, _) in enumerate(COLUMNS):
            book.text(sheet, row, column, label, "header")
        for index, (period, given, factor, amount) in enumerate(
            zip(layout.periods, cost.given, cost.factors, cost.by_period, strict=True)
        ):
            row = period_row(index)
            r = row + 1
            book.text(sheet, row, 0, period)
            if given is None:
                book.number(sheet, row, COST, Decimal(0))
                continue
            if cost.path is None:  # a profile: each period's amount is an input
                book.number(sheet, row, 3, given)
            else:
                book.number(sheet, row, 1, given, "count")
                book.formula(
                    sheet,
                    row,
                    2,
                    f"=B{r}/{cost.divisor}",
                    given / cost.divisor,
                    "factor",
                    f"{period} cost share",
                )
                book.formula(
                    sheet,
                    row,
                    3,
                    f"=programme_cost_given*C{r}",
                    cost.value * given / cost.divisor,
                    "money",
                    f"{period} cost as given",
                )
            book.number(sheet, row, 4, factor if factor is not None else Decimal(1), "factor")
            book.number(sheet, row, 5, cost.uplift or Decimal(1), "factor")
            book.formula(
                sheet,
                row,
                COST,
                f"=D{r}*E{r}*F{r}",
                amount,
                "money",
                f"{period} programme cost",
                _period_key(layout, index, estimate),
            )
        row = period_row(len(layout.periods))
        book.text(sheet, row, 0, "Total", "bold")
        total = programme.cost_gbp if programme.cost_gbp is not None else Decimal(0)
        book.formula(
            sheet,
            row,
            COST,
            f"=SUM({cell(period_row(0), COST)}:{cell(row - 1, COST)})",
            total,
            "money",
            "programme cost",
            "programme.cost_gbp",
        )
        book.workbook.define_name("programme_cost", f"='{NAME}'!{cell(row, COST)}")
        row += 2
    _funders(book, sheet, estimate, row)


def _period_key(layout: Layout, index: int, estimate: Estimate) -> str:
    if layout.calendar and estimate.economics.calendar is not None:
        return f"economics.calendar.years.{index}.programme_cost_gbp"
    return ""


def _funders(book: Book, sheet: Any, estimate: Estimate, row: int) -> None:
    funders = estimate.economics.funders
    if funders is None:
        return
    for column, label in enumerate(("Funder", "Kind", "Share", "Cost", "Cost avoided", "Net")):
        book.text(sheet, row, column, label, "header")
    for index, position in enumerate(funders.positions):
        at, r = row + 1 + index, row + 2 + index
        book.text(sheet, at, 0, position.name)
        book.text(sheet, at, 1, position.kind)
        book.number(sheet, at, 2, position.share_of_programme_cost, "count")
        book.formula(
            sheet,
            at,
            3,
            f"=C{r}*programme_cost",
            position.cost_gbp,
            "money",
            f"{position.name} cost",
            f"economics.funders.positions.{index}.cost_gbp",
        )
        book.number(sheet, at, 4, position.savings_gbp)
        book.formula(
            sheet,
            at,
            5,
            f"=E{r}-D{r}",
            position.net_gbp,
            "money",
            f"{position.name} net",
        )
    book.text(
        sheet,
        row + 2 + len(funders.positions),
        0,
        "Each funder's cost avoided is the engine's (its lines' share of the cash flow).",
    )
