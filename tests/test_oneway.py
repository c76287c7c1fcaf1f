"""Sensitivity and break-even on the exact engine, against values solved by hand."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.load.uncertainty import load_ranges
from pause_cost.uncertainty.breakeven import DEFAULT_INPUTS
from pause_cost.uncertainty.evaluator import Evaluator
from pause_cost.uncertainty.oneway import AxisSpec, Target, break_even, grid, tornado
from pause_cost.uncertainty.outcomes import OUTCOMES, OutcomeError, outcome
from pause_cost.uncertainty.paths import PathError, address, change, read
from tests.conftest import SCENARIOS, SOURCE, line, run

D = Decimal
WriteYaml = Callable[[str, Any], Path]
PER_BIRTH = D("86173.27") + 4 * D("13264.68")
"""Rotherham's published table: £139,231.99 per avoided birth over five years."""


def test_rotherham_with_the_pilot_cost_breaks_even_where_worked_by_hand() -> None:
    # net = births x £139,231.99 - £419,000, births = 20 x r x 2.25 rounded half up.
    # Programme cost: net is linear in it; 0 at 15 x £139,231.99 = £2,088,479.85.
    # Births: 3 give -£1,304.03, 4 give +£137,927.96, so 4 are needed: 45 r >= 3.5 gives
    # r >= 7/90 = 0.0777..., and women x 0.7425 >= 3.5 gives 4.71...: 5 women.
    result = break_even(
        load_ranges(SCENARIOS / "rotherham-2020-with-pilot-cost.yaml"), Target.parse("net>=0")
    )
    found = {item.range.input: item for item in result.inputs}
    cost = found["programme_cost.total_gbp"]
    assert (cost.value, cost.method, cost.met_above) == (15 * PER_BIRTH, "linear", False)
    women = found["cohort.women_open"]
    assert (women.value, women.method, women.met_above) == (5, "bracketed", True)
    rate = found["cohort.birth_rate_per_woman_per_year"]
    assert rate.value is not None
    assert abs(rate.value - D(7) / D(90)) < D("1e-11")
    assert rate.method == "bracketed"
    assert rate.met_above
    assert result.met_at_base


def test_a_return_target_breaks_even_where_worked_by_hand() -> None:
    # return = births x £139,231.99 / cost >= 4.5: at £419,000 births >= 13.54..., so 14:
    # 45 r >= 13.5 gives r >= 0.3; women x 0.7425 >= 13.5 gives 18.18...: 19 women.
    # Cost: 15 x £139,231.99 / 4.5 = £464,106.63.
    result = break_even(
        load_ranges(SCENARIOS / "rotherham-2020-with-pilot-cost.yaml"),
        Target.parse("return_per_pound>=4.5"),
    )
    found = {item.range.input: item.value for item in result.inputs}
    assert found["cohort.women_open"] == 19
    rate = found["cohort.birth_rate_per_woman_per_year"]
    assert rate is not None
    assert D("0.3") <= rate < D("0.3000000001")
    cost = found["programme_cost.total_gbp"]
    assert cost is not None
    assert abs(cost - 15 * PER_BIRTH / D("4.5")) < D("0.000001")


def two_inputs(write_yaml: WriteYaml) -> Path:
    """Net = 10 women x 0.4 x 2.25 = 9 births x (£1,000 + £200) - £5,000 = £5,800."""
    lines = [line(id="a", amount_gbp=1000), line(id="b", amount_gbp=200)]
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": lines})
    return write_yaml(
        "s.yaml",
        {
            "name": "s",
            "council": "C",
            "cohort": {"women_open": 10, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE},
            "unit_costs": ["t.yaml"],
            "programme_cost": {"total_gbp": 5000, "source": SOURCE},
            "uncertainty": [
                {"input": "t/b.amount_gbp", "low": 100, "high": 400, "source": SOURCE},
                {
                    "input": "cohort.birth_rate_per_woman_per_year",
                    "low": 0.3,
                    "high": 0.5,
                    "assumption": "a judgement",
                },
            ],
        },
    )


def test_the_tornado_orders_two_inputs_by_their_swing(write_yaml: WriteYaml) -> None:
    # Birth rate 0.3 to 0.5: 6.75 to 11.25 births x £1,200 - £5,000: £3,100 to £8,500,
    # a swing of £5,400. Line b £100 to £400: 9 x £1,100 or £1,400 - £5,000: £4,900 to
    # £7,600, a swing of £2,700. The birth rate comes first.
    result = tornado(load_ranges(two_inputs(write_yaml)), "net")
    assert result.base == 5800
    assert [
        (s.range.input, s.outcome_at_low, s.outcome_at_high, s.swing) for s in result.swings
    ] == [
        ("cohort.birth_rate_per_woman_per_year", D(3100), D(8500), D(5400)),
        ("t/b.amount_gbp", D(4900), D(7600), D(2700)),
    ]
    assert result.swings[0].range.basis == "judgement"
    assert result.swings[1].range.basis == "source"
    assert any("birth_rate_per_woman_per_year" in flag for flag in result.flags)


def test_a_two_way_grid_gives_the_outcome_for_each_pair(write_yaml: WriteYaml) -> None:
    ranges = load_ranges(two_inputs(write_yaml))
    rows = AxisSpec.parse("cohort.birth_rate_per_woman_per_year=0.4:0.5:0.1")
    columns = AxisSpec.parse("programme_cost.total_gbp=5000:6000:1000")
    result = grid(ranges.inputs, rows, columns, "net")
    # 9 births x £1,200 = £10,800; 11.25 x £1,200 = £13,500; less £5,000 or £6,000.
    assert result.values == [[D(5800), D(4800)], [D(8500), D(7500)]]


def test_the_cli_prints_a_tornado_with_its_judgements_flagged(write_yaml: WriteYaml) -> None:
    result = run("sensitivity", two_inputs(write_yaml))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.index("cohort.birth_rate") < result.stdout.index("t/b.amount_gbp")
    assert "£3,100" in result.stdout
    assert "£8,500" in result.stdout
    assert "* a judgement" in result.stdout


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--target", "net=>0"], "write a target as OUTCOME OP NUMBER"),
        (["--target", "profit>=0"], "'profit' is not an outcome"),
    ],
)
def test_a_target_that_cannot_be_read_is_a_usage_error(
    write_yaml: WriteYaml, arguments: list[str], message: str
) -> None:
    result = run("breakeven", two_inputs(write_yaml), *arguments)
    assert result.exit_code == 2
    assert message in result.stderr


def test_npv_without_discounting_is_refused_in_a_line(write_yaml: WriteYaml) -> None:
    result = run("sensitivity", two_inputs(write_yaml), "--outcome", "npv")
    assert result.exit_code == 1
    assert "npv needs the scenario's discounting" in result.stderr


def test_a_range_for_an_input_the_scenario_lacks_is_located(write_yaml: WriteYaml) -> None:
    path = two_inputs(write_yaml)
    text = path.read_text(encoding="utf-8").replace("t/b.amount_gbp", "t/c.amount_gbp")
    path.write_text(text, encoding="utf-8")
    result = run("sensitivity", path)
    assert result.exit_code == 1
    assert "uncertainty.0: t/c.amount_gbp: table t has no line 'c'" in result.stderr


def test_ranges_from_a_separate_file_and_derived_from_counts(write_yaml: WriteYaml) -> None:
    path = two_inputs(write_yaml)
    data = __import__("yaml").safe_load(path.read_text(encoding="utf-8"))
    data["uncertainty"] = []
    data["uncertainty_files"] = ["ranges/ours.yaml"]
    path.write_text(__import__("yaml").safe_dump(data), encoding="utf-8")
    write_yaml(
        "ranges/ours.yaml",
        {
            "inputs": [
                {
                    "input": "cohort.birth_rate_per_woman_per_year",
                    "derived": {"events": 15, "exposure": 45},
                    "source": SOURCE,
                }
            ]
        },
    )
    ranges = load_ranges(path)
    (found,) = ranges.ranges
    # The Jeffreys gamma for 15 births over 45 woman-years: shape 15.5, rate 45; its 5th
    # and 95th percentiles lie either side of the observed rate 1/3.
    assert found.derived
    assert found.distribution is not None
    assert (found.distribution.shape, found.distribution.rate) == (D("15.5"), D(45))
    assert found.low < D(1) / D(3) < found.high
    assert tornado(ranges, "net").swings[0].range.basis == "derived"


def test_payback_as_a_target_counts_years(write_yaml: WriteYaml) -> None:
    # One-year lines of £1,200 a birth against £5,000: payback in year 1 needs 22.5 r x
    # £1,200 >= £5,000 (births counted exactly), so r >= 5,000 / 27,000 = 0.185185...
    result = break_even(load_ranges(two_inputs(write_yaml)), Target.parse("payback<=1"))
    found = {item.range.input: item for item in result.inputs}
    rate = found["cohort.birth_rate_per_woman_per_year"].value
    assert rate is not None
    assert abs(rate - D(5000) / D(27000)) < D("1e-11")
    cost = break_even(
        load_ranges(SCENARIOS / "rotherham-2020-with-pilot-cost.yaml"), Target.parse("payback<=3")
    )
    # Years 1-3 avoid £1,292,599.05 + 2 x £198,970.20 = £1,690,539.45.
    by_input = {item.range.input: item.value for item in cost.inputs}
    total = by_input["programme_cost.total_gbp"]
    assert total is not None
    assert abs(total - D("1690539.45")) < D("0.0001")


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda path: path.stem)
def test_the_compiled_evaluation_gives_the_estimates_outcomes_to_the_digit(path: Path) -> None:
    """Sensitivity, the grid and break-even evaluate the compiled case with the changed values
    rather than estimating the changed inputs whole; for break-even's default inputs, the flat
    discount rate and every range a scenario gives, at the point, half and double plus one,
    every outcome must be the estimate's own, digit for digit."""
    ranges = load_ranges(path)
    inputs = ranges.inputs
    evaluator = Evaluator(inputs)
    given = [found.path for found in ranges.ranges]
    for name in (*DEFAULT_INPUTS, "discounting.rate_percent", *given):
        try:
            where = address(inputs, name)
        except PathError:
            continue
        point = read(inputs, where)
        for value in (point, point / 2, point * 2 + 1):
            try:
                changed = change(inputs, where, value)
            except PathError:
                continue
            result = estimate(*changed)
            for outcome_name in OUTCOMES:
                try:
                    expected = outcome(result, outcome_name)
                except OutcomeError:
                    with pytest.raises(OutcomeError):
                        evaluator.outcome([(where, value)], outcome_name)
                    continue
                found = evaluator.outcome([(where, value)], outcome_name)
                assert str(found) == str(expected), (name, value, outcome_name)
