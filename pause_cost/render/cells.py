"""How a typed cell reads on a page and in a spreadsheet: one place for each."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.money import plain, round_half_up, whole_pounds
from pause_cost.render.document import Cell, Count, Money, Ratio, TidyCell
from pause_cost.render.escape import spreadsheet

RATIO_PLACES = 4
"""A ratio in CSV to four places (£4.9844 per £1): a hundredth of a penny per pound."""


def signed(value: Decimal) -> str:
    """A change in whole pounds with its sign: '+£5', '-£3', '£0'."""
    shown = whole_pounds(value)
    return shown if shown.startswith("-") or shown == "£0" else f"+{shown}"


def shown(cell: Cell) -> str:
    """A cell as a person reads it: whole pounds, counts as they are, pounds per pound."""
    if isinstance(cell, Money):
        return signed(cell.value) if cell.signed else whole_pounds(cell.value)
    if isinstance(cell, Count):
        value = cell.value if cell.places is None else round_half_up(cell.value, cell.places)
        return plain(value)
    if isinstance(cell, Ratio):
        return f"£{round_half_up(cell.value, 2):,.2f}"
    return cell


def tidy(cell: TidyCell) -> str | int:
    """A cell for a spreadsheet: pounds to the penny, counts and ratios as they are."""
    if isinstance(cell, Money):
        return f"{round_half_up(cell.value, 2):f}"
    if isinstance(cell, Ratio):
        return f"{round_half_up(cell.value, RATIO_PLACES):f}"
    if isinstance(cell, Count):
        return plain(cell.value)
    if cell is None:
        return ""
    if isinstance(cell, str):
        return spreadsheet(cell)
    return cell
