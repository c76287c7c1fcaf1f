"""A document's data as JSON: the published contract, keys in a fixed order."""

from __future__ import annotations

from pause_cost.render.document import Document
from pause_cost.results.data import dumps


def write(document: Document) -> str:
    return dumps(document.data)
