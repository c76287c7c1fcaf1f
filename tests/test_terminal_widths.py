"""On a terminal of any width, every figure is shown whole, or the run says why it cannot be.

Tables that fit are drawn side by side; tables too wide are stacked a row at a time; a
terminal too narrow for a figure is refused (exit 1) before anything is printed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal

import pytest
from rich.cells import cell_len

from pause_cost.exit_codes import ExitCode
from pause_cost.money import whole_pounds
from pause_cost.render.cells import signed
from tests.conftest import SCENARIOS, run

WIDTHS = (120, 80, 60, 40, 20)
FIGURE = re.compile(r"[+-]?£[0-9][0-9,]*")
SHIPPED = sorted(path.name for path in SCENARIOS.glob("*.yaml"))


def figures_expected(name: str) -> list[str]:
    """Whole-pound figures the table must show, computed from the JSON output."""
    data = json.loads(run("estimate", SCENARIOS / name, "-f", "json").stdout)
    amounts = []
    for period in (data["immediate"], data["horizon"], *data["by_year"]):
        amounts += [period[key] for key in ("cashable_gbp", "internal_gbp", "total_gbp")]
    for line in data["lines"]:
        amounts += [line["immediate_gbp"], line["horizon_gbp"]]
    return [whole_pounds(Decimal(str(amount))) for amount in amounts]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", SHIPPED)
def test_every_figure_is_whole_and_every_line_fits(name: str, width: int) -> None:
    result = run("estimate", SCENARIOS / name, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line.rstrip()) for line in lines) <= width
    shown = Counter(FIGURE.findall(result.stdout))
    missing = Counter(figures_expected(name)) - shown
    assert not missing, (width, missing)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_comparison_fits_every_width_too(width: int) -> None:
    result = run(
        "compare", "rotherham-2020-published", "care-journey-england", env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0, result.stderr
    assert max(cell_len(line.rstrip()) for line in result.stdout.splitlines()) <= width
    data = json.loads(
        run("compare", "rotherham-2020-published", "care-journey-england", "-f", "json").stdout
    )
    change = Decimal(str(data["horizon"]["difference"]["total_gbp"]))
    assert signed(change) in FIGURE.findall(result.stdout)  # the horizon total's change


def test_a_terminal_too_narrow_for_a_figure_is_refused_with_nothing_printed() -> None:
    result = run("estimate", SCENARIOS / "rotherham-2020.yaml", env={"COLUMNS": "10"})
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stdout == ""
    assert result.stderr == (
        "the terminal is 10 columns wide, too narrow to show £1,009,879 whole; widen it, "
        "or use --format markdown, csv or json\n"
    )


def test_a_width_of_zero_is_taken_as_unknown_not_as_nothing() -> None:
    result = run("estimate", SCENARIOS / "rotherham-2020.yaml", env={"COLUMNS": "0"})
    assert result.exit_code == 0
    assert "£2,088,480" in result.stdout
