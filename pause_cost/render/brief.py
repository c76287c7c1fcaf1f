"""An estimate on one screen (``estimate --summary``): the inputs that make the births, the cost
avoided, the programme's cost and what it returns, the published check in a line, and how many
notes there are to read before quoting. The JSON and CSV are the full estimate's; nothing here
computes a figure."""

from __future__ import annotations

from pause_cost.render.document import (
    Block,
    Column,
    Document,
    Money,
    Paragraph,
    Ratio,
    Row,
    Section,
    Table,
)
from pause_cost.render.estimate import RETURN_LABEL, estimate_document
from pause_cost.render.headline import coverage_blocks, view_rows
from pause_cost.render.labels import counting_label, figure_label, prices_label, window_label
from pause_cost.results.estimate import PROMINENT, Estimate


def _first(years: int) -> str:
    return "first year" if years == 1 else f"first {years} years"


def _figures(estimate: Estimate) -> list[Row]:
    horizon, immediate = estimate.horizon, estimate.immediate
    rows = [
        Row((f"Cost avoided, {horizon.years}-year total", Money(horizon.total_gbp)), strong=True),
        Row(("  of which cashable", Money(horizon.cashable_gbp))),
        Row(("  of which internal", Money(horizon.internal_gbp))),
        Row((f"Cost avoided, {_first(immediate.years)}", Money(immediate.total_gbp))),
    ]
    if horizon.other_agencies_gbp:
        rows.append(Row(("Other agencies (not added)", Money(horizon.other_agencies_gbp))))
    programme = estimate.programme
    base = estimate.economics.price_base
    mixed = " (PRICES MIXED)" if base is not None and not base.one_base else ""
    if programme.cost_gbp is not None and programme.net_gbp is not None:
        rows += [
            Row(("Programme cost", Money(programme.cost_gbp)), group=True),
            Row((f"Net cost avoided{mixed}", Money(programme.net_gbp)), strong=True),
        ]
        if programme.return_per_pound is not None:
            rows.append(Row((RETURN_LABEL + mixed, Ratio(programme.return_per_pound))))
        rows += _payback_rows(estimate, mixed)
    else:
        rows.append(Row(("Programme cost", "not given: figures are gross"), group=True))
    appraisal = estimate.economics.appraisal
    if appraisal is not None:
        year_zero = appraisal.year_zero.split(",", 1)[0]
        whose = (
            "Net present value"
            if estimate.economics.funders is None
            else "NPV, council's avoidance less whole cost"
        )
        rows.append(
            Row(
                (f"{whose} (year 0: {year_zero})", Money(appraisal.npv_gbp)),
                strong=True,
            )
        )
    return rows


def _payback_rows(estimate: Estimate, mixed: str) -> list[Row]:
    """Payback on the total and on cashable lines in one row, the cashable net and NPV."""
    programme, cashable = estimate.programme, estimate.economics.cashable
    calendar = estimate.economics.calendar
    if calendar is not None:
        basis, paid = "financial year", calendar.payback_financial_year or "not within"
    else:
        basis = "years after birth"
        paid = "not within" if programme.payback_year is None else f"year {programme.payback_year}"
    if cashable is None:
        return [Row((f"Payback, {basis}{mixed}", paid))]
    rows = [
        Row(
            (
                f"Payback, {basis}, total; cashable only{mixed}",
                f"{paid}; {cashable.payback or 'not within'}",
            )
        ),
        Row((f"Cashable only: net of cost{mixed}", Money(cashable.net_gbp))),
    ]
    if cashable.npv_gbp is not None:
        rows.append(Row(("Cashable only: NPV", Money(cashable.npv_gbp))))
    return rows


def _published(estimate: Estimate) -> list[Block]:
    published = estimate.published
    if published is None:
        return []
    differ = [check.figure for check in published.checks if check.difference != 0]
    if not differ:
        said = f"all {len(published.checks)} reproduced"
    else:
        named = "; ".join(figure_label(figure, estimate) for figure in differ)
        said = f"{len(differ)} of {len(published.checks)} differ ({named})"
    if published.deflated_by is not None:
        said += f", compared in {published.price_year} prices"
    elif published.prices is not None:
        said += "; sums of money not compared, their price years differ"
    return [Paragraph(f"Against the published figures: {said}.")]


def brief_document(estimate: Estimate) -> Document:
    """The estimate on one screen; its JSON and CSV are the full estimate's."""
    full = estimate_document(estimate)
    scenario = estimate.scenario
    prominent = [flag.message for flag in estimate.flags if flag.code in PROMINENT]
    rest = len(estimate.flags) - len(prominent)
    blocks: list[Block] = [
        *(Paragraph(f"WARNING: {message}") for message in prominent),
        Paragraph(
            f"{scenario.women_open} women; window {window_label(estimate)}; avoided births "
            f"costed: {counting_label(estimate)}. Prices: {prices_label(estimate)}."
        ),
        Table(
            title="Key figures",
            columns=(Column("Figure"), Column("Value", numeric=True)),
            rows=(*_figures(estimate), *view_rows(estimate)),
            show_header=False,
        ),
        *coverage_blocks(estimate, partial_only=True),
        *_published(estimate),
        Paragraph(
            f"Before quoting, read {rest} note{'s' if rest != 1 else ''} and "
            f"{len(estimate.lines)} unit-cost line{'s' if len(estimate.lines) != 1 else ''}: "
            "run without --summary."
        ),
    ]
    return Document(
        title=scenario.title or scenario.name,
        subtitle=scenario.council,
        sections=(Section(tuple(blocks)),),
        flags=(),
        data=full.data,
        tidy=full.tidy,
    )
