"""compare: each line's part in the change, adding up exactly to the change in every total."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pause_cost.compare import Comparison, compare, per_birth_scenario
from pause_cost.engine import estimate
from pause_cost.inputs import load_table, shipped_table_names
from pause_cost.results import Amounts
from pause_cost.runs import compare_references
from pause_cost.tables import UnitCostTable
from tests.conftest import ROTHERHAM, SCENARIOS, line, run, table
from tests.test_engine import line_data

PENNY = Decimal("0.01")
FIELDS = ("cashable_gbp", "internal_gbp", "total_gbp", "other_agencies_gbp")


def assert_contributions_add_up(comparison: Comparison) -> None:
    for period in ("immediate", "horizon"):
        change: Amounts = getattr(comparison, period).difference
        for field in FIELDS:
            parts = sum(
                (getattr(getattr(c, period), field) for c in comparison.contributions), Decimal(0)
            )
            assert abs(parts - getattr(change, field)) < PENNY, (period, field)


def per_birth(a: UnitCostTable, b: UnitCostTable) -> Comparison:
    scenario = per_birth_scenario(price_year=None, horizon_years=5)
    return compare(estimate(scenario, [a]), estimate(scenario, [b]), a_label="a", b_label="b")


def test_a_hand_worked_comparison() -> None:
    a = table(line(id="x", amount_gbp=100), line(id="gone", amount_gbp=50))
    b = table(line(id="x", amount_gbp=130), line(id="new", amount_gbp=5, classification="internal"))
    comparison = per_birth(a, b)
    # Per birth: A = 100 + 50 = 150 cashable; B = 130 cashable + 5 internal.
    assert comparison.horizon.difference.cashable_gbp == Decimal(-20)
    assert comparison.horizon.difference.internal_gbp == Decimal(5)
    assert comparison.horizon.difference.total_gbp == Decimal(-15)
    parts = {c.key: (c.status, c.horizon.total_gbp) for c in comparison.contributions}
    assert parts == {"x": ("changed", 30), "gone": ("removed", -50), "new": ("added", 5)}
    # Largest change first.
    assert [c.key for c in comparison.contributions] == ["gone", "x", "new"]


@pytest.mark.parametrize("first", shipped_table_names())
@pytest.mark.parametrize("second", shipped_table_names())
def test_contributions_add_up_on_shipped_tables(first: str, second: str) -> None:
    assert_contributions_add_up(per_birth(load_table(first), load_table(second)))


def test_compare_a_table_with_itself_is_all_zeros() -> None:
    comparison = per_birth(
        load_table("rotherham-2020-published"), load_table("rotherham-2020-published")
    )
    assert all(getattr(comparison.horizon.difference, field) == 0 for field in FIELDS)
    assert {c.status for c in comparison.contributions} == {"unchanged"}


@st.composite
def tables(draw: st.DrawFn) -> UnitCostTable:
    indices = draw(st.sets(st.integers(0, 8), min_size=1, max_size=6))
    return table(*(draw(line_data(index)) for index in sorted(indices)))


@settings(max_examples=150)
@given(tables(), tables())
def test_contributions_add_up_and_reverse_on_generated_tables(
    a: UnitCostTable, b: UnitCostTable
) -> None:
    forward, backward = per_birth(a, b), per_birth(b, a)
    assert_contributions_add_up(forward)
    for field in FIELDS:
        assert getattr(forward.horizon.difference, field) == -getattr(
            backward.horizon.difference, field
        )
    back = {c.key: c for c in backward.contributions}
    for contribution in forward.contributions:
        assert contribution.horizon.total_gbp == -back[contribution.key].horizon.total_gbp


def test_two_scenarios_compare_as_they_stand() -> None:
    comparison = compare_references(
        str(ROTHERHAM), str(SCENARIOS / "rotherham-2020-with-pilot-cost.yaml")
    )
    # The same cohort and table: the programme cost changes nothing in cost avoidance.
    assert comparison.horizon.difference.total_gbp == 0
    assert comparison.a == "rotherham-2020"


def test_tables_for_a_scenario_s_cohort_scale_with_its_births() -> None:
    per_birth_change = compare_references("rotherham-2020-published", "care-journey-england")
    cohort_change = compare_references(
        "rotherham-2020-published", "care-journey-england", scenario=ROTHERHAM
    )
    # Rotherham costs 15 whole births.
    assert cohort_change.horizon.difference.total_gbp == pytest.approx(
        per_birth_change.horizon.difference.total_gbp * 15, abs=PENNY
    )


def test_cli_compare_json_and_exit_codes() -> None:
    result = run("compare", "rotherham-2020-published", "care-journey-england", "-f", "json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    assert document["a"] == "rotherham-2020-published"
    assert {"immediate", "horizon", "contributions"} <= set(document)
    mixed = run("compare", "rotherham-2020-published", str(ROTHERHAM))
    assert mixed.exit_code == 1
    assert mixed.stderr.startswith("compare: give two tables or two scenarios, not one of each")


def test_cli_compare_table_shows_bars() -> None:
    result = run("compare", "rotherham-2020-published", "care-journey-england")
    assert result.exit_code == 0, result.stderr
    assert "What moves the horizon total, largest first" in result.stdout
    assert "█" in result.stdout


def test_cli_compare_refuses_a_bad_price_year() -> None:
    result = run(
        "compare", "rotherham-2020-published", "care-journey-england", "--price-year", "2023"
    )
    assert result.exit_code == 2
    assert "financial year" in result.stderr
