"""The acceptability curve: the chance of a positive NPV at each value of the input varied, and
beside it the chance of each return per £1 asked for, one curve each."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.render.document import Document
from pause_cost.report.svg import (
    BLUE,
    BLUISH_GREEN,
    INK,
    ORANGE,
    SKY_BLUE,
    VERMILLION,
    canvas,
    pounds_axis,
    svg_of,
)
from pause_cost.report.view import Chart, chart_table, html_table
from pause_cost.results.options import Acceptability

_RETURN_COLOURS = (ORANGE, BLUISH_GREEN, VERMILLION, BLUE)
_MARKERS = ("s", "^", "D", "v")


def _ratio(value: Decimal) -> str:
    """A return per £1 as written: 2.5, not 2.50 or 2.5E+0."""
    return format(value.normalize(), "f")


def acceptability_chart(found: Acceptability, document: Document) -> dict[str, Chart]:
    data = chart_table(document, "P(")
    if data is None or not found.points:
        return {}
    drawn = canvas(3.4 if found.returns else 3.0)
    axes = drawn.add_subplot()
    values = [float(point.value) for point in found.points]
    label = "NPV" if found.outcome == "npv" else found.outcome
    axes.plot(
        values,
        [float(point.chance.probability) * 100 for point in found.points],
        color=SKY_BLUE,
        marker="o",
        markeredgecolor=INK,
        linewidth=1.5,
        label=f"Chance the {label} is above 0",
        gid="series-outcome",
    )
    for index, threshold in enumerate(found.returns):
        axes.plot(
            values,
            [float(point.returns[index].probability) * 100 for point in found.points],
            color=_RETURN_COLOURS[index % len(_RETURN_COLOURS)],
            marker=_MARKERS[index % len(_MARKERS)],
            markeredgecolor=INK,
            linewidth=1.5,
            linestyle=("--", "-.", ":")[index % 3],
            label=f"Chance of at least £{_ratio(threshold)} back per £1",
            gid=f"series-return-{index}",
        )
    axes.set_ylim(0, 100)
    if found.input.endswith("_gbp"):
        pounds_axis(axes.xaxis)
    axes.set_xlabel(found.input, parse_math=False)
    axes.set_ylabel("Chance, %" if found.returns else f"P({label} > 0), %", parse_math=False)
    if found.returns:
        drawn.legend(loc="outside lower center", ncols=2)
    description = (
        f"The share of {found.draws:,} draws (seed {found.seed}) with {label} above 0 at each "
        f"value of {found.input}, the other inputs drawn from the same seed at every value"
    )
    if found.returns:
        description += (
            ", and beside it, from the same draws, the share returning at least "
            + ", ".join(f"£{_ratio(threshold)}" for threshold in found.returns)
            + " per £1 of the programme's cost"
        )
    chart = Chart(
        "chart-acceptability",
        f"Acceptability of {found.scenario}",
        description + ".",
        svg_of(drawn, "chart-acceptability"),
        html_table(data),
    )
    return {data.title: chart}
