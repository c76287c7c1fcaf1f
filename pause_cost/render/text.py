"""A document as rich tables and text, for a person at a terminal (or a text file with ``-o``).

Numbers are right-aligned and never wrapped: a cut-off pound figure is silent data loss.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from pause_cost.render.cells import shown
from pause_cost.render.document import Document, Gap, Notes, Paragraph, Section, Table

MEDIUM = "text"


def _table(table: Table) -> RichTable:
    """The one table style: left titles, a rule under the header, one space between columns.

    Tight enough that the widest table (the lines) fits 80 columns with every figure whole.
    """
    rich_table = RichTable(
        title=table.title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_header=table.show_header,
        show_edge=False,
        padding=(0, 0),
    )
    columns = [column for column in table.columns if MEDIUM in column.media]
    for column in columns:
        if column.numeric:
            rich_table.add_column(column.label, justify="right", no_wrap=True)
        elif column.wrap == "fold":
            rich_table.add_column(column.label, overflow="fold")
        else:
            rich_table.add_column(column.label, no_wrap=column.wrap == "none")
    keep = [index for index, column in enumerate(table.columns) if MEDIUM in column.media]
    for row in table.rows:
        if MEDIUM not in row.media:
            continue
        if row.group:
            rich_table.add_section()
        cells = [shown(row.cells[index]) for index in keep]
        rich_table.add_row(*cells, style="bold" if row.strong else None)
    return _keep_whole(rich_table)


def _keep_whole(table: RichTable) -> RichTable:
    """Give every unwrappable column the width of its widest cell, so rich never crops one.

    Rich shrinks even ``no_wrap`` columns when a table is wider than the terminal, cutting a
    figure to '£1,009,8…'; only wrappable text columns may give way.
    """
    for column in table.columns:
        if column.no_wrap:
            cells = [str(column.header), *(str(cell) for cell in column.cells)]
            column.min_width = max(cell_len(cell) for cell in cells)
    return table


def _notes(blocks: list[Notes], flags: tuple[str, ...]) -> Text:
    """Numbered notes under bold titles, then the flags to read before quoting."""
    text = Text()
    for block in blocks:
        if text:
            text.append("\n\n")
        text.append(block.title, style="bold")
        for number, note in enumerate(block.texts, start=1):
            text.append(f"\n{block.letter}{number}  {note}")
    if flags:
        text.append("\n\nRead before quoting", style="bold")
        for flag in flags:
            text.append(f"\n- {flag}")
    return text


def _section(section: Section, console: Console, heading: Text | None) -> None:
    """Print a section's blocks; a paragraph that must not wrap is printed on its own."""
    parts: list[RenderableType] = [heading] if heading is not None else []
    tables = 0
    for block in section.blocks:
        if isinstance(block, Notes) or MEDIUM not in block.media:
            continue
        if isinstance(block, Table):
            if section.spaced and tables:
                parts.append(Text())
            tables += 1
            parts.append(_table(block))
        elif isinstance(block, Paragraph) and not block.wrap:
            console.print(Group(*parts))
            console.print(block.text, soft_wrap=True, markup=False, highlight=False)
            parts = []
        elif isinstance(block, Paragraph):
            parts.append(Text(block.text))
        elif isinstance(block, Gap):
            parts.append(Text())
    if parts:
        console.print(Group(*parts))


def write(document: Document, console: Console) -> None:
    """Print the document: its heading and sections, a blank line between sections."""
    printed = False
    notes: list[Notes] = []
    for section in document.sections:
        if all(isinstance(block, Notes) for block in section.blocks):
            notes += [block for block in section.blocks if isinstance(block, Notes)]
            continue
        heading = None
        if not printed and "text" in document.title_media:
            heading = Text(document.title, style="bold")
            if document.subtitle:
                heading.append(f"\n{document.subtitle}\n", style="")
        if printed:
            console.print()
        _section(section, console, heading)
        printed = True
    if notes or document.flags:
        if printed:
            console.print()
        console.print(_notes(notes, document.flags))
