"""One medium-independent document for every output, built once from a result.

Plain dataclasses without generated comparisons (a document is built once and only read):
they cost a fraction of frozen ones to define, and every class on ``estimate``'s path counts
at start-up.

Builders (:mod:`.estimate`, :mod:`.comparison`, :mod:`.listing`) turn results into a
:class:`Document`; writers (:mod:`.text`, :mod:`.markdown`, :mod:`.csv`, :mod:`.json`) turn a
document into bytes. Builders decide *what* is said, with figures as typed cells; writers decide
only *how* a medium shows it (a money cell is '£1,292,599' on a page and '1292599.05' in CSV).
Nothing here computes a figure.

Where a medium deliberately shows something another does not (the terminal names a table's
lines by id, a committee paper by item), the block carries the media it belongs to, so that
choice is data in one place, not a branch in a writer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

Medium = Literal["text", "markdown"]
"""The media that lay a document out: a terminal (or text file) and a Markdown report."""

EVERY: frozenset[Medium] = frozenset(("text", "markdown"))
TEXT: frozenset[Medium] = frozenset(("text",))
MARKDOWN: frozenset[Medium] = frozenset(("markdown",))


@dataclass(eq=False)
class Money:
    """An amount in pounds; ``signed`` shows a change with its sign ('+£5', '-£3')."""

    value: Decimal
    signed: bool = False


@dataclass(eq=False)
class Count:
    """A count (births, lines) shown as it is: 14.85, 15; or rounded to ``places`` on a page."""

    value: Decimal
    places: int | None = None


@dataclass(eq=False)
class Ratio:
    """Pounds avoided per pound spent, shown to the penny: '£4.98'."""

    value: Decimal


Cell = str | Money | Count | Ratio


@dataclass(eq=False)
class Column:
    label: str
    numeric: bool = False
    """Right-aligned and never wrapped or cut (a figure)."""
    wrap: Literal["word", "fold", "none"] = "word"
    """How a text column gives way when a table is too wide: at words, anywhere, or not."""
    media: frozenset[Medium] = EVERY


@dataclass(eq=False)
class Row:
    cells: tuple[Cell, ...]
    strong: bool = False
    """A headline row (bold on a terminal, bold label in Markdown)."""
    group: bool = False
    """Starts a group of rows set off from those before it (a rule or gap)."""
    media: frozenset[Medium] = EVERY


@dataclass(eq=False)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    show_header: bool = True
    media: frozenset[Medium] = EVERY
    bands: bool = False
    """Too wide for a terminal: split into bands of whole columns, each repeating the first
    (a grid), rather than stacked a row at a time."""


@dataclass(eq=False)
class Paragraph:
    text: str
    media: frozenset[Medium] = EVERY
    wrap: bool = True
    """False: one line however wide (a terminal does not wrap it)."""


CAVEAT = "Read before quoting: "
"""How a document opens a caveat in its text (an analysis repeats its inputs' caveats; the pack
says each once)."""


def caveats(flags: Iterable[str]) -> list[Paragraph]:
    """Each flag as a paragraph to read before quoting a figure."""
    return [Paragraph(f"{CAVEAT}{flag}") for flag in flags]


@dataclass(eq=False)
class Gap:
    """An empty line, where a medium's layout wants one."""

    media: frozenset[Medium] = EVERY


@dataclass(eq=False)
class Notes:
    """Numbered notes ('S1', 'A2') that rows point to, under a title."""

    letter: str
    title: str
    texts: tuple[str, ...]


Block = Table | Paragraph | Gap | Notes


@dataclass(eq=False)
class Section:
    """A run of blocks; on a terminal, tables in a ``spaced`` section have a line between."""

    blocks: tuple[Block, ...]
    spaced: bool = True


TidyCell = Cell | int | None


@dataclass(eq=False)
class Tidy:
    """The figures as one flat table, for CSV: a header, then one row per figure or item."""

    columns: tuple[str, ...]
    rows: tuple[tuple[TidyCell, ...], ...]


@dataclass(eq=False)
class Document:
    title: str
    subtitle: str | None = None
    title_media: frozenset[Medium] = EVERY
    """Where the title heads the document (a terminal comparison titles its first table)."""
    sections: tuple[Section, ...] = ()
    flags: tuple[str, ...] = ()
    """What to read before quoting a figure."""
    data: Any = None
    """The result as JSON data: the published contract (JSON writes exactly this)."""
    tidy: Tidy | None = None
