"""The workbook being written: its formats, the formulas it holds with the value each must give
(:class:`Check`), and the one way each kind of cell is written (text never as a formula).

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

Kind = Literal["money", "ratio", "count"]
MONEY = "£#,##0;-£#,##0"


@dataclass(frozen=True)
class Check:
    """A formula cell and the figure the engine gives for it."""

    sheet: str
    row: int
    column: int
    expected: Decimal
    kind: Kind
    what: str


@dataclass
class Book:
    """The workbook being written, and the checks its formulas must meet."""

    workbook: Any
    formats: dict[str, Any]
    checks: list[Check] = field(default_factory=list)
    cache: bool = True
    """Store the engine's value as each formula's cached result (a viewer that does not
    calculate shows it); a test turns it off to prove a spreadsheet engine computes them."""
    scopes: tuple[str, ...] = ()
    """The sheets the names now defined belong to; none, names of the whole workbook. A
    region's workbook names each council's inputs on that council's own sheets, so its
    councils' ``births`` do not clash."""
    names: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """Each name defined last, with its sheet, row and column."""

    def define(self, name: str, sheet: Any, row: int, column: int) -> None:
        """Name a cell: in the whole workbook, or on each sheet of :attr:`scopes`."""
        from xlsxwriter.utility import quote_sheetname

        target = f"={quote_sheetname(sheet.get_name())}!{cell(row, column)}"
        self.names[name] = (sheet.get_name(), row, column)
        if not self.scopes:
            self.workbook.define_name(name, target)
        for scope in self.scopes:
            self.workbook.define_name(f"{quote_sheetname(scope)}!{name}", target)

    def formula(
        self,
        sheet: Any,
        row: int,
        column: int,
        formula: str,
        expected: Decimal,
        kind: Kind = "money",
        what: str = "",
    ) -> None:
        """Write a formula with the engine's value cached, and record it for checking."""
        style = self.formats["money" if kind == "money" else "number"]
        sheet.write_formula(row, column, formula, style, float(expected) if self.cache else 0)
        self.checks.append(Check(sheet.get_name(), row, column, expected, kind, what))

    def text(self, sheet: Any, row: int, column: int, value: str | None, style: str = "") -> None:
        """Text as text, never a formula, however it begins."""
        sheet.write_string(row, column, value or "", self.formats.get(style))

    def header_row(self, sheet: Any, headers: tuple[str, ...], width: int) -> None:
        """A frozen header row over columns of one width, the first column frozen too."""
        for column, label in enumerate(headers):
            self.text(sheet, 0, column, label, "header")
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 1)

    def number(
        self, sheet: Any, row: int, column: int, value: Decimal | int | None, kind: Kind = "money"
    ) -> None:
        if value is None:
            sheet.write_blank(row, column, None)
            return
        style = self.formats["money" if kind == "money" else "number"]
        sheet.write_number(row, column, float(value), style)


def open_book(buffer: Any, title: str, *, cache: bool = True) -> Book:
    """A new workbook writing into ``buffer``, with its fixed properties and formats."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    workbook.set_properties(
        {"title": title, "author": "pause-cost", "created": CREATED, "comments": "pause-cost"}
    )
    formats = {
        "money": workbook.add_format({"num_format": MONEY}),
        "number": workbook.add_format({"num_format": "0.############"}),
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
