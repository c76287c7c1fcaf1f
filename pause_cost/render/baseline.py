"""The DfE's starters as a document: each area's under-1 and total starters, what was unused."""

from __future__ import annotations

from dataclasses import asdict

from pause_cost.model.dfe import Starters
from pause_cost.render.document import Column, Document, Paragraph, Row, Section, Table, Tidy


def _shown(value: int | None) -> str:
    return "suppressed" if value is None else f"{value:,}"


def starters_document(starters: Starters) -> Document:
    """One row an area and year; the rows not used listed with their lines."""
    rows = tuple(
        Row((area.area, area.level, area.period, _shown(area.under_one), _shown(area.total)))
        for area in starters.areas
    )
    blocks: list[Table | Paragraph] = [
        Table(
            title="Children starting to be looked after, by age on starting",
            columns=(
                Column("Area"),
                Column("Level"),
                Column("Year", wrap="none"),
                Column("Under 1", numeric=True),
                Column("All ages", numeric=True),
            ),
            rows=rows,
        ),
        Paragraph(
            f"Layout {starters.layout}. National and regional counts are published rounded to "
            "the nearest 10. Contains public sector information licensed under the Open "
            "Government Licence v3.0."
        ),
    ]
    if starters.unused:
        blocks.append(
            Paragraph(
                "Not used: "
                + "; ".join(f"line {u.line}: {u.reason}" for u in starters.unused)
                + "."
            )
        )
    return Document(
        title="DfE: CLA starting during the year, by local authority",
        subtitle=starters.path,
        sections=(Section(tuple(blocks)),),
        data={
            "layout": starters.layout,
            "areas": [asdict(area) for area in starters.areas],
            "unused": [asdict(u) for u in starters.unused],
        },
        tidy=Tidy(
            columns=("area", "level", "period", "age_band", "children"),
            rows=tuple(
                (area.area, area.level, area.period, band, value)
                for area in starters.areas
                for band, value in area.by_age.items()
            ),
        ),
    )
