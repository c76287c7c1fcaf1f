"""Several scenarios in one run, and what-ifs from the command line."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import ROTHERHAM, SCENARIOS, run

PILOT = SCENARIOS / "rotherham-2020-with-pilot-cost.yaml"


def test_several_scenarios_give_one_csv_row_each() -> None:
    result = run("estimate", ROTHERHAM, PILOT, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["scenario"] for row in rows] == ["rotherham-2020", "rotherham-2020-with-pilot-cost"]
    assert [row["horizon_total_gbp"] for row in rows] == ["2088479.85", "2088479.85"]
    assert [row["net_gbp"] for row in rows] == ["", "1669479.85"]


def test_several_scenarios_give_one_json_line_each() -> None:
    result = run("estimate", ROTHERHAM, PILOT, "-f", "json")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["scenario"]["name"] for line in lines] == [
        "rotherham-2020",
        "rotherham-2020-with-pilot-cost",
    ]


def test_several_scenarios_give_one_table_each() -> None:
    result = run("estimate", ROTHERHAM, PILOT)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Against the published figures") == 2


def test_a_what_if_changes_the_input_and_says_so() -> None:
    # 24 women x 0.33 x 2.25 = 17.82, rounded to 18 births x £139,231.99 = £2,506,175.82.
    result = run("estimate", PILOT, "--set", "cohort.women_open=24", "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["avoided_births"]["counted"] == 18
    assert document["horizon"]["total_gbp"] == 2506175.82
    flag = document["flags"][0]
    assert flag["code"] == "what_if"
    assert "cohort.women_open = 24 (was 20)" in flag["message"]


def test_a_what_if_beyond_what_the_input_takes_is_refused() -> None:
    result = run(
        "estimate", PILOT, "--set", "rotherham-2020-published/later-cashable.share_of_children=1.5"
    )
    assert result.exit_code == 1
    assert "1.5 is refused: Input should be less than or equal to 1" in result.stderr
    assert result.stdout == ""


def test_a_what_if_that_is_not_path_equals_number_is_a_usage_error() -> None:
    result = run("estimate", PILOT, "--set", "cohort.women_open")
    assert result.exit_code == 2
    assert "write a what-if as PATH=NUMBER" in result.stderr
