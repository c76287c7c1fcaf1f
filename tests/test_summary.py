"""``estimate --summary``: an estimate on one screen (24 lines of 80 columns), its figures the
engine's own, its JSON the full estimate's."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.conftest import SCENARIOS, run

SHIPPED = sorted(path.name for path in SCENARIOS.glob("*.yaml"))


def pounds(value: float) -> str:
    whole = Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{'-' if whole < 0 else ''}£{abs(whole):,}"


@pytest.mark.parametrize("name", SHIPPED)
def test_the_summary_fits_one_screen_and_shows_the_engines_figures(name: str) -> None:
    scenario = SCENARIOS / name
    shown = run("estimate", scenario, "--summary", env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.rstrip("\n").splitlines()
    assert len(lines) <= 24
    assert max(len(line) for line in lines) <= 80
    data = json.loads(run("estimate", scenario, "-f", "json").stdout)
    for figure in (data["horizon"]["total_gbp"], data["immediate"]["total_gbp"]):
        assert pounds(figure) in shown.stdout
    if data["programme"]["net_gbp"] is not None:
        assert pounds(data["programme"]["net_gbp"]) in shown.stdout
    if data["economics"]["appraisal"] is not None:
        assert pounds(data["economics"]["appraisal"]["npv_gbp"]) in shown.stdout
    assert f"{len(data['lines'])} unit-cost line" in shown.stdout


def test_the_summary_changes_neither_json_nor_csv() -> None:
    scenario = SCENARIOS / "rotherham-2020-calendar.yaml"
    for output_format in ("json", "csv"):
        full = run("estimate", scenario, "-f", output_format).stdout
        assert run("estimate", scenario, "--summary", "-f", output_format).stdout == full


def test_a_what_if_warning_stays_on_the_summary() -> None:
    scenario = SCENARIOS / "rotherham-2020.yaml"
    shown = run("estimate", scenario, "--summary", "--set", "cohort.women_open=24").stdout
    assert "WARNING: What-if, set for this run" in shown
