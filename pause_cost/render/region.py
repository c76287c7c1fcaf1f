"""A region as a document: one row a council, the total, and each council's flags."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.render.document import (
    Column,
    Count,
    Document,
    Money,
    Paragraph,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
)
from pause_cost.render.region_extras import baseline_blocks, simulation_blocks
from pause_cost.results.data import to_data
from pause_cost.results.region import RegionResult


def _money(value: Decimal | None) -> Money | str:
    return "-" if value is None else Money(value)


def region_document(result: RegionResult) -> Document:
    """Every council's figures and the region's total, then each council's flags."""
    rows = [
        Row(
            (
                council.name,
                str(council.women_open),
                Count(council.avoided_births, 2),
                Money(council.immediate_total_gbp),
                Money(council.horizon_total_gbp),
                _money(council.programme_cost_gbp),
                _money(council.net_gbp),
            )
        )
        for council in result.councils
    ]
    rows.append(
        Row(
            (
                "Region",
                str(result.women_open),
                Count(result.avoided_births, 2),
                Money(result.immediate_total_gbp),
                Money(result.horizon_total_gbp),
                _money(result.programme_cost_gbp),
                _money(result.net_gbp),
            ),
            strong=True,
            group=True,
        )
    )
    blocks: list[Table | Paragraph] = [
        Table(
            title="Councils",
            columns=(
                Column("Council"),
                Column("Women", numeric=True),
                Column("Avoided births", numeric=True),
                Column("Immediate", numeric=True),
                Column("Horizon", numeric=True),
                Column("Programme", numeric=True),
                Column("Net", numeric=True),
            ),
            rows=tuple(rows),
        )
    ]
    tidy: list[tuple[TidyCell, ...]] = []
    for council in result.councils:
        said = f" Set: {council.changes}." if council.changes else ""
        flags = " ".join(f"[{flag.code}] {flag.message}" for flag in council.flags)
        blocks.append(Paragraph(f"{council.name} ({council.scenario}).{said} Flags: {flags}"))
        tidy.append(
            (
                council.name,
                council.women_open,
                Count(council.avoided_births),
                Money(council.immediate_total_gbp),
                Money(council.horizon_total_gbp),
                _money(council.programme_cost_gbp),
                _money(council.net_gbp),
                "; ".join(flag.code for flag in council.flags),
            )
        )
    blocks += baseline_blocks(result)
    blocks += simulation_blocks(result)
    tidy.append(
        (
            "Region",
            result.women_open,
            Count(result.avoided_births),
            Money(result.immediate_total_gbp),
            Money(result.horizon_total_gbp),
            _money(result.programme_cost_gbp),
            _money(result.net_gbp),
            "",
        )
    )
    return Document(
        title=result.title,
        subtitle=f"region: {result.name}, {len(result.councils)} councils",
        sections=(Section(tuple(blocks)),),
        data=to_data(result),
        tidy=Tidy(
            columns=(
                "council",
                "women_open",
                "avoided_births",
                "immediate_total_gbp",
                "horizon_total_gbp",
                "programme_cost_gbp",
                "net_gbp",
                "flags",
            ),
            rows=tuple(tidy),
        ),
    )
