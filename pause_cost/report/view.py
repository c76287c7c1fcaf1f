"""The page's view model: the blocks the template reads (tables, paragraphs, notes, charts and
the parts they sit in), and a render document's blocks made into them.

The page shows what a report shows: the blocks a document gives the Markdown medium, each
cell as :func:`~pause_cost.render.cells.shown` writes it. Nothing here computes a figure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pause_cost.render.cells import shown
from pause_cost.render.document import Block, Document, Gap, Notes, Paragraph, Table

MEDIUM = "markdown"
"""The page shows what a report shows: the blocks a document gives the Markdown medium."""

# The page's blocks, as the template reads them.


@dataclass(frozen=True)
class HtmlCell:
    text: str
    numeric: bool = False
    header: bool = False
    nowrap: bool = False

    @property
    def classes(self) -> str:
        return "num" if self.numeric else ("nowrap" if self.nowrap else "")


@dataclass(frozen=True)
class HtmlRow:
    cells: tuple[HtmlCell, ...]
    classes: str = ""


@dataclass(frozen=True)
class HtmlColumn:
    label: str
    numeric: bool = False


@dataclass(frozen=True)
class HtmlTable:
    caption: str
    columns: tuple[HtmlColumn, ...]
    rows: tuple[HtmlRow, ...]
    kind: Literal["table"] = "table"

    @property
    def small(self) -> bool:
        """Short enough to keep on one printed page, never split."""
        return len(self.rows) <= 15

    @property
    def wide(self) -> bool:
        """So many columns that it is set smaller, to fit the printed line."""
        return len(self.columns) >= 8

    @property
    def classes(self) -> str:
        return " ".join(name for name, on in (("small", self.small), ("wide", self.wide)) if on)


@dataclass(frozen=True)
class HtmlParagraph:
    text: str
    warning: bool = False
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True)
class HtmlNotes:
    title: str
    items: tuple[tuple[str, str], ...]
    kind: Literal["notes"] = "notes"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    svg: str
    """Checked SVG markup (see :func:`inline_svg`); the template is given it as markup."""
    table: HtmlTable
    kind: Literal["chart"] = "chart"


Item = HtmlTable | HtmlParagraph | HtmlNotes | Chart


# Documents as page blocks.


def html_table(table: Table, caption: str | None = None) -> HtmlTable:
    keep = [index for index, column in enumerate(table.columns) if MEDIUM in column.media]
    columns = [table.columns[index] for index in keep]
    rows = []
    for row in table.rows:
        if MEDIUM not in row.media:
            continue
        cells = tuple(
            HtmlCell(
                shown(row.cells[index]),
                numeric=column.numeric,
                header=position == 0 and not column.numeric,
                nowrap=column.wrap == "none",
            )
            for position, (index, column) in enumerate(zip(keep, columns, strict=True))
        )
        classes = " ".join(
            name for name, on in (("strong", row.strong), ("group", row.group)) if on
        )
        rows.append(HtmlRow(cells, classes))
    return HtmlTable(
        caption=table.title if caption is None else caption,
        columns=tuple(HtmlColumn(column.label, column.numeric) for column in columns),
        rows=tuple(rows),
    )


def shown_blocks(document: Document) -> list[Block]:
    return [
        block
        for section in document.sections
        for block in section.blocks
        if isinstance(block, Notes) or (MEDIUM in block.media and not isinstance(block, Gap))
    ]


def page_items(document: Document, charts: dict[str, Chart] | None = None) -> list[Item]:
    """A document's blocks for the page. A report heads each table with a paragraph ('Cohorts:');
    here that paragraph is the table's caption. A table a chart draws goes into the chart's
    figure, as its data."""
    charts = charts or {}
    blocks = shown_blocks(document)
    items: list[Item] = []
    caption: str | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, Notes):
            marks = tuple(
                (f"{block.letter}{number}", text)
                for number, text in enumerate(block.texts, start=1)
            )
            items.append(HtmlNotes(block.title, marks))
        elif isinstance(block, Table):
            if block.title in charts:
                items.append(charts[block.title])
            else:
                table = html_table(block, caption)
                if table.rows:
                    items.append(table)
            caption = None
        elif isinstance(block, Paragraph):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if (
                isinstance(following, Table)
                and block.text.endswith(":")
                and block.text.startswith(following.title)
            ):
                caption = block.text[:-1]
                continue
            warning = block.text.startswith("WARNING: ")
            items.append(HtmlParagraph(block.text, warning=warning))
    return items


def money_table(
    caption: str, first: str, headers: Sequence[str], rows: Sequence[tuple[str, ...]]
) -> HtmlTable:
    return HtmlTable(
        caption=caption,
        columns=(HtmlColumn(first), *(HtmlColumn(header, numeric=True) for header in headers)),
        rows=tuple(
            HtmlRow(
                (
                    HtmlCell(row[0], header=True),
                    *(HtmlCell(text, numeric=True) for text in row[1:]),
                )
            )
            for row in rows
        ),
    )


def chart_table(document: Document, prefix: str) -> Table | None:
    return next(
        (
            block
            for block in shown_blocks(document)
            if isinstance(block, Table) and block.title.startswith(prefix)
        ),
        None,
    )
