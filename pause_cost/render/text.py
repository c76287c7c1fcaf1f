"""A document as rich tables and text, for a person at a terminal (or a text file with ``-o``).

A figure is never cut: numbers are right-aligned and never wrapped; a table too wide for the
terminal is stacked, a row at a time; a terminal too narrow for a figure is refused before
anything is printed. A cut-off pound figure would be silent data loss.
"""

from __future__ import annotations

import re

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from pause_cost.errors import OutputError
from pause_cost.render.cells import shown
from pause_cost.render.document import (
    Column,
    Count,
    Document,
    Gap,
    Money,
    Notes,
    Paragraph,
    Ratio,
    Row,
    Section,
    Table,
)
from pause_cost.render.escape import visible

MEDIUM = "text"


FOLD_MIN = 8
"""A column that may break anywhere (a line's id) keeps at least this many characters."""


_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def trimmed(drawn: str) -> str:
    """What rich drew, without the spaces it pads each line's end with (kept: any colour code
    that closes the line)."""
    return _TRAILING.sub(r"\1", drawn)


def _visible(table: Table) -> tuple[list[Column], list[list[str]], list[Row]]:
    """The columns and rows a terminal shows, each cell as the text it shows."""
    keep = [index for index, column in enumerate(table.columns) if MEDIUM in column.media]
    rows = [row for row in table.rows if MEDIUM in row.media]
    cells = [[visible(shown(row.cells[index])) for index in keep] for row in rows]
    return [table.columns[index] for index in keep], cells, rows


def _min_widths(table: Table) -> list[int]:
    """The narrowest each column can be without cutting anything that must stay whole.

    A figure or an identifier keeps its widest cell; text may wrap at spaces, so it keeps its
    longest word; a column that folds (a line's id) keeps a few characters.
    """
    columns, cells, _ = _visible(table)
    widths = []
    for index, column in enumerate(columns):
        texts = [row[index] for row in cells]
        if table.show_header:
            texts.append(column.label)
        if column.numeric or column.wrap == "none":
            widths.append(max((cell_len(text) for text in texts), default=0))
            continue
        longest = max((cell_len(word) for text in texts for word in text.split()), default=0)
        widths.append(min(longest, FOLD_MIN) if column.wrap == "fold" else longest)
    return widths


def _fits(table: Table, width: int) -> bool:
    """Whether the table fits the width side by side (one space between its columns)."""
    widths = _min_widths(table)
    return sum(widths) + len(widths) - 1 <= width


def _figures(table: Table) -> list[str]:
    """The figures of a table as shown: each must fit a line whole, however the table is laid."""
    keep = [index for index, column in enumerate(table.columns) if MEDIUM in column.media]
    return [
        shown(row.cells[index])
        for row in table.rows
        if MEDIUM in row.media
        for index in keep
        if isinstance(row.cells[index], Money | Count | Ratio)
    ]


def check_width(document: Document, width: int) -> None:
    """Refuse, before anything is printed, a terminal too narrow to show a figure whole."""
    for section in document.sections:
        for block in section.blocks:
            if not isinstance(block, Table) or MEDIUM not in block.media:
                continue
            for figure in _figures(block):
                if cell_len(figure) + STACK_INDENT > width:
                    raise OutputError(
                        f"the terminal is {width} columns wide, too narrow to show {figure} "
                        "whole; widen it, or use --format markdown, csv or json"
                    )


STACK_INDENT = 2
DEFAULT_WIDTH = 80


def _stacked(table: Table) -> Text:
    """A table too wide for the terminal, one row at a time: its label, then each value.

    Each value follows its column's name, and wraps to a line of its own rather than be cut.
    """
    columns, cells, rows = _visible(table)
    text = Text(visible(table.title), style="bold")
    for row, values in zip(rows, cells, strict=True):
        text.append("\n")
        text.append(values[0], style="bold" if row.strong else "")
        for column, value in zip(columns[1:], values[1:], strict=True):
            if value:
                label = f"{column.label}: " if column.label and table.show_header else ""
                text.append(f"\n{' ' * STACK_INDENT}{label}{value}")
    return text


def _bands(table: Table, width: int) -> list[list[int]]:
    """The table's visible columns after the first, in runs that fit the width beside it."""
    keep = [index for index, column in enumerate(table.columns) if MEDIUM in column.media]
    widths = _min_widths(table)
    widths = widths[:1] + [max(widths[1:], default=0)] * (len(widths) - 1)
    bands: list[list[int]] = []
    used = width + 1
    for index, column_width in zip(keep[1:], widths[1:], strict=True):
        if not bands or used + 1 + column_width > width:
            bands.append([])
            used = widths[0]
        bands[-1].append(index)
        used += 1 + column_width
    return bands


def _banded(table: Table, width: int) -> RenderableType:
    """A grid too wide for the terminal, as bands of whole columns one under another, each with
    the first column (the row values) again; only the first band carries the title."""
    first = next(index for index, column in enumerate(table.columns) if MEDIUM in column.media)
    parts: list[RenderableType] = []
    for number, band in enumerate(_bands(table, width)):
        chosen = [first, *band]
        part = Table(
            title=table.title if number == 0 else "",
            columns=tuple(table.columns[index] for index in chosen),
            rows=tuple(
                Row(
                    tuple(row.cells[index] for index in chosen),
                    strong=row.strong,
                    group=row.group,
                    media=row.media,
                )
                for row in table.rows
            ),
            show_header=table.show_header,
            media=table.media,
        )
        if parts:
            parts.append(Text())
        parts.append(_table(part, width) if _fits(part, width) else _stacked(part))
    return Group(*parts)


def _table(table: Table, width: int) -> RenderableType:
    """The one table style: left titles, a rule under the header, one space between columns.

    Every column is given the narrowest width that cuts nothing it must keep whole (so rich
    never crops a figure to '£1,009,8…'); a table that cannot fit so is stacked instead.
    """
    if not _fits(table, width):
        return _banded(table, width) if table.bands else _stacked(table)
    rich_table = RichTable(
        title=Text(visible(table.title)) if table.title else None,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_header=table.show_header,
        show_edge=False,
        padding=(0, 0),
    )
    columns, cells, rows = _visible(table)
    widths = _min_widths(table)
    if table.bands:  # a grid's values all as wide as its widest, band after band
        widths = widths[:1] + [max(widths[1:], default=0)] * (len(widths) - 1)
    for column, min_width in zip(columns, widths, strict=True):
        if column.numeric:
            rich_table.add_column(column.label, justify="right", no_wrap=True)
        elif column.wrap == "fold":
            rich_table.add_column(column.label, overflow="fold")
        else:
            rich_table.add_column(column.label, no_wrap=column.wrap == "none", overflow="fold")
        rich_table.columns[-1].min_width = min_width
    for row, values in zip(rows, cells, strict=True):
        if row.group:
            rich_table.add_section()
        # Text, not str: a cell is shown as written, never read as rich markup ('[bold]').
        rich_table.add_row(*map(Text, values), style="bold" if row.strong else None)
    return rich_table


def _notes(blocks: list[Notes], flags: tuple[str, ...]) -> Text:
    """Numbered notes under bold titles, then the flags to read before quoting."""
    text = Text()
    for block in blocks:
        if text:
            text.append("\n\n")
        text.append(visible(block.title), style="bold")
        for number, note in enumerate(block.texts, start=1):
            text.append(f"\n{block.letter}{number}  {visible(note)}")
    if flags:
        text.append("\n\nRead before quoting", style="bold")
        for flag in flags:
            text.append(f"\n- {visible(flag)}")
    return text


def _section(section: Section, console: Console, heading: Text | None) -> None:
    """Print a section's blocks; a paragraph that must not wrap is printed on its own."""
    parts: list[RenderableType] = [heading] if heading is not None else []
    tables = 0
    for block in section.blocks:
        if isinstance(block, Notes) or MEDIUM not in block.media:
            continue
        if isinstance(block, Table):
            blank_before = bool(parts) and isinstance(parts[-1], Text) and not parts[-1].plain
            if section.spaced and tables and not blank_before:
                parts.append(Text())
            tables += 1
            parts.append(_table(block, console.width))
        elif isinstance(block, Paragraph) and not block.wrap:
            console.print(Group(*parts))
            console.print(Text(visible(block.text)), soft_wrap=True)
            parts = []
        elif isinstance(block, Paragraph):
            parts.append(Text(visible(block.text)))
        elif isinstance(block, Gap):
            parts.append(Text())
    if parts:
        console.print(Group(*parts))


def write(document: Document, console: Console) -> None:
    """Print the document: its heading and sections, a blank line between sections."""
    if console.width < 1:  # COLUMNS=0 or less says nothing of the terminal: take the default
        console.width = DEFAULT_WIDTH
    check_width(document, console.width)
    printed = False
    notes: list[Notes] = []
    for section in document.sections:
        if all(isinstance(block, Notes) for block in section.blocks):
            notes += [block for block in section.blocks if isinstance(block, Notes)]
            continue
        heading = None
        if not printed and "text" in document.title_media:
            heading = Text(visible(document.title, newlines=False), style="bold")
            if document.subtitle:
                heading.append(f"\n{visible(document.subtitle, newlines=False)}\n", style="")
        if printed:
            console.print()
        _section(section, console, heading)
        printed = True
    if notes or document.flags:
        if printed:
            console.print()
        console.print(_notes(notes, document.flags))
