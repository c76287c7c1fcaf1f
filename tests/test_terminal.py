"""The terminal's table format: no line ends in spaces, at any width, in any command (rich pads
each line to the table's width; the tool takes the padding off)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tests.conftest import run

UNCERTAIN = "scenarios/rotherham-2020-uncertain.yaml"
COMMANDS = [
    ("estimate", "scenarios/rotherham-2020-calendar.yaml"),
    ("estimate", "scenarios/rotherham-2021-joint-funding.yaml"),
    ("sensitivity", UNCERTAIN),
    ("breakeven", UNCERTAIN),
    ("simulate", UNCERTAIN, "--draws", "500", "--seed", "1"),
    ("compare", "rotherham-2020-published", "care-journey-england"),
    ("tables", "list"),
    ("tables", "show", "care-journey-england"),
]


@pytest.mark.parametrize("columns", ["80", "200"])
@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_no_line_ends_in_spaces(command: tuple[str, ...], columns: str) -> None:
    result = run(*command, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.stderr
    padded = [line for line in result.stdout.splitlines() if line != line.rstrip()]
    assert padded == []


def test_a_table_written_to_a_file_has_no_trailing_spaces(tmp_path: Path) -> None:
    target = tmp_path / "estimate.txt"
    result = run("estimate", "scenarios/rotherham-2020.yaml", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line != line.rstrip()] == []


@pytest.mark.parametrize("group", [(), ("tables",)])
def test_help_gives_each_commands_description_whole(group: tuple[str, ...]) -> None:
    """No description is cut with '...': each ends its sentence, however many lines it takes."""
    shown = run(*group, "--help", env={"COLUMNS": "80"}).stdout
    commands = shown.split("Commands:\n", 1)[1]
    assert "..." not in commands
    entries = [e for e in re.split(r"\n(?=  \S)", "\n" + commands) if e.strip()]
    assert len(entries) >= 3
    for entry in entries:
        assert " ".join(entry.split()).endswith("."), entry


def test_the_grid_is_a_grid_with_even_values() -> None:
    """Three women counts by six birth rates: one header line of the six rates, each to two
    places (0.20 beside 0.25, never 0.2 beside 0.30), then one line per count."""
    result = run(
        "sensitivity",
        UNCERTAIN,
        "--grid",
        "cohort.women_open=16:24:4",
        "--grid",
        "cohort.birth_rate_per_woman_per_year=0.2:0.45:0.05",
        env={"COLUMNS": "80"},
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.split()[:1] == ["0.20"])
    assert header.split() == ["0.20", "0.25", "0.30", "0.35", "0.40", "0.45"]
    body = [line.split() for line in lines if line.split()[:1] in (["16"], ["20"], ["24"])]
    assert [row[0] for row in body] == ["16", "20", "24"]
    assert all(len(row) == 7 for row in body)


GRID = (
    "sensitivity",
    UNCERTAIN,
    "--grid",
    "cohort.birth_rate_per_woman_per_year=0.2:0.45:0.05",
    "--grid",
    "cohort.women_open=16:24:1",
)
RATES = ["0.20", "0.25", "0.30", "0.35", "0.40", "0.45"]
WOMEN = [str(women) for women in range(16, 25)]


@pytest.mark.parametrize("columns", [80, 200])
def test_the_grid_wraps_to_the_width_in_bands_of_whole_columns(columns: int) -> None:
    """Six birth rates by nine women counts: at 80 columns the nine columns do not fit beside
    each other, so they come in bands, each repeating the rates down its side; at 200 they fit
    in one. Either way every line fits the width without trailing spaces, every column comes
    once and in order, and every value column is as wide as every other."""
    result = run(*GRID, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert [line for line in lines if line != line.rstrip()] == []
    headers = [line.split() for line in lines if line.split() and set(line.split()) <= set(WOMEN)]
    assert [women for header in headers for women in header] == WOMEN
    assert len(headers) == (1 if columns == 200 else 2)
    body = [line for line in lines if line.split()[:1] and line.split()[0] in RATES]
    # Each band lists every rate once, in order, with one value under each of its columns.
    assert [line.split()[0] for line in body] == RATES * len(headers)
    for band, header in enumerate(headers):
        rows = body[band * len(RATES) : (band + 1) * len(RATES)]
        assert all(len(row.split()) == len(header) + 1 for row in rows)
    # Evenly laid: every value column the same width (the header's gaps all alike).
    header_line = next(line for line in lines if line.split()[:1] == ["16"])
    ends = [match.end() for match in re.finditer(r"\S+", header_line)]
    steps = {b - a for a, b in itertools.pairwise(ends)}
    assert len(steps) == 1
