"""The tornado: each input's swing, from the outcome at its low to the outcome at its high."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.model.labels import outcome_label
from pause_cost.render.cells import shown
from pause_cost.render.document import Document
from pause_cost.render.uncertainty import figure
from pause_cost.report.svg import (
    BLACK,
    BLUE,
    INK,
    ORANGE,
    canvas,
    pounds_axis,
    svg_of,
    value_label,
    wrapped,
)
from pause_cost.report.view import (
    Chart,
    chart_table,
    html_table,
)
from pause_cost.results.uncertainty import Tornado


def tornado_chart(tornado: Tornado, document: Document) -> dict[str, Chart]:
    """Each input's swing as a bar from the outcome at its low to the outcome at its high."""
    data = chart_table(document, "What moves")
    shown_swings = [
        swing
        for swing in tornado.swings
        if swing.outcome_at_low is not None
        and swing.outcome_at_high is not None
        and swing.outcome_at_low.is_finite()
        and swing.outcome_at_high.is_finite()
    ]
    if data is None or not shown_swings or tornado.base is None:
        return {}
    money = tornado.unit == "GBP"

    def label(value: Decimal) -> str:
        return shown(figure(value, tornado.unit))

    drawn = canvas(1.1 + 0.5 * len(shown_swings))
    axes = drawn.add_subplot()
    base = float(tornado.base)
    ys = [float(-index) for index in range(len(shown_swings))]
    for y, swing in zip(ys, shown_swings, strict=True):
        assert swing.outcome_at_low is not None
        assert swing.outcome_at_high is not None
        low, high = swing.outcome_at_low, swing.outcome_at_high
        for value, colour, hatch, end in ((low, ORANGE, "///", "low"), (high, BLUE, None, "high")):
            axes.barh(
                y,
                float(value) - base,
                0.6,
                left=base,
                color=colour,
                edgecolor=INK,
                linewidth=0.5,
                hatch=hatch,
                label=f"Input at its {end}" if y == 0 else "_nolegend_",
            )
        if low == high:
            value_label(axes, float(low), y, f"no change ({label(low)})", left=False)
            continue
        smaller, larger = (low, high) if low < high else (high, low)
        tag_small = "low" if smaller is low else "high"
        tag_large = "high" if tag_small == "low" else "low"
        value_label(axes, float(smaller), y, f"{tag_small} {label(smaller)}", left=True)
        value_label(axes, float(larger), y, f"{tag_large} {label(larger)}", left=False)
    axes.axvline(base, color=BLACK, linewidth=1.2, linestyle="--")
    axes.set_yticks(
        ys,
        [wrapped(swing.range.label or swing.range.input) for swing in shown_swings],
        parse_math=False,
    )
    axes.margins(x=0.45)
    if money:
        pounds_axis(axes.xaxis)
    named = outcome_label(tornado.outcome).text
    outcome = f"{named} (gross)" if tornado.gross else named
    axes.set_xlabel(f"{outcome}; dashed line: every input at its point", parse_math=False)
    drawn.legend(loc="outside lower center", ncols=2)
    description = (
        f"{outcome} with each uncertain input at the low and at the high end of its range, "
        f"the rest held at their points, largest swing first. The dashed line is "
        f"{label(tornado.base)}, every input at its point."
    )
    chart = Chart(
        "chart-tornado",
        f"What moves the {outcome[:1].lower()}{outcome[1:]}",
        description,
        svg_of(drawn, "chart-tornado"),
        html_table(data),
    )
    return {data.title: chart}
