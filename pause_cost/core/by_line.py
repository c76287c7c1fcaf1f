"""The bridge's steps that act on the lines, not on the births: the removal share, on the lines
at or after the removal decision, and a postponement, costed as a time shift.

Written once for :func:`pause_cost.core.case.evaluate_case`, exactly or on arrays (through its
``ops``). Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from pause_cost.core.plan import Plan
from pause_cost.model.economics import Adjustment
from pause_cost.model.scenario import Scenario

if TYPE_CHECKING:
    from pause_cost.core.case import Lines, Ops, Values
    from pause_cost.core.compile import Case


@dataclass(frozen=True, slots=True)
class ByLine:
    """The bridge's steps that act on the costs per birth, line by line, not on births."""

    removal: int | None = None
    """The removal share's index among the bridge's steps (None: not given)."""
    after_removal: tuple[bool, ...] = ()
    """Per line: whether it falls at or after the removal decision (the share scales it)."""
    postponement: int | None = None
    """The postponement's index among the bridge's steps (None: not given)."""
    shifts: tuple[tuple[int, Fraction], ...] = ()
    """A postponed birth's costs, moved later: (whole years, the part of each year's cost that
    moves by that many years). A delay of ``12q + r`` months moves (12 - r) / 12 of a year's
    cost ``q`` years on and r / 12 of it ``q + 1`` years on (each year's cost falls evenly over
    its months); a whole-year delay moves all of it ``q`` years."""

    @property
    def steps(self) -> frozenset[int]:
        return frozenset(step for step in (self.removal, self.postponement) if step is not None)


def delay_shifts(months: int) -> tuple[tuple[int, Fraction], ...]:
    """How a delay of ``months`` moves each year's cost (see :attr:`ByLine.shifts`)."""
    years, rest = divmod(months, 12)
    if rest == 0:
        return ((years, Fraction(1)),)
    return ((years, Fraction(12 - rest, 12)), (years + 1, Fraction(rest, 12)))


def bridge_steps(scenario: Scenario) -> list[tuple[str, bool, Adjustment]]:
    """The bridge's steps given, in the bridge's order (:data:`BRIDGE_ORDER`)."""
    return [] if scenario.adjustments is None else scenario.adjustments.given()


def by_line_of(scenario: Scenario, plan: Plan) -> ByLine:
    """Where the removal share and postponement sit among the steps, the lines at or after
    the removal decision (by each table's ``coverage.removal_decision``), and the shifts."""
    names = [name for name, _, _ in bridge_steps(scenario)]
    removal = names.index("removal_share") if "removal_share" in names else None
    postponement = names.index("postponement") if "postponement" in names else None
    before = {
        table.name: set(table.coverage.removal_decision.before)
        for table in plan.tables
        if table.coverage is not None and table.coverage.removal_decision is not None
    }
    shifts: tuple[tuple[int, Fraction], ...] = ()
    if postponement is not None:
        assert scenario.adjustments is not None
        assert scenario.adjustments.postponement is not None
        shifts = delay_shifts(scenario.adjustments.postponement.delay_months)
    return ByLine(
        removal=removal,
        after_removal=tuple(line.stage not in before.get(line.table, ()) for line in plan.lines),
        postponement=postponement,
        shifts=shifts,
    )


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
