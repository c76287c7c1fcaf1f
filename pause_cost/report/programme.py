"""The Programme and funders sheet: the programme's cost by period as formulas over the cost as
given on the Summary (``programme_cost_given``), each period's share, the factor that brings it
to the savings' price year and any optimism-bias uplift; their total is the named cell
``programme_cost`` every net figure reads. Then each funder's share, cost and net."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, cell
from pause_cost.report.lines import HORIZON, LineRows
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

NAME = "Programme and funders"
HEADER_ROW = 3
COST = 6
"""The column of each period's cost in the savings' prices."""
COLUMNS = (
    ("Period", 36),
    ("Weight as given", 18),
    ("Share of the cost", 14),
    ("Cost as given", 16),
    ("Price factor", 14),
    ("Optimism bias uplift", 14),
    ("Cost in the unit costs' prices", 18),
)


def period_row(index: int) -> int:
    """The row (0-based) of the cost in period ``index`` (the layout's order)."""
    return HEADER_ROW + 1 + index


def funder_row(layout: Layout, index: int) -> int:
    """The row (0-based) of funder ``index`` in the table below the periods."""
    header = period_row(len(layout.periods)) + 2 if layout.cost is not None else HEADER_ROW
    return header + 1 + index


def programme_sheet(
    book: Book, sheet: Any, estimate: Estimate, layout: Layout, lines: LineRows
) -> None:
    programme = estimate.programme
    book.text(sheet, 0, 0, "Programme cost by period", "title")
    for column, (_, width) in enumerate(COLUMNS):
        sheet.set_column(column, column, width)
    cited = programme.source.cite() if programme.source else "not given: figures are gross"
    book.note(sheet, 1, cited, len(COLUMNS) - 1)
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
        book.define("programme_cost", sheet, row, COST)
        row += 2
    _funders(book, sheet, (estimate, layout, lines), row)


def _period_key(layout: Layout, index: int, estimate: Estimate) -> str:
    if layout.calendar and estimate.economics.calendar is not None:
        return f"economics.calendar.years.{index}.programme_cost_gbp"
    return ""


def _funders(book: Book, sheet: Any, case: tuple[Estimate, Layout, LineRows], row: int) -> None:
    """Each funder's share, cost, cost avoided and net; its cost avoided is births x the sum
    over its lines (the table below: 1 where a line's savings fall to it) of cost per birth x
    years in the horizon."""
    estimate, layout, lines = case
    funders = estimate.economics.funders
    if funders is None:
        return
    names = [position.name for position in funders.positions]
    live = [name for name, _ in layout.funders] == names
    for column, label in enumerate(("Funder", "Kind", "Share", "Cost", "Cost avoided", "Net")):
        book.text(sheet, row, column, label, "header")
    whose = row + len(funders.positions) + 3  # the header row of whose lines are whose
    for index, position in enumerate(funders.positions):
        at, r = row + 1 + index, row + 2 + index
        key = f"economics.funders.positions.{index}"
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
            f"{key}.cost_gbp",
        )
        if live:
            first, last = whose + 1, whose + len(estimate.lines)
            members = f"{cell(first, 2 + index)}:{cell(last, 2 + index)}"
            book.formula(
                sheet,
                at,
                4,
                f"=SUMPRODUCT({lines.column(HORIZON)},{members})",
                position.savings_gbp,
                "money",
                f"{position.name} cost avoided",
                f"{key}.savings_gbp",
            )
        else:
            book.number(sheet, at, 4, position.savings_gbp)
        book.formula(
            sheet,
            at,
            5,
            f"=E{r}-D{r}",
            position.net_gbp,
            "money",
            f"{position.name} net",
            f"{key}.net_gbp" if live else "",
        )
    if not live:
        return
    book.text(
        sheet,
        whose - 1,
        0,
        "Whose lines: 1 where a line's cost avoided falls to the funder",
        "bold",
    )
    book.text(sheet, whose, 0, "Table", "header")
    book.text(sheet, whose, 1, "Line", "header")
    for index, name in enumerate(names):
        book.text(sheet, whose, 2 + index, name, "header")
    for number, line in enumerate(estimate.lines):
        at = whose + 1 + number
        book.text(sheet, at, 0, line.table)
        book.text(sheet, at, 1, line.id)
        for index, (_, flags) in enumerate(layout.funders):
            book.number(sheet, at, 2 + index, flags[number], "count")
