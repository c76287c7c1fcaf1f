"""Every kind of mistake in a hand-edited file ends in a clear, located message and exit 1.

Each file in tests/data/invalid/ holds one mistake (or, for several-mistakes.yaml, three);
each is paired here with the exact lines it must produce. Positions were checked against the
files by hand: line and column are 1-based, as editors count.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from pause_cost.exit_codes import ExitCode
from pause_cost.load.inputs import load_inputs, shipped_table_names
from pause_cost.load.yaml import MAX_FILE_BYTES
from tests.conftest import REPO, run

INVALID = REPO / "tests" / "data" / "invalid"

RANGE_WOMEN = "allowed: from 0 to 100,000"
ANCHOR = "YAML anchors and aliases (&{0}, *{0}) are not allowed; write each value out in full"

CASES: dict[str, list[str]] = {
    "bad-indentation": [
        "5:33: invalid YAML: mapping values are not allowed here; check this line's "
        "indentation, or put quotes around a value that contains ': '"
    ],
    "unclosed-quote": ["2:10: invalid YAML: a quoted value that is never closed"],
    "tab-indentation": [
        "4:1: invalid YAML: found character '\\t' that cannot start any token; indent with "
        "spaces, not tabs"
    ],
    "empty": [
        ": file holds no data (it is empty or only comments); expected keys such as 'name: ...'"
    ],
    "only-comments": [
        ": file holds no data (it is empty or only comments); expected keys such as 'name: ...'"
    ],
    "list-not-mapping": [
        "1:1: expected a mapping of keys (key: value) at the top of the file, got a list"
    ],
    "scalar-not-mapping": [
        "1:1: expected a mapping of keys (key: value) at the top of the file, got text, not keys"
    ],
    "cohort-is-a-list": ["4:3: cohort: expected a mapping of keys (key: value) here, got a list"],
    "unknown-key-near-miss": [
        "5:3: cohort.birth_rate_per_woman_per_yaer: unknown key; did you mean "
        "'birth_rate_per_woman_per_year'?"
    ],
    "unknown-key-no-near-miss": [
        "10:1: colour: unknown key; allowed here: name, title, council, nation, notes, extends, "
        "cohort, cohorts, practice, pause_window, avoided_births_counting, unit_costs, price_year, "
        "horizon_years, immediate_years, programme_cost, line_overrides, published, funders, "
        "headline_view, discounting, deflator, nominal_cash, adjustments, persistence, "
        "evaluation_route, scale_of_need, value_of_information, evppi_groups, uncertainty, "
        "uncertainty_files, correlations, contract, business_case"
    ],
    "missing-required-key": ["1:1: council: required key is missing"],
    "duplicate-key": ["10:1: council: duplicate key (first given on line 2); give each key once"],
    "alias-and-anchor": ["7:15: " + ANCHOR.format("doc")],
    "billion-laughs": ["10:6: " + ANCHOR.format("a")]
    + [
        f"{line}:5: " + ANCHOR.format(name)
        for line, name in zip(range(11, 19), "bcdefghi", strict=True)
    ],
    "wrong-type-list-for-number": ["4:15: cohort.women_open: expected a whole number, got a list"],
    "string-for-number": [
        "4:15: cohort.women_open: expected a whole number, got the text '20'; remove the quotes"
    ],
    "word-for-number": ["4:15: cohort.women_open: expected a whole number, got the text 'twenty'"],
    "yaml11-no": ["4:15: cohort.women_open: expected a whole number, got the text 'no'"],
    "yaml11-yes": ["4:15: cohort.women_open: expected a whole number, got the text 'yes'"],
    "yaml11-on": ["4:15: cohort.women_open: expected a whole number, got the text 'on'"],
    "yaml11-octal": [
        "4:15: cohort.women_open: expected a whole number, got the text '012'; write it "
        "without the leading zero (YAML 1.1 reads 012 as 10)"
    ],
    "yaml11-sexagesimal": [
        "4:15: cohort.women_open: expected a whole number, got the text '1:30'; write plain "
        "digits (YAML 1.1 reads 1:30 as 90, so it is refused)"
    ],
    "nan": [
        "5:34: cohort.birth_rate_per_woman_per_year: NaN and infinity are not allowed; give a "
        "finite number"
    ],
    "infinity": [
        "5:34: cohort.birth_rate_per_woman_per_year: NaN and infinity are not allowed; give a "
        "finite number"
    ],
    "negative-women": [f"4:15: cohort.women_open: -3 is too small; {RANGE_WOMEN}"],
    "fractional-women": ["4:15: cohort.women_open: expected a whole number, got the number 20.5"],
    "absurd-birth-rate": [
        "5:34: cohort.birth_rate_per_woman_per_year: 33 is too large; allowed: from 0 to 2"
    ],
    "horizon-too-long": ["10:16: horizon_years: 200 is too large; allowed: from 1 to 50"],
    "horizon-zero": ["10:16: horizon_years: 0 is too small; allowed: from 1 to 50"],
    "immediate-longer-than-horizon": [
        "10:18: immediate_years: 6 years is longer than horizon_years (5); allowed: 1 to 5"
    ],
    "unknown-counting": [
        "10:26: avoided_births_counting: 'rounded' is not allowed; choose one of: exact, "
        "round_half_up"
    ],
    "bad-name": [
        "1:7: name: 'My Case' is not allowed; use lower-case letters, digits, '-' and '_', "
        "starting with a letter or digit"
    ],
    "table-path-missing": [
        "9:5: unit_costs.0: table file tables/no-such-table.yaml does not exist (a path is "
        "taken from the folder of the file that names it)"
    ],
    "table-path-is-directory": [
        "9:5: unit_costs.0: table file tables/ is a directory, not a table file"
    ],
    "table-listed-twice": [
        "10:5: unit_costs.1: table 'rotherham-2020-published' is already listed (item 0); "
        "list each table once"
    ],
    "programme-cost-both-forms": [
        "11:3: programme_cost: give one of: per_year_gbp with years, total_gbp, or profile, "
        "not more than one"
    ],
    "several-mistakes": [
        "3:1: council_name: unknown key; did you mean 'council'?",
        f"5:15: cohort.women_open: -1 is too small; {RANGE_WOMEN}",
        "11:16: horizon_years: 0 is too small; allowed: from 1 to 50",
    ],
    "scenario-and-table-mistakes": [
        f"5:15: cohort.women_open: -1 is too small; {RANGE_WOMEN}",
        "11:5: unit_costs.1: unknown table 'care-journey-englnd'; did you mean "
        "'care-journey-england'? shipped tables: care-journey-england, care-journey-scotland, "
        "parent-and-child, rotherham-2020-published, wider-costs (or give a path to a .yaml "
        "file)",
        "12:5: unit_costs.2: table file tables/missing.yaml does not exist (a path is taken "
        "from the folder of the file that names it)",
    ],
    "not-utf8": ["2:23: byte 0xa3 is not UTF-8 text; save the file as UTF-8"],
    "yaml-tag": [
        "2:10: YAML tags such as '!!python/object:os.system' are not allowed; to start a value "
        "with '!', put the value in quotes"
    ],
    "control-character": [
        "2:14: character U+000B is not allowed in a YAML file (a control character); delete it"
    ],
}

# Mistakes inside a table: the message names the table file, not the scenario citing it.
TABLE_CASES: dict[str, list[str]] = {
    "invalid-table-share": [
        "tables/share-above-one.yaml:9:24: lines.0.share_of_children: 1.5 is too large; "
        "allowed: from 0 to 1"
    ],
    "invalid-table-negative-amount": [
        "tables/negative-amount.yaml:7:17: lines.0.amount_gbp: -100 is too small; allowed: "
        "from 0 to 10,000,000"
    ],
    "invalid-table-duplicate-ids": [
        "tables/duplicate-ids.yaml:15:9: lines.1.id: line id 'a' is used twice (items 0 and 1); "
        "each line needs its own id"
    ],
    "invalid-table-transfer": [
        "tables/transfer-to-no-line.yaml:12:18: lines.0.transfer_to: 'HM Courts Service': no "
        "line of the table names it as its agency; a transfer goes to an agency a line names, "
        "as written there (Council; HM Courts & Tribunals Service)"
    ],
    "invalid-table-price-year": [
        "tables/bad-price-year.yaml:14:17: lines.0.price_year: price year must be a financial "
        "year written like '2016/17'",
        "tables/bad-price-year.yaml:25:17: lines.1.price_year: '2016/18' is not a financial "
        "year: the second part must be the year after 2016, as in '2016/17'",
        "tables/bad-price-year.yaml:36:17: lines.2.price_year: expected text, got the number "
        "2016; write a financial year like 2016/17",
    ],
}


def expected_stderr(lines: list[str]) -> str:
    count = len(lines)
    summary = f"{count} problem{'s' if count != 1 else ''} found; nothing was written."
    return "\n".join([*lines, summary]) + "\n"


@pytest.fixture(autouse=True)
def _in_invalid_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the corpus directory, so messages name files as a user would type them."""
    monkeypatch.chdir(INVALID)


def test_the_corpus_covers_every_file_and_at_least_thirty_kinds() -> None:
    files = {path.stem for path in INVALID.glob("*.yaml")}
    assert files == set(CASES) | set(TABLE_CASES) | {"unknown-table-name"}
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(CASES))
def test_invalid_scenario_gives_its_message_and_exit_1(name: str, tmp_path: Path) -> None:
    output = tmp_path / "out.md"
    result = run("estimate", f"{name}.yaml", "--format", "markdown", "-o", output)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stdout == ""
    assert result.stderr == expected_stderr(
        [
            f"{name}.yaml{line}" if line.startswith(":") else f"{name}.yaml:{line}"
            for line in CASES[name]
        ]
    )
    assert not output.exists()
    assert list(tmp_path.iterdir()) == []


def as_text(problem: dict[str, Any]) -> str:
    """A JSON problem written as the text form says it: file:line:col: key: message."""
    where = problem["file"]
    if problem["line"] is not None:
        where += f":{problem['line']}:{problem['column']}"
    key = f" {problem['key']}:" if problem["key"] else ""
    return f"{where}:{key} {problem['message']}"


@pytest.mark.parametrize("name", sorted([*CASES, *TABLE_CASES]))
def test_with_json_format_the_same_problems_go_to_stderr_as_json(name: str, tmp_path: Path) -> None:
    text = run("estimate", f"{name}.yaml")
    output = tmp_path / "out.json"
    result = run("estimate", f"{name}.yaml", "--format", "json", "-o", output)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stdout == ""
    problems = json.loads(result.stderr)
    assert all(set(problem) == {"file", "line", "column", "key", "message"} for problem in problems)
    # The text form's lines, less its closing count, are the JSON problems one for one.
    assert [as_text(problem) for problem in problems] == text.stderr.splitlines()[:-1]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", sorted(TABLE_CASES))
def test_invalid_table_names_the_table_file(name: str, tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    result = run("estimate", f"{name}.yaml", "-f", "csv", "-o", output)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == expected_stderr(TABLE_CASES[name])
    assert list(tmp_path.iterdir()) == []


def test_unknown_table_lists_the_shipped_tables() -> None:
    result = run("estimate", "unknown-table-name.yaml")
    assert result.exit_code == ExitCode.INVALID_INPUT
    names = ", ".join(shipped_table_names())
    assert result.stderr.splitlines()[0] == (
        "unknown-table-name.yaml:9:5: unit_costs.0: unknown table 'rotherham-2020-publishd'; "
        f"did you mean 'rotherham-2020-published'? shipped tables: {names} (or give a path to a "
        ".yaml file)"
    )


def test_billion_laughs_is_refused_fast_without_expanding() -> None:
    started = time.perf_counter()
    result = run("estimate", "billion-laughs.yaml")
    assert result.exit_code == ExitCode.INVALID_INPUT
    # Expanded, the bomb holds 9**9 strings; refused, it costs what parsing 18 lines costs.
    assert time.perf_counter() - started < 1.0


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# padding\n" * (MAX_FILE_BYTES // 10 + 1), encoding="utf-8")
    result = run("estimate", big)
    assert result.exit_code == ExitCode.INVALID_INPUT
    size = big.stat().st_size
    assert result.stderr.splitlines()[0] == (
        f"{big}: file is {size:,} bytes; input files may be at most {MAX_FILE_BYTES:,} bytes"
    )


def test_a_missing_scenario_file_is_a_usage_error() -> None:
    result = run("estimate", "no-such-scenario.yaml")
    assert result.exit_code == ExitCode.USAGE
    assert "no-such-scenario.yaml" in result.stderr
    assert "does not exist" in result.stderr


def test_a_directory_for_the_scenario_is_a_usage_error() -> None:
    result = run("estimate", "tables")
    assert result.exit_code == ExitCode.USAGE
    assert "is a directory" in result.stderr


def test_byte_order_mark_and_crlf_load_as_if_absent(tmp_path: Path) -> None:
    plain = (REPO / "scenarios" / "rotherham-2020.yaml").read_text(encoding="utf-8")
    windows = tmp_path / "windows.yaml"
    windows.write_bytes(b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode("utf-8"))
    ordinary = tmp_path / "ordinary.yaml"
    ordinary.write_text(plain, encoding="utf-8")
    assert load_inputs(windows) == load_inputs(ordinary)


def test_bom_alone_and_crlf_alone_each_load(tmp_path: Path) -> None:
    plain = (REPO / "scenarios" / "rotherham-2020.yaml").read_text(encoding="utf-8")
    expected = load_inputs(REPO / "scenarios" / "rotherham-2020.yaml")
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + plain.encode("utf-8"))
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes(plain.replace("\n", "\r\n").encode("utf-8"))
    assert load_inputs(bom) == expected
    assert load_inputs(crlf) == expected
