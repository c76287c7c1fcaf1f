"""A compiled plan evaluated for a number of avoided births, line by line and year by year.

Pure: no files, no printing, no clock. The years' sums are the case's own operation
(:meth:`pause_cost.core.exact.ExactOps.scaled_sums` over :func:`class_matrices`), so a table
costed for comparison sums exactly as an estimate does; each line's own figures are
:mod:`pause_cost.core.formulas`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pause_cost.core import formulas
from pause_cost.core.compile import class_matrices
from pause_cost.core.exact import ExactOps
from pause_cost.core.plan import Plan, PlannedLine

YearSums = Sequence[Sequence[Decimal]]
"""Per year after birth (1 to the horizon), per class (cashable, internal, other agencies)."""


@dataclass(frozen=True, slots=True)
class LineSums:
    """One line's cost avoidance for the births costed."""

    planned: PlannedLine
    yearly_gbp: Decimal
    immediate_gbp: Decimal
    horizon_gbp: Decimal


def year_sums(plan: Plan, births: Decimal) -> list[list[Decimal]]:
    """Cost avoided by year after birth and class, for ``births`` avoided births."""
    per_birth = [planned.per_birth_per_year_gbp for planned in plan.lines]
    columns = ExactOps().scaled_sums(per_birth, births, class_matrices(plan))
    return [[column[year] for column in columns] for year in range(plan.horizon_years)]


def line_sums(plan: Plan, births: Decimal) -> tuple[LineSums, ...]:
    """Each line's cost avoidance a year and over the immediate and horizon periods."""
    sums = []
    for planned in plan.lines:
        yearly = formulas.yearly(planned.per_birth_per_year_gbp, births)
        sums.append(
            LineSums(
                planned=planned,
                yearly_gbp=yearly,
                immediate_gbp=_over(planned, yearly, plan.immediate_years),
                horizon_gbp=_over(planned, yearly, plan.horizon_years),
            )
        )
    return tuple(sums)


def _over(planned: PlannedLine, yearly: Decimal, period_years: int) -> Decimal:
    falling = formulas.years_within(planned.first_year, planned.last_year, period_years)
    return formulas.over_years(yearly, Decimal(falling))
