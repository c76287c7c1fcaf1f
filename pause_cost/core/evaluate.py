"""Evaluate a plan for a number of avoided births: the sums, exactly, in decimals.

Pure: no files, no printing, no clock. The arithmetic is :mod:`pause_cost.core.formulas`, the
same functions a vectorised evaluation runs on arrays.
"""

from __future__ import annotations

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


def sum_lines(plan: Plan, births: Decimal) -> Sums:
    """The plan's cost avoidance for ``births`` avoided births, by year, class and line."""
    horizon_years = plan.horizon_years
    by_class: dict[Classification, list[Decimal]] = {
        classification: [ZERO] * horizon_years for classification in CLASSIFICATIONS
    }
    lines: list[LineSums] = []
    for planned in plan.lines:
        yearly = formulas.yearly(planned.per_birth_per_year_gbp, births)
        column = by_class[planned.classification]
        for year in range(planned.first_year, min(planned.last_year, horizon_years) + 1):
            column[year - 1] += yearly
        lines.append(
            LineSums(
                planned=planned,
                yearly_gbp=yearly,
                immediate_gbp=_over(planned, yearly, plan.immediate_years),
                horizon_gbp=_over(planned, yearly, horizon_years),
            )
        )
    by_year = tuple(
        {classification: by_class[classification][year] for classification in CLASSIFICATIONS}
        for year in range(horizon_years)
    )
    return Sums(by_year=by_year, lines=tuple(lines))


def _over(planned: PlannedLine, yearly: Decimal, period_years: int) -> Decimal:
    falling = formulas.years_within(planned.first_year, planned.last_year, period_years)
    return formulas.over_years(yearly, Decimal(falling))
