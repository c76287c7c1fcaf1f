"""The document of a comparison: each figure in A and B, then what moves it, largest first."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.model.tables import JOURNEY_STAGES, STAGE_ORDER
from pause_cost.render.document import (
    MARKDOWN,
    TEXT,
    Column,
    Count,
    Document,
    Gap,
    Money,
    Paragraph,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
)
from pause_cost.render.estimate import AMOUNT_FIELDS
from pause_cost.results.compare import Comparison, Contribution, SideBasis
from pause_cost.results.data import to_data

BAR_WIDTH = 16


def bar(contribution: Contribution, largest: Decimal) -> str:
    """A waterfall bar: its length is the line's share of the largest change in the total."""
    size = abs(contribution.horizon.total_gbp)
    if largest == 0 or size == 0:
        return ""
    length = max(1, round(BAR_WIDTH * size / largest))
    return ("+" if contribution.horizon.total_gbp > 0 else "-") + "█" * length


def _basis_rows(comparison: Comparison) -> list[Row]:
    a, b = comparison.a_basis, comparison.b_basis

    def price_year(basis: SideBasis) -> str:
        years = basis.price_years
        return years[0] if len(years) == 1 else f"{years[0]} to {years[-1]}, mixed"

    def money(value: Decimal | None) -> Money | str:
        return Money(value) if value is not None else "not given"

    return [
        Row(("Avoided births costed", Count(a.births), Count(b.births))),
        Row(("Counting", a.counting, b.counting)),
        Row(("Immediate years", str(a.immediate_years), str(b.immediate_years))),
        Row(("Horizon years", str(a.horizon_years), str(b.horizon_years))),
        Row(("Prices", price_year(a), price_year(b))),
        Row(("Programme cost", money(a.programme_cost_gbp), money(b.programme_cost_gbp))),
        Row(("Net of cost", money(a.net_gbp), money(b.net_gbp))),
    ]


def _coverage(comparison: Comparison) -> Table:
    """Which stages each side costs and what its tables say they leave out: a side costing
    less of the journey is seen to, before its smaller total is read as a saving."""
    a, b = comparison.a_basis, comparison.b_basis
    stages = [
        stage for stage in STAGE_ORDER if stage in a.stages_costed or stage in b.stages_costed
    ]

    def mark(side: SideBasis, stage: str) -> str:
        if stage in side.stages_costed:
            return "costed"
        whole = "whole_journey" in side.stages_costed and stage in JOURNEY_STAGES
        return "in the whole journey" if whole else "not costed"

    def gap(side: SideBasis, item: str) -> str:
        return "left out" if item in side.left_out else ""

    items = list(dict.fromkeys([*a.left_out, *b.left_out]))
    rows = [Row((stage.replace("_", " "), mark(a, stage), mark(b, stage))) for stage in stages]
    rows += [Row((f"Left out: {item}", gap(a, item), gap(b, item))) for item in items]
    rows += [
        Row(
            (
                "Coverage stated by every table",
                "yes" if a.coverage_stated else "no",
                "yes" if b.coverage_stated else "no",
            )
        )
    ]
    return Table(
        title="What each side costs of the journey",
        columns=(Column("Stage", wrap="fold"), Column("A"), Column("B")),
        rows=tuple(rows),
    )


def _figure_rows(comparison: Comparison) -> list[Row]:
    """(figure, A, B, change) for each headline figure; other agencies only where any."""
    rows = []
    show_others = any(
        change.a.other_agencies_gbp or change.b.other_agencies_gbp
        for change in (comparison.immediate, comparison.horizon)
    )
    fields = AMOUNT_FIELDS if show_others else AMOUNT_FIELDS[:3]
    for period, change in (("Immediate", comparison.immediate), ("Horizon", comparison.horizon)):
        for field in fields:
            name = f"{field}_gbp"
            rows.append(
                Row(
                    (
                        f"{period}, {field.replace('_', ' ')}",
                        Money(getattr(change.a, name)),
                        Money(getattr(change.b, name)),
                        Money(getattr(change.difference, name), signed=True),
                    )
                )
            )
    return rows


def comparison_document(comparison: Comparison) -> Document:
    title = f"From {comparison.a} to {comparison.b}"
    largest = max((abs(c.horizon.total_gbp) for c in comparison.contributions), default=Decimal(0))
    changed = [c for c in comparison.contributions if c.status != "unchanged"]
    unchanged = len(comparison.contributions) - len(changed)
    others = any(c.horizon.other_agencies_gbp or c.immediate.other_agencies_gbp for c in changed)
    by = comparison.by
    basis = Table(
        title="What each side is counted on",
        columns=(Column("Basis"), Column("A", numeric=True), Column("B", numeric=True)),
        rows=tuple(_basis_rows(comparison)),
    )
    totals = Table(
        title=title,
        columns=(
            Column("Figure"),
            *(Column(label, numeric=True) for label in ("A", "B", "Change")),
        ),
        rows=tuple(_figure_rows(comparison)),
    )
    parts = Table(
        title="What moves the council's horizon total, largest first",
        columns=(
            Column(by.capitalize(), wrap="fold"),
            Column("Status", wrap="none"),
            Column("Immediate", numeric=True),
            Column("Horizon", numeric=True),
            *((Column("Other agencies", numeric=True),) if others else ()),
            Column("", wrap="none", media=TEXT),
        ),
        rows=tuple(
            Row(
                (
                    c.key,
                    c.status,
                    Money(c.immediate.total_gbp, signed=True),
                    Money(c.horizon.total_gbp, signed=True),
                    *((Money(c.horizon.other_agencies_gbp, signed=True),) if others else ()),
                    bar(c, largest),
                )
            )
            for c in changed
        ),
    )
    apart = " Other agencies' costs are apart, over the horizon." if others else ""
    warnings: tuple[Paragraph | Gap, ...] = tuple(
        Paragraph(f"WARNING: {flag.message}") for flag in comparison.flags
    )
    if warnings:
        warnings += (Gap(media=TEXT),)
    return Document(
        title=title,
        title_media=MARKDOWN,
        sections=(
            Section(
                (
                    *warnings,
                    basis,
                    _coverage(comparison),
                    totals,
                    parts,
                    Paragraph(
                        f"{unchanged} {by}(s) unchanged. Immediate and Horizon are the change in "
                        f"the council's total (cashable + internal) and add up to it.{apart}"
                    ),
                )
            ),
        ),
        data=to_data(comparison),
        tidy=_tidy(comparison),
    )


def _tidy(comparison: Comparison) -> Tidy:
    """One row per line, period and classification; the totals' changes first."""
    rows: list[tuple[TidyCell, ...]] = []
    for label, change in (("immediate", comparison.immediate), ("horizon", comparison.horizon)):
        for field in AMOUNT_FIELDS:
            value = getattr(change.difference, f"{field}_gbp")
            rows.append(("(all lines)", "", label, field, Money(value)))
    for contribution in comparison.contributions:
        for label, amounts in (
            ("immediate", contribution.immediate),
            ("horizon", contribution.horizon),
        ):
            for field in AMOUNT_FIELDS:
                value = getattr(amounts, f"{field}_gbp")
                rows.append((contribution.key, contribution.status, label, field, Money(value)))
    return Tidy(("key", "status", "period", "classification", "change_gbp"), tuple(rows))
