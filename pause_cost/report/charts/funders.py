"""The chart of each funder's cost, savings and net position."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.money import whole_pounds
from pause_cost.render.cells import shown
from pause_cost.render.document import Count
from pause_cost.report.svg import (
    BLUE,
    BLUISH_GREEN,
    INK,
    VERMILLION,
    canvas,
    pounds_axis,
    svg_of,
    value_label,
    wrapped,
)
from pause_cost.report.view import (
    Chart,
    HtmlCell,
    HtmlColumn,
    HtmlRow,
    HtmlTable,
)
from pause_cost.results.economics import Funders
from pause_cost.results.estimate import Estimate


def funders_chart(estimate: Estimate) -> Chart | None:
    funders: Funders | None = estimate.economics.funders
    if funders is None or not funders.positions:
        return None
    positions = funders.positions
    table = HtmlTable(
        caption="Each funder's position",
        columns=(
            HtmlColumn("Funder"),
            *(
                HtmlColumn(label, numeric=True)
                for label in ("Share", "Cost", "Cost avoided", "Net")
            ),
        ),
        rows=tuple(
            HtmlRow(
                (
                    HtmlCell(position.name, header=True),
                    HtmlCell(shown(Count(position.share_of_programme_cost)), numeric=True),
                    *(
                        HtmlCell(whole_pounds(value), numeric=True)
                        for value in (position.cost_gbp, position.savings_gbp, position.net_gbp)
                    ),
                )
            )
            for position in positions
        ),
    )
    drawn = canvas(1.1 + 0.85 * len(positions))
    axes = drawn.add_subplot()
    series = (
        ("cost_gbp", "Cost", VERMILLION, "\\\\\\"),
        ("savings_gbp", "Savings", BLUE, ""),
        ("net_gbp", "Net", BLUISH_GREEN, "..."),
    )
    height = 0.26
    centres = [float(-index) for index in range(len(positions))]
    for offset, (name, label, colour, hatch) in zip((0.28, 0.0, -0.28), series, strict=True):
        values: list[Decimal] = [getattr(position, name) for position in positions]
        ys = [centre + offset for centre in centres]
        axes.barh(
            ys,
            [float(value) for value in values],
            height,
            color=colour,
            edgecolor=INK,
            linewidth=0.5,
            hatch=hatch,
            label=label,
        )
        for y, value in zip(ys, values, strict=True):
            value_label(
                axes, float(value), y, f"{label.lower()} {whole_pounds(value)}", left=value < 0
            )
    axes.axvline(0, color=INK, linewidth=0.8)
    axes.set_yticks(centres, [wrapped(position.name) for position in positions], parse_math=False)
    axes.margins(x=0.35)
    pounds_axis(axes.xaxis)
    drawn.legend(loc="outside lower center", ncols=3)
    basis = (
        "council financial years"
        if funders.basis == "financial_year"
        else ("the years after each avoided birth")
    )
    description = (
        "Each funder's share of the programme's cost, the avoided costs that fall to it, and "
        f"its net position, over {basis}."
    )
    return Chart(
        "chart-funders", "Funders' positions", description, svg_of(drawn, "chart-funders"), table
    )
