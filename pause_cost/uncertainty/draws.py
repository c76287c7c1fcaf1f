"""The scenario compiled for draws, and one chunk of draws evaluated on the shared formulas.

The Monte Carlo is not a second model: the scenario is compiled once
(:func:`pause_cost.core.compile.compile_case`), each drawn input is placed where it enters the
case's values (a line's amount, quantity or share; a cohort's birth rate; a bridge step's share;
the programme's cost; the flat discount rate), and each chunk is evaluated by
:func:`pause_cost.core.case.evaluate_case` on arrays, the very function the exact estimate
runs on decimals. This module holds no formula of its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from pause_cost.core import formulas
from pause_cost.core.arrays import ArrayOps
from pause_cost.core.case import Evaluated, Values, evaluate_case
from pause_cost.core.compile import Case, compile_case
from pause_cost.core.exact import ExactOps, point_values
from pause_cost.engine import assemble, compile_scenario
from pause_cost.errors import PauseCostError
from pause_cost.model.inputs import Inputs
from pause_cost.model.paths import FLAT_RATE
from pause_cost.model.ranges import Range, Ranges
from pause_cost.model.uncertainty import Distribution
from pause_cost.results.estimate import Estimate
from pause_cost.uncertainty import sampling
from pause_cost.uncertainty.placing import Place, place, with_changes

Array = NDArray[np.float64]

CHUNK = 100_000
"""Draws evaluated at a time, at most: memory grows with the chunk, not the draws asked for."""

CHUNK_ELEMENTS = 3_000_000
"""Draws x lines held at a time: a table of many lines is evaluated in smaller chunks."""

OUTCOMES = ("immediate_total", "horizon_total", "horizon_cashable", "net", "cashable_net", "npv")
"""What the Monte Carlo reports, in order (npv only where the scenario discounts)."""


class SimulationError(PauseCostError, ValueError):
    """An input simulate cannot draw (it varies in sensitivity only)."""


@dataclass
class Drawn:
    """One drawn input: its range, its distribution, and where its draws go."""

    range: Range
    distribution: Distribution
    place: Place


@dataclass
class Compiled:
    """The scenario compiled for draws: the case, its point values, and where draws enter."""

    inputs: Inputs
    estimate: Estimate
    case: Case
    columns: dict[str, Array]
    """Each line's point amount, quantity, share and uprating factor, as floats."""
    per_birth: Array
    """Each line's point cost per avoided birth per year (formulas.per_birth_per_year)."""
    counted: list[float | None] = field(default_factory=list)
    """Each cohort's births as the exact engine counts them (half up, in decimals), where the
    scenario rounds; empty where it does not (exact births are not rounded)."""
    ops: ArrayOps = field(default_factory=ArrayOps)
    drawn: list[Drawn] = field(default_factory=list)
    correlations: list[tuple[int, int, float]] = field(default_factory=list)

    @property
    def discounted(self) -> bool:
        return self.case.discounts is not None


def chunk_size(compiled: Compiled) -> int:
    """Draws a chunk: :data:`CHUNK`, fewer for a table of many lines (never under 1,000)."""
    lines = max(len(compiled.case.plan.lines), 1)
    return max(1_000, min(CHUNK, CHUNK_ELEMENTS // lines))


def compile_for_draws(ranges: Ranges) -> Compiled:
    """Compile the scenario once, and place every drawn input."""
    inputs = ranges.inputs
    scenario = inputs.scenario
    plan = compile_scenario(scenario, inputs.tables, inputs.indices)
    exact = assemble(
        scenario,
        plan,
        schedule=inputs.schedule,
        nominal_index=inputs.nominal_index,
        deflator=inputs.deflator,
    )
    case = compile_case(scenario, plan, inputs.schedule, inputs.deflator)

    def column(name: str) -> Array:
        return np.array([float(getattr(line, name)) for line in plan.lines], dtype=np.float64)

    columns = {
        name: column(name)
        for name in ("amount_gbp", "quantity_per_child", "share_of_children", "uprating_factor")
    }
    compiled = Compiled(
        inputs=inputs,
        estimate=exact,
        case=case,
        columns=columns,
        per_birth=formulas.per_birth_per_year(*columns.values()),
        counted=([float(found) for found in _counted_exactly(case)] if case.rounding else []),
    )
    _place(compiled, ranges)
    return compiled


def _counted_exactly(case: Case) -> list[Any]:
    """Each cohort's births counted by the exact engine at the case's own values.

    Counting half up on floats (:data:`pause_cost.core.arrays.HALF_WAY`) is exact only where
    women are whole, rates have at most 6 decimal places and the window is whole months, which
    the input does not require (a rate of 0.1304999999999999 for 1,000 women over 12 months
    gives 130.4999999999999 births: 130 exactly, 131 on floats). A cohort whose women and rate
    are not drawn has the same births in every draw, so its count is taken from here and the
    rule is exact wherever the value is; drawn women or rates are floats, counted on floats."""
    return evaluate_case(ExactOps(), case, point_values(case), frozenset()).counted


def _place(compiled: Compiled, ranges: Ranges) -> None:
    """Where each range with a distribution enters the case's values; refused where it cannot
    (an input that changes the compiled case)."""
    positions: dict[str, int] = {}
    for found in ranges.ranges:
        if found.distribution is None:
            continue
        where = place(compiled.case, found.where)
        if where is None:
            raise SimulationError(
                f"{found.path}: simulate draws line amounts, quantities and shares, birth "
                "rates, the bridge's shares, the programme's cost and "
                f"{FLAT_RATE}; this input varies over low and high in sensitivity and "
                "breakeven only (leave out its distribution)"
            )
        positions[found.path] = len(compiled.drawn)
        compiled.drawn.append(Drawn(range=found, distribution=found.distribution, place=where))
    for correlation in ranges.correlations:
        first, second = correlation.inputs
        if first not in positions or second not in positions:
            missing = first if first not in positions else second
            raise SimulationError(f"{missing}: correlated, but has no distribution to draw")
        compiled.correlations.append(
            (positions[first], positions[second], float(correlation.rank_correlation))
        )


@dataclass
class Outcomes:
    """Each outcome for each draw of a chunk."""

    values: dict[str, Array]
    inputs: Array  # (draws, drawn inputs): the values drawn
    programme_total: Array | None = None  # each draw's programme cost; None: the scenario has none


def draw_values(
    compiled: Compiled,
    columns: Sequence[Array],
    size: int,
    poisson: NDArray[np.int64] | None = None,
) -> Values[Any]:
    """The case's values for one chunk: each point, with each drawn input's column in place."""
    case = compiled.case
    columns_of = compiled.columns
    point = Values(
        per_birth=np.broadcast_to(compiled.per_birth, (size, compiled.per_birth.shape[0])),
        women=[float(cohort.women_open) for cohort in case.cohorts],
        rates=[float(cohort.birth_rate_per_woman_per_year or 0) for cohort in case.cohorts],
        observed=[float(cohort.observed_births) for cohort in case.cohorts],
        steps=[float(share) for _, _, share in case.bridge],
        cost=None if case.cost is None else float(case.cost.value),
        discounts=None if case.discounts is None else [float(f) for f in case.discounts],
    )

    def lines(fields: dict[int, dict[str, Any]]) -> Any:
        """Every line's cost per birth per year with each drawn field's column in place: the
        same product, its per-line constants multiplied once (formulas.per_birth_per_year of
        the fields not drawn) and then each drawn field's (draws, lines) matrix."""
        drawn_fields = [
            name
            for name in ("amount_gbp", "quantity_per_child", "share_of_children")
            if any(name in changed for changed in fields.values())
        ]
        held: dict[str, Any] = {
            name: (1.0 if name in drawn_fields else columns_of[name])
            for name in ("amount_gbp", "quantity_per_child", "share_of_children")
        }
        result: Any = formulas.per_birth_per_year(
            held["amount_gbp"],
            held["quantity_per_child"],
            held["share_of_children"],
            columns_of["uprating_factor"],
        )
        for name in drawn_fields:
            point_column = columns_of[name]
            matrix = np.column_stack(
                [
                    fields[index][name]
                    if name in fields.get(index, {})
                    else np.broadcast_to(point_column[index], (size,))
                    for index in range(point_column.shape[0])
                ]
            )
            matrix *= result  # the matrix is new: multiplied where it lies
            result = matrix
        return result

    placed = [(drawn.place, values) for drawn, values in zip(compiled.drawn, columns, strict=True)]
    values = with_changes(case, point, placed, lines, lambda value: value)
    if poisson is not None:
        return dataclasses.replace(
            values,
            drawn_births=[
                poisson[:, index].astype(np.float64) for index in range(len(case.cohorts))
            ],
        )
    if not compiled.counted:
        return values
    drawn_cohorts = {
        cohort
        for drawn in compiled.drawn
        if drawn.place.target in ("women", "rate")
        for cohort in drawn.place.cohorts
    }
    return dataclasses.replace(
        values,
        drawn_births=[
            None if index in drawn_cohorts else counted
            for index, counted in enumerate(compiled.counted)
        ],
    )


def evaluate_draws(
    compiled: Compiled, values: Values[Any], parts: frozenset[str] | None = None
) -> Evaluated[Any]:
    """The case's outcomes for a chunk's values, on arrays (the shared evaluator): by default
    only the parts the Monte Carlo reports (the cash flow and present values for NPV)."""
    if parts is None:
        parts = frozenset(("cash", "present_value")) if compiled.discounted else frozenset()
    return evaluate_case(compiled.ops, compiled.case, values, parts)


def evaluate_chunk(
    compiled: Compiled,
    columns: Sequence[Array],
    size: int,
    poisson: NDArray[np.int64] | None = None,
) -> Outcomes:
    """The reported outcomes for one chunk, given each drawn input's column of draws."""
    found = evaluate_draws(compiled, draw_values(compiled, columns, size, poisson))
    outcomes = {
        "immediate_total": found.immediate_total,
        "horizon_total": found.horizon_total,
        "horizon_cashable": found.horizon[0],
        "net": found.net,
        "cashable_net": _cashable_net(found),
    }
    if found.npv is not None:
        outcomes["npv"] = found.npv
    values = {
        name: np.broadcast_to(np.asarray(value, dtype=np.float64), (size,))
        for name, value in outcomes.items()
    }
    inputs = np.column_stack(columns) if columns else np.zeros((size, 0))
    total = found.programme_total
    return Outcomes(
        values=values,
        inputs=inputs,
        programme_total=None
        if total is None
        else np.broadcast_to(np.asarray(total, dtype=np.float64), (size,)),
    )


def _cashable_net(found: Evaluated[Any]) -> Any:
    """Cashable cost avoided over the horizon less the programme's cost (none: no cost)."""
    cost = found.programme_total
    return found.horizon[0] if cost is None else formulas.net(found.horizon[0], cost)


def point_outcomes(compiled: Compiled) -> dict[str, float]:
    """Every outcome with each input at its point: one draw of the point values."""
    columns = [np.array([float(drawn.range.point)]) for drawn in compiled.drawn]
    found = evaluate_chunk(compiled, columns, 1)
    return {name: float(values[0]) for name, values in found.values.items()}


def correlated(
    compiled: Compiled, columns: list[Array], generator: np.random.Generator
) -> list[Array]:
    """The columns reordered to the rank correlations asked for, or a clean refusal."""
    try:
        return sampling.rank_correlate(columns, compiled.correlations, generator)
    except ValueError as exc:
        pair = getattr(exc, "pair", None)
        names = ""
        if pair is not None:
            first, second = (compiled.drawn[index].range.path for index in pair)
            names = f" ({first} and {second})"
        raise SimulationError(f"the rank correlations cannot be imposed{names}: {exc}") from None


def poisson_draws(
    compiled: Compiled, columns: Sequence[Array], generator: np.random.Generator, size: int
) -> NDArray[np.int64]:
    """Births as Poisson counts around each cohort's expectation (drawn rates included)."""
    values = draw_values(compiled, columns, size)
    years = float(compiled.case.window_years)
    means = np.column_stack(
        [
            np.broadcast_to(formulas.avoided_births(women, rate, years), (size,))
            for women, rate in zip(values.women, values.rates, strict=True)
        ]
    )
    result: NDArray[np.int64] = generator.poisson(means)
    return result
