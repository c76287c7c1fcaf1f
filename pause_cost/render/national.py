"""A nation's case as a document: the national table with sources, the routes, the ranges."""

from __future__ import annotations

from pause_cost.render.contracts import mcse_table, spread_table
from pause_cost.render.document import (
    Column,
    Count,
    Document,
    Money,
    Paragraph,
    Ratio,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
)
from pause_cost.results.data import to_data
from pause_cost.results.national import NationalResult


def national_document(result: NationalResult) -> Document:
    """Every figure of the nation's case, each with its kind and source."""
    rows = []
    tidy: list[tuple[TidyCell, ...]] = []
    for row in result.rows:
        value: Money | Count | Ratio = (
            Ratio(row.value)
            if row.unit.startswith("GBP per GBP")
            else Money(row.value)
            if row.unit.startswith("GBP")
            else Count(row.value, 4)
        )
        where = row.source.cite() if row.source is not None else ""
        how = row.derivation or ""
        rows.append(
            Row((row.figure, value, row.unit, row.kind, "; ".join(p for p in (where, how) if p)))
        )
        tidy.append((row.figure, value, row.unit, row.kind, where, how))
    blocks: list[Table | Paragraph] = [
        Table(
            title="The national table",
            columns=(
                Column("Figure", wrap="fold"),
                Column("Value", numeric=True),
                Column("Unit"),
                Column("Kind", wrap="none"),
                Column("Source or derivation"),
            ),
            rows=tuple(rows),
        )
    ]
    if result.reproduces_published is not None:
        blocks.append(
            Paragraph(
                "The area route "
                + ("reproduces" if result.reproduces_published else "does not reproduce")
                + " the published national reduction (to the nearest child)."
            )
        )
    simulation = result.simulation
    if simulation is not None:
        spreads = [
            ("Infants a year", simulation.infants_per_year, False),
            ("Net a year (area route)", simulation.net_per_year, True),
        ]
        blocks.append(
            spread_table(
                f"Ranges: {simulation.draws} draws, seed {simulation.seed} (numpy "
                f"{simulation.numpy}, {simulation.bit_generator})",
                spreads,
            )
        )
        blocks.append(mcse_table(spreads))
        blocks.append(
            Table(
                title="What drives the net (each over its range, the rest held)",
                columns=(
                    Column("Input", wrap="fold"),
                    Column("Low", numeric=True),
                    Column("High", numeric=True),
                    Column("Net at low", numeric=True),
                    Column("Net at high", numeric=True),
                    Column("Swing", numeric=True),
                ),
                rows=tuple(
                    Row(
                        (
                            d.input,
                            Count(d.low),
                            Count(d.high),
                            Money(d.net_at_low_gbp),
                            Money(d.net_at_high_gbp),
                            Money(d.swing_gbp),
                        )
                    )
                    for d in simulation.drivers
                ),
            )
        )
    if result.missing:
        blocks.append(
            Paragraph("Missing: " + " ".join(f"({i}) {m}" for i, m in enumerate(result.missing, 1)))
        )
    return Document(
        title=result.title,
        subtitle=f"nation: {result.nation}",
        sections=(Section(tuple(blocks)),),
        flags=tuple(flag.message for flag in result.flags),
        data=to_data(result),
        tidy=Tidy(
            columns=("figure", "value", "unit", "kind", "source", "derivation"), rows=tuple(tidy)
        ),
    )
