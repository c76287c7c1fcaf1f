"""Inputs built to break the loader are refused in a located line, exit 1, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pause_cost.exit_codes import ExitCode
from tests.conftest import SOURCE, dump_yaml, line, run, scenario_data

WriteYaml = Callable[[str, Any], Path]


def scenario_text(**overrides: Any) -> str:
    return dump_yaml(scenario_data(unit_costs=["rotherham-2020-published"], **overrides))


def test_a_thousand_levels_of_nesting_are_refused_where_they_pass_the_limit(
    write_yaml: WriteYaml,
) -> None:
    path = write_yaml("deep.yaml", "name: deep\nnotes: " + "[" * 1000 + "]" * 1000 + "\n")
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    # 'notes' is level 1; the 40th '[' opens level 41, at column 8 + 39 = 47.
    assert result.stderr.splitlines()[0] == (
        f"{path}:2:47: values are nested more than 40 levels deep; these files need a few "
        "levels (a scenario's deepest key is 4 down)"
    )


def test_a_five_thousand_digit_number_is_refused_in_one_short_line(
    write_yaml: WriteYaml,
) -> None:
    text = scenario_text().replace("women_open: 10", "women_open: " + "9" * 5000)
    path = write_yaml("digits.yaml", text)
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    (first, count) = result.stderr.splitlines()
    assert first.endswith(
        "a number 5,000 characters long is not plausible here; write at most 40 characters "
        "(costs in pounds, rates as decimals)"
    )
    assert len(first) < 300
    assert count == "1 problem found; nothing was written."


@pytest.mark.parametrize(
    ("figure", "said"),
    [
        # Refused while still text, by its exponent: 1e308 is beyond every input's bound.
        (1e308, "a number of about 1e308 is far beyond any input's bound"),
        # Within the numbers' magnitudes, refused by the key's own bound.
        (2e12, "is too large; allowed: from 0 to 1,000,000,000,000"),
    ],
)
def test_a_published_figure_beyond_any_budget_is_refused(
    write_yaml: WriteYaml, figure: float, said: str
) -> None:
    published = {"source": SOURCE, "horizon_total_gbp": figure}
    path = write_yaml("huge.yaml", scenario_text(published=published))
    result = run("estimate", path, "-f", "json")
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert '"key": "published.horizon_total_gbp"' in result.stderr
    assert said in result.stderr


def test_an_index_level_near_zero_is_refused(write_yaml: WriteYaml) -> None:
    write_yaml(
        "index.yaml",
        {
            "name": "tiny",
            "title": "Tiny",
            "source": SOURCE,
            "index_levels": {"2015/16": 1e-300, "2016/17": 1000000},
        },
    )
    write_yaml(
        "t.yaml",
        {
            "name": "t",
            "title": "T",
            "lines": [line(price_year="2015/16", price_index="index.yaml")],
        },
    )
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml"], price_year="2016/17"))
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    # Refused while still text, by its exponent, with the key named.
    assert "index_levels.2015/16: a number of about 1e-300 is finer than any input needs" in (
        result.stderr
    )


@pytest.mark.slow
def test_a_fifo_is_refused_as_one_and_never_read(tmp_path: Path) -> None:
    """Opening a FIFO to read waits for a writer: the run must refuse it, not hang."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    completed = subprocess.run(
        [sys.executable, "-m", "pause_cost", "estimate", str(fifo)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=30,
        check=False,
    )
    assert completed.returncode == ExitCode.INVALID_INPUT
    assert completed.stderr.splitlines()[0] == (
        f"{fifo}: is a FIFO (named pipe), not a regular file; give a YAML file"
    )


def test_a_device_named_as_a_table_is_refused_as_one(write_yaml: WriteYaml) -> None:
    path = write_yaml("s.yaml", scenario_data(unit_costs=["/dev/zero"]))
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert "unit_costs.0: table file /dev/zero is a character device, not a regular file" in (
        result.stderr
    )


def test_a_shipped_table_named_as_a_file_is_pointed_to_its_name(write_yaml: WriteYaml) -> None:
    path = write_yaml("s.yaml", scenario_data(unit_costs=["care-journey-england.yaml"]))
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr.splitlines()[0].endswith(
        "; the shipped table 'care-journey-england' is named without '.yaml' or a folder"
    )


def test_a_foreign_file_named_as_a_table_is_not_echoed(write_yaml: WriteYaml) -> None:
    write_yaml("creds.txt", "db_password=hunter2\n")
    path = write_yaml("s.yaml", scenario_data(unit_costs=["./creds.txt"]))
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert "hunter2" not in result.stderr
    assert "at the top of the file, got text, not keys" in result.stderr


def test_a_long_value_is_quoted_as_a_short_excerpt(write_yaml: WriteYaml) -> None:
    text = scenario_text().replace("council: Test Council", "council: Test Council")
    text = text.replace("women_open: 10", "women_open: '" + "x" * 200_000 + "'")
    path = write_yaml("long.yaml", text)
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    (first, _) = result.stderr.splitlines()
    assert len(first) < 300
    # 57 characters of the value's repr (an opening quote and 56 x), then its length.
    assert first.endswith(
        "cohort.women_open: expected a whole number, got the text '" + "x" * 56 + "... "
        "(200,000 characters)"
    )


def test_a_file_name_with_a_newline_cannot_forge_a_second_message(write_yaml: WriteYaml) -> None:
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml\nforged.yaml:1:1: key: fake"]))
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    lines = result.stderr.splitlines()
    assert len(lines) == 2  # one problem, then the count
    assert "t.yaml\\nforged.yaml:1:1: key: fake" in lines[0]


def test_an_extension_that_removes_every_line_is_told_so_where_it_does(
    write_yaml: WriteYaml,
) -> None:
    ids = ["immediate-cashable", "immediate-internal", "later-cashable", "later-internal"]
    path = write_yaml(
        "empty.yaml",
        {
            "name": "empty",
            "title": "Empty",
            "extends": "rotherham-2020-published",
            "remove": [{"id": line_id, "reason": "a test"} for line_id in ids],
        },
    )
    result = run("tables", "show", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr.splitlines()[0] == (
        f"{path}:4:1: remove: the table this makes from rotherham-2020-published would have no "
        "lines; a table has from 1 to 10,000 lines"
    )
