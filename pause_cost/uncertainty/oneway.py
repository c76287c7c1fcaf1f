"""One input at a time, exactly: a tornado of swings and a two-way grid (break-even is
:mod:`pause_cost.uncertainty.breakeven`, re-exported here).

Every evaluation is the exact evaluation an estimate runs (:class:`Evaluator`), so rounding,
whole years and discounting act exactly as they do in ``estimate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pause_cost.engine import estimate
from pause_cost.model.inputs import Inputs
from pause_cost.model.paths import PathError, address
from pause_cost.model.ranges import Ranges
from pause_cost.money import NumberTextError, number_from_text
from pause_cost.results.uncertainty import (
    Grid,
    GridAxis,
    Swing,
    Tornado,
)
from pause_cost.uncertainty.evaluator import Evaluator
from pause_cost.uncertainty.judged import gross_flag, judgement_flags, range_of, shown
from pause_cost.uncertainty.outcomes import UNITS, is_gross, outcome
from pause_cost.visible import shown_text


def tornado(ranges: Ranges, name: str) -> Tornado:
    """Each uncertain input at its low and high with the rest held; largest swing first."""
    inputs = ranges.inputs
    base_result = estimate(*inputs)
    base = outcome(base_result, name)
    if not ranges.ranges:
        raise PathError(
            "the scenario gives no ranges: give it an uncertainty list (see docs/uncertainty.md)"
        )
    swings = []
    evaluator = Evaluator(inputs)
    for found in ranges.ranges:
        at_low = evaluator.outcome([(found.where, found.low)], name)
        at_high = evaluator.outcome([(found.where, found.high)], name)
        swings.append(
            Swing(
                range=range_of(found, inputs),
                outcome_at_low=shown(at_low),
                outcome_at_high=shown(at_high),
                swing=abs(at_high - at_low) if _finite(at_low, at_high) else None,
            )
        )
    # Largest first; a swing to or from never (no payback) counts as the largest.
    swings.sort(
        key=lambda swing: (
            swing.swing is not None,
            -(swing.swing or Decimal(0)),
            swing.range.input,
        )
    )
    gross = is_gross(base_result, name)
    return Tornado(
        scenario=inputs.scenario.name,
        outcome=name,
        unit=UNITS[name],
        base=shown(base),
        gross=gross,
        swings=swings,
        flags=gross_flag(gross) + judgement_flags(ranges),
    )


def _finite(*values: Decimal) -> bool:
    return all(value.is_finite() for value in values)


@dataclass(frozen=True, slots=True)
class AxisSpec:
    """``PATH=LOW:HIGH:STEP`` from the command line."""

    path: str
    low: Decimal
    high: Decimal
    step: Decimal

    MAX_VALUES = 101

    @classmethod
    def parse(cls, text: str) -> AxisSpec:
        match = re.fullmatch(r"([^=\s]+)=([^:]+):([^:]+):([^:]+)", text.strip())
        if match is None:
            raise ValueError(f"write a grid axis as PATH=LOW:HIGH:STEP, not {shown_text(text)}")
        try:
            low, high, step = (number_from_text(match[index]) for index in (2, 3, 4))
        except NumberTextError as exc:
            raise ValueError(f"{shown_text(text)}: LOW, HIGH and STEP: {exc}") from None
        if step <= 0 or high < low:
            raise ValueError(f"{shown_text(text)}: needs LOW <= HIGH and a STEP above 0")
        # Counted before any value is made: (high - low) / step is at most about 1e31 within
        # the numbers' bounds, so the division cannot overflow.
        if (high - low) / step + 1 > cls.MAX_VALUES:
            raise ValueError(f"{shown_text(text)}: at most {cls.MAX_VALUES} values an axis")
        axis = cls(match[1], low, high, step)
        values = axis.values()
        if len(set(values)) != len(values):
            raise ValueError(
                f"{shown_text(text)}: a STEP of {step} cannot move a value of {high} at the "
                "28 significant digits numbers are carried to; take a larger step"
            )
        return axis

    def values(self) -> list[Decimal]:
        """LOW, LOW + STEP, ... up to HIGH: each made from its index, so the count is known
        before the first (at most :data:`MAX_VALUES`) and no sum can stall."""
        count = int((self.high - self.low) / self.step) + 1
        return [
            self.low + index * self.step if index else self.low
            for index in range(min(count, self.MAX_VALUES))
        ]


def grid(inputs: Inputs, rows: AxisSpec, columns: AxisSpec, name: str) -> Grid:
    """The outcome for every pair of values of two inputs, the rest held."""
    row_at, column_at = address(inputs, rows.path), address(inputs, columns.path)
    if row_at.path == column_at.path:
        raise PathError(f"{rows.path}: a grid needs two different inputs")
    table: list[list[Decimal | None]] = []
    evaluator = Evaluator(inputs)
    for row in rows.values():
        cells: list[Decimal | None] = []
        for column in columns.values():
            try:
                found = evaluator.outcome([(row_at, row), (column_at, column)], name)
            except PathError:
                cells.append(None)  # a value the input cannot take: shown as refused
                continue
            cells.append(shown(found))
        table.append(cells)
    gross = is_gross(estimate(*inputs), name)
    return Grid(
        scenario=inputs.scenario.name,
        outcome=name,
        unit=UNITS[name],
        rows=GridAxis(input=rows.path, values=rows.values()),
        columns=GridAxis(input=columns.path, values=columns.values()),
        values=table,
        flags=gross_flag(gross),
    )


from pause_cost.uncertainty.breakeven import Target, break_even  # noqa: E402  (re-exported)

__all__ = ["AxisSpec", "Target", "break_even", "grid", "tornado"]
