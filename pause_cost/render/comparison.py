"""A comparison as JSON, CSV and Markdown, and the pieces the terminal table shares."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from pause_cost.compare import Comparison, Contribution
from pause_cost.money import plain, whole_pounds
from pause_cost.results.estimate import Amounts

BAR_WIDTH = 16


def figure_rows(comparison: Comparison) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """(figure, A, B, change) for each headline figure."""
    rows = []
    show_others = any(
        change.a.other_agencies_gbp or change.b.other_agencies_gbp
        for change in (comparison.immediate, comparison.horizon)
    )
    for period, change in (("Immediate", comparison.immediate), ("Horizon", comparison.horizon)):
        fields = ["cashable", "internal", "total", *(["other_agencies"] if show_others else [])]
        for field in fields:
            name = f"{field}_gbp"
            rows.append(
                (
                    f"{period}, {field.replace('_', ' ')}",
                    getattr(change.a, name),
                    getattr(change.b, name),
                    getattr(change.difference, name),
                )
            )
    return rows


def signed(value: Decimal) -> str:
    shown = whole_pounds(value)
    return shown if shown.startswith("-") or shown == "£0" else f"+{shown}"


def moved(amounts: Amounts) -> Decimal:
    return amounts.total_gbp + amounts.other_agencies_gbp


def bar(contribution: Contribution, largest: Decimal) -> str:
    """A waterfall bar: its length is the line's share of the largest change."""
    size = abs(moved(contribution.horizon))
    if largest == 0 or size == 0:
        return ""
    length = max(1, round(BAR_WIDTH * size / largest))
    return ("+" if moved(contribution.horizon) > 0 else "-") + "█" * length


def render(comparison: Comparison, output_format: str) -> str:
    """The comparison as 'json', 'csv' or 'markdown' text."""
    return {"json": to_json, "csv": to_csv, "markdown": to_markdown}[output_format](comparison)


def to_json(comparison: Comparison) -> str:
    from pause_cost.results.data import to_json as dump

    return dump(comparison)


def to_csv(comparison: Comparison) -> str:
    """One row per line, period and classification: key,status,period,classification,change."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("key", "status", "period", "classification", "change_gbp"))
    for label, change in (("immediate", comparison.immediate), ("horizon", comparison.horizon)):
        for field in ("cashable", "internal", "total", "other_agencies"):
            value = getattr(change.difference, f"{field}_gbp")
            writer.writerow(("(all lines)", "", label, field, plain(value)))
    for contribution in comparison.contributions:
        for label, amounts in (
            ("immediate", contribution.immediate),
            ("horizon", contribution.horizon),
        ):
            for field in ("cashable", "internal", "total", "other_agencies"):
                value = getattr(amounts, f"{field}_gbp")
                writer.writerow((contribution.key, contribution.status, label, field, plain(value)))
    return buffer.getvalue()


def to_markdown(comparison: Comparison) -> str:
    out = [
        f"## From {comparison.a} to {comparison.b}",
        "",
        "| Figure | A | B | Change |",
        "|---|---:|---:|---:|",
    ]
    out += [
        f"| {label} | {whole_pounds(a)} | {whole_pounds(b)} | {signed(change)} |"
        for label, a, b, change in figure_rows(comparison)
    ]
    heading = comparison.by.capitalize()
    out += ["", f"| {heading} | Status | Immediate | Horizon |", "|---|---|---:|---:|"]
    out += [
        f"| {c.key} | {c.status} | {signed(moved(c.immediate))} | {signed(moved(c.horizon))} |"
        for c in comparison.contributions
        if c.status != "unchanged"
    ]
    unchanged = sum(1 for c in comparison.contributions if c.status == "unchanged")
    out += ["", f"{unchanged} {comparison.by}(s) unchanged.", ""]
    return "\n".join(out)
