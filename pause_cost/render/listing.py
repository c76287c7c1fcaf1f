"""Documents of unit-cost tables: what is shipped, and every line of one table with its source."""

from __future__ import annotations

from pause_cost.model.tables import UnitCostTable
from pause_cost.money import plain, round_half_up, to_decimal
from pause_cost.render.document import (
    Column,
    Document,
    Gap,
    Notes,
    Paragraph,
    Row,
    Section,
    Table,
    Tidy,
)
from pause_cost.render.labels import numbered, years_label

LINE_COLUMNS = (
    "id",
    "item",
    "stage",
    "classification",
    "agency",
    "amount_gbp",
    "unit",
    "quantity_per_child",
    "share_of_children",
    "first_year",
    "last_year",
    "price_year",
    "price_index",
    "source",
    "url",
    "derivation",
    "assumption",
)


def list_document(tables: list[UnitCostTable]) -> Document:
    """One row per table; titles follow, where they have room to be read."""
    rows = []
    for table in tables:
        years = table.price_years
        priced = years[0] if len(years) == 1 else f"{years[0]} to {years[-1]}"
        rows.append(
            Row(
                (
                    table.name,
                    str(len(table.lines)),
                    priced,
                    table.price_index or "-",
                    table.extends or "-",
                )
            )
        )
    listing = Table(
        title="Shipped unit-cost tables",
        columns=(
            Column("Name", wrap="none"),
            Column("Lines", wrap="none"),
            Column("Priced"),  # '2005/06 to 2024/25' may wrap at its spaces
            Column("Index", wrap="none"),
            Column("Extends", wrap="none"),
        ),
        rows=tuple(rows),
    )
    titles = [Paragraph(f"{table.name}: {table.title}") for table in tables]
    summaries = [
        {
            "name": table.name,
            "title": table.title,
            "lines": len(table.lines),
            "price_years": table.price_years,
            "price_index": table.price_index,
            "extends": table.extends,
        }
        for table in tables
    ]
    return Document(
        title="Shipped unit-cost tables",
        title_media=frozenset(),
        sections=(Section((listing, Gap(), *titles)),),
        data=summaries,
        tidy=Tidy(
            ("name", "title", "lines", "price_years", "price_index", "extends"),
            tuple(
                (
                    table.name,
                    table.title,
                    len(table.lines),
                    " ".join(table.price_years),
                    table.price_index or "",
                    table.extends or "",
                )
                for table in tables
            ),
        ),
    )


def table_document(table: UnitCostTable) -> Document:
    """Every line as a short block (ids and units are too long for columns), then sources."""
    heading = [table.title]
    if table.edition:
        heading.append(table.edition)
    if table.price_index:
        heading.append(f"Uprated with: {table.price_index}")
    if table.extends:
        heading.append(f"Extends: {table.extends}")
        heading += [f"  removes {removal.id}: {removal.reason}" for removal in table.removed]
    blocks: list[Paragraph | Gap] = [Paragraph(text) for text in heading]
    sources, source_texts = numbered([line.source.cite() for line in table.lines])
    for line, source_number in zip(table.lines, sources, strict=True):
        amount = f"£{round_half_up(to_decimal(line.amount_gbp), 2):,}"
        blocks += [
            Gap(),
            Paragraph(f"{line.id}  {line.classification}, {line.stage}, {line.agency}"),
            Paragraph(f"  {line.item}"),
            Paragraph(
                f"  {amount} {line.unit} x {plain(to_decimal(line.quantity_per_child))} per child"
                f" x share {plain(to_decimal(line.share_of_children))},"
                f" {years_label(line.first_year, line.final_year)}; priced {line.price_year}"
                f"{f' ({line.price_index})' if line.price_index else ''}; S{source_number}"
            ),
        ]
        if line.derivation:
            blocks.append(Paragraph(f"  derivation: {line.derivation}"))
        if line.assumption:
            blocks.append(Paragraph(f"  assumption: {line.assumption}"))
    return Document(
        title=table.title,
        title_media=frozenset(),
        sections=(
            Section(tuple(blocks)),
            Section((Notes(letter="S", title="Sources", texts=tuple(source_texts)),)),
        ),
        data=table.model_dump(mode="json"),
        tidy=Tidy(LINE_COLUMNS, tuple(tuple(row) for row in line_rows(table))),
    )


def line_rows(table: UnitCostTable) -> list[list[str | int | None]]:
    """Each line flattened: its source cited on one line, its index resolved from the table."""
    return [
        [
            line.id,
            line.item,
            line.stage,
            line.classification,
            line.agency,
            plain(line.amount_gbp),
            line.unit,
            plain(line.quantity_per_child),
            plain(line.share_of_children),
            line.first_year,
            line.final_year,
            line.price_year,
            table.index_reference(line),
            line.source.cite(),
            line.source.url,
            line.derivation,
            line.assumption,
        ]
        for line in table.lines
    ]
