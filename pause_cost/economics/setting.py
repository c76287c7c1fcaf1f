"""What the economic case reads besides the scenario: the compiled case, its exact
evaluation, and the estimate's figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from pause_cost.core.case import Evaluated
from pause_cost.core.cohorts import PlannedCohort
from pause_cost.core.compile import Case
from pause_cost.core.plan import Plan
from pause_cost.results.estimate import Programme, YearAmounts

if TYPE_CHECKING:  # these load only where a scenario asks for what they do
    from pause_cost.model.discounting import DiscountSchedule
    from pause_cost.model.splice import Index


@dataclass(frozen=True, slots=True)
class Setting:
    """The case compiled and evaluated exactly, with the loaded files it reads."""

    plan: Plan
    cohorts: Sequence[PlannedCohort]
    factor: Decimal
    by_year: Sequence[YearAmounts]
    programme: Programme
    practices: int
    case: Case
    evaluated: Evaluated[Decimal]
    schedule: DiscountSchedule | None = None
    nominal_index: Index | None = None
