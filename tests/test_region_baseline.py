"""A region beside the DfE's published baseline: each council's children under 1 starting to
be looked after, read from the small CSVs made in each layout (tests/data/dfe), by hand:

* 2025 layout: Derbyshire under 1 = 60, all ages 350; Plymouth under 1 suppressed ('c', line
  7), all ages 180; Derbyshire's 1 to 4 years suppressed (line 5).
* 2024 layout: Worcestershire under 1 = 45, all ages ('Total children') 300; its 16 and over
  is 'k' (line 5).
Avoided births a year: 15 births over the 2.25-year window = 6.67; 30 / 2.25 = 13.33.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import yaml

from pause_cost import api
from tests.conftest import REPO, run

TWO = REPO / "tests" / "data" / "regions" / "two-councils.yaml"
DFE = REPO / "tests" / "data" / "dfe"


def test_the_2025_layout_beside_each_council() -> None:
    region = api.region(TWO)
    derbyshire, plymouth = (row.baseline for row in region.councils)
    assert derbyshire is not None
    assert plymouth is not None
    assert (derbyshire.under_one_starting, derbyshire.all_ages_starting) == (60, 350)
    assert derbyshire.period == "2025"
    assert round(derbyshire.avoided_births_per_year, 2) == Decimal("6.67")
    assert plymouth.under_one_starting is None
    assert plymouth.all_ages_starting == 180
    assert plymouth.note is not None
    assert "suppressed" in plymouth.note
    assert region.baseline is not None
    assert region.baseline.layout == "2025"
    assert [line.split(":")[0] for line in region.baseline.not_used] == ["line 5", "line 7"]
    assert region.baseline.not_found == []


def test_the_2024_layout_and_a_council_not_in_the_file(tmp_path: Path) -> None:
    data = yaml.safe_load(TWO.read_text())
    data["councils"][0]["dfe_area"] = "worcestershire"  # case aside
    for council in data["councils"]:
        council["scenario"] = str(REPO / "scenarios" / "rotherham-2020-uncertain.yaml")
    del data["starters"]
    path = tmp_path / "region.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outcome = run("region", path, "--starters", DFE / "starters-2024-layout.csv", "-f", "json")
    assert outcome.exit_code == 0, outcome.stderr
    found = json.loads(outcome.stdout)
    first, second = (row["baseline"] for row in found["councils"])
    assert (first["area"], first["under_one_starting"], first["all_ages_starting"]) == (
        "Worcestershire",
        45,
        300,
    )
    assert second["under_one_starting"] is None
    assert "not in the file" in second["note"]
    assert found["baseline"]["not_found"] == ["Plymouth City Council (looked for 'Plymouth')"]
    assert found["baseline"]["not_used"] == [
        "line 5: Worcestershire 2024 16 years and over: marked 'k' (below 0.5%)"
    ]


def test_a_file_of_another_layout_is_refused() -> None:
    outcome = run("region", TWO, "--starters", DFE / "other-layout.csv")
    assert outcome.exit_code == 1
    assert "other-layout.csv:1:1: header:" in outcome.stderr
    assert outcome.stdout == ""


def test_the_baseline_is_in_the_markdown() -> None:
    outcome = run("region", TWO, "-f", "markdown")
    assert "| Derbyshire County Council | Derbyshire | 2025 | 60 | 350 | 6.67 |" in outcome.stdout
    assert "Open Government Licence v3.0" in outcome.stdout


def test_a_council_that_is_two_areas_adds_them_as_published(tmp_path: Path) -> None:
    """Northamptonshire is North and West Northamptonshire since 2021: its baseline is the
    two areas' counts added (25 + 30 under 1, 160 + 210 in all); where one area's count is
    suppressed, the sum is not known (Derbyshire's under-1 count here is 'c')."""
    data = yaml.safe_load(TWO.read_text())
    data["councils"][0]["dfe_area"] = ["North Northamptonshire", "West Northamptonshire"]
    data["councils"][1]["dfe_area"] = ["Derbyshire", "North Northamptonshire"]
    for council in data["councils"]:
        council["scenario"] = str(REPO / "scenarios" / "rotherham-2020-uncertain.yaml")
    del data["starters"]
    path = tmp_path / "region.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    csv = DFE / "starters-2025-northamptonshire.csv"
    outcome = run("region", path, "--starters", csv, "-f", "json")
    assert outcome.exit_code == 0, outcome.stderr
    first, second = (row["baseline"] for row in json.loads(outcome.stdout)["councils"])
    assert first["area"] == "North Northamptonshire + West Northamptonshire"
    assert (first["under_one_starting"], first["all_ages_starting"]) == (55, 370)
    assert (second["under_one_starting"], second["all_ages_starting"]) == (None, 510)
    assert "suppressed" in second["note"]
