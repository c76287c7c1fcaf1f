"""A document as Markdown: a report section a committee paper can take as it is."""

from __future__ import annotations

from pause_cost.render.cells import shown
from pause_cost.render.document import Document, Gap, Notes, Paragraph, Table
from pause_cost.render.escape import markdown

MEDIUM = "markdown"


def _cell(text: str) -> str:
    return markdown(text)


def _table(table: Table) -> list[str]:
    keep = [index for index, column in enumerate(table.columns) if MEDIUM in column.media]
    columns = [table.columns[index] for index in keep]
    out = [
        "| " + " | ".join(column.label for column in columns) + " |",
        "|" + "|".join("---:" if column.numeric else "---" for column in columns) + "|",
    ]
    for row in table.rows:
        if MEDIUM not in row.media:
            continue
        # A cell follows '| ' on its line, so no block construct can start there.
        cells = [markdown(shown(row.cells[index]), line_start=False) for index in keep]
        if row.strong:
            cells[0] = f"**{cells[0]}**"
        out.append("| " + " | ".join(cells) + " |")
    return out


def write(document: Document) -> str:
    """The title as a heading, then every block, each followed by a blank line."""
    out: list[str] = []
    if MEDIUM in document.title_media:
        out += [f"## {_cell(document.title)}", ""]
        if document.subtitle:
            out += [_cell(document.subtitle), ""]
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, Notes):
                out += [f"{_cell(block.title)}:", ""]
                out += [
                    f"- {block.letter}{number}: {_cell(text)}"
                    for number, text in enumerate(block.texts, start=1)
                ]
            elif MEDIUM not in block.media or isinstance(block, Gap):
                continue
            elif isinstance(block, Table):
                out += _table(block)
            elif isinstance(block, Paragraph):
                out.append(_cell(block.text))
            out.append("")
    if document.flags:
        out += ["**Read before quoting**", ""]
        out += [f"- {_cell(flag)}" for flag in document.flags]
        out.append("")
    return "\n".join(out)
