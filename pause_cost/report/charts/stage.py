"""The chart of cost avoided by stage: the estimate's own roll-up by stage (``by_stage``),
the council's cashable and internal apart from other agencies'."""

from __future__ import annotations

from pause_cost.money import whole_pounds
from pause_cost.report.svg import (
    BLUE,
    INK,
    ORANGE,
    SKY_BLUE,
    canvas,
    pounds_axis,
    svg_of,
    value_label,
    wrapped,
)
from pause_cost.report.view import (
    Chart,
    money_table,
)
from pause_cost.results.estimate import Estimate

STAGES: dict[str, str] = {
    "pre_birth_assessment": "Pre-birth assessment",
    "decision_making": "Decision-making",
    "proceedings": "Proceedings",
    "accommodation": "Accommodation",
    "case_management": "Case management",
    "permanence": "Permanence",
    "whole_journey": "Whole journey",
    "wider_costs": "Wider costs",
}


def stage_chart(estimate: Estimate) -> Chart | None:
    """The council's horizon avoidance by stage (the estimate's lines added by stage), other
    agencies' apart."""
    stages = estimate.by_stage
    if not stages:
        return None
    others = any(line.classification == "other_agency" for line in estimate.lines)
    years = estimate.horizon.years
    rows = []
    for stage in stages:
        row = [
            STAGES.get(stage.stage, stage.stage),
            *(whole_pounds(value) for value in (stage.cashable_gbp, stage.internal_gbp)),
            whole_pounds(stage.total_gbp),
        ]
        if others:
            row.append(whole_pounds(stage.other_agencies_gbp))
        rows.append(tuple(row))
    headers = ["Cashable", "Internal", "Council's total"] + (["Other agencies"] if others else [])
    table = money_table(
        f"Cost avoided by stage over {years} years (lines added by stage)",
        "Stage",
        headers,
        rows,
    )

    drawn = canvas(1.0 + 0.42 * len(stages) * (1.6 if others else 1))
    axes = drawn.add_subplot()
    positions = [float(-index) for index in range(len(stages))]
    height = 0.38 if others else 0.6
    council_y = [y + (0.2 if others else 0) for y in positions]
    cashable = [float(stage.cashable_gbp) for stage in stages]
    internal = [float(stage.internal_gbp) for stage in stages]
    axes.barh(
        council_y,
        cashable,
        height,
        color=BLUE,
        edgecolor=INK,
        linewidth=0.5,
        label="Council: cashable",
    )
    axes.barh(
        council_y,
        internal,
        height,
        left=cashable,
        color=SKY_BLUE,
        edgecolor=INK,
        linewidth=0.5,
        hatch="///",
        label="Council: internal",
    )
    for y, stage in zip(council_y, stages, strict=True):
        total = stage.total_gbp
        value_label(axes, float(total), y, f"council {whole_pounds(total)}", left=False)
    if others:
        other_y = [y - 0.2 for y in positions]
        other = [float(stage.other_agencies_gbp) for stage in stages]
        axes.barh(
            other_y,
            other,
            height,
            color=ORANGE,
            edgecolor=INK,
            linewidth=0.5,
            hatch="xx",
            label="Other agencies (not the council's)",
        )
        for y, stage in zip(other_y, stages, strict=True):
            value = stage.other_agencies_gbp
            if value:
                value_label(axes, float(value), y, f"others {whole_pounds(value)}", left=False)
    axes.set_yticks(
        positions,
        [wrapped(STAGES.get(stage.stage, stage.stage)) for stage in stages],
        parse_math=False,
    )
    axes.margins(x=0.3)
    axes.set_xlim(left=0)
    pounds_axis(axes.xaxis)
    axes.set_xlabel(f"Cost avoided over {years} years after each avoided birth", parse_math=False)
    drawn.legend(loc="outside lower center", ncols=3)
    description = (
        f"The council's cost avoided over the {years} years after each avoided birth, by the "
        "stage of the journey into care each line costs: the lines' figures added by stage, "
        "cashable and internal."
    )
    if others:
        description += " Other agencies' avoided costs are shown apart, not in the council's."
    return Chart(
        "chart-stage", "Cost avoided, by stage", description, svg_of(drawn, "chart-stage"), table
    )
