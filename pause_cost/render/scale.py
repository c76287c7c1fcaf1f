"""The scale of need laid out: the area's eligible women at the case's economics, an undated
illustration whose pounds the results give rounded to the nearest £1,000."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.render.document import Block, Column, Count, Money, Paragraph, Row, Table
from pause_cost.results.economics import Economics

BIRTH_PLACES = 2


def scale_blocks(case: Economics) -> list[Block]:
    scale = case.scale
    if scale is None:
        return []
    rows: list[Row] = [
        Row(("Eligible women", str(scale.eligible_women))),
        *(
            [Row(("Children already removed", str(scale.children_removed)))]
            if scale.children_removed is not None
            else []
        ),
        Row(("Women per practice at a time", str(scale.capacity_women_per_practice))),
        Row(("Practice-cohorts needed to reach them", str(scale.practice_cohorts_needed))),
        Row(("Avoided births at that scale", Count(scale.avoided_births, BIRTH_PLACES))),
        Row(("Council's avoidance", Money(_shown(scale.avoided_rounded_gbp, scale.avoided_gbp)))),
    ]
    if scale.programme_cost_gbp is not None and scale.net_gbp is not None:
        cost = _shown(scale.programme_cost_rounded_gbp, scale.programme_cost_gbp)
        rows += [
            Row(("Programme cost at that scale", Money(cost))),
            Row(("Net", Money(_shown(scale.net_rounded_gbp, scale.net_gbp))), strong=True),
        ]
    return [
        Table(
            title="Scale of need",
            columns=(Column("Figure"), Column("Value", numeric=True)),
            rows=tuple(rows),
            show_header=False,
        ),
        Paragraph(
            " ".join(
                part
                for part in (
                    scale.note,
                    f"Births at scale: {scale.basis}." if scale.basis else "",
                    f"Scale of need: {scale.source.cite()}",
                )
                if part
            )
        ),
    ]


def _shown(rounded: Decimal | None, exact: Decimal) -> Decimal:
    """The figure as the results round it for showing (the exact one where they do not)."""
    return exact if rounded is None else rounded
