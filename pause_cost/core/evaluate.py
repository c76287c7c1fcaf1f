"""A compiled plan evaluated for a number of avoided births, line by line and year by year.

Pure: no files, no printing, no clock. The years' sums are the case's own operation
(:meth:`pause_cost.core.exact.ExactOps.scaled_sums` over :func:`class_matrices`), so a table
costed for comparison sums exactly as an estimate does; each line's own figures are
:mod:`pause_cost.core.formulas`.

``values`` and ``moves`` (what :func:`pause_cost.core.exact.line_values` gives): each line's cost
per birth per year, if not the plan's own (after a removal share), then, for each of ``moves``
after the first (0), the lines again, moved that many years on (a postponed birth's costs,
negative). A line's figures include its moved parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pause_cost.core import formulas
from pause_cost.core.compile import class_matrices
from pause_cost.core.exact import ExactOps
from pause_cost.core.plan import Plan, PlannedLine

ZERO = Decimal(0)

YearSums = Sequence[Sequence[Decimal]]
"""Per year after birth (1 to the horizon), per class (cashable, internal, other agencies)."""


@dataclass(frozen=True, slots=True)
class LineSums:
    """One line's cost avoidance for the births costed."""

    planned: PlannedLine
    yearly_gbp: Decimal
    immediate_gbp: Decimal
    horizon_gbp: Decimal


def _values(plan: Plan, values: Sequence[Decimal] | None) -> Sequence[Decimal]:
    return [planned.per_birth_per_year_gbp for planned in plan.lines] if values is None else values


def year_sums(
    plan: Plan,
    births: Decimal,
    values: Sequence[Decimal] | None = None,
    moves: Sequence[int] = (0,),
) -> list[list[Decimal]]:
    """Cost avoided by year after birth and class, for ``births`` avoided births."""
    matrices = class_matrices(plan, tuple(moves))
    columns = ExactOps().scaled_sums(_values(plan, values), births, matrices)
    return [[column[year] for column in columns] for year in range(plan.horizon_years)]


def line_sums(
    plan: Plan,
    births: Decimal,
    values: Sequence[Decimal] | None = None,
    moves: Sequence[int] = (0,),
) -> tuple[LineSums, ...]:
    """Each line's cost avoidance a year and over the immediate and horizon periods."""
    given = _values(plan, values)
    count = len(plan.lines)
    parts = [
        [formulas.yearly(given[block * count + index], births) for index in range(count)]
        for block in range(len(moves))
    ]
    sums = []
    for index, planned in enumerate(plan.lines):
        pieces = [(moved, part[index]) for moved, part in zip(moves, parts, strict=True)]
        sums.append(
            LineSums(
                planned=planned,
                yearly_gbp=parts[0][index],
                immediate_gbp=_over(planned, pieces, plan.immediate_years),
                horizon_gbp=_over(planned, pieces, plan.horizon_years),
            )
        )
    return tuple(sums)


def _over(
    planned: PlannedLine, pieces: Sequence[tuple[int, Decimal]], period_years: int
) -> Decimal:
    """The line's own yearly figure over the years it falls in the period, plus each moved
    part over the years it falls in then (none beyond the period)."""
    total = ZERO
    for moved, yearly in pieces:
        falling = formulas.years_within(
            planned.first_year + moved, planned.last_year + moved, period_years
        )
        if moved == 0:
            total = formulas.over_years(yearly, Decimal(falling))
        elif falling:
            total += formulas.over_years(yearly, Decimal(falling))
    return total
