"""The Lines sheet: each line's inputs, and its cost per avoided birth, immediate and horizon
figures as formulas over them, so every total elsewhere can be a sum over this sheet."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, cell
from pause_cost.results.economics import MovedCost
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

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
    ("Years in immediate", 10),
    ("Years in horizon", 9),
    ("Immediate", 13),
    ("Horizon", 13),
    ("Price year", 9),
    ("Price index", 16),
    ("Source", 60),
    ("Assumption", 60),
)
CLASS, PER_BIRTH, FIRST, LAST, YEARS, IMMEDIATE, HORIZON = 4, 10, 11, 12, 14, 15, 16
"""Columns: class, cost per birth per year, first and last year, years in the horizon, and
the immediate and horizon figures."""
PRINTED = 18
"""The last column printed (the price index): a line's source and assumption, in the widest
columns, are printed on the Sources and Assumptions sheets."""
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
    sheet: str = "Lines"
    steps: tuple[list[Decimal], list[MovedCost]] | None = None
    """The bridge's line factors (column V) and moved costs, where the estimate has either."""

    def column(self, column: int) -> str:
        from xlsxwriter.utility import quote_sheetname

        return f"{quote_sheetname(self.sheet)}!{cell(self.first, column)}:{cell(self.last, column)}"

    def per_birth_in_year(self, classification: str, year: str) -> str:
        """One avoided birth's cost of a class in ``year`` after it (a cell or a number), as a
        SUMPRODUCT over the lines: each line's cost per birth where the year falls in its
        span; with a removal share, times the share applied to it (column V), and with a
        postponement, plus each moved part where the year falls in the span moved on."""
        first, last = self.column(FIRST), self.column(LAST)
        chosen = f'({self.column(CLASS)}="{classification}")'
        falls = f"({first}<={year})*({last}>={year})"
        if self.steps is None:
            return f"SUMPRODUCT({chosen}*{falls}*{self.column(PER_BIRTH)})"
        moved = "".join(
            f"+({cost.part})*(({first}+{cost.years})<={year})*(({last}+{cost.years})>={year})"
            for cost in self.steps[1]
        )
        return (
            f"SUMPRODUCT({chosen}*{self.column(BY_LINE)}*{self.column(PER_BIRTH)}*({falls}{moved}))"
        )


def lines_sheet(book: Book, sheet: Any, estimate: Estimate, layout: Layout) -> LineRows:
    for column, (label, width) in enumerate(LINE_COLUMNS):
        sheet.set_column(column, column, width)
        book.text(sheet, 0, column, label, "header")
    sheet.freeze_panes(1, 2)
    steps = by_line_steps(estimate)
    if steps is not None:
        book.text(sheet, 0, BY_LINE, "Removal share applied", "header")
        sheet.set_column(BY_LINE, BY_LINE, 10)
    sheet.repeat_rows(0)
    sheet.print_area(0, 0, max(len(estimate.lines), 1), PRINTED)
    for index, (line, (immediate, horizon)) in enumerate(
        zip(estimate.lines, layout.line_years, strict=True)
    ):
        row = index + 1
        r = row + 1
        counted = (f"N{r}", f"O{r}")
        if steps is not None:
            factors, moved = steps
            book.number(sheet, row, BY_LINE, factors[index] if factors else Decimal(1), "count")
            counted = (
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
        for column, period, years in ((13, "immediate", immediate), (14, "horizon", horizon)):
            book.formula(
                sheet,
                row,
                column,
                f"=MAX(0,MIN(M{r},{period}_years)-L{r}+1)",
                Decimal(years),
                "count",
                f"{line.table}/{line.id} years in {period}",
            )
        book.formula(
            sheet,
            row,
            IMMEDIATE,
            f"=K{r}*births*{counted[0]}",
            line.immediate_gbp,
            "money",
            f"{line.table}/{line.id} immediate",
        )
        book.formula(
            sheet,
            row,
            HORIZON,
            f"=K{r}*births*{counted[1]}",
            line.horizon_gbp,
            "money",
            f"{line.table}/{line.id} horizon",
        )
        book.text(sheet, row, 17, line.price_year)
        book.text(sheet, row, 18, line.price_index or "")
        book.text(sheet, row, 19, line.source.cite())
        book.text(sheet, row, 20, line.assumption or "")
    return LineRows(first=1, last=max(len(estimate.lines), 1), sheet=sheet.get_name(), steps=steps)
