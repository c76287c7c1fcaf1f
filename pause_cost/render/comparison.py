"""The document of a comparison: each figure in A and B, then what moves it, largest first."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.compare import Comparison, Contribution
from pause_cost.render.document import (
    MARKDOWN,
    TEXT,
    Column,
    Document,
    Money,
    Paragraph,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
)
from pause_cost.render.estimate import AMOUNT_FIELDS
from pause_cost.results.data import to_data
from pause_cost.results.estimate import Amounts

BAR_WIDTH = 16


def moved(amounts: Amounts) -> Decimal:
    """What a contribution moves: the council's total and other agencies' costs together."""
    return amounts.total_gbp + amounts.other_agencies_gbp


def bar(contribution: Contribution, largest: Decimal) -> str:
    """A waterfall bar: its length is the line's share of the largest change."""
    size = abs(moved(contribution.horizon))
    if largest == 0 or size == 0:
        return ""
    length = max(1, round(BAR_WIDTH * size / largest))
    return ("+" if moved(contribution.horizon) > 0 else "-") + "█" * length


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
    largest = max((abs(moved(c.horizon)) for c in comparison.contributions), default=Decimal(0))
    changed = [c for c in comparison.contributions if c.status != "unchanged"]
    unchanged = len(comparison.contributions) - len(changed)
    by = comparison.by
    totals = Table(
        title=title,
        columns=(
            Column("Figure"),
            *(Column(label, numeric=True) for label in ("A", "B", "Change")),
        ),
        rows=tuple(_figure_rows(comparison)),
    )
    parts = Table(
        title="What moves the horizon total, largest first",
        columns=(
            Column(by.capitalize(), wrap="fold"),
            Column("Status", wrap="none"),
            Column("Immediate", numeric=True),
            Column("Horizon", numeric=True),
            Column("", wrap="none", media=TEXT),
        ),
        rows=tuple(
            Row(
                (
                    c.key,
                    c.status,
                    Money(moved(c.immediate), signed=True),
                    Money(moved(c.horizon), signed=True),
                    bar(c, largest),
                )
            )
            for c in changed
        ),
    )
    return Document(
        title=title,
        title_media=MARKDOWN,
        sections=(
            Section(
                (
                    totals,
                    parts,
                    Paragraph(
                        f"{unchanged} {by}(s) unchanged. Changes include other agencies' costs "
                        f"where a {by} falls on them.",
                        media=TEXT,
                        wrap=False,
                    ),
                    Paragraph(f"{unchanged} {by}(s) unchanged.", media=MARKDOWN),
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
