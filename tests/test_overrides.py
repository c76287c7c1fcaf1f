"""A scenario's own share, quantity or years for a line, in place of the table's judgement."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_inputs
from tests.conftest import line, scenario_data

WriteYaml = Callable[[str, Any], Path]


def scenario_with(write_yaml: WriteYaml, *overrides: dict[str, Any]) -> Path:
    write_yaml(
        "local.yaml",
        {
            "name": "local",
            "title": "Local",
            "lines": [
                line(id="adoption", amount_gbp=1000, share_of_children=0.6),
                line(id="weeks", amount_gbp=100, quantity_per_child=41),
            ],
        },
    )
    return write_yaml(
        "s.yaml", scenario_data(unit_costs=["local.yaml"], line_overrides=list(overrides))
    )


def test_an_override_replaces_the_share_and_is_flagged(write_yaml: WriteYaml) -> None:
    path = scenario_with(
        write_yaml,
        {"line": "local/adoption", "share_of_children": 0.3, "reason": "our adoption rate"},
    )
    result = estimate(*load_inputs(path))
    adoption = next(entry for entry in result.lines if entry.id == "adoption")
    # 9 births (10 women x 0.4 x 2.25) x £1,000 x 0.3 = £2,700 (the table's 0.6 gave £5,400).
    assert adoption.horizon_gbp == Decimal(2700)
    assert adoption.share_of_children == Decimal("0.3")
    assert adoption.override == "our adoption rate"
    flag = next(flag for flag in result.flags if flag.code == "line_overrides")
    assert flag.lines == ["local/adoption"]


def test_an_override_can_make_a_one_off_recur(write_yaml: WriteYaml) -> None:
    path = scenario_with(
        write_yaml,
        {"line": "local/weeks", "quantity_per_child": 52, "last_year": 3, "reason": "long stays"},
    )
    result = estimate(*load_inputs(path))
    weeks = next(entry for entry in result.lines if entry.id == "weeks")
    # 9 births x £100 x 52 weeks in each of years 1 to 3.
    assert weeks.horizon_gbp == Decimal(9 * 100 * 52 * 3)


def test_moving_a_one_off_keeps_it_a_one_off(write_yaml: WriteYaml) -> None:
    path = scenario_with(write_yaml, {"line": "local/weeks", "first_year": 2, "reason": "later"})
    result = estimate(*load_inputs(path))
    assert [year.total_gbp for year in result.by_year][:3] == [
        Decimal(9 * 1000 * Decimal("0.6")),
        Decimal(9 * 100 * 41),
        Decimal(0),
    ]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (
            {"line": "local/adoptoin", "share_of_children": 0.3, "reason": "r"},
            "no line 'local/adoptoin' in the scenario's tables; did you mean 'local/adoption'?",
        ),
        (
            {"line": "local/weeks", "first_year": 4, "last_year": 2, "reason": "r"},
            "last_year (2) is before first_year (4)",
        ),
    ],
)
def test_mistaken_overrides_are_located(
    write_yaml: WriteYaml, override: dict[str, Any], message: str
) -> None:
    path = scenario_with(write_yaml, override)
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    (problem,) = caught.value.problems
    assert (problem.key, problem.message) == ("line_overrides.0.line", message)
    assert problem.line is not None


def test_an_override_must_change_something(write_yaml: WriteYaml) -> None:
    path = scenario_with(write_yaml, {"line": "local/weeks", "reason": "r"})
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    assert "give at least one of share_of_children" in str(caught.value)


def test_the_same_line_overridden_twice_is_refused(write_yaml: WriteYaml) -> None:
    twice = {"line": "local/weeks", "first_year": 2, "reason": "r"}
    path = scenario_with(write_yaml, twice, twice)
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    (problem,) = caught.value.problems
    assert problem.key == "line_overrides.1.line"


def test_an_override_past_the_horizon_is_flagged(write_yaml: WriteYaml) -> None:
    # The table's line is a one-off in year 1; the override makes it run to year 7 of 5.
    path = scenario_with(write_yaml, {"line": "local/weeks", "last_year": 7, "reason": "r"})
    result = estimate(*load_inputs(path))
    beyond = next(flag for flag in result.flags if flag.code == "costs_beyond_horizon")
    assert beyond.lines == ["local/weeks"]
    weeks = next(entry for entry in result.lines if entry.id == "weeks")
    # 9 births x £100 x 41 weeks in each of years 1 to 5; years 6 and 7 are left out.
    assert weeks.horizon_gbp == Decimal(9 * 100 * 41 * 5)
