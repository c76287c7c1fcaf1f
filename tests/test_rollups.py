"""The roll-ups an estimate carries for its outputs (``economics/rollups.py``), each held to an
invariant worked here from the estimate's own published figures, never from the roll-up code:
a stage's figures are its lines' added, a year's net is its avoidance less its cost and the
running net their sum, the window is programme + gestation + persistence, and a flag's
prominence follows its code."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from pause_cost.results.estimate import PROMINENT
from tests.conftest import SCENARIOS, run

SHIPPED = sorted(SCENARIOS.glob("*.yaml"))
PENNY_FRACTION = Decimal("1e-6")
"""JSON carries each figure at a stated precision, so sums of them agree to far below a penny."""


def near(value: Decimal, expected: Decimal | int) -> bool:
    return abs(value - expected) <= PENNY_FRACTION


def engine(scenario: Path, *options: str) -> dict[str, Any]:
    result = run("estimate", scenario, "-f", "json", *options)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal, parse_int=Decimal)
    return data


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda path: path.stem)
def test_each_stage_is_its_lines_added(scenario: Path) -> None:
    data = engine(scenario)
    expected: dict[str, dict[str, Decimal]] = {}
    for line in data["lines"]:
        by_class = expected.setdefault(line["stage"], {})
        by_class[line["classification"]] = (
            by_class.get(line["classification"], Decimal(0)) + line["horizon_gbp"]
        )
    stages = {stage["stage"]: stage for stage in data["by_stage"]}
    assert sorted(stages) == sorted(expected)
    for name, by_class in expected.items():
        stage = stages[name]
        assert near(stage["cashable_gbp"], by_class.get("cashable", 0))
        assert near(stage["internal_gbp"], by_class.get("internal", 0))
        assert near(stage["total_gbp"], stage["cashable_gbp"] + stage["internal_gbp"])
        assert near(stage["other_agencies_gbp"], by_class.get("other_agency", 0))
    # The stages partition the lines: together they are the horizon.
    total = sum((stage["total_gbp"] for stage in data["by_stage"]), Decimal(0))
    assert near(total, data["horizon"]["total_gbp"])


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda path: path.stem)
def test_each_years_net_is_its_avoidance_less_its_cost(scenario: Path) -> None:
    data = engine(scenario)
    costs = data["programme"]["cost_by_year_gbp"]
    running = Decimal(0)
    for index, year in enumerate(data["by_year"]):
        cost = costs[index] if index < len(costs) else Decimal(0)
        assert year["programme_cost_gbp"] == cost
        assert near(year["net_gbp"], year["total_gbp"] - cost)
        running += year["net_gbp"]
        assert near(year["cumulative_net_gbp"], running)


@pytest.mark.parametrize("scenario", SHIPPED, ids=lambda path: path.stem)
def test_the_window_is_programme_gestation_and_persistence(scenario: Path) -> None:
    data = engine(scenario)
    summary = data["scenario"]
    written = yaml.safe_load(scenario.read_text(encoding="utf-8"))
    persistence = (written.get("persistence") or {}).get("months", 0)
    assert near(summary["persistence_months"], Decimal(persistence))
    months = summary["programme_months"] + summary["gestation_months"]
    assert near((months + summary["persistence_months"]) / 12, summary["window_years"])


def test_the_calendars_programme_cost_is_its_years_added() -> None:
    calendars = [engine(scenario)["economics"]["calendar"] for scenario in SHIPPED]
    checked = [calendar for calendar in calendars if calendar is not None]
    for calendar in checked:
        added = sum((year["programme_cost_gbp"] for year in calendar["years"]), Decimal(0))
        assert near(calendar["programme_cost_gbp"], added)
    assert len(checked) >= 3


def test_the_births_costed_are_the_births_counted_times_the_factor() -> None:
    for scenario in SHIPPED:
        births = engine(scenario)["avoided_births"]
        costed = births["counted"] if births["costed"] is None else births["costed"]
        assert near(births["counted"] * births["factor"], costed)


def test_a_flag_is_prominent_by_its_code_wherever_it_is_raised() -> None:
    data = engine(SCENARIOS / "rotherham-2020.yaml", "--set", "cohort.women_open=40")
    codes = {flag["code"]: flag["prominent"] for flag in data["flags"]}
    assert codes["what_if"] is True
    assert all(prominent == (code in PROMINENT) for code, prominent in codes.items())
