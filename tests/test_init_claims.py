"""``pause-cost init`` writes a starter whose every claim holds: the tables, line, schedule and
price year it names are the tool's own (checked against its listings), the commented examples
are a valid scenario once uncommented as the comments say, and the starter runs as written."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import run

COMMENTED_YAML = re.compile(r"^# ( *)([a-z_]+:( .*)?|- .*)$")


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("init") / "scenario.yaml"
    assert run("init", path).exit_code == 0
    return path.read_text(encoding="utf-8")


def test_the_starter_runs_as_written(starter: str, tmp_path: Path) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_text(starter, encoding="utf-8")
    assert run("estimate", path).exit_code == 0


def test_every_table_it_names_is_shipped_with_an_index(starter: str) -> None:
    listed = json.loads(run("tables", "list", "-f", "json").stdout)
    shipped = {table["name"]: table for table in listed}
    named = set(re.findall(r"\b(rotherham-[\w-]+|care-journey-[\w-]+)", starter))
    named = {name.split("/")[0] for name in named}
    assert named
    assert named <= set(shipped)
    assert "pause-cost tables list" in starter
    assert all(table["price_index"] for table in listed), "the starter says each table has one"


def test_the_line_it_overrides_is_a_line_of_that_table(starter: str) -> None:
    found = re.search(r"line: ([\w-]+)/([\w-]+)", starter)
    assert found is not None
    table, line = found.groups()
    shown = json.loads(run("tables", "show", table, "-f", "json").stdout)
    assert line in {item["id"] for item in shown["lines"]}


def test_the_commented_examples_are_a_valid_scenario_once_uncommented(
    starter: str, tmp_path: Path
) -> None:
    """Uncomment every commented YAML line and give the cohort a start month, as the comment
    over discounting and funders asks: the result estimates, at the price year it suggests."""
    lines = []
    for text in starter.splitlines():
        match = COMMENTED_YAML.match(text)
        lines.append(text[2:] if match else text)
        if text.startswith("  women_open:"):
            lines.append("  start: 2026-04")
    path = tmp_path / "uncommented.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("estimate", path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["price_year"] == "2023/24"
    assert data["economics"]["appraisal"] is not None
    assert data["published"] is not None


def test_the_discount_rate_it_quotes_is_the_schedules(starter: str) -> None:
    found = re.search(r"schedule: ([\w-]+) +# .* at ([\d.]+)% a year", starter)
    assert found is not None
    name, rate = found.groups()
    from decimal import Decimal

    from pause_cost.load.discounting import load_schedule, shipped_schedule_path

    assert shipped_schedule_path().stem == name
    assert load_schedule(shipped_schedule_path()).rate_percent(1) == Decimal(rate)
