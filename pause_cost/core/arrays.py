"""The case's formulas evaluated on numpy arrays: one entry per draw, the same functions.

:class:`ArrayOps` is what :func:`pause_cost.core.case.evaluate_case` needs besides plain
arithmetic, on arrays: columns of lines summed by a matrix product, each cohort's births spread
over financial years through its compiled timing weights (as floats), the programme's cost by
its compiled shape. Nothing is rounded to published places, but counting births half up is the
exact rule (:meth:`ArrayOps.round_half_up`). numpy is imported here and only by what imports
this module, never on ``estimate``'s path.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import numpy as np
from numpy.typing import NDArray

from pause_cost.core import formulas
from pause_cost.core.compile import CostShape, Matrix
from pause_cost.core.timing import CohortTiming, weight_matrix

Array = NDArray[np.float64]

HALF_WAY = 1e-12
"""Counting half up on floats: ``floor(x + 0.5 + HALF_WAY x max(1, |x|))``.

Expected births are women x rate x window months / 12; with whole women, a rate of at most 6
decimal places and whole months, the exact value is a multiple of 1 / (12 x 10^6), so it is
either exactly half-way between whole births or at least 8.3e-8 from it. Computed in floats it
is within about 5e-16 of itself (relative). Below 10^4 births a cohort, the allowance (at most
1e-8) is far more than the float error and far less than the distance, so this rounds as the
exact rule does: 130.5 computed as 130.49999999999997 still counts 131.

The input does not enforce those assumptions (a rate may have more places, a window part of a
month), so this rounds only what the draws make inexact: a cohort whose women and rate are not
drawn takes its counted births from the exact engine
(:func:`pause_cost.uncertainty.draws.draw_values`), and only drawn women or rates, floats
themselves, are counted here."""


def _column(value: Any) -> Any:
    """A per-draw value as a column, to scale each draw's row."""
    array = np.asarray(value, dtype=np.float64)
    return array[..., None] if array.ndim else array


class ArrayOps:
    """Evaluation on arrays of draws (see :class:`pause_cost.core.case.Ops`)."""

    zero = 0.0
    one = 1.0

    def __init__(self) -> None:
        self._matrices: dict[tuple[int, int, int], tuple[object, Array]] = {}

    def _matrix(self, key: object, build: Any, first: int = 0, years: int = 0) -> Array:
        """A compiled matrix as floats, made once per ops (the key is held, so its id is
        not reused while the entry lives)."""
        index = (id(key), first, years)
        held = self._matrices.get(index)
        if held is None or held[0] is not key:
            held = self._matrices[index] = (key, np.asarray(build(), dtype=np.float64))
        return held[1]

    def number(self, value: Any) -> float:
        return float(value)

    def line_sums(self, lines: Array, matrix: Matrix) -> list[Any]:
        weights = self._matrix(matrix, lambda: matrix)
        if weights.size == 0:
            return [0.0] * (weights.shape[1] if weights.ndim == 2 else 0)
        sums = np.asarray(lines, dtype=np.float64) @ weights
        return [sums[..., column] for column in range(weights.shape[1])]

    def scaled_sums(self, lines: Array, factor: Any, matrices: Sequence[Matrix]) -> list[Any]:
        """All the matrices in one product, scaled after summing (the same sums on floats)."""
        key = tuple(matrices)
        stacked = self._matrix(
            matrices,
            lambda: np.hstack([np.asarray(m, dtype=np.float64).reshape(len(m), -1) for m in key]),
        )
        sums = formulas.yearly(np.asarray(lines, dtype=np.float64) @ stacked, _column(factor))
        found, start = [], 0
        for matrix in key:
            width = len(matrix[0]) if matrix else 0
            found.append([sums[..., start + column] for column in range(width)])
            start += width
        return found

    def timed(
        self,
        births: Sequence[Any],
        per_birth_by_year: Sequence[Any],
        timings: Sequence[CohortTiming],
    ) -> list[Any]:
        first = min(found.first_year for found in timings)
        last = max(found.last_year for found in timings)
        per_birth = np.stack(np.broadcast_arrays(*per_birth_by_year), axis=-1)
        total: Any = 0.0
        for cohort, found in zip(births, timings, strict=True):
            weights = self._matrix(
                found,
                lambda found=found: weight_matrix(found, first, last - first + 1),
                first,
                last - first + 1,
            )
            cash = per_birth @ weights
            births_here = np.asarray(cohort, dtype=np.float64)
            total = total + cash * (births_here[..., None] if births_here.ndim else births_here)
        return [total[..., period] for period in range(last - first + 1)]

    def spread(self, value: Any, shape: CostShape) -> list[Any]:
        return [
            0.0 if weight is None else value * (float(weight) / shape.divisor)
            for weight in shape.weights
        ]

    def masked(self, lines: Array, factor: Any, mask: Sequence[bool]) -> Any:
        values = np.asarray(lines, dtype=np.float64)
        return np.where(np.asarray(mask, dtype=bool), values * _column(factor), values)

    def joined(self, lines: Array, factors: Sequence[Any]) -> Any:
        values = np.asarray(lines, dtype=np.float64)
        parts = np.broadcast_arrays(values, *(values * _column(factor) for factor in factors))
        return np.concatenate(parts, axis=-1)

    def round_half_up(self, value: Any) -> Any:
        return np.floor(value + 0.5 + HALF_WAY * np.maximum(1.0, np.abs(value)))

    def at_least_zero(self, value: Any) -> Any:
        return np.maximum(value, 0.0)

    def exact(self) -> AbstractContextManager[Any]:
        return nullcontext()

    def present_value(self, amounts: Sequence[Any], factors: Sequence[Any]) -> Any:
        total: Any = 0.0
        for amount, factor in zip(amounts, factors, strict=False):
            total = total + amount * (factor if isinstance(factor, np.ndarray) else float(factor))
        return total

    def money(self, value: Any) -> Any:
        return value

    def ratio(self, over: Any, under: Any) -> Any:
        under = np.asarray(under, dtype=np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(under != 0, over / np.where(under != 0, under, 1.0), np.nan)
