"""A document's tidy table as CSV: one figure per row, pounds to the penny."""

from __future__ import annotations

import csv
import io

from pause_cost.render.cells import tidy
from pause_cost.render.document import Document


def write(document: Document) -> str:
    if document.tidy is None:
        raise ValueError(f"{document.title}: nothing to write as CSV")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(document.tidy.columns)
    writer.writerows([tidy(cell) for cell in row] for row in document.tidy.rows)
    return buffer.getvalue()
