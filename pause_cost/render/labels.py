"""Words shared by every renderer, so the terminal, Markdown and CSV say the same thing."""

from __future__ import annotations

from pause_cost.money import plain
from pause_cost.results import Estimate, LineResult

FIGURE_LABELS = {
    "avoided_births": "Avoided births",
    "immediate_cashable_gbp": "Immediate, cashable",
    "immediate_internal_gbp": "Immediate, internal",
    "immediate_total_gbp": "Immediate, total",
    "horizon_cashable_gbp": "Horizon, cashable",
    "horizon_internal_gbp": "Horizon, internal",
    "horizon_total_gbp": "Horizon, total",
}


def years_label(first: int, last: int) -> str:
    """'year 1' or 'years 2-5'."""
    return f"year {first}" if first == last else f"years {first}-{last}"


def counting_label(estimate: Estimate) -> str:
    births = estimate.avoided_births
    if births.counting == "round_half_up":
        return f"{plain(births.counted)} (rounded half up from {plain(births.exact)})"
    return plain(births.counted)


def window_label(estimate: Estimate) -> str:
    scenario = estimate.scenario
    return (
        f"{plain(scenario.programme_months)} programme + {plain(scenario.gestation_months)} "
        f"gestation months = {plain(scenario.window_years)} years"
    )


def line_key(line: LineResult) -> str:
    return f"{line.table}/{line.id}"


def figure_label(figure: str, estimate: Estimate) -> str:
    label = FIGURE_LABELS.get(figure, figure)
    return label.replace("Horizon", f"{estimate.horizon.years}-year")


def numbered(texts: list[str | None]) -> tuple[list[int | None], list[str]]:
    """Number distinct texts in order of first use, for footnotes shared by several lines.

    Returns each text's number (None where there is no text) and the distinct texts in order.
    """
    order: dict[str, int] = {}
    numbers: list[int | None] = []
    for text in texts:
        if text is None:
            numbers.append(None)
            continue
        numbers.append(order.setdefault(text, len(order) + 1))
    return numbers, list(order)


def source_notes(estimate: Estimate) -> tuple[list[int | None], list[str]]:
    return numbered(
        [
            line.source.cite() + (f" ({line.source.url})" if line.source.url else "")
            for line in estimate.lines
        ]
    )


def assumption_notes(estimate: Estimate) -> tuple[list[int | None], list[str]]:
    return numbered([line.assumption for line in estimate.lines])


def note_markers(source_number: int | None, assumption_number: int | None) -> str:
    """'S1 A2': the line's source note and, if it rests on one, its assumption note."""
    markers = [f"S{source_number}"] if source_number is not None else []
    if assumption_number is not None:
        markers.append(f"A{assumption_number}")
    return " ".join(markers)
