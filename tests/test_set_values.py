"""``--set`` takes what a file can say: a price year, the list of tables, a text; a cohort by its
name as well as its position. Each gives what the same change written into the file gives;
text into a number is refused at the key's line, exit 1."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import SCENARIOS, run

ROTHERHAM = SCENARIOS / "rotherham-2020.yaml"


def _json(*args: object) -> dict[str, Any]:
    result = run("estimate", *args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    data["flags"] = [flag for flag in data["flags"] if flag["code"] != "what_if"]
    return data


def _edited(tmp_path: Path, **changes: Any) -> Path:
    data = yaml.safe_load(ROTHERHAM.read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / "edited.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def test_price_year_and_tables_set_as_the_file_would(tmp_path: Path) -> None:
    edited = _edited(tmp_path, price_year="2023/24", unit_costs=["care-journey-england"])
    by_set = _json(
        ROTHERHAM, "--set", "price_year=2023/24", "--set", "unit_costs=care-journey-england"
    )
    assert by_set == _json(edited)


def test_the_echo_says_what_was_set_and_what_it_was() -> None:
    result = run("estimate", ROTHERHAM, "--set", "price_year=2023/24", "-f", "json")
    flag = json.loads(result.stdout)["flags"][0]
    assert flag["code"] == "what_if"
    assert flag["message"] == (
        "What-if, set for this run: Price year: price_year = 2023/24 (was not given)."
    )


def test_text_into_a_number_is_refused_at_its_line() -> None:
    result = run("estimate", ROTHERHAM, "--set", "cohort.women_open=twenty")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{ROTHERHAM}:11:15: cohort.women_open: --set gives text 'twenty', and this input takes "
        "a number (now 20); write cohort.women_open=NUMBER"
    )


def test_a_cohort_by_name_is_the_cohort_by_position(tmp_path: Path) -> None:
    data = yaml.safe_load(ROTHERHAM.read_text(encoding="utf-8"))
    cohort = data.pop("cohort")
    data.pop("published", None)
    data["cohorts"] = [
        {**copy.deepcopy(cohort), "name": "spring", "start": "2018-04"},
        {**copy.deepcopy(cohort), "name": "autumn", "start": "2018-10"},
    ]
    path = tmp_path / "named.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    by_name = _json(path, "--set", "cohorts.autumn.women_open=5")
    assert by_name == _json(path, "--set", "cohorts.1.women_open=5")
    missing = run("estimate", path, "--set", "cohorts.summer.women_open=5")
    assert missing.exit_code != 0
    assert "no cohort named 'summer'" in missing.stderr
    assert "its name (spring, autumn)" in missing.stderr


def test_the_api_takes_text_what_ifs() -> None:
    import pause_cost

    result = pause_cost.estimate(ROTHERHAM, what_if={"price_year": "2023/24"})
    assert result.price_year == "2023/24"


def test_a_practices_cohort_cannot_be_set_alone_and_the_message_says_what_can() -> None:
    """A practice's cohorts follow from it (the output calls them 'cohort 2'...); setting one
    is refused with what to set instead, never 'the scenario gives no cohorts'."""
    result = run(
        "estimate",
        SCENARIOS / "rotherham-2021-joint-funding.yaml",
        "--set",
        "cohorts.1.women_open=10",
    )
    assert result.exit_code == 1
    assert "follow from its practice" in result.stderr
    assert "practice.capacity_women" in result.stderr
    assert "gives no cohorts" not in result.stderr
