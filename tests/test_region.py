"""Many councils in one run: the Midlands hub's four councils, by hand; the refusals.

Each council is rotherham-2020.yaml (0.33 births a year x 2.25 years, rounded half up before
costing; £86,173.27 immediate and £139,231.99 over five years per avoided birth, the README's
Rotherham figures) with its own women:
  Derbyshire 79 x 0.7425 = 58.6575 -> 59; Northamptonshire 4 -> 2.97 -> 3;
  Worcestershire 62 -> 46.035 -> 46; Plymouth 55 -> 40.8375 -> 41. Region: 149 births.
  Region five-year avoidance: 149 x 139,231.99 = £20,745,566.51.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import yaml

from pause_cost import api
from pause_cost.exit_codes import ExitCode
from pause_cost.money import round_half_up
from tests.conftest import REPO, run

MIDLANDS = REPO / "scenarios" / "regions" / "midlands-pause-hub.yaml"


def test_the_midlands_hub_by_hand() -> None:
    result = api.region(MIDLANDS)
    births = [row.avoided_births for row in result.councils]
    assert births == [59, 3, 46, 41]
    assert result.women_open == 200
    assert result.avoided_births == 149
    derbyshire = result.councils[0]
    assert round_half_up(derbyshire.immediate_total_gbp, 2) == Decimal("5084222.93")
    assert round_half_up(result.horizon_total_gbp, 2) == Decimal("20745566.51")
    assert result.net_gbp is None  # no council has a programme cost
    assert all(row.flags[0].code == "council_judged" for row in result.councils)
    assert derbyshire.changes == "Women on the programme: cohort.women_open = 79 (was 20)"


def test_a_council_named_twice_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(MIDLANDS.read_text())
    data["councils"].append(json.loads(json.dumps(data["councils"][0])))
    for council in data["councils"]:
        council["scenario"] = str(REPO / "scenarios" / "rotherham-2020.yaml")
    path = tmp_path / "twice.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outcome = run("region", path)
    assert outcome.exit_code == ExitCode.INVALID_INPUT
    assert "council 'Derbyshire County Council' is named twice" in outcome.stderr
    # Placed at the second one's name, where an editor should jump.
    lines = path.read_text().splitlines()
    second = max(n for n, line in enumerate(lines, 1) if "name: Derbyshire County Council" in line)
    assert f":{second}:" in outcome.stderr.split(" ")[0]
    assert "councils.4.name" in outcome.stderr
    assert outcome.stdout == ""


def test_a_missing_scenario_is_located(tmp_path: Path) -> None:
    data = yaml.safe_load(MIDLANDS.read_text())
    data["councils"][1]["scenario"] = "nowhere.yaml"
    path = tmp_path / "missing.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outcome = run("region", path)
    assert outcome.exit_code == ExitCode.INVALID_INPUT
    assert "councils.1.scenario: scenario" in outcome.stderr
    assert "nowhere.yaml does not exist" in outcome.stderr


def test_every_format() -> None:
    for output_format in ("table", "json", "csv", "markdown"):
        outcome = run("region", MIDLANDS, "-f", output_format)
        assert outcome.exit_code == 0, outcome.stderr
        assert "Worcestershire" in outcome.stdout


def test_a_council_s_tables_and_a_bad_one(tmp_path: Path) -> None:
    """Derbyshire costed with the table its scenario names anyway gives the same figures; a
    table that does not exist is refused at the council's unit_costs."""
    data = yaml.safe_load(MIDLANDS.read_text())
    for council in data["councils"]:
        council["scenario"] = str(REPO / "scenarios" / "rotherham-2020.yaml")
    data["councils"][0]["unit_costs"] = ["rotherham-2020-published"]
    path = tmp_path / "tables.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert api.region(path).horizon_total_gbp == api.region(MIDLANDS).horizon_total_gbp
    data["councils"][0]["unit_costs"] = ["no-such-table"]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outcome = run("region", path)
    assert outcome.exit_code == ExitCode.INVALID_INPUT
    assert "councils.0.unit_costs:" in outcome.stderr
    assert "no-such-table" in outcome.stderr


def test_a_start_goes_to_the_cohort(tmp_path: Path) -> None:
    """With a start, the council's scenario has a calendar: its first financial year is the
    start's (2020-02 falls in 2019/20)."""
    data = yaml.safe_load(MIDLANDS.read_text())
    for council in data["councils"]:
        council["scenario"] = str(REPO / "scenarios" / "rotherham-2020.yaml")
    path = tmp_path / "start.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outcome = run("region", path, "-f", "json")
    assert outcome.exit_code == 0, outcome.stderr
    assert json.loads(outcome.stdout)["councils"][0]["start"] == "2020-02"


def test_a_council_named_twice_with_other_case_and_spacing_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(MIDLANDS.read_text())
    again = json.loads(json.dumps(data["councils"][0]))
    again["name"] = "  derbyshire   COUNTY council"
    data["councils"].append(again)
    for council in data["councils"]:
        council["scenario"] = str(REPO / "scenarios" / "rotherham-2020.yaml")
    path = tmp_path / "twice.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outcome = run("region", path)
    assert outcome.exit_code == ExitCode.INVALID_INPUT
    assert "is named twice" in outcome.stderr
    assert outcome.stdout == ""
