"""A region's Monte Carlo and its published baseline, as blocks of the region's document."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.money import plain, round_half_up
from pause_cost.render.decision import supported
from pause_cost.render.document import Column, Count, Money, Paragraph, Row, Table
from pause_cost.results.region import RegionResult

OUTCOME_LABELS = {
    "immediate_total": "Immediate (all councils)",
    "horizon_total": "Horizon (all councils)",
    "horizon_cashable": "Horizon, cashable",
    "net": "Net of programme costs",
}


def _count(value: int | None, found: bool = True) -> str:
    if not found:
        return "-"
    return "suppressed or absent" if value is None else f"{value:,}"


def baseline_blocks(result: RegionResult) -> list[Table | Paragraph]:
    """Each council's published children under 1 starting to be looked after beside its
    avoided births a year, then what the reader could not use."""
    found = result.baseline
    if found is None:
        return []
    rows = []
    for council in result.councils:
        baseline = council.baseline
        if baseline is None:
            continue
        rows.append(
            Row(
                (
                    council.name,
                    baseline.area,
                    baseline.period or "not in the file",
                    _count(baseline.under_one_starting, baseline.period is not None),
                    _count(baseline.all_ages_starting, baseline.period is not None),
                    Count(round_half_up(baseline.avoided_births_per_year, 2)),
                )
            )
        )
    blocks: list[Table | Paragraph] = [
        Table(
            title="Published baseline: children starting to be looked after (DfE)",
            columns=(
                Column("Council"),
                Column("DfE area"),
                Column("Year"),
                Column("Under 1 starting", numeric=True),
                Column("All ages starting", numeric=True),
                Column("Avoided births a year (estimate)", numeric=True),
            ),
            rows=tuple(rows),
        ),
        Paragraph(
            f"From {found.file} (layout {found.layout}). Avoided births a year: the council's "
            "avoided births over its window, per year of the window; the DfE counts children "
            "under 1 starting to be looked after in a reporting year. " + found.licence
        ),
    ]
    if found.not_found:
        blocks.append(Paragraph("Not in the file: " + "; ".join(found.not_found) + "."))
    if found.not_used:
        blocks.append(Paragraph("Not used: " + "; ".join(found.not_used) + "."))
    return blocks


def simulation_blocks(result: RegionResult) -> list[Table | Paragraph]:
    """The region's figures over the draws, each council's part, the drivers, the seed."""
    found = result.simulation
    if found is None:
        return []

    def shown(value: Decimal, mcse: Decimal | None) -> Money:
        return Money(value if mcse is None else supported(value, mcse))

    def error(value: Decimal | None) -> Money | str:
        return "-" if value is None else Money(supported(value, value))

    outcomes = Table(
        title=f"Region Monte Carlo: {found.draws:,} draws, seed {found.seed} (numpy "
        f"{found.numpy}, {found.bit_generator})",
        columns=(
            Column("Figure"),
            Column("Point", numeric=True),
            Column("Mean", numeric=True),
            Column("P5", numeric=True),
            Column("P50", numeric=True),
            Column("P95", numeric=True),
        ),
        rows=tuple(
            Row(
                (
                    OUTCOME_LABELS.get(each.outcome, each.outcome),
                    Money(each.point),
                    shown(each.mean, each.mean_mcse),
                    shown(each.p5, each.p5_mcse),
                    shown(each.p50, each.p50_mcse),
                    shown(each.p95, each.p95_mcse),
                ),
                strong=each.outcome == found.outcome,
            )
            for each in found.outcomes
        ),
    )
    errors = Table(
        title="Monte Carlo standard errors (the figures above are shown to their place)",
        columns=(
            Column("Figure"),
            *(Column(label, numeric=True) for label in ("Mean", "P5", "P50", "P95")),
        ),
        rows=tuple(
            Row(
                (
                    f"{OUTCOME_LABELS.get(each.outcome, each.outcome)} (MCSE)",
                    error(each.mean_mcse),
                    error(each.p5_mcse),
                    error(each.p50_mcse),
                    error(each.p95_mcse),
                )
            )
            for each in found.outcomes
        ),
    )
    councils = Table(
        title=f"Each council's {OUTCOME_LABELS.get(found.outcome, found.outcome).lower()}",
        columns=(
            Column("Council"),
            Column("Point", numeric=True),
            Column("Mean", numeric=True),
            Column("P5", numeric=True),
            Column("P95", numeric=True),
        ),
        rows=tuple(
            Row((each.name, Money(each.point), Money(each.mean), Money(each.p5), Money(each.p95)))
            for each in found.councils
        ),
    )
    drivers = Table(
        title="What drives the region's spread",
        columns=(
            Column("Input"),
            Column("Range"),
            Column("Distribution"),
            Column("Councils", numeric=True),
            Column("Std coefficient", numeric=True),
            Column("First-order share", numeric=True),
        ),
        rows=tuple(
            Row(
                (
                    each.range.input,
                    f"{plain(each.range.low)} to {plain(each.range.high)} ({each.range.basis})",
                    each.distribution,
                    str(len(each.councils)),
                    _three(each.standardised_coefficient),
                    _three(each.first_order_share),
                )
            )
            for each in found.drivers
        ),
    )
    held = "; ".join(found.held) if found.held else "none"
    words = (
        f"Seed {found.seed}, {found.draws:,} draws (percentiles {found.percentiles}; numpy "
        f"{found.numpy}, {found.bit_generator}). {found.shared} Held at a council's own figure: "
        f"{held}. Drivers as simulate reads them: the standardised regression coefficient of the "
        "region's outcome on every drawn input together"
        + ("" if found.r_squared is None else f" (R² {round_half_up(found.r_squared, 3)})")
        + ", and the first-order share, Var(E[outcome | input]) / Var(outcome) from 50 "
        "equal-count bins: the part of the spread the input alone would remove if known."
    )
    return [outcomes, errors, councils, drivers, Paragraph(words)]


def _three(value: Decimal | None) -> Count | str:
    return "-" if value is None else Count(round_half_up(value, 3))
