"""The estimate as rich tables, for a person at a terminal (or a text file with ``-o``).

Numbers are right-aligned and never wrapped: a cut-off pound figure is silent data loss.
"""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from pause_cost.compare import Comparison
from pause_cost.model.tables import UnitCostTable
from pause_cost.money import plain, round_half_up, to_decimal, whole_pounds
from pause_cost.render.comparison import bar, figure_rows, moved, signed
from pause_cost.render.labels import (
    NOTE_KINDS,
    counting_label,
    figure_label,
    has_other_agencies,
    line_notes,
    numbered,
    prices_label,
    window_label,
    years_label,
)
from pause_cost.results.estimate import Amounts, Estimate


def _table(title: str, *, show_header: bool = True) -> Table:
    """The one table style: left titles, a rule under the header, one space between columns.

    Tight enough that the widest table (the lines) fits 80 columns with every figure whole.
    """
    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_header=show_header,
        show_edge=False,
        padding=(0, 0),
    )


def _keep_whole(table: Table) -> Table:
    """Give every unwrappable column the width of its widest cell, so rich never crops one.

    Rich shrinks even ``no_wrap`` columns when a table is wider than the terminal, cutting a
    figure to '£1,009,8…'; only wrappable text columns may give way.
    """
    for column in table.columns:
        if column.no_wrap:
            cells = [str(column.header), *(str(cell) for cell in column.cells)]
            column.min_width = max(cell_len(cell) for cell in cells)
    return table


def _money_column(table: Table, header: str) -> None:
    table.add_column(header, justify="right", no_wrap=True)


def summary_tables(estimate: Estimate) -> Group:
    """Inputs, avoided births, cost avoidance, programme and published figures."""
    scenario = estimate.scenario
    heading = Text(scenario.title or scenario.name, style="bold")
    heading.append(f"\n{scenario.council}\n", style="")

    inputs = _table("Inputs", show_header=False)
    inputs.add_column("Input")
    inputs.add_column("Value", no_wrap=True)
    inputs.add_row("Women open on the programme", str(scenario.women_open))
    inputs.add_row("Births per woman per year", plain(scenario.birth_rate_per_woman_per_year))
    inputs.add_row("Window", window_label(estimate))
    inputs.add_row("Avoided births, exact", plain(estimate.avoided_births.exact))
    inputs.add_row("Avoided births, costed", counting_label(estimate))
    inputs.add_row("Unit-cost tables", ", ".join(table.name for table in estimate.tables))
    inputs.add_row("Prices", prices_label(estimate))

    money = _table("Cost avoidance")
    money.add_column("Period")
    others = has_other_agencies(estimate)
    for header in ("Cashable", "Internal", "Total", *(("Other agencies",) if others else ())):
        _money_column(money, header)

    def row(label: str, amounts: Amounts, style: str | None = None) -> None:
        cells = [amounts.cashable_gbp, amounts.internal_gbp, amounts.total_gbp]
        if others:
            cells.append(amounts.other_agencies_gbp)
        money.add_row(label, *(whole_pounds(cell) for cell in cells), style=style)

    row(f"Immediate ({years_label(1, estimate.immediate.years)})", estimate.immediate, "bold")
    row(
        f"{estimate.horizon.years}-year ({years_label(1, estimate.horizon.years)})",
        estimate.horizon,
        "bold",
    )
    money.add_section()
    for year in estimate.by_year:
        row(f"  year {year.year}", year)

    parts: list[Table | Text] = [
        heading,
        _keep_whole(inputs),
        Text(),
        _keep_whole(money),
        Text(),
        _keep_whole(_programme_table(estimate)),
    ]
    if estimate.programme.source is not None:
        parts.append(Text(f"Programme cost source: {estimate.programme.source.cite()}\n"))
    if estimate.published is not None:
        parts += [Text(), _keep_whole(_published_table(estimate))]
        parts.append(Text(f"Published in: {estimate.published.source.cite()}"))
    return Group(*parts)


def _programme_table(estimate: Estimate) -> Table:
    programme = estimate.programme
    table = _table("Programme cost", show_header=False)
    table.add_column("Figure")
    table.add_column("Value", no_wrap=True, justify="right")
    if programme.cost_gbp is None:
        table.add_row("Programme cost", "not given: figures are gross")
        return table
    table.add_row("Programme cost", whole_pounds(programme.cost_gbp))
    if programme.net_gbp is not None:
        table.add_row(
            f"Net of cost, {estimate.horizon.years} years", whole_pounds(programme.net_gbp)
        )
    if programme.return_per_pound is not None:
        table.add_row(
            "Avoided per £1 spent", f"£{round_half_up(programme.return_per_pound, 2):,.2f}"
        )
    payback = programme.payback_year
    table.add_row("Payback year", f"year {payback}" if payback else "not within the horizon")
    return table


def _published_table(estimate: Estimate) -> Table:
    assert estimate.published is not None
    table = _table("Against the published figures")
    table.add_column("Figure")
    for header in ("Published", "Estimated", "Difference"):
        _money_column(table, header)
    for check in estimate.published.checks:
        births = check.figure == "avoided_births"
        shown = (lambda value: plain(value)) if births else whole_pounds
        table.add_row(
            figure_label(check.figure, estimate),
            shown(check.published),
            shown(round_half_up(check.estimated) if not births else check.estimated),
            shown(check.difference),
        )
    return table


def lines_tables(estimate: Estimate) -> Group:
    """Every line behind the figures, one table per unit-cost table, with note markers."""
    markers, _ = line_notes(estimate)
    tables: dict[str, Table] = {}
    for line, marker in zip(estimate.lines, markers, strict=True):
        table = tables.get(line.table)
        if table is None:
            table = tables[line.table] = _table(f"Lines of {line.table} (per birth x births)")
            table.add_column("Line", overflow="fold")
            table.add_column("Class", no_wrap=True)
            table.add_column("Years", no_wrap=True)
            _money_column(table, "Immediate")
            _money_column(table, f"{estimate.horizon.years}-year")
            table.add_column("Priced", no_wrap=True)
            table.add_column("Notes", no_wrap=True)
        table.add_row(
            line.id,
            line.classification,
            years_label(line.first_year, line.last_year),
            whole_pounds(line.immediate_gbp),
            whole_pounds(line.horizon_gbp),
            line.price_year,
            marker,
        )
    return Group(*(_keep_whole(table) for table in tables.values()))


def notes(estimate: Estimate) -> Text:
    """Sources, assumptions, uprating and overrides; then the flags to read before quoting."""
    _, sections = line_notes(estimate)
    text = Text()
    for (letter, _), (title, texts) in zip(NOTE_KINDS, sections, strict=True):
        if not texts:
            continue
        if text:
            text.append("\n\n")
        text.append(title, style="bold")
        for number, note in enumerate(texts, start=1):
            text.append(f"\n{letter}{number}  {note}")
    if estimate.flags:
        text.append("\n\nRead before quoting", style="bold")
        for flag in estimate.flags:
            text.append(f"\n- {flag.message}")
    return text


def print_estimate(estimate: Estimate, console: Console) -> None:
    """The whole estimate: summary, lines, then sources, assumptions and flags."""
    console.print(summary_tables(estimate))
    console.print()
    console.print(lines_tables(estimate))
    console.print()
    console.print(notes(estimate))


def print_comparison(comparison: Comparison, console: Console) -> None:
    """Headline figures A, B and change; then each changed line, largest first, with a bar."""
    title = f"From {comparison.a} to {comparison.b}"
    totals = Table(
        title=title, box=box.SIMPLE_HEAD, title_justify="left", show_edge=False, padding=(0, 0)
    )
    totals.add_column("Figure")
    for header in ("A", "B", "Change"):
        totals.add_column(header, justify="right", no_wrap=True)
    for label, a, b, change in figure_rows(comparison):
        totals.add_row(label, whole_pounds(a), whole_pounds(b), signed(change))
    console.print(_keep_whole(totals))
    console.print()
    largest = max((abs(moved(c.horizon)) for c in comparison.contributions), default=Decimal(0))
    lines = Table(
        title="What moves the horizon total, largest first",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_edge=False,
        padding=(0, 0),
    )
    lines.add_column(comparison.by.capitalize(), overflow="fold")
    lines.add_column("Status", no_wrap=True)
    lines.add_column("Immediate", justify="right", no_wrap=True)
    lines.add_column("Horizon", justify="right", no_wrap=True)
    lines.add_column("", no_wrap=True)
    for contribution in comparison.contributions:
        if contribution.status == "unchanged":
            continue
        lines.add_row(
            contribution.key,
            contribution.status,
            signed(moved(contribution.immediate)),
            signed(moved(contribution.horizon)),
            bar(contribution, largest),
        )
    unchanged = sum(1 for c in comparison.contributions if c.status == "unchanged")
    console.print(lines)
    console.print(
        f"{unchanged} {comparison.by}(s) unchanged. Changes include other agencies' costs "
        f"where a {comparison.by} falls on them.",
        soft_wrap=True,
    )


def print_table_list(tables: list[UnitCostTable], console: Console) -> None:
    """One row per table; titles follow, where they have room to be read."""
    listing = _table("Shipped unit-cost tables")
    for header in ("Name", "Lines", "Priced", "Index", "Extends"):
        listing.add_column(header, no_wrap=True)
    for table in tables:
        years = table.price_years
        priced = years[0] if len(years) == 1 else f"{years[0]} to {years[-1]}"
        listing.add_row(
            table.name,
            str(len(table.lines)),
            priced,
            table.price_index or "-",
            table.extends or "-",
        )
    console.print(_keep_whole(listing))
    titles = Text()
    for table in tables:
        titles.append(f"\n{table.name}: ", style="bold")
        titles.append(table.title)
    console.print(titles)


def print_table_lines(table: UnitCostTable, console: Console) -> None:
    """Every line as a short block (ids and units are too long for columns), then sources."""
    heading = Text(table.title, style="bold")
    if table.edition:
        heading.append(f"\n{table.edition}")
    if table.price_index:
        heading.append(f"\nUprated with: {table.price_index}")
    if table.extends:
        heading.append(f"\nExtends: {table.extends}")
        for removal in table.removed:
            heading.append(f"\n  removes {removal.id}: {removal.reason}")
    console.print(heading)
    sources, source_texts = numbered([line.source.cite() for line in table.lines])
    for line, source_number in zip(table.lines, sources, strict=True):
        block = Text(f"\n{line.id}", style="bold")
        block.append(f"  {line.classification}, {line.stage}, {line.agency}")
        block.append(f"\n  {line.item}")
        amount = f"£{round_half_up(to_decimal(line.amount_gbp), 2):,}"
        block.append(
            f"\n  {amount} {line.unit} x {plain(to_decimal(line.quantity_per_child))} per child"
            f" x share {plain(to_decimal(line.share_of_children))},"
            f" {years_label(line.first_year, line.final_year)}; priced {line.price_year}"
            f"{f' ({line.price_index})' if line.price_index else ''}; S{source_number}"
        )
        if line.derivation:
            block.append(f"\n  derivation: {line.derivation}")
        if line.assumption:
            block.append(f"\n  assumption: {line.assumption}")
        console.print(block)
    notes = Text("\nSources", style="bold")
    for number, source in enumerate(source_texts, start=1):
        notes.append(f"\nS{number}  {source}")
    console.print(notes)
