"""The Monte Carlo summary as a document: each outcome with its Monte Carlo error, the chance
of a positive net and NPV stated no more surely than the draws allow, a histogram whose tails
are bars of their own, drivers named for what they are, and a sentence for a paper. Nothing
here computes a figure; an estimate is shown to the place its Monte Carlo standard error
supports."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.model.labels import outcome_label
from pause_cost.render.cells import shown
from pause_cost.render.decision import supported
from pause_cost.render.document import (
    MARKDOWN,
    TEXT,
    Block,
    Cell,
    Column,
    Count,
    Document,
    Gap,
    Money,
    Paragraph,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
    caveats,
)
from pause_cost.render.sentences import simulation_sentence
from pause_cost.render.uncertainty import (
    _bar,
    _in_a_paper,
    _label,
    _outcome,
    _paths,
    figure,
    percent,
)
from pause_cost.results.data import to_data
from pause_cost.results.uncertainty import Chance, Simulation, stated

TAILS = {"below": "below P0.5", "above": "above P99.5"}
STATISTICS = ("mean", "p5", "p50", "p95")


def chance_text(chance: Chance, label: str) -> str:
    """'no draw of 100,000 gave net <= 0 (P(net <= 0) below 0.003% at 95%)', or
    'P(net > 0) = 97.1% (97,100 of 100,000 draws)': never 0% or 100%."""
    if chance.bound is not None:
        return stated(chance, label)
    return (
        f"P({label} > 0) = {percent(chance.probability)} ({chance.above:,} of "
        f"{chance.draws:,} draws)"
    )


def _estimate(value: Decimal, mcse: Decimal | None, unit: str) -> Cell:
    return figure(value if mcse is None else supported(value, mcse), unit)


def _outcomes(simulation: Simulation) -> Table:
    return Table(
        title=f"{simulation.draws:,} draws, seed {simulation.seed}",
        columns=(
            Column("Outcome"),
            Column("Name", media=MARKDOWN),
            *(Column(label, numeric=True) for label in ("Point", "Mean", "SD", "P5", "P50", "P95")),
        ),
        rows=tuple(
            Row(
                (
                    outcome_label(summary.outcome).text,
                    summary.outcome,
                    figure(summary.point, summary.unit),
                    _estimate(summary.mean, summary.mean_mcse, summary.unit),
                    _estimate(summary.sd, summary.mean_mcse, summary.unit),
                    *(
                        _estimate(
                            getattr(summary, name), getattr(summary, f"{name}_mcse"), summary.unit
                        )
                        for name in STATISTICS[1:]
                    ),
                )
            )
            for summary in simulation.outcomes
        ),
    )


def _errors(simulation: Simulation) -> Table:
    def error(value: Decimal | None, unit: str) -> Cell | str:
        return "-" if value is None else figure(supported(value, value), unit)

    return Table(
        title="Monte Carlo standard errors (the figures above are shown to their place)",
        columns=(
            Column("Outcome"),
            Column("Name", media=MARKDOWN),
            *(Column(label, numeric=True) for label in ("Mean", "P5", "P50", "P95")),
        ),
        rows=tuple(
            Row(
                (
                    f"{outcome_label(summary.outcome).text} (MCSE)",
                    f"{summary.outcome} (MCSE)",
                    *(error(getattr(summary, f"{name}_mcse"), summary.unit) for name in STATISTICS),
                )
            )
            for summary in simulation.outcomes
        ),
    )


def _histogram(simulation: Simulation) -> Table:
    unit = next(s.unit for s in simulation.outcomes if s.outcome == simulation.outcome)
    largest = max((bin.draws for bin in simulation.histogram if bin.tail is None), default=0)
    return Table(
        title=f"Histogram of the {_outcome(simulation.outcome)} (equal bars from P0.5 to "
        "P99.5; the tails apart)",
        columns=(
            Column("", media=TEXT),
            Column("From", numeric=True),
            Column("To", numeric=True),
            Column("Draws", numeric=True),
            Column("", wrap="none", media=TEXT),
        ),
        rows=tuple(
            Row(
                (
                    TAILS.get(bin.tail or "", ""),
                    figure(bin.low, unit),
                    figure(bin.high, unit),
                    f"{bin.draws:,}",
                    "" if bin.tail else _bar(Decimal(bin.draws), Decimal(largest)),
                )
            )
            for bin in simulation.histogram
        ),
    )


def _drivers(simulation: Simulation) -> Table:
    return Table(
        title=f"What drives the spread of the {_outcome(simulation.outcome)}",
        columns=(
            Column("Input", wrap="fold"),
            Column("Path", media=MARKDOWN),
            Column("Drawn from"),
            Column("SRC", numeric=True),
            Column("First-order share", numeric=True),
            Column("Range"),
        ),
        rows=tuple(
            Row(
                (
                    _label(driver.range),
                    driver.range.input,
                    driver.distribution,
                    "-"
                    if driver.standardised_coefficient is None
                    else Count(driver.standardised_coefficient, 3),
                    "-" if driver.first_order_share is None else Count(driver.first_order_share, 3),
                    driver.range.basis,
                )
            )
            for driver in simulation.drivers
        ),
    )


def simulation_document(simulation: Simulation) -> Document:
    """The Monte Carlo summary (see the module's docstring)."""
    outcomes, errors = _outcomes(simulation), _errors(simulation)
    histogram, drivers = _histogram(simulation), _drivers(simulation)
    net = "net cost avoided" + (" (gross: no programme cost)" if simulation.gross else "")
    chances = [
        chance_text(chance, net if chance.outcome == "net" else "NPV")
        for chance in simulation.chances
    ]
    held = "; ".join(f"{_label(found)} ({found.input})" for found in simulation.held)
    blocks: list[Block] = [
        Paragraph(
            "; ".join(chances or [f"P({net} > 0) = {percent(simulation.probability_net_positive)}"])
            + (f"; with {held} held at their point." if held else ".")
            + f" Seed {simulation.seed} (numpy {simulation.numpy}, {simulation.bit_generator}); "
            f"the same seed gives the same figures. Percentiles: {simulation.percentiles}."
        ),
        Gap(media=TEXT),
        Paragraph(f"{outcomes.title}:", media=MARKDOWN),
        outcomes,
        Paragraph(f"{errors.title}:", media=MARKDOWN),
        errors,
        Paragraph(f"{histogram.title}:", media=MARKDOWN),
        histogram,
        Paragraph(f"{drivers.title}:", media=MARKDOWN),
        drivers,
        Paragraph(
            "SRC: the standardised regression coefficient, standard deviations of the "
            f"{_outcome(simulation.outcome)} per standard deviation of the input, from a linear "
            "regression on every drawn input together"
            + (
                ""
                if simulation.r_squared is None
                else f" (R² {shown(Count(simulation.r_squared, 3))})"
            )
            + ". First-order share: Var(E[outcome | input]) / Var(outcome), from 50 "
            "equal-count bins of the input: the share of the spread that knowing the input "
            "alone would remove. Neither is a decomposition; the shares need not add to 1."
        ),
    ]
    if simulation.inputs_correlated:
        blocks.append(
            Paragraph(
                "The drawn inputs are correlated: the coefficients share credit between them "
                "and the first-order shares overlap."
            )
        )
    if simulation.held:
        blocks.append(Paragraph(f"Held at their point (no distribution): {held}."))
    blocks += _paths([driver.range for driver in simulation.drivers])
    blocks += _in_a_paper([simulation_sentence(simulation, _outcome(simulation.outcome))])
    blocks += caveats(simulation.flags)
    return Document(
        title=f"Monte Carlo: the {_outcome(simulation.outcome)}",
        subtitle=f"Scenario: {simulation.scenario}",
        sections=(Section(tuple(blocks)),),
        flags=(),
        data=to_data(simulation),
        tidy=Tidy(("section", "item", "statistic", "value"), tuple(_tidy(simulation))),
    )


def _tidy(simulation: Simulation) -> list[tuple[TidyCell, ...]]:
    tidy: list[tuple[TidyCell, ...]] = [
        ("run", "draws", "", simulation.draws),
        ("run", "seed", "", simulation.seed),
        ("run", "numpy", "", simulation.numpy),
        ("run", "bit_generator", "", simulation.bit_generator),
        ("run", "probability_net_positive", "", Count(simulation.probability_net_positive)),
        (
            "run",
            "probability_net_positive_statement",
            "",
            simulation.probability_net_positive_statement,
        ),
    ]
    for chance in simulation.chances:
        tidy.append(("chance", chance.outcome, "above", chance.above))
        tidy.append(("chance", chance.outcome, "statement", chance.statement))
        if chance.bound is not None:
            tidy.append(("chance", chance.outcome, "bound_95", Count(chance.bound)))
    for summary in simulation.outcomes:
        for statistic in ("point", "mean", "sd", "p5", "p50", "p95", "low", "high"):
            tidy.append(
                (
                    "outcome",
                    summary.outcome,
                    statistic,
                    figure(getattr(summary, statistic), summary.unit),
                )
            )
        for statistic in ("mean_mcse", "p5_mcse", "p50_mcse", "p95_mcse"):
            value = getattr(summary, statistic)
            if value is not None:
                tidy.append(("outcome", summary.outcome, statistic, Money(value)))
    for bin in simulation.histogram:
        tidy.append(("histogram", f"{bin.low}:{bin.high}", bin.tail or "draws", bin.draws))
    if simulation.r_squared is not None:
        tidy.append(("drivers", "regression", "r_squared", Count(simulation.r_squared)))
    for driver in simulation.drivers:
        tidy.append(("driver", driver.range.input, "correlation", Count(driver.correlation)))
        if driver.standardised_coefficient is not None:
            tidy.append(
                ("driver", driver.range.input, "src", Count(driver.standardised_coefficient))
            )
        if driver.first_order_share is not None:
            tidy.append(
                ("driver", driver.range.input, "first_order_share", Count(driver.first_order_share))
            )
    return tidy
