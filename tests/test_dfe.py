"""The DfE starters CSV, read as published, in both layouts seen, with suppression.

The files in tests/data/dfe/ were made by hand in each layout (the real file cannot be fetched
here); each expected figure below is the one written in the file.
"""

from __future__ import annotations

import json

from pause_cost import api
from pause_cost.exit_codes import ExitCode
from tests.conftest import REPO, run

DFE = REPO / "tests" / "data" / "dfe"


def test_the_2025_layout_with_suppression() -> None:
    starters = api.starters(DFE / "starters-2025-layout.csv")
    assert starters.layout == "2025"
    found = {area.area: area for area in starters.areas}
    assert found["England"].under_one == 5150
    assert found["England"].total == 32270
    assert found["Derbyshire"].under_one == 60
    assert found["Derbyshire"].by_age["1 to 4 years"] is None
    assert found["Plymouth"].under_one is None
    assert found["Plymouth"].total == 180
    assert [u.line for u in starters.unused] == [5, 7]
    assert "suppressed ('c')" in starters.unused[0].reason
    assert "Female" not in found["Derbyshire"].by_age  # the Sex rows are not age rows


def test_the_2024_layout_with_k() -> None:
    starters = api.starters(DFE / "starters-2024-layout.csv")
    assert starters.layout == "2024"
    found = {area.area: area for area in starters.areas}
    assert found["England"].under_one == 5200
    assert found["England"].total == 33050  # "Total children" in this layout
    assert found["Worcestershire"].under_one == 45
    assert found["Worcestershire"].by_age["16 years and over"] is None
    assert [(u.line, "'k'" in u.reason) for u in starters.unused] == [(5, True)]


def test_another_layout_is_refused_with_its_line() -> None:
    outcome = run("starters", DFE / "other-layout.csv")
    assert outcome.exit_code == ExitCode.INVALID_INPUT
    assert outcome.stdout == ""
    assert "other-layout.csv:1:1: header: columns time_period, la_name, age, count" in (
        outcome.stderr
    )


def test_every_row_suppressed_is_refused() -> None:
    outcome = run("starters", DFE / "all-suppressed.csv")
    assert outcome.exit_code == ExitCode.INVALID_INPUT
    assert "every age count is suppressed" in outcome.stderr


def test_json_and_csv() -> None:
    outcome = run("starters", DFE / "starters-2025-layout.csv", "-f", "json")
    data = json.loads(outcome.stdout)
    assert data["layout"] == "2025"
    assert data["unused"][1] == {
        "line": 7,
        "reason": "Plymouth 2025 Under 1 year: suppressed ('c')",
    }
    table = run("starters", DFE / "starters-2025-layout.csv", "-f", "csv").stdout
    assert "Plymouth,Local authority,2025,Under 1 year," in table
