"""compare: each line's part in the change, adding up exactly to the change in every total."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pause_cost.api import compare as compare_references
from pause_cost.compare import Comparison, Grouping, compare, cost_plan, plan_basis
from pause_cost.core.plan import compile_tables
from pause_cost.load.inputs import load_table, shipped_table_names
from pause_cost.model.tables import UnitCostTable
from pause_cost.render.cells import signed
from pause_cost.results.estimate import Amounts
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


def per_birth(a: UnitCostTable, b: UnitCostTable, by: Grouping = "line") -> Comparison:
    plans = [
        compile_tables([side], price_year=None, indices={}, immediate_years=1, horizon_years=5)
        for side in (a, b)
    ]
    first, second = (cost_plan(plan, Decimal(1)) for plan in plans)
    return compare(
        first,
        second,
        a_label="a",
        b_label="b",
        a_basis=plan_basis(plans[0], first, Decimal(1), "exact"),
        b_basis=plan_basis(plans[1], second, Decimal(1), "exact"),
        by=by,
    )


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


def test_a_hand_worked_comparison_by_stage() -> None:
    a = table(
        line(id="x", stage="proceedings", amount_gbp=100),
        line(id="y", stage="proceedings", amount_gbp=50, classification="internal"),
        line(id="z", stage="permanence", amount_gbp=20),
    )
    b = table(
        line(id="p", stage="proceedings", amount_gbp=130),
        line(id="q", stage="accommodation", amount_gbp=40),
    )
    comparison = per_birth(a, b, by="stage")
    # Proceedings: 100 cashable + 50 internal in A, 130 cashable in B: +30 cashable, -50
    # internal, -20 in all. Permanence goes (-20); accommodation arrives (+40).
    parts = {
        c.key: (c.status, c.horizon.cashable_gbp, c.horizon.internal_gbp, c.horizon.total_gbp)
        for c in comparison.contributions
    }
    assert parts == {
        "proceedings": ("changed", 30, -50, -20),
        "permanence": ("removed", -20, 0, -20),
        "accommodation": ("added", 40, 0, 40),
    }
    proceedings = next(c for c in comparison.contributions if c.key == "proceedings")
    assert (proceedings.classification_a, proceedings.classification_b) == ("mixed", "cashable")
    assert proceedings.item == "2 line(s) in A, 1 in B"
    assert comparison.by == "stage"
    assert [c.key for c in comparison.contributions] == [
        "accommodation",
        "proceedings",
        "permanence",
    ]
    assert_contributions_add_up(comparison)


@pytest.mark.parametrize("by", ["line", "stage"])
@pytest.mark.parametrize("first", shipped_table_names())
@pytest.mark.parametrize("second", shipped_table_names())
def test_contributions_add_up_on_shipped_tables(first: str, second: str, by: Grouping) -> None:
    assert_contributions_add_up(per_birth(load_table(first), load_table(second), by=by))


def test_compare_a_table_with_itself_is_all_zeros() -> None:
    comparison = per_birth(
        load_table("rotherham-2020-published"), load_table("rotherham-2020-published")
    )
    assert all(getattr(comparison.horizon.difference, field) == 0 for field in FIELDS)
    assert {c.status for c in comparison.contributions} == {"unchanged"}


@st.composite
def tables(draw: st.DrawFn) -> UnitCostTable:
    # A line's stage follows its id, so matched lines share a stage and stages hold several.
    indices = draw(st.sets(st.integers(0, 8), min_size=1, max_size=6))
    stages = ("proceedings", "accommodation", "permanence")
    return table(
        *(
            {**draw(line_data(index)), "stage": stages[index % len(stages)]}
            for index in sorted(indices)
        )
    )


@settings(max_examples=150)
@given(tables(), tables())
def test_contributions_add_up_and_reverse_on_generated_tables(
    a: UnitCostTable, b: UnitCostTable
) -> None:
    forward, backward = per_birth(a, b), per_birth(b, a)
    assert_contributions_add_up(forward)
    by_stage = per_birth(a, b, by="stage")
    assert_contributions_add_up(by_stage)
    # A stage's part is the sum of its lines' parts (ids are unique within these tables).
    stage_of = {line.id: line.stage for line in [*a.lines, *b.lines]}
    for contribution in by_stage.contributions:
        lines = [c for c in forward.contributions if stage_of[c.key] == contribution.key]
        assert contribution.horizon.total_gbp == sum(
            (c.horizon.total_gbp for c in lines), Decimal(0)
        )
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
    assert "What moves the council's horizon total, largest first" in result.stdout
    assert "█" in result.stdout


def test_cli_compare_by_stage_heads_its_rows_with_stages() -> None:
    result = run(
        "compare",
        "rotherham-2020-published",
        "care-journey-england",
        "--by",
        "stage",
        "-f",
        "markdown",
    )
    assert result.exit_code == 0, result.stderr
    assert "| Stage | Status | Immediate | Horizon |" in result.stdout
    assert "| whole_journey | removed |" in result.stdout
    assert "0 stage(s) unchanged." in result.stdout


def test_cli_compare_refuses_a_bad_price_year() -> None:
    result = run(
        "compare", "rotherham-2020-published", "care-journey-england", "--price-year", "2023"
    )
    assert result.exit_code == 2
    assert "financial year" in result.stderr


def test_scenarios_counted_differently_are_shown_side_by_side_and_flagged(
    tmp_path: Path,
) -> None:
    import yaml

    data = yaml.safe_load((SCENARIOS / "rotherham-2020.yaml").read_text(encoding="utf-8"))
    data.update(name="three-years", horizon_years=3, avoided_births_counting="exact")
    other = tmp_path / "three-years.yaml"
    other.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = run("compare", SCENARIOS / "rotherham-2020.yaml", other, "-f", "json")
    assert result.exit_code == 0, result.stderr
    comparison = json.loads(result.stdout)
    assert comparison["a_basis"]["horizon_years"] == 5
    assert comparison["b_basis"]["horizon_years"] == 3
    # 14.85 births costed as 15 on one side, exactly on the other.
    assert (comparison["a_basis"]["births"], comparison["b_basis"]["births"]) == (15, 14.85)
    assert [flag["code"] for flag in comparison["flags"]] == [
        "different_horizon_years",
        "different_counting",
    ]
    text = run("compare", SCENARIOS / "rotherham-2020.yaml", other, "-f", "markdown").stdout
    assert "WARNING: A and B have different horizons (5 and 3)" in text


def test_each_part_shown_is_the_change_in_the_council_total_it_sits_under() -> None:
    """The parts' Horizon column adds up to the change in the horizon total it explains;
    other agencies' costs (in neither total) are a column of their own."""
    result = run("compare", "rotherham-2020-published", "care-journey-england", "-f", "json")
    comparison = json.loads(result.stdout)
    parts = {c["key"]: c for c in comparison["contributions"]}
    table = run("compare", "rotherham-2020-published", "care-journey-england", "-f", "markdown")
    rows = [row.split(" | ") for row in table.stdout.splitlines() if row.startswith("| ")]
    shown = {row[0][2:]: row for row in rows if row[0][2:] in parts}
    assert shown, table.stdout
    for key, row in shown.items():
        horizon = Decimal(str(parts[key]["horizon"]["total_gbp"]))
        others = Decimal(str(parts[key]["horizon"]["other_agencies_gbp"]))
        assert row[3] == signed(horizon), key
        assert row[4].rstrip(" |") == signed(others), key
    total = sum(Decimal(str(c["horizon"]["total_gbp"])) for c in comparison["contributions"])
    assert abs(total - Decimal(str(comparison["horizon"]["difference"]["total_gbp"]))) < PENNY


def test_a_side_s_own_warnings_are_carried_into_the_comparison(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load((SCENARIOS / "rotherham-2020.yaml").read_text(encoding="utf-8"))
    data.update(name="in-scotland", nation="scotland")  # an English table for a Scottish council
    other = tmp_path / "in-scotland.yaml"
    other.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = run("compare", SCENARIOS / "rotherham-2020.yaml", other, "-f", "json")
    flags = json.loads(result.stdout)["flags"]
    assert [flag["code"] for flag in flags] == ["nation_mismatch"]
    assert flags[0]["message"].startswith("B: The scenario is in Scotland")


def test_tables_costed_for_a_scenario_are_checked_against_its_nation(tmp_path: Path) -> None:
    import yaml

    data = yaml.safe_load((SCENARIOS / "rotherham-2020.yaml").read_text(encoding="utf-8"))
    data.update(nation="scotland")
    cohort = tmp_path / "scottish-cohort.yaml"
    cohort.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = run(
        "compare",
        "care-journey-england",
        "care-journey-scotland",
        "--scenario",
        cohort,
        "-f",
        "json",
    )
    flags = json.loads(result.stdout)["flags"]
    assert [flag["message"][:2] for flag in flags if flag["code"] == "nation_mismatch"] == ["A:"]


def test_a_side_that_costs_less_of_the_journey_is_flagged_and_shown(
    write_yaml: Callable[[str, Any], Path],
) -> None:
    """B costs looked-after weeks only: the comparison names the stage only A costs, lists
    what B's table says it leaves out, and the change is not read as B being cheaper."""
    from tests.conftest import line, run

    whole = write_yaml(
        "whole.yaml",
        {
            "name": "whole",
            "title": "Whole",
            "lines": [line(id="weeks", stage="accommodation"), line(id="court")],
        },
    )
    partial = write_yaml(
        "partial.yaml",
        {
            "name": "partial",
            "title": "Partial",
            "coverage": {
                "stages": ["accommodation"],
                "left_out": [{"item": "Court", "reason": "No cost per case was found."}],
            },
            "lines": [line(id="weeks", stage="accommodation")],
        },
    )
    found = compare_references(str(whole), str(partial))
    assert (found.a_basis.stages_costed, found.b_basis.stages_costed) == (
        ["proceedings", "accommodation"],
        ["accommodation"],
    )
    assert (found.a_basis.left_out, found.b_basis.left_out) == ([], ["Court"])
    assert (found.a_basis.coverage_stated, found.b_basis.coverage_stated) == (False, True)
    (flag,) = [flag for flag in found.flags if flag.code == "different_coverage"]
    assert flag.message.startswith("A and B cost different parts of the journey (only A costs")
    rows = [line.split() for line in run("compare", whole, partial).stdout.splitlines()]
    assert ["proceedings", "costed", "not", "costed"] in rows
    assert ["accommodation", "costed", "costed"] in rows
    assert ["Left", "out:", "Court", "left", "out"] in rows
    assert ["Coverage", "stated", "by", "every", "table", "no", "yes"] in rows
