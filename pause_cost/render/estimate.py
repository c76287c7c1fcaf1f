"""The document of an estimate: inputs, cost avoidance, programme, published check, lines, notes."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.money import round_half_up
from pause_cost.render.business_case import business_case_blocks
from pause_cost.render.document import (
    MARKDOWN,
    TEXT,
    Block,
    Column,
    Count,
    Document,
    Gap,
    Money,
    Notes,
    Paragraph,
    Ratio,
    Row,
    Section,
    Table,
    Tidy,
)
from pause_cost.render.economics import economics_blocks
from pause_cost.render.headline import coverage_blocks
from pause_cost.render.labels import (
    NOTE_KINDS,
    counting_label,
    figure_label,
    has_other_agencies,
    line_notes,
    prices_label,
    window_label,
    years_label,
)
from pause_cost.render.perspectives import cashable_rows
from pause_cost.render.tidy import AMOUNTS, SUMMARY_COLUMNS, estimate_tidy, summary_rows
from pause_cost.results.data import to_data
from pause_cost.results.estimate import Amounts, Estimate

AMOUNT_FIELDS = tuple(figure.item for figure in AMOUNTS)
"""The four amounts of every period, in the order every output shows them."""


def amounts_of(values: Amounts, *, others: bool = True) -> list[Money]:
    """A period's amounts as cells: cashable, internal, total and (optionally) other agencies."""
    fields = AMOUNT_FIELDS if others else AMOUNT_FIELDS[:3]
    return [Money(getattr(values, f"{field}_gbp")) for field in fields]


def estimate_document(estimate: Estimate) -> Document:
    scenario = estimate.scenario
    summary: list[Block] = [
        Paragraph(f"WARNING: {flag.message}") for flag in estimate.flags if flag.prominent
    ]
    if scenario.notes:
        summary.append(Paragraph(f"Notes: {scenario.notes}"))
    if summary:
        summary.append(Gap(media=TEXT))
    summary.append(_inputs(estimate))
    summary += [_money(estimate, medium) for medium in ("text", "markdown")]
    summary += coverage_blocks(estimate)
    summary += _programme(estimate)
    summary += economics_blocks(estimate)
    summary += business_case_blocks(estimate.economics)
    summary += _published(estimate)
    markers, sections = line_notes(estimate)
    notes = [
        Notes(letter=letter, title=title, texts=tuple(texts))
        for (letter, _), (title, texts) in zip(NOTE_KINDS, sections, strict=True)
        if texts
    ]
    return Document(
        title=scenario.title or scenario.name,
        subtitle=scenario.council,
        sections=(
            Section(tuple(summary)),
            Section(_lines(estimate, markers), spaced=False),
            Section(tuple(notes)),
        ),
        flags=tuple(flag.message for flag in estimate.flags),
        data=to_data(estimate),
        tidy=estimate_tidy(estimate),
    )


def women_label(estimate: Estimate) -> str:
    """The women open, said to be all cohorts' where there are several one after another."""
    cohorts = len(estimate.economics.cohorts)
    if cohorts > 1:
        return f"Women open on the programme, {cohorts} cohorts together"
    return "Women open on the programme"


def _inputs(estimate: Estimate) -> Table:
    scenario = estimate.scenario
    tables = ", ".join(table.name for table in estimate.tables)
    rate = scenario.birth_rate_per_woman_per_year
    return Table(
        title="Inputs",
        columns=(Column("Input"), Column("Value")),
        rows=(
            Row((women_label(estimate), str(scenario.women_open))),
            Row(
                ("Births per woman per year", _rate_text(estimate) if rate is None else Count(rate))
            ),
            Row(("Window", window_label(estimate))),
            Row(("Avoided births, exact", Count(estimate.avoided_births.exact))),
            *(
                [Row(("Births counted by", estimate.avoided_births.convention))]
                if estimate.avoided_births.convention
                else []
            ),
            Row(("Avoided births, costed", counting_label(estimate))),
            Row(("Unit-cost tables", tables), media=TEXT),
            Row(("Prices", prices_label(estimate))),
        ),
        show_header=False,
    )


def _rate_text(estimate: Estimate) -> str:
    """Where the cohorts share no one rate: each its own, or a published count in its place."""
    cohorts = estimate.economics.cohorts
    if cohorts and all(cohort.births_source is not None for cohort in cohorts):
        return "none: a published count of births is given"
    return "by cohort"


def _money(estimate: Estimate, medium: str) -> Table:
    """Immediate and horizon cost avoidance, then each year."""
    others = has_other_agencies(estimate)
    headers = ["Cashable", "Internal", "Total", *(["Other agencies"] if others else [])]
    immediate, horizon = estimate.immediate, estimate.horizon
    indent = "  " if medium == "text" else ""
    rows = [
        Row(
            (
                f"Immediate ({years_label(1, immediate.years)})",
                *amounts_of(immediate, others=others),
            ),
            strong=True,
        ),
        Row(
            (
                f"{horizon.years}-year ({years_label(1, horizon.years)})",
                *amounts_of(horizon, others=others),
            ),
            strong=True,
        ),
        *(
            Row(
                (f"{indent}year {year.year}", *amounts_of(year, others=others)),
                group=index == 0,
            )
            for index, year in enumerate(estimate.by_year)
        ),
    ]
    first = "Period" if medium == "text" else "Cost avoidance"
    return Table(
        title="Cost avoidance, by year after each avoided birth",
        columns=(Column(first), *(Column(header, numeric=True) for header in headers)),
        rows=tuple(rows),
        media=TEXT if medium == "text" else MARKDOWN,
    )


RETURN_LABEL = "Council's avoidance per £1 of total cost"


def _programme(estimate: Estimate) -> list[Block]:
    programme = estimate.programme
    columns = (Column("Figure"), Column("Value", numeric=True))
    if programme.cost_gbp is None:
        return [
            Table(
                title="Programme cost",
                columns=columns,
                rows=(Row(("Programme cost", "not given: figures are gross")),),
                show_header=False,
                media=TEXT,
            ),
            Paragraph(
                "Programme cost: not given; the figures above are gross cost avoidance.",
                media=MARKDOWN,
            ),
        ]
    horizon_years = estimate.horizon.years
    payback = programme.payback_year
    payback_text = f"year {payback}" if payback else "not within the horizon"
    base = estimate.economics.price_base
    mixed = " (PRICES MIXED)" if base is not None and not base.one_base else ""
    rows = [Row(("Programme cost", Money(programme.cost_gbp)))]
    net_label = f"Net of cost, {horizon_years} years{mixed}"
    if programme.net_gbp is not None:
        rows.append(Row((net_label, Money(programme.net_gbp))))
    else:
        rows.append(Row((net_label, "n/a"), media=MARKDOWN))
    if programme.return_per_pound is not None:
        rows.append(Row((RETURN_LABEL + mixed, Ratio(programme.return_per_pound))))
    else:
        rows.append(Row((RETURN_LABEL + mixed, "n/a"), media=MARKDOWN))
    calendar = estimate.economics.calendar
    payback_rows: list[tuple[str, Money | Ratio | str]]
    if calendar is None:
        payback_rows = [(f"Payback, years after birth{mixed}", payback_text)]
    else:
        fy = calendar.payback_financial_year or "not within the cash flow"
        payback_rows = [(f"Payback, financial year, total cost avoided{mixed}", fy)]
    payback_rows += cashable_rows(estimate.economics.cashable, mixed)
    for label, value in payback_rows:
        for medium in (TEXT, MARKDOWN):
            rows.append(Row((label, value), media=medium))
    blocks: list[Block] = [
        Table(
            title="Programme cost",
            columns=columns,
            rows=tuple(rows),
            show_header=False,
            media=TEXT,
        ),
        Table(
            title="Programme cost",
            columns=(Column("Programme"), Column("Value", numeric=True)),
            rows=tuple(rows),
            media=MARKDOWN,
        ),
    ]
    if base is not None:
        warning = "NOT IN ONE PRICE BASE: " if not base.one_base else ""
        blocks.append(Paragraph(f"Prices: {warning}{base.statement}"))
    if programme.source is not None:
        blocks += [
            Paragraph(f"Programme cost source: {programme.source.cite()}"),
            Gap(media=TEXT),
        ]
    return blocks


def _published(estimate: Estimate) -> list[Block]:
    published = estimate.published
    if published is None:
        return []
    rows = []
    for check in published.checks:
        cells: tuple[Money, Money, Money] | tuple[Count, Count, Count]
        if check.figure == "avoided_births":
            cells = (Count(check.published), Count(check.estimated), Count(check.difference))
        else:
            cells = (Money(check.published), Money(check.estimated), Money(check.difference))
        rows.append(Row((figure_label(check.figure, estimate), *cells)))
    cited = published.source.cite()
    return [
        Paragraph(f"Against the published figures ({cited}):", media=MARKDOWN),
        Table(
            title="Against the published figures",
            columns=(
                Column("Figure"),
                *(
                    Column(header, numeric=True)
                    for header in ("Published", "Estimated", "Difference")
                ),
            ),
            rows=tuple(rows),
        ),
        Paragraph(f"Published in: {cited}", media=TEXT),
        *([] if published.prices is None else [Paragraph(f"Prices: {published.prices}")]),
        *(
            Paragraph(f"{figure_label(check.figure, estimate)}: {check.source.cite()}")
            for check in published.checks
            if check.source is not None
        ),
    ]


def _lines(estimate: Estimate, markers: list[str]) -> tuple[Block, ...]:
    """One table per unit-cost table on a terminal (lines by id); one in a report (by item)."""
    horizon = f"{estimate.horizon.years}-year"

    def columns(first: str) -> tuple[Column, ...]:
        return (
            Column(first, wrap="fold"),
            Column("Class", wrap="none"),
            Column("Years", wrap="none"),
            Column("Immediate", numeric=True),
            Column(horizon, numeric=True),
            Column("Priced", wrap="none"),
            Column("Uprated", media=MARKDOWN),
            Column("Notes", wrap="none"),
        )

    by_table: dict[str, list[Row]] = {}
    report: list[Row] = []
    for line, marker in zip(estimate.lines, markers, strict=True):
        rest = (
            line.classification,
            years_label(line.first_year, line.last_year),
            Money(line.immediate_gbp),
            Money(line.horizon_gbp),
            line.price_year,
            uprated_label(line.uprating_factor, line.price_index),
            marker,
        )
        by_table.setdefault(line.table, []).append(Row((line.id, *rest)))
        report.append(Row((line.item, *rest)))
    blocks: list[Block] = [
        Table(
            title=f"Lines of {name} (per birth x births)",
            columns=columns("Line"),
            rows=tuple(rows),
            media=TEXT,
        )
        for name, rows in by_table.items()
    ]
    blocks.append(Table(title="Lines", columns=columns("Line"), rows=tuple(report), media=MARKDOWN))
    return tuple(blocks)


def uprated_label(factor: Decimal, index: str | None) -> str:
    """'x1.1234 (pss-all-sectors)', or 'not uprated'."""
    if index is None:
        return "not uprated"
    return f"x{round_half_up(factor, 4)} ({index})"


def summary_document(estimates: list[Estimate]) -> Document:
    """Several estimates side by side, one row each (the CSV of ``estimate A B ...``)."""
    return Document(
        title="Estimates",
        sections=(),
        data=[to_data(estimate) for estimate in estimates],
        tidy=Tidy(SUMMARY_COLUMNS, tuple(summary_rows(estimates))),
    )
