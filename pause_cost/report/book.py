"""The workbook being written: its formats, the formulas it holds with the value each must give
(:class:`Check`), and the one way each kind of cell is written (text never as a formula).

Every formula is written by :meth:`Book.formula`, with the engine's value cached as its result
(a viewer that does not calculate shows it) and recorded for a test to recalculate. Every
figure has a number format for its kind (pounds, a ratio to two places, a factor to six, a
count to the places it has), so no cell shows a float's digits.

The workbook has a fixed creation date, so the same inputs give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

CREATED = datetime(2020, 3, 3)
"""The workbook's fixed creation date (the day of Rotherham's impact report), so that the
same inputs give the same bytes; a date asked for with ``--date`` is printed in the sheet."""

Kind = Literal["money", "ratio", "count", "factor", "text"]
"""What a figure is: pounds, a ratio (per £1, benefit-cost), a count or rate (births, years,
a birth rate), a factor (deflator, discount, a timing share), or a formula giving text."""
MONEY = "£#,##0;-£#,##0"
FORMATS: dict[str, str] = {
    "money": MONEY,
    "ratio": "0.00",
    "factor": "0.000000",
    "text": "@",
}
COUNT_PLACES = 4
"""A count or rate is shown to the places it has, at most four (14.85 births, a rate of 0.33,
a window of 2.25 years, 5 years)."""


def count_format(value: Decimal | int | float | None) -> str:
    """A count's format: whole numbers with thousands marked, else its own places (to four)."""
    if value is None:
        return "#,##0"
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    places = min(COUNT_PLACES, max(0, -exponent)) if isinstance(exponent, int) else 0
    return "#,##0" + ("." + "0" * places if places else "")


@dataclass(frozen=True)
class Check:
    """A formula cell and the figure the engine gives for it."""

    sheet: str
    row: int
    column: int
    expected: Decimal | str
    kind: Kind
    what: str
    key: str = ""
    """Where the figure is in the estimate's JSON (``economics.appraisal.npv_gbp``), if it is
    one of its figures: a test compares the recalculated cell with it after an edit."""


@dataclass
class Book:
    """The workbook being written, and the checks its formulas must meet."""

    workbook: Any
    formats: dict[str, Any]
    checks: list[Check] = field(default_factory=list)
    refs: dict[str, list[str]] = field(default_factory=dict)
    """Cells one sheet's formulas read from another, by what they hold (each cohort's avoided
    births on the Summary: ``cohort_avoided``)."""
    cache: bool = True
    """Store the engine's value as each formula's cached result (a viewer that does not
    calculate shows it); a test turns it off to prove a spreadsheet engine computes them."""

    def style(self, kind: Kind, value: Decimal | int | float | str | None = None) -> Any:
        """The cell format for a figure of ``kind`` (a count's by its places)."""
        if kind == "count":
            number = None if isinstance(value, str) else value
            name = count_format(number)
            if name not in self.formats:
                self.formats[name] = self.workbook.add_format({"num_format": name})
            return self.formats[name]
        return self.formats[kind]

    def formula(
        self,
        sheet: Any,
        row: int,
        column: int,
        formula: str,
        expected: Decimal | str,
        kind: Kind = "money",
        what: str = "",
        key: str = "",
    ) -> None:
        """Write a formula with the engine's value cached, and record it for checking."""
        cached: float | str
        if isinstance(expected, str):
            cached = expected if self.cache else ""
        else:
            cached = float(expected) if self.cache else 0
        sheet.write_formula(row, column, formula, self.style(kind, expected), cached)
        self.checks.append(Check(sheet.get_name(), row, column, expected, kind, what, key))

    def text(self, sheet: Any, row: int, column: int, value: str | None, style: str = "") -> None:
        """Text as text, never a formula, however it begins."""
        sheet.write_string(row, column, value or "", self.formats.get(style))

    def header_row(self, sheet: Any, headers: tuple[str, ...], width: int) -> None:
        """A frozen header row over columns of one width, the first column frozen too."""
        for column, label in enumerate(headers):
            self.text(sheet, 0, column, label, "header")
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 1)
        sheet.repeat_rows(0)

    def number(
        self,
        sheet: Any,
        row: int,
        column: int,
        value: Decimal | int | float | None,
        kind: Kind = "money",
    ) -> None:
        if value is None:
            sheet.write_blank(row, column, None)
            return
        sheet.write_number(row, column, float(value), self.style(kind, value))


def print_setup(sheet: Any, *, landscape: bool = False, width_pages: int = 1) -> None:
    """A4, narrow margins, fitted to ``width_pages`` pages across (as many down as it takes),
    gridlines printed, the sheet's name and page number in the footer."""
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.fit_to_pages(width_pages, 0)
    sheet.hide_gridlines(0)
    sheet.set_footer("&L&A&RPage &P of &N")


def at(sheet: str, row: int, column: int) -> str:
    """An absolute reference to a cell of another sheet: 'By year'!$B$2."""
    return f"'{sheet}'!{cell(row, column)}"


def span(sheet: str, first: int, last: int, column: int) -> str:
    """An absolute reference to rows ``first`` to ``last`` of a column of another sheet."""
    return f"'{sheet}'!{cell(first, column)}:{cell(last, column)}"


def cell(row: int, column: int, absolute: bool = True) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    return str(xl_rowcol_to_cell(row, column, row_abs=absolute, col_abs=absolute))
