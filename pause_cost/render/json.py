"""A document's data as JSON: the published contract, keys in a fixed order."""

from __future__ import annotations

import json

from pause_cost.render.document import Document


def write(document: Document) -> str:
    """Indented JSON with a final newline, non-ASCII kept as written ('£', not '\\u00a3')."""
    return json.dumps(document.data, indent=2, ensure_ascii=False) + "\n"
