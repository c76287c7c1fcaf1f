"""The Lines sheet: each line's inputs, and its cost per avoided birth, immediate and horizon
figures as formulas over them, so every total elsewhere can be a sum over this sheet."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, cell
from pause_cost.results.economics import MovedCost
from pause_cost.results.estimate import Estimate

LINE_COLUMNS = (
    ("Table", 22),
    ("Line", 26),
    ("Item", 40),
    ("Stage", 16),
    ("Class", 12),
    ("Agency", 26),
    ("Amount", 12),
    ("Quantity", 9),
    ("Share", 8),
    ("Uprating factor", 10),
    ("Per birth per year", 13),
    ("First year", 7),
    ("Last year", 7),
    ("Years in immediate", 9),
    ("Years in horizon", 9),
    ("Immediate", 13),
    ("Horizon", 13),
    ("Price year", 9),
    ("Price index", 20),
    ("Source", 60),
    ("Assumption", 60),
)
CLASS, PER_BIRTH, FIRST, LAST, IMMEDIATE, HORIZON = 4, 10, 11, 12, 15, 16
BY_LINE = 21
"""With a removal share or a postponement: the removal share applied to the line (column V)."""


def by_line_steps(estimate: Estimate) -> tuple[list[Decimal], list[MovedCost]] | None:
    """The bridge's line factors and moved costs, where the estimate has either."""
    bridge = estimate.economics.bridge
    if bridge is None or not (bridge.line_factors or bridge.moved):
        return None
    return bridge.line_factors, bridge.moved


def moved_years(moved: list[MovedCost], r: int, period: str) -> str:
    """The years a line's moved parts fall within ``period``, each x its part, as a formula
    term (L and M are the line's first and last years)."""
    return "".join(
        f"+({cost.part})*MAX(0,MIN(M{r}+{cost.years},{period})-(L{r}+{cost.years})+1)"
        for cost in moved
    )


@dataclass(frozen=True)
class LineRows:
    first: int
    last: int

    def column(self, column: int) -> str:
        return f"Lines!{cell(self.first, column)}:{cell(self.last, column)}"


def lines_sheet(book: Book, sheet: Any, estimate: Estimate) -> LineRows:
    for column, (label, width) in enumerate(LINE_COLUMNS):
        book.text(sheet, 0, column, label, "header")
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 2)
    steps = by_line_steps(estimate)
    if steps is not None:
        book.text(sheet, 0, BY_LINE, "Removal share applied", "header")
        sheet.set_column(BY_LINE, BY_LINE, 10)
    for index, line in enumerate(estimate.lines):
        row = index + 1
        r = row + 1
        years = (f"N{r}", f"O{r}")
        if steps is not None:
            factors, moved = steps
            book.number(sheet, row, BY_LINE, factors[index] if factors else Decimal(1), "count")
            years = (
                f"V{r}*(N{r}{moved_years(moved, r, 'immediate_years')})",
                f"V{r}*(O{r}{moved_years(moved, r, 'horizon_years')})",
            )
        book.text(sheet, row, 0, line.table)
        book.text(sheet, row, 1, line.id)
        book.text(sheet, row, 2, line.item)
        book.text(sheet, row, 3, line.stage)
        book.text(sheet, row, 4, line.classification)
        book.text(sheet, row, 5, line.agency)
        book.number(sheet, row, 6, line.amount_gbp)
        book.number(sheet, row, 7, line.quantity_per_child, "count")
        book.number(sheet, row, 8, line.share_of_children, "count")
        book.number(sheet, row, 9, line.uprating_factor, "count")
        book.formula(
            sheet,
            row,
            PER_BIRTH,
            f"=G{r}*H{r}*I{r}*J{r}",
            line.per_avoided_birth_per_year_gbp,
            "money",
            f"{line.table}/{line.id} per birth",
        )
        book.number(sheet, row, FIRST, line.first_year, "count")
        book.number(sheet, row, LAST, line.last_year, "count")
        sheet.write_formula(
            row, 13, f"=MAX(0,MIN(M{r},immediate_years)-L{r}+1)", book.formats["number"], 0
        )
        sheet.write_formula(
            row, 14, f"=MAX(0,MIN(M{r},horizon_years)-L{r}+1)", book.formats["number"], 0
        )
        book.formula(
            sheet,
            row,
            IMMEDIATE,
            f"=K{r}*births*{years[0]}",
            line.immediate_gbp,
            "money",
            f"{line.table}/{line.id} immediate",
        )
        book.formula(
            sheet,
            row,
            HORIZON,
            f"=K{r}*births*{years[1]}",
            line.horizon_gbp,
            "money",
            f"{line.table}/{line.id} horizon",
        )
        book.text(sheet, row, 17, line.price_year)
        book.text(sheet, row, 18, line.price_index or "")
        book.text(sheet, row, 19, line.source.cite())
        book.text(sheet, row, 20, line.assumption or "")
    return LineRows(first=1, last=max(len(estimate.lines), 1))
