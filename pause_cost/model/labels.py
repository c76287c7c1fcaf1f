"""Plain-English names, with units, for every input a path can address and every outcome an
analysis judges by: the one table the tornado, break-even, drivers and the pack read, so a
reader sees "Births per woman per year" where a script sees
``cohort.birth_rate_per_woman_per_year``.

A path's label is looked up with its list positions written ``N`` (``cohorts.N.women_open``);
a table line's field is named by the line's own ``item``; a key the table does not hold is
named from its own words (``pause_window.programme_months``: "Pause window: programme months"),
so every addressable input has a label.
"""

from __future__ import annotations

from dataclasses import dataclass

from pause_cost.model.inputs import Inputs


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    unit: str
    """'£', 'births', 'births per woman per year', 'share', 'months', 'years', '%', 'ratio', ..."""


INPUT_LABELS: dict[str, tuple[str, str]] = {
    "cohort.women_open": ("Women on the programme", "women"),
    "cohort.birth_rate_per_woman_per_year": (
        "Births per woman per year without the programme",
        "births per woman per year",
    ),
    "cohort.observed.births": ("Births on the programme that happened anyway", "births"),
    "cohort.avoided_births.count": ("Avoided births, published count", "births"),
    "practice.capacity_women": ("Women a practice works with at once", "women"),
    "practice.practices": ("Practices", "practices"),
    "practice.cohorts": ("Cohorts a practice runs", "cohorts"),
    "practice.birth_rate_per_woman_per_year": (
        "Births per woman per year without the programme",
        "births per woman per year",
    ),
    "pause_window.programme_months": ("Months on the programme", "months"),
    "pause_window.gestation_months": ("Months of gestation counted", "months"),
    "programme_cost.total_gbp": ("Programme cost", "£"),
    "programme_cost.per_year_gbp": ("Programme cost a year", "£ a year"),
    "programme_cost.years": ("Years the programme is paid for", "years"),
    "adjustments.removal_share.share": (
        "Share of avoided births that would have been removed into care",
        "share",
    ),
    "adjustments.postponement.share": ("Share of avoided births only postponed", "share"),
    "adjustments.postponement.delay_months": ("Months a postponed birth is delayed", "months"),
    "adjustments.deadweight.share": ("Share that would have happened anyway", "share"),
    "adjustments.displacement.share": ("Share displaced elsewhere in the area", "share"),
    "adjustments.leakage.share": ("Share leaking outside the area", "share"),
    "adjustments.attribution.share": ("Share due to the programme", "share"),
    "adjustments.optimism_bias.share": ("Share taken off benefits for confidence", "share"),
    "persistence.months": ("Months the effect lasts after the programme", "months"),
    "discounting.rate_percent": ("Discount rate", "% a year"),
    "horizon_years": ("Years costed", "years"),
    "price_year": ("Price year", "financial year"),
    "unit_costs": ("Unit-cost tables", "tables"),
    "title": ("Title", "text"),
    "immediate_years": ("Years counted as immediate", "years"),
}
"""Scenario inputs by path (list positions as ``N``): label and unit."""

LINE_FIELD_LABELS: dict[str, tuple[str, str]] = {
    "amount_gbp": ("cost", "£"),
    "quantity_per_child": ("quantity per child", "per child"),
    "share_of_children": ("share of children", "share"),
    "first_year": ("first year", "year after birth"),
    "last_year": ("last year", "year after birth"),
}
"""A table line's fields: the words after the line's item, and the unit."""

OUTCOME_LABELS: dict[str, tuple[str, str]] = {
    "net": ("Net cost avoided", "£"),
    "npv": ("Net present value", "£"),
    "horizon_total": ("Cost avoided over the horizon", "£"),
    "horizon_cashable": ("Cashable cost avoided over the horizon", "£"),
    "cashable_net": ("Cashable cost avoided net of the programme cost", "£"),
    "immediate_total": ("Cost avoided in the immediate period", "£"),
    "return_per_pound": ("Cost avoided per £1 spent", "ratio"),
    "payback": ("Years to pay back", "years"),
    "avoided_births": ("Avoided births", "births"),
}
"""The outcomes an analysis judges by (``--outcome``)."""


def _generic(path: str) -> str:
    parts = [part for part in path.split(".") if not (part.isascii() and part.isdigit())]
    words = [part.removesuffix("_gbp").replace("_", " ") for part in parts] or [path]
    return (words[0].capitalize() + (": " + ", ".join(words[1:]) if len(words) > 1 else "")).strip()


def _cohort(inputs: Inputs | None, position: str) -> str:
    """'Cohort 2' or 'Cohort 2 (April 2020)' for cohorts.1, from the cohort's own name; a
    cohort addressed by its name is 'Cohort April 2020'."""
    if not position.isdigit():
        return f"Cohort {position}"
    number = int(position)
    name = None
    if inputs is not None and inputs.scenario.cohorts and number < len(inputs.scenario.cohorts):
        name = inputs.scenario.cohorts[number].name
    return f"Cohort {number + 1}" + (f" ({name})" if name else "")


def input_label(path: str, inputs: Inputs | None = None) -> Label:
    """The plain-English label and unit of the input at ``path``; ``inputs`` (when given) names a
    table line by its item and a cohort by its name."""
    head, _, rest = path.partition(".")
    if "/" in head:
        table_name, _, line_id = head.partition("/")
        words, unit = LINE_FIELD_LABELS.get(rest, (rest.replace("_", " "), ""))
        item = line_id
        if inputs is not None:
            for table in inputs.tables:
                if table.name == table_name:
                    item = next((str(ln.item) for ln in table.lines if ln.id == line_id), item)
        return Label(item if rest == "amount_gbp" else f"{item}: {words}", unit)
    parts = path.split(".")
    pattern = ".".join(
        "N" if part.isdigit() or (index == 1 and parts[0] == "cohorts") else part
        for index, part in enumerate(parts)
    )
    if pattern.startswith("cohorts.N."):
        inner = INPUT_LABELS.get("cohort." + pattern.removeprefix("cohorts.N."))
        text, unit = inner or (_generic(pattern.removeprefix("cohorts.N.")), "")
        return Label(f"{_cohort(inputs, parts[1])}: {text[0].lower()}{text[1:]}", unit)
    text, unit = INPUT_LABELS.get(pattern, (_generic(path), "£" if path.endswith("_gbp") else ""))
    return Label(text, unit)


def outcome_label(name: str) -> Label:
    text, unit = OUTCOME_LABELS.get(name, (name.replace("_", " ").capitalize(), ""))
    return Label(text, unit)
