"""The bridge's steps that act on the lines, not on the births: the removal share, on the lines
at or after the removal decision, and a postponement, costed as a time shift.

Written once for :func:`pause_cost.core.case.evaluate_case`, exactly or on arrays (through its
``ops``). Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pause_cost.core.case import Lines, Ops, Values
    from pause_cost.core.compile import ByLine, Case


def line_costs(ops: Ops[Any], by_line: ByLine, values: Values[Any]) -> Lines:
    """Each line's cost per birth per year after the removal share (on the lines at or after
    the removal decision) and, with a postponement, the lines again for each shift, at minus
    the postponed share x the part of a year's cost the shift moves: a postponed birth's
    costs, which still fall, later (the case's matrices hold the moved rows)."""
    lines = values.per_birth
    if by_line.removal is not None:
        lines = ops.masked(lines, values.steps[by_line.removal], by_line.after_removal)
    if by_line.postponement is not None:
        share = values.steps[by_line.postponement]
        lines = ops.joined(
            lines,
            [
                (ops.zero - share) * ops.number(Decimal(part.numerator) / part.denominator)
                for _, part in by_line.shifts
            ],
        )
    return lines


def council_stages(ops: Ops[Any], case: Case, values: Values[Any], gross: Lines) -> list[list[Any]]:
    """What one avoided birth saves the council in each year after it, gross, then after the
    removal share (``values`` holds the lines' costs after both steps; ``gross`` before)."""
    by_line = case.by_line
    council = case.council[: len(case.plan.lines)]
    removed = values.per_birth
    if by_line.postponement is not None:
        share = ops.one if by_line.removal is None else values.steps[by_line.removal]
        removed = ops.masked(gross, share, by_line.after_removal)
    return [ops.line_sums(gross, council), ops.line_sums(removed, council)]
