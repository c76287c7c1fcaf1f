"""The finance officer's case as a part of the page of its own, laid out by its own template
partial (``templates/business_case.html.j2``).

The estimate's document carries the case's blocks (the terminal and the Markdown pack show them
there); the page moves them out of the estimate's part into a part of their own, so that the
case reads as one section a finance officer can print. Nothing here computes a figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pause_cost.render.business_case import business_case_blocks
from pause_cost.render.document import Document, Section
from pause_cost.report.pack import Pack
from pause_cost.report.view import Item, page_items

if TYPE_CHECKING:  # html imports this module; the part's class is read when it is called
    from pause_cost.report.html import Part

KEY = "business-case"
HEADING = "The finance officer's case"
PARTIAL = "business_case.html.j2"
"""The template under ``templates/`` that lays the part out."""


def business_case_parts(pack: Pack, parts: list[Part]) -> list[Part]:
    """The parts with the case's items moved out of the estimate's part that holds them into a
    part of their own (laid out by its partial), placed after the cash flow (or after the part
    they came from); the parts unchanged where the estimate carries no case."""
    from dataclasses import replace

    from pause_cost.report.html import Part

    blocks = business_case_blocks(pack.estimate.economics)
    if not blocks or not parts:
        return parts
    items = page_items(Document(title=HEADING, sections=(Section(tuple(blocks)),)))
    kept = [replace(part, items=_without(part.items, items)) for part in parts]
    held = [index for index, part in enumerate(parts) if kept[index].items != part.items]
    if not held:
        return parts
    keys = [part.key for part in kept]
    after = keys.index("cash-flow") if "cash-flow" in keys else held[0]
    case = Part(KEY, HEADING, tuple(items), partial=PARTIAL)
    return [*kept[: after + 1], case, *kept[after + 1 :]]


def _without(items: tuple[Item, ...], run: list[Item]) -> tuple[Item, ...]:
    """The items less the first place the run appears whole (the case's own items)."""
    size = len(run)
    for start in range(len(items) - size + 1):
        if list(items[start : start + size]) == run:
            return items[:start] + items[start + size :]
    return items
