"""The Monte Carlo summary as a document: each outcome's spread, the share of draws with net
above £0, a histogram, what drives the spread, and a sentence for a paper. Nothing here computes
a figure."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.model.labels import outcome_label
from pause_cost.money import round_half_up
from pause_cost.render.document import (
    MARKDOWN,
    TEXT,
    Block,
    Column,
    Count,
    Document,
    Gap,
    Paragraph,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
)
from pause_cost.render.sentences import simulation_sentence
from pause_cost.render.uncertainty import (
    _bar,
    _flags,
    _in_a_paper,
    _label,
    _outcome,
    _paths,
    figure,
)
from pause_cost.results.data import to_data
from pause_cost.results.uncertainty import Simulation


def percent(probability: Decimal) -> str:
    """A probability as a percentage to one place, never rounded to certainty or to none."""
    shown = round_half_up(probability * 100, 1)
    if probability < 1 and shown >= 100:
        return "more than 99.9%"
    if probability > 0 and shown <= 0:
        return "less than 0.1%"
    return f"{shown}%"


def simulation_document(simulation: Simulation) -> Document:
    """The Monte Carlo summary: each outcome's spread, P(net > 0), a histogram and drivers."""
    rows = [
        Row(
            (
                outcome_label(summary.outcome).text,
                summary.outcome,
                figure(summary.point, summary.unit),
                figure(summary.mean, summary.unit),
                figure(summary.sd, summary.unit),
                figure(summary.p5, summary.unit),
                figure(summary.p50, summary.unit),
                figure(summary.p95, summary.unit),
            )
        )
        for summary in simulation.outcomes
    ]
    unit = next(s.unit for s in simulation.outcomes if s.outcome == simulation.outcome)
    outcomes = Table(
        title=f"{simulation.draws:,} draws, seed {simulation.seed}",
        columns=(
            Column("Outcome"),
            Column("Name", media=MARKDOWN),
            *(Column(label, numeric=True) for label in ("Point", "Mean", "SD", "P5", "P50", "P95")),
        ),
        rows=tuple(rows),
    )
    largest = max((bin.draws for bin in simulation.histogram), default=0)
    histogram = Table(
        title=f"Histogram of the {_outcome(simulation.outcome)} (0.5th to 99.5th percentile)",
        columns=(
            Column("From", numeric=True),
            Column("To", numeric=True),
            Column("Draws", numeric=True),
            Column("", wrap="none", media=TEXT),
        ),
        rows=tuple(
            Row(
                (
                    figure(bin.low, unit),
                    figure(bin.high, unit),
                    f"{bin.draws:,}",
                    _bar(Decimal(bin.draws), Decimal(largest)),
                )
            )
            for bin in simulation.histogram
        ),
    )
    drivers = Table(
        title=f"What drives the spread of the {_outcome(simulation.outcome)}",
        columns=(
            Column("Input"),
            Column("Path", media=MARKDOWN),
            Column("Drawn from"),
            Column("Correlation", numeric=True),
            Column("Share of spread", numeric=True),
            Column("Range"),
        ),
        rows=tuple(
            Row(
                (
                    _label(driver.range),
                    driver.range.input,
                    driver.distribution,
                    Count(driver.correlation, 2),
                    f"{round_half_up(driver.share * 100, 0)}%",
                    driver.range.basis,
                )
            )
            for driver in simulation.drivers
        ),
    )
    net = "net cost avoided" + (" (gross: no programme cost)" if simulation.gross else "")
    blocks: list[Block] = [
        Paragraph(
            f"The {net} is above £0 in {percent(simulation.probability_net_positive)} "
            f"of {simulation.draws:,} draws (seed {simulation.seed}; the same seed gives the "
            f"same figures). Percentiles: {simulation.percentiles}."
        ),
        Gap(media=TEXT),
        Paragraph(f"{outcomes.title}:", media=MARKDOWN),
        outcomes,
        Paragraph(f"{histogram.title}:", media=MARKDOWN),
        histogram,
        Paragraph(f"{drivers.title}:", media=MARKDOWN),
        drivers,
    ]
    if simulation.held:
        held = "; ".join(f"{_label(found)} ({found.input})" for found in simulation.held)
        blocks.append(Paragraph(f"Held at their point (no distribution): {held}."))
    blocks += _paths([driver.range for driver in simulation.drivers])
    blocks += _in_a_paper([simulation_sentence(simulation, _outcome(simulation.outcome))])
    blocks += _flags(simulation.flags)
    tidy: list[tuple[TidyCell, ...]] = [
        ("run", "draws", "", simulation.draws),
        ("run", "seed", "", simulation.seed),
        ("run", "probability_net_positive", "", Count(simulation.probability_net_positive)),
    ]
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
    for bin in simulation.histogram:
        tidy.append(("histogram", f"{bin.low}:{bin.high}", "draws", bin.draws))
    for driver in simulation.drivers:
        tidy.append(("driver", driver.range.input, "correlation", Count(driver.correlation)))
        tidy.append(("driver", driver.range.input, "share", Count(driver.share)))
    return Document(
        title=f"Monte Carlo of {simulation.scenario}",
        sections=(Section(tuple(blocks)),),
        flags=(),
        data=to_data(simulation),
        tidy=Tidy(("section", "item", "statistic", "value"), tuple(tidy)),
    )
