"""Words shared by every renderer, so the terminal, Markdown and CSV say the same thing."""

from __future__ import annotations

import re

from pause_cost.model.tables import line_ref
from pause_cost.money import plain, round_half_up
from pause_cost.results.estimate import Estimate, LineResult

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
    observed = f", less {plain(births.observed)} observed" if births.observed else ""
    costed = (
        f"; costed as {plain(births.costed)} after the bridge's adjustments"
        if births.costed is not None
        else ""
    )
    if births.counting == "round_half_up":
        rounded = (
            "rounded half up"
            if len(estimate.economics.cohorts) == 1
            else "each cohort's rounded half up"
        )
        return f"{plain(births.counted)} ({rounded} from {plain(births.exact)}{observed}{costed})"
    if observed or costed:
        return f"{plain(births.counted)} ({plain(births.exact)}{observed}{costed})"
    return plain(births.counted)


def window_label(estimate: Estimate) -> str:
    scenario = estimate.scenario
    lasting = scenario.persistence_months
    persistence = f" + {plain(lasting)} assumed persistence" if lasting else ""
    return (
        f"{plain(scenario.programme_months)} programme + {plain(scenario.gestation_months)} "
        f"gestation{persistence} months = {plain(scenario.window_years)} years"
    )


def line_key(line: LineResult) -> str:
    return line_ref(line.table, line.id)


_CLAIM = re.compile(
    r"^claim_(cashable|internal|total)_(gross|net)_(council|council_and_others)_"
    r"(?:years_1_to_(\d+)|(\d{4}/\d{2})_to_(\d{4}/\d{2}))_gbp$"
)


def claim_label(figure: str) -> str | None:
    """A claim's terms in words (its figure name is built from them), or None if not a claim."""
    found = _CLAIM.match(figure)
    if found is None:
        return None
    stream, basis, perspective, years, first, last = found.groups()
    whose = "council" if perspective == "council" else "council and other agencies"
    span = years_label(1, int(years)) if years else f"{first} to {last}"
    return f"Claim: {stream}, {basis}, {whose}, {span}"


def figure_label(figure: str, estimate: Estimate) -> str:
    label = FIGURE_LABELS.get(figure) or claim_label(figure) or figure
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


def uprating_notes(estimate: Estimate) -> tuple[list[int | None], list[str]]:
    """One note per distinct uprating: index, years and factor."""
    sources = {index.name: index.source.cite() for index in estimate.price_indices}
    return numbered(
        [
            f"a statutory fee, in force from {line.fee_in_force_from}: "
            f"£{round_half_up(line.amount_gbp, 2):,} as it stands, not uprated"
            if line.fee_in_force_from is not None
            else f"{line.price_index}, {line.price_year} to {estimate.price_year}: "
            f"x {round_half_up(line.uprating_factor, 4)} ({sources[line.price_index]})"
            if line.price_index is not None and estimate.price_year is not None
            else None
            for line in estimate.lines
        ]
    )


NOTE_KINDS = (("S", "Sources"), ("A", "Assumptions"), ("U", "Uprating"), ("O", "Overrides"))
"""Each kind of note a line can carry: its letter in the Notes column and its section title."""


def line_notes(estimate: Estimate) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Each line's markers ('S1 A2 U1') and, per kind, its numbered texts, for footnotes."""
    columns = [
        source_notes(estimate),
        assumption_notes(estimate),
        uprating_notes(estimate),
        numbered([line.override for line in estimate.lines]),
    ]
    markers = [
        " ".join(
            f"{letter}{numbers[index]}"
            for (letter, _), (numbers, _) in zip(NOTE_KINDS, columns, strict=True)
            if numbers[index] is not None
        )
        for index in range(len(estimate.lines))
    ]
    sections = [(title, texts) for (_, title), (_, texts) in zip(NOTE_KINDS, columns, strict=True)]
    return markers, sections


def prices_label(estimate: Estimate) -> str:
    """'2023/24 prices (uprated with pss-all-sectors)' or the years the sources state."""
    if estimate.price_year is not None:
        names = ", ".join(index.name for index in estimate.price_indices) or "no index needed"
        return f"{estimate.price_year} prices (uprated with {names})"
    years = sorted({line.price_year for line in estimate.lines})
    return f"as each source states them ({', '.join(years)}); not uprated"


def has_other_agencies(estimate: Estimate) -> bool:
    return any(line.classification == "other_agency" for line in estimate.lines)
