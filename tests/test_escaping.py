"""Text from a file is shown as written and cannot act: in a terminal, a report or a spreadsheet."""

from __future__ import annotations

import csv
import io
import re

from tests.conftest import REPO, run

HOSTILE = REPO / "tests" / "data" / "hostile"
SCENARIO = HOSTILE / "escapes.yaml"
ACTIVE = ("\x1b", "\x07", "\u202e", "\x00")


def test_the_terminal_shows_escape_sequences_and_overrides_as_codes() -> None:
    result = run("estimate", SCENARIO, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert not any(character in result.stdout for character in ACTIVE)
    assert "Costed\\x1b[2J\\x1b]0;pwned\\x07 \\u202eevil" in result.stdout
    # Rich markup in a field is text, not style: the brackets are printed.
    assert "[bold red]Council[/] | forged | row |" in result.stdout


def test_markdown_gets_no_heading_row_html_or_emphasis_from_a_field() -> None:
    result = run("estimate", SCENARIO, "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # The codes' backslashes are escaped too, so Markdown shows them as written: \x1b.
    assert lines[0] == (
        r"## Costed\\x1b\[2J\\x1b\]0;pwned\\x07 \\u202eevil # A forged heading "
        r"\<script\>alert(1)\</script\>"
    )
    assert not any(line.startswith("# ") for line in lines)
    assert "<script>" not in result.stdout
    assert lines[2] == "\\[bold red\\]Council\\[/\\] \\| forged \\| row \\|"
    assert (
        "Notes: \\*not emphasis\\* and \\_not either\\_ \\[a link\\](http://example.invalid) "
        "&amp;amp; \\`code\\`"
    ) in lines
    # Every table row still has its own number of cells: no field added a column.
    rows = [line for line in lines if line.startswith("| Input |")]
    assert rows == ["| Input | Value |"]


def test_csv_cells_that_would_run_as_formulas_are_quoted() -> None:
    result = run("tables", "show", HOSTILE / "formula-table.yaml", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["item"] == "'=cmd|' /C calc'!A0"
    assert row["agency"] == "'+SUM(1,1)"
    assert row["source"] == "'@SUM(1+1), -2+3"
    # Figures are numbers, not text: a negative change is not quoted.
    compare = run("compare", "rotherham-2020-published", "care-journey-england", "-f", "csv")
    assert re.search(r"^\(all lines\),,immediate,cashable,-[0-9]+\.[0-9]{2}$", compare.stdout, re.M)
