"""The sheets a reader checks before quoting: the flags and each line's assumption, and the
source of every figure."""

from __future__ import annotations

from typing import Any

from pause_cost.report.book import Book
from pause_cost.results.estimate import Estimate


def assumptions_sheet(book: Book, sheet: Any, estimate: Estimate) -> None:
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 110)
    book.text(sheet, 0, 0, "Read before quoting", "header")
    row = 1
    for flag in estimate.flags:
        book.text(sheet, row, 0, flag.code)
        book.text(sheet, row, 1, flag.message, "wrap")
        row += 1
    row += 1
    book.text(sheet, row, 0, "Line assumptions", "header")
    row += 1
    for line in estimate.lines:
        if line.assumption:
            book.text(sheet, row, 0, f"{line.table}/{line.id}")
            book.text(sheet, row, 1, line.assumption, "wrap")
            row += 1
    if estimate.scenario.notes:
        book.text(sheet, row + 1, 0, "Scenario notes", "header")
        book.text(sheet, row + 2, 1, estimate.scenario.notes, "wrap")


def sources_sheet(book: Book, sheet: Any, estimate: Estimate) -> None:
    headers = ("Figure", "Document", "Edition", "Location", "URL", "Note")
    widths = (32, 50, 20, 40, 40, 60)
    for column, (label, width) in enumerate(zip(headers, widths, strict=True)):
        book.text(sheet, 0, column, label, "header")
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    rows: list[tuple[str, Any]] = [("cohort", estimate.scenario.cohort_source)]
    if estimate.programme.source is not None:
        rows.append(("programme cost", estimate.programme.source))
    rows += [(f"index {index.name}", index.source) for index in estimate.price_indices]
    rows += [(f"{line.table}/{line.id}", line.source) for line in estimate.lines]
    for index, (figure, source) in enumerate(rows):
        row = index + 1
        book.text(sheet, row, 0, figure)
        for column, name in enumerate(("document", "edition", "location", "url", "note")):
            book.text(sheet, row, column + 1, getattr(source, name))
