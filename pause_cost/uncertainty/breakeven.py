"""Break-even: for each input, the value at which a target is just met with the rest held.

Solved on the exact evaluation an estimate runs (:class:`~pause_cost.uncertainty.evaluator.
Evaluator`): from two evaluations where the outcome is linear in the input (checked by a
third), else by bracketing and bisection.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from pause_cost.engine import estimate
from pause_cost.model.inputs import Inputs
from pause_cost.model.paths import Address, PathError, address, read
from pause_cost.model.ranges import Range, Ranges
from pause_cost.money import NumberTextError, number_from_text
from pause_cost.results.uncertainty import BreakEven, BreakEvenInput, Method
from pause_cost.uncertainty.evaluator import Evaluator
from pause_cost.uncertainty.judged import basis_of, gross_flag, judgement_flags, range_of, shown
from pause_cost.uncertainty.outcomes import UNITS, OutcomeError, is_gross, outcome
from pause_cost.visible import shown_text

DEFAULT_INPUTS = (
    "cohort.women_open",
    "cohort.birth_rate_per_woman_per_year",
    "cohort.avoided_births.count",
    "practice.capacity_women",
    "practice.birth_rate_per_woman_per_year",
    "programme_cost.total_gbp",
    "programme_cost.per_year_gbp",
)
"""Break-even's inputs where a scenario gives no ranges: those of these it has."""

BISECTIONS = 200
"""Enough halvings to pin any value a file can hold to its last digit."""

RELATIVE = Decimal("1e-9")
"""A linear solution is accepted where the third evaluation meets the target to within
1e-9 of the outcome's size (exact decimals leave only the last digits in doubt)."""


_TARGET = re.compile(r"\s*([a-z_]+)\s*(>=|<=|>|<)\s*(-?[0-9][0-9_.]*)\s*")


@dataclass(frozen=True, slots=True)
class Target:
    """``net>=0``: an outcome, a comparison and a threshold."""

    outcome: str
    operator: str
    threshold: Decimal

    @classmethod
    def parse(cls, text: str) -> Target:
        match = _TARGET.fullmatch(text)
        if match is None:
            raise ValueError(
                f"write a target as OUTCOME OP NUMBER (net>=0, npv>=0, return_per_pound>=4.5, "
                f"payback<=3), not {shown_text(text)}"
            )
        try:
            threshold = number_from_text(match[3].replace("_", ""))
        except NumberTextError as exc:
            raise ValueError(f"{shown_text(text)}: {shown_text(match[3])}: {exc}") from None
        return cls(match[1], match[2], threshold)

    def __str__(self) -> str:
        return f"{self.outcome}{self.operator}{self.threshold}"

    def margin(self, value: Decimal) -> Decimal:
        """How far the target is met (>= 0 met, < 0 not; a strict target's edge is not met)."""
        gap = value - self.threshold if self.operator in (">=", ">") else self.threshold - value
        if not gap.is_finite():
            return Decimal(1) if gap > 0 else Decimal(-1)
        return gap

    def met(self, value: Decimal) -> bool:
        return self.met_by(self.margin(value))

    def met_by(self, gap: Decimal) -> bool:
        """Whether a margin meets the target: above zero for a strict one, else zero too."""
        return gap > 0 if self.operator in (">", "<") else gap >= 0


def break_even(ranges: Ranges, target: Target) -> BreakEven:
    """For each input, the value at which the target is just met with the rest held."""
    inputs = ranges.inputs
    base_result = estimate(*inputs)
    base = outcome(base_result, target.outcome)
    analysed = list(ranges.ranges) or _defaults(inputs)
    evaluator = Evaluator(inputs)
    found = [_solve(evaluator, item, target) for item in analysed]
    gross = is_gross(base_result, target.outcome)
    return BreakEven(
        scenario=inputs.scenario.name,
        target=str(target),
        outcome=target.outcome,
        unit=UNITS[target.outcome],
        base=shown(base),
        met_at_base=target.met(base),
        gross=gross,
        inputs=found,
        flags=gross_flag(gross) + judgement_flags(ranges),
    )


def _defaults(inputs: Inputs) -> list[Range]:
    """The scenario's women, birth rate and programme cost, with no range of their own."""
    found = []
    for path in DEFAULT_INPUTS:
        try:
            where = address(inputs, path)
        except PathError:
            continue
        point = read(inputs, where)
        found.append(
            Range(
                path=path,
                where=where,
                point=point,
                low=point,
                high=point,
                distribution=None,
                derived=False,
                judgement=False,
                assumption=None,
                origin="",
            )
        )
    return found


def _solve(evaluator: Evaluator, item: Range, target: Target) -> BreakEvenInput:
    has_range = item.low != item.high

    def margin(value: Decimal) -> Decimal | None:
        try:
            found = evaluator.outcome([(item.where, value)], target.outcome)
        except PathError:
            return None  # beyond what the input can take
        except OutcomeError:
            return None
        return target.margin(found)

    def met(value: Decimal) -> bool | None:
        found = margin(value)
        return None if found is None else target.met_by(found)

    def result(
        value: Decimal | None, method: Method, above: bool | None, note: str
    ) -> BreakEvenInput:
        inside = None
        if has_range and value is not None:
            inside = item.low <= value <= item.high
        return BreakEvenInput(
            range=range_of(item, evaluator.inputs, basis_of(item) if has_range else "none"),
            value=value,
            method=method,
            met_above=above,
            inside_range=inside,
            note=note,
        )

    linear = _linear(item, margin, target)
    if linear is not None:
        value, above = linear
        return result(value, "linear", above, "solved from two evaluations, checked by a third")
    bracket = _bracket(item, met)
    if bracket is None:
        at_point = met(item.point)
        return result(
            None,
            "none",
            None,
            "met at every value the input can take"
            if at_point
            else "not met at any value the input can take",
        )
    value, above = _bisect(item.where, met, *bracket)
    return result(
        _significant(value, above), "bracketed", above, "found by bisection on the exact engine"
    )


SIGNIFICANT = 12
"""A bracketed value is given to 12 significant figures, rounded towards the side that meets
the target (bisection pins it far closer than that)."""


def _significant(value: Decimal, above: bool) -> Decimal:
    if value == 0 or value == value.to_integral_value():
        return value
    exponent = Decimal(1).scaleb(value.adjusted() - SIGNIFICANT + 1)
    rounded = value.quantize(exponent, rounding=ROUND_CEILING if above else ROUND_FLOOR)
    return rounded.normalize()


def _linear(
    item: Range, margin: Callable[[Decimal], Decimal | None], target: Target
) -> tuple[Decimal, bool] | None:
    """The crossing solved from two evaluations, if the outcome is linear in the input: a
    third evaluation, between the two, must lie on their line, and the solution must meet
    the target's edge. None where it is not linear (rounded births, whole years, a ratio,
    a whole-numbered input)."""
    if item.where.whole:
        return None
    x0 = item.point
    x1 = item.high if item.high != x0 else (x0 * Decimal("1.5") if x0 else Decimal(1))
    m0, m1 = margin(x0), margin(x1)
    if m0 is None or m1 is None or m0 == m1:
        return None
    scale = max(abs(m0), abs(m1), Decimal(1))
    middle = margin((x0 + x1) / 2)
    if middle is None or abs(middle - (m0 + m1) / 2) > RELATIVE * scale:
        return None  # not on a straight line: a step, a curve
    root = x0 - m0 * (x1 - x0) / (m1 - m0)
    check = margin(root)
    if check is None or abs(check) > RELATIVE * scale:
        return None
    # A strict target is met just beyond the root; the root is reported as the edge.
    return root, (m1 - m0) / (x1 - x0) > 0


def _bracket(item: Range, met: Callable[[Decimal], bool | None]) -> tuple[Decimal, Decimal] | None:
    """Two values either side of where the target's status changes, searching out from the
    point (doubling up, halving down to zero, and up to the edge of what the input can take);
    None if the status never changes."""
    point = item.point
    at_point = met(point)
    if at_point is None:
        return None
    previous = point
    value = point if point > 0 else Decimal(1)
    for _ in range(80):  # up: to 2^80 times the point, or the input's own bound
        value = value * 2
        status = met(value)
        if status is None:
            edge = _edge(item, met, previous, value)
            if edge is not None and met(edge) != at_point:
                return previous, edge
            break
        if status != at_point:
            return previous, value
        previous = value
    previous = point
    value = point
    for _ in range(80):
        value = value / 2 if value > Decimal("1e-12") else Decimal(0)
        if item.where.whole:
            value = value.to_integral_value(rounding=ROUND_FLOOR)
        status = met(value)
        if status is None:
            break
        if status != at_point:
            return value, previous
        previous = value
        if value == 0:
            break
    return None


def _edge(
    item: Range, met: Callable[[Decimal], bool | None], valid: Decimal, invalid: Decimal
) -> Decimal | None:
    """The greatest value the input can take between a valid and an invalid one (a share's
    1, an amount's cap), found by halving the gap."""
    for _ in range(BISECTIONS):
        middle = (valid + invalid) / 2
        if item.where.whole:
            middle = middle.to_integral_value(rounding=ROUND_FLOOR)
        if middle in (valid, invalid):
            break
        if met(middle) is None:
            invalid = middle
        else:
            valid = middle
    return valid if valid != item.point else None


def _bisect(
    where: Address,
    met: Callable[[Decimal], bool | None],
    low: Decimal,
    high: Decimal,
) -> tuple[Decimal, bool]:
    """Narrow [low, high] to the crossing; the value returned meets the target."""
    low_met = bool(met(low))
    if where.whole:
        low, high = low.to_integral_value(), high.to_integral_value()
        while high - low > 1:
            middle = (low + high) // 2
            if met(middle) == low_met:
                low = middle
            else:
                high = middle
        return (low, False) if low_met else (high, True)
    for _ in range(BISECTIONS):
        middle = (low + high) / 2
        if middle in (low, high):
            break
        if met(middle) == low_met:
            low = middle
        else:
            high = middle
        if high - low <= abs(high) * Decimal("1e-12"):
            break
    return (low, False) if low_met else (high, True)
