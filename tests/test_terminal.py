"""The terminal's table format: no line ends in spaces, at any width, in any command (rich pads
each line to the table's width; the tool takes the padding off)."""

from __future__ import annotations

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
