"""The vectorised evaluation runs the exact engine's formulas: the two agree to 1e-12.

With every input at its point value, evaluating the compiled plan on numpy arrays must give
the exact decimal engine's figures (relative 1e-12), on every shipped scenario and on generated
tables and cohorts. If the two ever drifted apart, the Monte Carlo would be a second model.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pause_cost.core import formulas
from pause_cost.core.estimate import assemble, compile_scenario
from pause_cost.core.evaluate import CLASSIFICATIONS
from pause_cost.core.vector import evaluate_draws
from pause_cost.load.inputs import load_inputs
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import UnitCostTable
from pause_cost.results.estimate import Amounts
from tests.conftest import SCENARIOS, line, scenario, table

RELATIVE = 1e-12


@pytest.fixture(autouse=True)
def numpy_raises() -> Iterator[None]:
    """Any overflow, invalid operation or division by zero in numpy fails the test."""
    previous = np.seterr(all="raise")
    yield
    np.seterr(**previous)


def close(vector: float, exact: Decimal) -> bool:
    return bool(np.isclose(vector, float(exact), rtol=RELATIVE, atol=1e-9))


def columns(amounts: Amounts) -> list[Decimal]:
    return [amounts.cashable_gbp, amounts.internal_gbp, amounts.other_agencies_gbp]


def assert_agree(cohort: Scenario, tables: list[UnitCostTable], indices: dict[str, object]) -> None:
    plan = compile_scenario(cohort, tables, indices)  # type: ignore[arg-type]
    exact = assemble(cohort, plan)
    births = np.array([float(exact.avoided_births.counted)] * 3)
    draws = evaluate_draws(plan, births)
    assert len(CLASSIFICATIONS) == 3
    for draw in range(3):
        for period, amounts in ((draws.immediate, exact.immediate), (draws.horizon, exact.horizon)):
            for got, want in zip(period[draw], columns(amounts), strict=True):
                assert close(got, want), (got, want)
            assert close(draws.total(period)[draw], amounts.total_gbp)
        for year, amounts in enumerate(exact.by_year):
            for got, want in zip(draws.by_year[draw, year], columns(amounts), strict=True):
                assert close(got, want), (year, got, want)


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda path: path.stem)
def test_vector_equals_the_exact_engine_on_every_shipped_scenario(path: Path) -> None:
    inputs = load_inputs(path)
    assert_agree(inputs.scenario, inputs.tables, dict(inputs.indices))


def test_avoided_births_formula_runs_on_arrays_as_on_decimals() -> None:
    women, rate, programme, gestation = np.array([20.0]), np.array([0.33]), 18.0, 9.0
    vector = formulas.avoided_births(
        women, rate, formulas.window_years(np.array([programme]), np.array([gestation]))
    )
    exact = formulas.avoided_births(
        Decimal(20), Decimal("0.33"), formulas.window_years(Decimal(18), Decimal(9))
    )
    assert exact == Decimal("14.85")
    assert close(float(vector[0]), exact)


amounts = st.decimals(min_value=0, max_value=1_000_000, places=2, allow_nan=False)
shares = st.decimals(min_value=0, max_value=1, places=3, allow_nan=False)
quantities = st.decimals(min_value=0, max_value=60, places=2, allow_nan=False)


@st.composite
def generated_lines(draw: st.DrawFn) -> list[dict[str, object]]:
    count = draw(st.integers(min_value=1, max_value=12))
    lines = []
    for index in range(count):
        first = draw(st.integers(min_value=1, max_value=8))
        last = draw(st.one_of(st.none(), st.integers(min_value=first, max_value=20)))
        lines.append(
            line(
                id=f"line-{index}",
                amount_gbp=float(draw(amounts)),
                quantity_per_child=float(draw(quantities)),
                share_of_children=float(draw(shares)),
                first_year=first,
                last_year=last,
                classification=draw(st.sampled_from(["cashable", "internal", "other_agency"])),
            )
        )
    return lines


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    lines=generated_lines(),
    women=st.integers(min_value=0, max_value=5_000),
    rate=st.decimals(min_value=0, max_value=2, places=3, allow_nan=False),
    horizon=st.integers(min_value=1, max_value=12),
    counting=st.sampled_from(["exact", "round_half_up"]),
)
def test_vector_equals_the_exact_engine_on_generated_inputs(
    lines: list[dict[str, object]], women: int, rate: Decimal, horizon: int, counting: str
) -> None:
    cohort = scenario(
        cohort={"women_open": women, "birth_rate_per_woman_per_year": float(rate)},
        horizon_years=horizon,
        avoided_births_counting=counting,
    )
    assert_agree(cohort, [table(*lines)], {})
