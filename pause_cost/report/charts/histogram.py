"""The Monte Carlo histogram: how the draws of the judged outcome fall, with the point
estimate marked."""

from __future__ import annotations

from pause_cost.render.cells import shown
from pause_cost.render.document import Document
from pause_cost.render.uncertainty import figure
from pause_cost.report.svg import (
    INK,
    SKY_BLUE,
    VERMILLION,
    canvas,
    pounds_axis,
    svg_of,
)
from pause_cost.report.view import (
    Chart,
    chart_table,
    html_table,
)
from pause_cost.results.uncertainty import Simulation


def histogram_chart(simulation: Simulation, document: Document) -> dict[str, Chart]:
    data = chart_table(document, "Histogram of")
    if data is None or not simulation.histogram:
        return {}
    unit = next(s.unit for s in simulation.outcomes if s.outcome == simulation.outcome)
    point = next(s.point for s in simulation.outcomes if s.outcome == simulation.outcome)
    bins = [bin for bin in simulation.histogram if bin.tail is None]
    tails = {bin.tail: bin.draws for bin in simulation.histogram if bin.tail is not None}
    drawn = canvas(3.0)
    axes = drawn.add_subplot()
    axes.bar(
        [float(b.low) for b in bins],
        [b.draws for b in bins],
        [float(b.high - b.low) for b in bins],
        align="edge",
        color=SKY_BLUE,
        edgecolor=INK,
        linewidth=0.5,
        label="Draws in each range",
    )
    axes.axvline(
        float(point), color=VERMILLION, linewidth=1.5, linestyle="--", label="Point estimate"
    )
    axes.annotate(
        f"point {shown(figure(point, unit))}",
        (float(point), 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(4, -2),
        textcoords="offset points",
        ha="left",
        va="top",
        color=INK,
        parse_math=False,
    )
    if unit == "GBP":
        pounds_axis(axes.xaxis)
    axes.set_xlabel(simulation.outcome, parse_math=False)
    axes.set_ylabel("Draws", parse_math=False)
    axes.legend(loc="upper left")
    description = (
        f"How {simulation.draws:,} draws of {simulation.outcome} fall, from the 0.5th to the "
        f"99.5th percentile (seed {simulation.seed}), with {tails.get('below', 0):,} draws "
        f"below it and {tails.get('above', 0):,} above; the dashed line is the point "
        f"estimate, {shown(figure(point, unit))}."
    )
    chart = Chart(
        "chart-histogram",
        f"Spread of {simulation.outcome}",
        description,
        svg_of(drawn, "chart-histogram"),
        html_table(data),
    )
    return {data.title: chart}
