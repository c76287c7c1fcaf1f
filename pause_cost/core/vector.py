"""Evaluate a plan for many draws at once, on numpy arrays, with the exact engine's formulas.

The Monte Carlo must not be a second model: this module runs the functions of
:mod:`pause_cost.core.formulas` on arrays, over the lines the exact engine compiled, and a test
holds the two together (relative 1e-12 on every shipped scenario and on generated ones).
numpy is imported here and only by what imports this module, never on ``estimate``'s path.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from pause_cost.core import formulas
from pause_cost.core.evaluate import CLASSIFICATIONS
from pause_cost.core.plan import Plan

Array = NDArray[np.float64]


@dataclass(frozen=True)
class LineArrays:
    """The plan's lines as arrays of one entry per line (or per draw and line)."""

    amount_gbp: Array
    quantity_per_child: Array
    share_of_children: Array
    uprating_factor: Array


@dataclass(frozen=True)
class DrawSums:
    """Cost avoidance per draw. Columns follow CLASSIFICATIONS: cashable, internal, other."""

    by_year: Array  # (draws, horizon years, 3)
    immediate: Array  # (draws, 3)
    horizon: Array  # (draws, 3)

    def total(self, period: Array) -> Array:
        """The council's total (cashable + internal) of a period's array, per draw."""
        return period[..., 0] + period[..., 1]


def line_arrays(plan: Plan) -> LineArrays:
    """The plan's point values, as floats: the centre a draw varies around."""

    def column(name: str) -> Array:
        return np.array([float(getattr(line, name)) for line in plan.lines], dtype=np.float64)

    return LineArrays(
        amount_gbp=column("amount_gbp"),
        quantity_per_child=column("quantity_per_child"),
        share_of_children=column("share_of_children"),
        uprating_factor=column("uprating_factor"),
    )


def evaluate_draws(plan: Plan, births: Array, lines: LineArrays | None = None) -> DrawSums:
    """The plan evaluated for each draw of births (shape (draws,)) and, optionally, of lines.

    Each of ``lines``' arrays has one entry per line, or one row per draw (shape
    (draws, lines)) where that input is drawn. Memory grows as draws x lines: evaluate large
    runs in chunks of draws.
    """
    lines = lines or line_arrays(plan)
    per_birth = formulas.per_birth_per_year(
        lines.amount_gbp, lines.quantity_per_child, lines.share_of_children, lines.uprating_factor
    )
    yearly = formulas.yearly(
        np.broadcast_to(per_birth, (births.shape[0], len(plan.lines))), births[:, None]
    )
    classes = np.zeros((len(plan.lines), len(CLASSIFICATIONS)), dtype=np.float64)
    falls = np.zeros((len(plan.lines), plan.horizon_years), dtype=np.float64)
    for index, line in enumerate(plan.lines):
        classes[index, CLASSIFICATIONS.index(line.classification)] = 1.0
        falls[index, line.first_year - 1 : min(line.last_year, plan.horizon_years)] = 1.0

    def period(years: int) -> Array:
        falling = np.array(
            [formulas.years_within(line.first_year, line.last_year, years) for line in plan.lines],
            dtype=np.float64,
        )
        result: Array = formulas.over_years(yearly, falling) @ classes
        return result

    by_year: Array = np.einsum("dl,ly,lc->dyc", yearly, falls, classes)
    return DrawSums(
        by_year=by_year, immediate=period(plan.immediate_years), horizon=period(plan.horizon_years)
    )
