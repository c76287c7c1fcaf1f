"""The case's formulas evaluated exactly: decimals as the engine has always summed them.

:class:`ExactOps` is what :func:`pause_cost.core.case.evaluate_case` needs besides plain
arithmetic, done exactly: columns of lines summed in line order, a cohort's births spread over
financial years through its compiled whole-number weights, the programme's cost spread and
rounded cumulatively, present values in exact fractions rounded once, half up.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from decimal import (
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from fractions import Fraction
from math import lcm
from typing import Any

from pause_cost.core import formulas, timing
from pause_cost.core.by_line import ByLine, by_line_of, line_costs
from pause_cost.core.case import Evaluated, Values, evaluate_case
from pause_cost.core.compile import Case, CostShape, Matrix
from pause_cost.core.discounting import MONEY_PLACES, RATIO_PLACES, rounded
from pause_cost.core.plan import Plan
from pause_cost.model.scenario import Scenario
from pause_cost.money import round_half_up, to_decimal

ZERO = Decimal(0)
ONE = Decimal(1)

EXACT = Context(prec=100, traps=[Inexact, InvalidOperation, DivisionByZero, Overflow])
"""Where decimals are only added: wide enough for any figures, and an inexact sum raises
rather than round silently."""


class ExactOps:
    """Exact evaluation (see :class:`pause_cost.core.case.Ops`)."""

    zero = ZERO
    one = ONE

    def number(self, value: Any) -> Decimal:
        return value if isinstance(value, Decimal) else to_decimal(value)

    def line_sums(self, lines: Sequence[Decimal], matrix: Matrix) -> list[Decimal]:
        columns = len(matrix[0]) if matrix else 0
        sums = [ZERO] * columns
        for value, row in zip(lines, matrix, strict=True):
            for column, falls in enumerate(row):
                if falls:
                    sums[column] += value
        return sums

    def scaled_sums(
        self, lines: Sequence[Decimal], factor: Decimal, matrices: Sequence[Matrix]
    ) -> list[list[Decimal]]:
        yearly = [formulas.yearly(value, factor) for value in lines]
        return [self.line_sums(yearly, matrix) for matrix in matrices]

    def timed(
        self,
        births: Sequence[Decimal],
        per_birth_by_year: Sequence[Decimal],
        timings: Sequence[timing.CohortTiming],
    ) -> list[Decimal]:
        cohorts = list(zip(timings, births, strict=True))
        return list(timing.cash_by_financial_year(cohorts, per_birth_by_year).values())

    def spread(self, value: Decimal, shape: CostShape) -> list[Decimal]:
        if not shape.rounded:
            return [ZERO if weight is None else value * weight for weight in shape.weights]
        units, places = timing.scaled(value)
        present = [weight for weight in shape.weights if weight is not None]
        whole, weight_places = timing.whole_units(present)
        parts = iter(
            timing.round_parts(
                [units * weight for weight in whole],
                shape.divisor * 10 ** (places + weight_places),
                timing.MONEY_PLACES,
            )
        )
        return [ZERO if weight is None else next(parts) for weight in shape.weights]

    def masked(
        self, lines: Sequence[Decimal], factor: Decimal, mask: Sequence[bool]
    ) -> list[Decimal]:
        return [value * factor if on else value for value, on in zip(lines, mask, strict=True)]

    def joined(self, lines: Sequence[Decimal], factors: Sequence[Decimal]) -> list[Decimal]:
        return [*lines, *(value * factor for factor in factors for value in lines)]

    def round_half_up(self, value: Decimal) -> Decimal:
        return round_half_up(value)

    def at_least_zero(self, value: Decimal) -> Decimal:
        return max(ZERO, value)

    def exact(self) -> AbstractContextManager[Any]:
        return localcontext(EXACT)

    def present_value(self, amounts: Sequence[Decimal], factors: Sequence[Any]) -> Any:
        """The exact present value, a fraction (rounded only by :meth:`money`)."""
        if not amounts:
            return Fraction(0)
        units, places = timing.whole_units(amounts)
        used = [Fraction(factor) for factor in factors[: len(amounts)]]
        denominator = lcm(*(factor.denominator for factor in used))
        total = sum(
            unit * factor.numerator * (denominator // factor.denominator)
            for unit, factor in zip(units, used, strict=True)
        )
        return Fraction(total, denominator * 10**places)

    def money(self, value: Any) -> Decimal:
        return rounded(value, MONEY_PLACES)

    def ratio(self, over: Any, under: Any) -> Decimal | None:
        return None if under == 0 else rounded(Fraction(over) / Fraction(under), RATIO_PLACES)


def point_values(case: Case) -> Values[Decimal]:
    """The case's own values: every input at the scenario's and tables' figures."""
    return Values(
        per_birth=[line.per_birth_per_year_gbp for line in case.plan.lines],
        women=[Decimal(cohort.women_open) for cohort in case.cohorts],
        rates=[cohort.birth_rate_per_woman_per_year or ZERO for cohort in case.cohorts],
        observed=[cohort.observed_births for cohort in case.cohorts],
        steps=[share for _, _, share in case.bridge],
        cost=None if case.cost is None else case.cost.value,
        discounts=case.discounts,
    )


def evaluate_exactly(case: Case) -> Evaluated[Decimal]:
    """Every outcome of the case at its own values, exactly."""
    return evaluate_case(ExactOps(), case, point_values(case))


def line_values(case: Case) -> tuple[list[Decimal], tuple[int, ...]]:
    """Each line's cost per birth per year at the case's own values after the removal share
    (and, with a postponement, the moved lines after them), and the years each block of lines
    is moved: what :func:`pause_cost.core.evaluate.sum_lines` sums line by line."""
    return _by_line_values(case.by_line, point_values(case))


def plan_line_values(scenario: Scenario, plan: Plan) -> tuple[list[Decimal], tuple[int, ...]]:
    """As :func:`line_values`, for a plan costed with a scenario's adjustments but not its
    case (a table compared at the scenario's births)."""
    given = [] if scenario.adjustments is None else scenario.adjustments.given()
    values: Values[Decimal] = Values(
        per_birth=[line.per_birth_per_year_gbp for line in plan.lines],
        women=[],
        rates=[],
        observed=[],
        steps=[to_decimal(step.share) for _, _, step in given],
        cost=None,
        discounts=None,
    )
    return _by_line_values(by_line_of(scenario, plan), values)


def _by_line_values(
    by_line: ByLine, values: Values[Decimal]
) -> tuple[list[Decimal], tuple[int, ...]]:
    moves = (0, *(years for years, _ in by_line.shifts))
    return list(line_costs(ExactOps(), by_line, values)), moves


def line_factors(case: Case) -> list[Decimal]:
    """With a removal share, per line: the share at or after the removal decision, else 1."""
    step = case.by_line.removal
    if step is None:
        return []
    share = point_values(case).steps[step]
    return [share if after else ONE for after in case.by_line.after_removal]


def moved_parts(case: Case) -> list[tuple[int, Decimal]]:
    """With a postponement, each shift's years and part: what the lines' costs per birth are
    multiplied by, moved that many years later (as :func:`line_costs` moves them)."""
    step = case.by_line.postponement
    if step is None:
        return []
    share = point_values(case).steps[step]
    return [
        (years, (ZERO - share) * (Decimal(part.numerator) / part.denominator))
        for years, part in case.by_line.shifts
    ]
