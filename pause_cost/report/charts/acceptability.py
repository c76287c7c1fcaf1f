"""The acceptability curve: the chance of a positive NPV at each value of the input varied."""

from __future__ import annotations

from pause_cost.render.document import Document
from pause_cost.report.svg import INK, SKY_BLUE, canvas, pounds_axis, svg_of
from pause_cost.report.view import Chart, chart_table, html_table
from pause_cost.results.options import Acceptability


def acceptability_chart(found: Acceptability, document: Document) -> dict[str, Chart]:
    data = chart_table(document, "P(")
    if data is None or not found.points:
        return {}
    drawn = canvas(3.0)
    axes = drawn.add_subplot()
    axes.plot(
        [float(point.value) for point in found.points],
        [float(point.chance.probability) * 100 for point in found.points],
        color=SKY_BLUE,
        marker="o",
        markeredgecolor=INK,
        linewidth=1.5,
    )
    axes.set_ylim(0, 100)
    if found.input.endswith("_gbp"):
        pounds_axis(axes.xaxis)
    label = "NPV" if found.outcome == "npv" else found.outcome
    axes.set_xlabel(found.input, parse_math=False)
    axes.set_ylabel(f"P({label} > 0), %", parse_math=False)
    description = (
        f"The share of {found.draws:,} draws (seed {found.seed}) with {label} above 0 at each "
        f"value of {found.input}, the other inputs drawn from the same seed at every value."
    )
    chart = Chart(
        "chart-acceptability",
        f"Acceptability of {found.scenario}",
        description,
        svg_of(drawn, "chart-acceptability"),
        html_table(data),
    )
    return {data.title: chart}
