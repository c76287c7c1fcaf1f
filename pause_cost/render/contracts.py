"""The outcomes contract as a document: expected payments by payer and year, the council's
position each way of buying, the metrics with their break-even prices, and the ranges."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.render.decision import supported
from pause_cost.render.document import (
    Column,
    Count,
    Document,
    Money,
    Paragraph,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
)
from pause_cost.results.contracts import ContractResult, Spread
from pause_cost.results.data import to_data


def _money(value: Decimal | None) -> Money | str:
    return "-" if value is None else Money(value)


def _shown(value: Decimal, mcse: Decimal | None, money: bool) -> Money | Count:
    kept = value if mcse is None else supported(value, mcse)
    return Money(kept) if money else Count(kept, 0)


def mcse_table(spreads: list[tuple[str, Spread, bool]]) -> Table:
    """Each figure's Monte Carlo standard errors, one row each."""

    def error(value: Decimal | None, money: bool) -> Money | Count | str:
        return "-" if value is None else _shown(value, value, money)

    return Table(
        title="Monte Carlo standard errors (the figures above are shown to their place)",
        columns=(
            Column("Figure"),
            *(Column(label, numeric=True) for label in ("Mean", "P5", "P50", "P95")),
        ),
        rows=tuple(
            Row(
                (
                    f"{name} (MCSE)",
                    *(
                        error(value, money)
                        for value in (s.mean_mcse, s.p5_mcse, s.p50_mcse, s.p95_mcse)
                    ),
                )
            )
            for name, s, money in spreads
        ),
    )


def spread_table(title: str, spreads: list[tuple[str, Spread, bool]]) -> Table:
    """Figures' mean, P5, P50 and P95, one row each (in pounds, or as counts), each to the
    place its Monte Carlo standard error supports."""
    return Table(
        title=title,
        columns=(
            Column("Figure"),
            Column("Mean", numeric=True),
            Column("P5", numeric=True),
            Column("P50", numeric=True),
            Column("P95", numeric=True),
        ),
        rows=tuple(
            Row(
                (
                    name,
                    _shown(s.mean_gbp, s.mean_mcse, money),
                    _shown(s.p5_gbp, s.p5_mcse, money),
                    _shown(s.p50_gbp, s.p50_mcse, money),
                    _shown(s.p95_gbp, s.p95_mcse, money),
                )
            )
            for name, s, money in spreads
        ),
    )


def contract_document(result: ContractResult) -> Document:
    """Every figure of a costed contract, laid out once for every medium."""
    years = sorted({row.financial_year for row in result.by_year})
    payer_rows = []
    for payer in result.payers:
        amounts = {
            row.financial_year: row.paid_gbp for row in result.by_year if row.payer == payer.name
        }
        payer_rows.append(
            Row(
                (
                    payer.name,
                    payer.kind,
                    Count(payer.share_of_payments),
                    *(Money(amounts.get(year, Decimal(0))) for year in years),
                    Money(payer.expected_paid_gbp),
                    Money(payer.committed_maximum_gbp),
                )
            )
        )
    totals = [
        sum((row.paid_gbp for row in result.by_year if row.financial_year == year), Decimal(0))
        for year in years
    ]
    payer_rows.append(
        Row(
            (
                "All payers",
                "",
                Count(Decimal(1)),
                *(Money(v) for v in totals),
                Money(result.expected_paid_gbp),
                Money(result.maximum_gbp),
            ),
            strong=True,
        )
    )
    payments = Table(
        title="Expected payments by payer and financial year (April to March), after every cap",
        columns=(
            Column("Payer"),
            Column("Kind", wrap="none"),
            Column("Share", numeric=True),
            *(Column(year, numeric=True) for year in years),
            Column("Total", numeric=True),
            Column("Committed maximum", numeric=True),
        ),
        rows=tuple(payer_rows),
    )
    metric_rows = tuple(
        Row(
            (
                metric.id,
                Money(metric.price_per_outcome_gbp),
                Count(metric.outcomes_per_achiever),
                Count(metric.share_achieving),
                "-"
                if metric.counterfactual_share is None
                else Count(metric.counterfactual_share, 3),
                Money(metric.expected_per_woman_gbp),
                Money(metric.expected_uncapped_gbp),
                Money(metric.expected_paid_gbp),
                "none exists"
                if metric.breakeven_price_gbp is None and metric.breakeven_note
                else _money(metric.breakeven_price_gbp),
            )
        )
        for metric in result.metrics
    )
    metrics = Table(
        title="Metrics",
        columns=(
            Column("Metric", wrap="fold"),
            Column("Price per outcome", numeric=True),
            Column("Outcomes per achiever", numeric=True),
            Column("Share achieving", numeric=True),
            Column("Without the programme", numeric=True),
            Column("Per woman", numeric=True),
            Column("Before caps", numeric=True),
            Column("Paid", numeric=True),
            Column("Council break-even price", numeric=True),
        ),
        rows=metric_rows,
    )
    position = result.position
    position_table = Table(
        title=f"The council's position over {position.horizon_years} years",
        columns=(
            Column("Figure"),
            Column("Under the contract", numeric=True),
            Column("Bought directly", numeric=True),
        ),
        rows=(
            Row(
                (
                    "Avoidance falling to the council",
                    Money(position.council_avoidance_gbp),
                    Money(position.council_avoidance_gbp),
                )
            ),
            Row(
                (
                    "The council pays, cash",
                    _money(position.contract_council_paid_cash_gbp),
                    "-",
                )
            ),
            Row(
                (
                    f"The council pays, {position.price_year} prices"
                    if position.deflator is not None
                    else "The council pays, as given",
                    Money(position.contract_council_paid_gbp),
                    _money(position.direct_programme_cost_gbp),
                )
            ),
            Row(
                ("Net", Money(position.contract_net_gbp), _money(position.direct_net_gbp)),
                strong=True,
            ),
        ),
    )
    blocks: list[Table | Paragraph] = [payments, metrics, position_table]
    if position.price_base:
        blocks.append(Paragraph(position.price_base))
    blocks.append(
        Paragraph(
            f"Central fund's share of payments: {result.central_share_of_payments}. "
            f"Expected payments before caps £{result.expected_uncapped_gbp:,.0f}; after caps "
            f"£{result.expected_paid_gbp:,.0f}; the contract's maximum "
            f"£{result.maximum_gbp:,.0f} is "
            + ("reached" if result.maximum_reached else "not reached")
            + " on expected outcomes."
        )
    )
    simulation = result.simulation
    if simulation is not None:
        spreads = (
            ("Paid, all payers", simulation.total_paid),
            ("Paid by the council", simulation.council_paid),
            ("Paid by the central fund", simulation.central_paid),
            ("Council's net under the contract", simulation.council_net),
        )
        shown = [(name, spread, True) for name, spread in spreads]
        blocks.append(
            spread_table(
                f"Monte Carlo: {simulation.draws} draws, seed {simulation.seed} (numpy "
                f"{simulation.numpy}, {simulation.bit_generator})",
                shown,
            )
        )
        blocks.append(mcse_table(shown))
        blocks.append(
            Paragraph(
                # Never a bare 0 or 1: where no draw (or every draw) reached it, the bound.
                f"P(contract maximum reached): {simulation.maximum_reached_bound}."
                if simulation.maximum_reached_share in (0, 1)
                else f"P(contract maximum reached) = {simulation.maximum_reached_share} "
                f"({simulation.maximum_reached_bound})."
            )
        )
    for metric in result.metrics:
        blocks.append(
            Paragraph(
                f"{metric.id}: {metric.definition} Price: {metric.price_source.cite()}. "
                f"Share: {metric.share_how}."
                + (f" Pro rata: {metric.pro_rata}" if metric.pro_rata else "")
                + (
                    f" Council break-even price: {metric.breakeven_note}."
                    if metric.breakeven_note
                    else ""
                )
            )
        )
    tidy_rows: list[tuple[TidyCell, ...]] = [
        ("payment", row.payer, row.financial_year, Money(row.paid_gbp)) for row in result.by_year
    ]
    tidy_rows += [
        ("metric_paid", metric.id, "", Money(metric.expected_paid_gbp)) for metric in result.metrics
    ]
    tidy_rows += [
        ("breakeven_price", metric.id, "", _money(metric.breakeven_price_gbp))
        for metric in result.metrics
    ]
    tidy_rows += [
        ("council_net", "contract", "", Money(position.contract_net_gbp)),
        ("council_net", "direct", "", _money(position.direct_net_gbp)),
    ]
    if simulation is not None:
        for name, spread in (
            ("total_paid", simulation.total_paid),
            ("council_paid", simulation.council_paid),
        ):
            for label, value in (
                ("p5", spread.p5_gbp),
                ("p50", spread.p50_gbp),
                ("p95", spread.p95_gbp),
            ):
                tidy_rows.append((name, label, "", Money(value)))
        tidy_rows.append(("maximum_reached", "share", "", Count(simulation.maximum_reached_share)))
    return Document(
        title=result.contract,
        subtitle=f"{result.council}: {result.women} women from {result.start}",
        sections=(Section(tuple(blocks)),),
        flags=tuple(flag.message for flag in result.flags),
        data=to_data(result),
        tidy=Tidy(columns=("figure", "item", "financial_year", "value_gbp"), rows=tuple(tidy_rows)),
    )
