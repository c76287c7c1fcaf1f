"""The workbook being written: its formats, the formulas it holds with the value each must give
(:class:`Check`), and the one way each kind of cell is written (text never as a formula).

Every formula is written by :meth:`Book.formula`, with the engine's value cached as its result
(a viewer that does not calculate shows it) and recorded for a test to recalculate. Every
figure has a number format for its kind (pounds, a ratio to two places, a factor to six, a
count to the places it has), so no cell shows a float's digits.

The workbook has a fixed creation date, so the same inputs give the same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

CREATED = datetime(2020, 3, 3)
"""The workbook's fixed creation date (the day of Rotherham's impact report), so that the
same inputs give the same bytes; a date asked for with ``--date`` is printed in the sheet."""

Kind = Literal["money", "ratio", "count", "factor", "year", "text"]
"""What a figure is: pounds, a ratio (per £1, benefit-cost), a count or rate (births, years,
a birth rate), a factor (deflator, discount, a timing share), or a formula giving text."""
MONEY = "£#,##0;-£#,##0"
FORMATS: dict[str, str] = {
    "money": MONEY,
    "ratio": "0.00",
    "factor": "0.000000;-0.000000;0",
    "year": '"year "0',
    "text": "@",
}
WRAPPED = frozenset(("wrap", "header", "warning"))
LINE_HEIGHT = 15.0
"""A row's height per line of wrapped text, in points."""
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
    heights: dict[tuple[str, int], float] = field(default_factory=dict)
    refs: dict[str, list[str]] = field(default_factory=dict)
    """Cells one sheet's formulas read from another, by what they hold (each cohort's avoided
    births on the Summary: ``cohort_avoided``)."""
    cache: bool = True
    """Store the engine's value as each formula's cached result (a viewer that does not
    calculate shows it); a test turns it off to prove a spreadsheet engine computes them."""
    scopes: tuple[str, ...] = ()
    """The sheets the names now defined belong to; none, names of the whole workbook. A
    region's workbook names each council's inputs on that council's own sheets, so its
    councils' ``births`` do not clash."""
    names: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """Each name defined last, with its sheet, row and column."""
    prefix: str = ""
    """Put before the name of each sheet of an estimate: a region's workbook writes each
    council's sheets under its number ('2 Summary', '2 Lines', ...)."""

    def sheet_name(self, name: str) -> str:
        """The name an estimate's sheet (``Summary``, ``Lines``, ``Timing``...) is written under."""
        return self.prefix + name

    def define(self, name: str, sheet: Any, row: int, column: int) -> None:
        """Name a cell: in the whole workbook, or on each sheet of :attr:`scopes`."""
        from xlsxwriter.utility import quote_sheetname

        target = f"={quote_sheetname(sheet.get_name())}!{cell(row, column)}"
        self.names[name] = (sheet.get_name(), row, column)
        if not self.scopes:
            self.workbook.define_name(name, target)
        for scope in self.scopes:
            self.workbook.define_name(f"{quote_sheetname(scope)}!{name}", target)

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
        """Text as text, never a formula, however it begins; wrapped text (and a header)
        makes its row tall enough to show it, as a spreadsheet does not on opening."""
        sheet.write_string(row, column, value or "", self.formats.get(style))
        if style in WRAPPED and value:
            # Bold headers run about a quarter wider than body text.
            width = _chars(sheet, column) * (1.0 if style == "wrap" else 0.8)
            self.fit(sheet, row, value, width)

    def note(self, sheet: Any, row: int, value: str, last_column: int) -> None:
        """A paragraph across columns A to ``last_column``, wrapped, its row sized to it."""
        sheet.merge_range(row, 0, row, last_column, "", self.formats["wrap"])
        sheet.write_string(row, 0, value, self.formats["wrap"])
        width = sum(_chars(sheet, column) for column in range(last_column + 1))
        self.fit(sheet, row, value, width)

    def fit(self, sheet: Any, row: int, value: str, width: float) -> None:
        """Make the row at least as tall as ``value`` wrapped at ``width`` characters."""
        lines = sum(max(1, math.ceil(len(part) * 0.8 / width)) for part in value.split("\n"))
        key = (sheet.get_name(), row)
        height = max(self.heights.get(key, LINE_HEIGHT), LINE_HEIGHT * lines)
        self.heights[key] = height
        sheet.set_row(row, height)

    def header_row(self, sheet: Any, headers: tuple[str, ...], width: int) -> None:
        """A frozen header row over columns of one width, the first column frozen too."""
        for column, label in enumerate(headers):
            sheet.set_column(column, column, width)
            self.text(sheet, 0, column, label, "header")
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
    gridlines printed, the sheet's name and page number in the footer; the print area is the
    cells written (unless the sheet set its own), so overflowing text adds no blank pages."""
    if not sheet.print_area_range and sheet.dim_colmax is not None:
        sheet.print_area(0, 0, sheet.dim_rowmax, sheet.dim_colmax)
    sheet.set_paper(9)
    if landscape:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    sheet.fit_to_pages(width_pages, 0)
    sheet.hide_gridlines(0)
    sheet.set_footer("&L&A&RPage &P of &N")


def _chars(sheet: Any, column: int) -> float:
    """A column's width in characters (the default where none was set)."""
    info = getattr(sheet, "col_info", {}).get(column)
    pixels = getattr(info, "width", None)
    return 8.43 if not pixels else max(1.0, (pixels - 5) / 7)


def at(sheet: str, row: int, column: int) -> str:
    """An absolute reference to a cell of another sheet: 'By year'!$B$2."""
    return f"'{sheet}'!{cell(row, column)}"


def span(sheet: str, first: int, last: int, column: int) -> str:
    """An absolute reference to rows ``first`` to ``last`` of a column of another sheet."""
    return f"'{sheet}'!{cell(first, column)}:{cell(last, column)}"


def open_book(buffer: Any, title: str, *, cache: bool = True) -> Book:
    """A new workbook writing into ``buffer``, with its fixed properties and formats."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    workbook.set_properties(
        {"title": title, "author": "pause-cost", "created": CREATED, "comments": "pause-cost"}
    )
    formats = {
        **{kind: workbook.add_format({"num_format": code}) for kind, code in FORMATS.items()},
        "header": workbook.add_format(
            {"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"}
        ),
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "bold": workbook.add_format({"bold": True}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "warning": workbook.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "font_color": "#9C0006"}
        ),
    }
    return Book(workbook, formats, cache=cache)


def cell(row: int, column: int, absolute: bool = True) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    return str(xl_rowcol_to_cell(row, column, row_abs=absolute, col_abs=absolute))
