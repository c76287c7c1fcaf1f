"""Evaluate a plan for a number of avoided births: the sums, exactly, in decimals.

Pure: no files, no printing, no clock. The arithmetic is :mod:`pause_cost.core.formulas`, the
same functions a vectorised evaluation runs on arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import get_args

from pause_cost.core import formulas
from pause_cost.core.plan import Plan, PlannedLine
from pause_cost.model.tables import Classification

ZERO = Decimal(0)
CLASSIFICATIONS: tuple[Classification, ...] = get_args(Classification)
"""cashable, internal, other_agency: the order of every array's class columns."""


@dataclass(frozen=True, slots=True)
class LineSums:
    """One line's cost avoidance for the births costed."""

    planned: PlannedLine
    yearly_gbp: Decimal
    immediate_gbp: Decimal
    horizon_gbp: Decimal


@dataclass(frozen=True, slots=True)
class Sums:
    """Cost avoidance by year (1 to the horizon) and classification, and line by line."""

    by_year: tuple[dict[Classification, Decimal], ...]
    lines: tuple[LineSums, ...]


def sum_lines(
    plan: Plan,
    births: Decimal,
    values: Sequence[Decimal] | None = None,
    moves: Sequence[int] = (0,),
) -> Sums:
    """The plan's cost avoidance for ``births`` avoided births, by year, class and line.

    ``values``: each line's cost per birth per year, if not the plan's own (after a removal
    share), then, for each of ``moves`` after the first (0), the lines again, moved that many
    years on (a postponed birth's costs, negative), as the compiled case holds them
    (:func:`pause_cost.core.exact.line_values`). A line's figures include its moved parts.
    """
    horizon_years = plan.horizon_years
    count = len(plan.lines)
    given = [planned.per_birth_per_year_gbp for planned in plan.lines] if values is None else values
    by_class: dict[Classification, list[Decimal]] = {
        classification: [ZERO] * horizon_years for classification in CLASSIFICATIONS
    }
    parts: list[list[Decimal]] = []
    for block, moved in enumerate(moves):
        found = []
        for index, planned in enumerate(plan.lines):
            yearly = formulas.yearly(given[block * count + index], births)
            found.append(yearly)
            column = by_class[planned.classification]
            last = min(planned.last_year + moved, horizon_years)
            for year in range(planned.first_year + moved, last + 1):
                column[year - 1] += yearly
        parts.append(found)
    lines: list[LineSums] = []
    for index, planned in enumerate(plan.lines):
        pieces = [(moved, part[index]) for moved, part in zip(moves, parts, strict=True)]
        lines.append(
            LineSums(
                planned=planned,
                yearly_gbp=parts[0][index],
                immediate_gbp=_over(planned, pieces, plan.immediate_years),
                horizon_gbp=_over(planned, pieces, horizon_years),
            )
        )
    by_year = tuple(
        {classification: by_class[classification][year] for classification in CLASSIFICATIONS}
        for year in range(horizon_years)
    )
    return Sums(by_year=by_year, lines=tuple(lines))


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
