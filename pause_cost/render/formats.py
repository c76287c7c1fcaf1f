"""The estimate as JSON (the contract scripts rely on), CSV (tidy rows) and Markdown (reports).

JSON and CSV carry exact, unrounded figures; Markdown shows whole pounds, each rounded half up
from its own exact value, so the totals shown are the totals computed.
"""

from __future__ import annotations

import csv
import io

from pause_cost.money import plain, round_half_up, whole_pounds
from pause_cost.render.labels import (
    NOTE_KINDS,
    counting_label,
    figure_label,
    has_other_agencies,
    line_key,
    line_notes,
    prices_label,
    window_label,
    years_label,
)
from pause_cost.results.estimate import Amounts, Estimate


def render(estimate: Estimate, output_format: str) -> str:
    """The estimate as 'json', 'csv' or 'markdown' text."""
    return {"json": to_json, "csv": to_csv, "markdown": to_markdown}[output_format](estimate)


def to_json(estimate: Estimate) -> str:
    """The estimate's JSON dump: keys in a fixed order, so the same inputs give the same bytes."""
    from pause_cost.results.data import to_json as dump

    return dump(estimate)


CSV_COLUMNS = ("section", "item", "period", "classification", "value", "unit")


def to_csv(estimate: Estimate) -> str:
    """One figure per row, in the columns of :data:`CSV_COLUMNS`: easy to filter or pivot."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    births = estimate.avoided_births
    writer.writerow(("avoided_births", "exact", "", "", plain(births.exact), "births"))
    writer.writerow(("avoided_births", "counted", "", "", plain(births.counted), "births"))

    def amounts(section: str, item: str, period: str, values: Amounts) -> None:
        for classification, value in (
            ("cashable", values.cashable_gbp),
            ("internal", values.internal_gbp),
            ("total", values.total_gbp),
            ("other_agencies", values.other_agencies_gbp),
        ):
            writer.writerow((section, item, period, classification, plain(value), "GBP"))

    amounts(
        "cost_avoidance", "immediate", years_label(1, estimate.immediate.years), estimate.immediate
    )
    amounts("cost_avoidance", "horizon", years_label(1, estimate.horizon.years), estimate.horizon)
    for year in estimate.by_year:
        amounts("cost_avoidance", "year", f"year {year.year}", year)
    for line in estimate.lines:
        for item, value in (("immediate", line.immediate_gbp), ("horizon", line.horizon_gbp)):
            writer.writerow(
                ("line", line_key(line), item, line.classification, plain(value), "GBP")
            )
    programme = estimate.programme
    for item, maybe in (
        ("cost", programme.cost_gbp),
        ("net", programme.net_gbp),
    ):
        if maybe is not None:
            writer.writerow(("programme", item, "", "", plain(maybe), "GBP"))
    if programme.return_per_pound is not None:
        writer.writerow(
            ("programme", "return_per_pound", "", "", plain(programme.return_per_pound), "GBP")
        )
    if programme.payback_year is not None:
        writer.writerow(("programme", "payback_year", "", "", programme.payback_year, "year"))
    if estimate.published is not None:
        for check in estimate.published.checks:
            writer.writerow(
                ("published", check.figure, "", "difference", plain(check.difference), "")
            )
    for flag in estimate.flags:
        writer.writerow(("flag", flag.code, "", "", flag.message, ""))
    return buffer.getvalue()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(estimate: Estimate) -> str:
    """A report section a committee paper can take as it is."""
    scenario = estimate.scenario
    out: list[str] = [f"## {scenario.title or scenario.name}", "", f"{scenario.council}", ""]
    out += [
        "| Input | Value |",
        "|---|---|",
        f"| Women open on the programme | {scenario.women_open} |",
        f"| Births per woman per year | {plain(scenario.birth_rate_per_woman_per_year)} |",
        f"| Window | {window_label(estimate)} |",
        f"| Avoided births, exact | {plain(estimate.avoided_births.exact)} |",
        f"| Avoided births, costed | {counting_label(estimate)} |",
        f"| Prices | {prices_label(estimate)} |",
        "",
    ]
    others = has_other_agencies(estimate)
    if others:
        out += [
            "| Cost avoidance | Cashable | Internal | Total | Other agencies |",
            "|---|---:|---:|---:|---:|",
        ]
    else:
        out += ["| Cost avoidance | Cashable | Internal | Total |", "|---|---:|---:|---:|"]
    rows = [
        (f"**Immediate ({years_label(1, estimate.immediate.years)})**", estimate.immediate),
        (
            f"**{estimate.horizon.years}-year ({years_label(1, estimate.horizon.years)})**",
            estimate.horizon,
        ),
        *((f"year {year.year}", year) for year in estimate.by_year),
    ]
    for label, values in rows:
        amounts = [values.cashable_gbp, values.internal_gbp, values.total_gbp]
        if others:
            amounts.append(values.other_agencies_gbp)
        out.append(f"| {label} | " + " | ".join(whole_pounds(cell) for cell in amounts) + " |")
    out.append("")
    programme = estimate.programme
    if programme.cost_gbp is None:
        out += ["Programme cost: not given; the figures above are gross cost avoidance.", ""]
    else:
        payback = (
            f"year {programme.payback_year}" if programme.payback_year else "not within the horizon"
        )
        per_pound = (
            f"£{round_half_up(programme.return_per_pound, 2):,.2f}"
            if programme.return_per_pound is not None
            else "n/a"
        )
        source = programme.source.cite() if programme.source else ""
        out += [
            "| Programme | Value |",
            "|---|---:|",
            f"| Programme cost | {whole_pounds(programme.cost_gbp)} |",
            f"| Net of cost, {estimate.horizon.years} years | "
            f"{whole_pounds(programme.net_gbp) if programme.net_gbp is not None else 'n/a'} |",
            f"| Avoided per £1 spent | {per_pound} |",
            f"| Payback | {payback} |",
            "",
            f"Programme cost source: {_cell(source)}",
            "",
        ]
    if estimate.published is not None:
        out += [
            f"Against the published figures ({_cell(estimate.published.source.cite())}):",
            "",
            "| Figure | Published | Estimated | Difference |",
            "|---|---:|---:|---:|",
        ]
        for check in estimate.published.checks:
            if check.figure == "avoided_births":
                cells = (plain(check.published), plain(check.estimated), plain(check.difference))
            else:
                cells = (
                    whole_pounds(check.published),
                    whole_pounds(check.estimated),
                    whole_pounds(check.difference),
                )
            out.append(f"| {figure_label(check.figure, estimate)} | {' | '.join(cells)} |")
        out.append("")
    markers, sections = line_notes(estimate)
    out += [
        f"| Line | Class | Years | Immediate | {estimate.horizon.years}-year | Priced | Notes |",
        "|---|---|---|---:|---:|---|---|",
    ]
    for line, marker in zip(estimate.lines, markers, strict=True):
        out.append(
            f"| {_cell(line.item)} | {line.classification} | "
            f"{years_label(line.first_year, line.last_year)} | "
            f"{whole_pounds(line.immediate_gbp)} | {whole_pounds(line.horizon_gbp)} | "
            f"{line.price_year} | {marker} |"
        )
    out.append("")
    for (letter, _), (title, texts) in zip(NOTE_KINDS, sections, strict=True):
        if texts:
            out += [f"{title}:", ""]
            out += [f"- {letter}{number}: {_cell(text)}" for number, text in enumerate(texts, 1)]
            out.append("")
    if estimate.flags:
        out += ["**Read before quoting**", ""]
        out += [f"- {_cell(flag.message)}" for flag in estimate.flags]
        out.append("")
    return "\n".join(out)
