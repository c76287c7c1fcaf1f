"""The sheets of the analyses run with the pack (sensitivity, break-even, Monte Carlo), written
from their render documents: the paragraphs and tables a Markdown report shows, in the same
order and words, each figure a number in its cell (the engine's, unrounded, formatted as the
page shows it). Nothing is laid out here by hand, so the workbook says what the report says.
"""

from __future__ import annotations

import re
from typing import Any

from pause_cost.render.contracts import contract_document
from pause_cost.render.document import Count, Document, Money, Paragraph, Ratio, Table
from pause_cost.render.options import acceptability_document, options_document
from pause_cost.render.simulation import simulation_document
from pause_cost.render.uncertainty import (
    breakeven_document,
    tornado_document,
)
from pause_cost.report.book import Book
from pause_cost.report.pack import Pack
from pause_cost.report.view import MEDIUM, shown_blocks

WHOLE = re.compile(r"-?\d{1,3}(,\d{3})*")
"""A whole number a document writes as text with its thousands marked (a histogram's draws):
in a numeric column it is a number in the sheet."""

FIRST_WIDTH = 50
"""The first column holds an input's path or an outcome's name."""
WIDTH = 18


def analysis_sheets(book: Book, pack: Pack) -> None:
    """A sheet for each analysis that was run, and the outcomes contract where the scenario has
    one, in the order a report shows them."""
    for name, document in (
        ("Sensitivity", tornado_document(pack.tornado) if pack.tornado else None),
        ("Break-even", breakeven_document(pack.breakeven) if pack.breakeven else None),
        ("Monte Carlo", simulation_document(pack.simulation) if pack.simulation else None),
        ("Options", options_document(pack.options) if pack.options else None),
        (
            "Acceptability",
            acceptability_document(pack.acceptability) if pack.acceptability else None,
        ),
        ("Contract", contract_document(pack.contract) if pack.contract else None),
    ):
        if document is not None:
            document_sheet(book, book.workbook.add_worksheet(name), document)


def document_sheet(book: Book, sheet: Any, document: Document) -> None:
    """A document's blocks down a sheet: its title, then each paragraph a row of text and each
    table a header row and its rows, a blank row after each table."""
    sheet.set_column(0, 0, FIRST_WIDTH)
    book.text(sheet, 0, 0, document.title, "bold")
    row = 2
    for block in shown_blocks(document):
        if isinstance(block, Paragraph):
            book.text(sheet, row, 0, block.text)
            row += 1
        elif isinstance(block, Table):
            row = _table(book, sheet, block, row) + 1
    sheet.set_column(1, _widest(document), WIDTH)


def _table(book: Book, sheet: Any, table: Table, row: int) -> int:
    """The table's columns and rows for the report's medium; returns the row after it."""
    keep = [index for index, column in enumerate(table.columns) if MEDIUM in column.media]
    for column, index in enumerate(keep):
        book.text(sheet, row, column, table.columns[index].label, "header")
    row += 1
    for line in table.rows:
        if MEDIUM not in line.media:
            continue
        for column, index in enumerate(keep):
            value = line.cells[index]
            if isinstance(value, Money):
                book.number(sheet, row, column, value.value, "money")
            elif isinstance(value, Count | Ratio):
                book.number(sheet, row, column, value.value, "count")
            elif table.columns[index].numeric and WHOLE.fullmatch(value):
                book.number(sheet, row, column, int(value.replace(",", "")), "count")
            else:
                book.text(sheet, row, column, value)
        row += 1
    return row


def _widest(document: Document) -> int:
    return max(
        (
            len(block.columns)
            for section in document.sections
            for block in section.blocks
            if isinstance(block, Table)
        ),
        default=1,
    )
