"""Several scenarios in one run, and what-ifs from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROTHERHAM, SCENARIOS, run

PILOT = SCENARIOS / "rotherham-2020-with-pilot-cost.yaml"


def json_documents(text: str) -> list[Any]:
    """The JSON documents of a stream, one after another (as `jq` reads them)."""
    decoder, found, at = json.JSONDecoder(), [], 0
    while at < len(text):
        document, at = decoder.raw_decode(text, at)
        found.append(document)
        while at < len(text) and text[at].isspace():
            at += 1
    return found


@pytest.mark.parametrize("output_format", ["table", "markdown", "json", "jsonl"])
def test_each_scenario_gives_what_it_gives_alone_whatever_the_count(output_format: str) -> None:
    """A script that globs *.yaml gets the same shape for one match as for two: several
    scenarios are each one's output in turn, never a different form."""
    alone = [run("estimate", path, "-f", output_format).stdout for path in (ROTHERHAM, PILOT)]
    together = run("estimate", ROTHERHAM, PILOT, "-f", output_format)
    assert together.exit_code == 0, together.stderr
    separator = "\n" if output_format in ("table", "markdown") else ""
    assert together.stdout == separator.join(alone)


def test_json_is_one_document_a_scenario_and_jsonl_one_line() -> None:
    two = run("estimate", ROTHERHAM, PILOT, "-f", "json").stdout
    names = [document["scenario"]["name"] for document in json_documents(two)]
    assert names == ["rotherham-2020", "rotherham-2020-with-pilot-cost"]
    one = run("estimate", ROTHERHAM, "-f", "jsonl").stdout
    assert one.count("\n") == 1
    assert json.loads(one) == json.loads(run("estimate", ROTHERHAM, "-f", "json").stdout)


def test_csv_is_each_scenarios_rows_under_one_header() -> None:
    alone = [run("estimate", path, "-f", "csv").stdout for path in (ROTHERHAM, PILOT)]
    together = run("estimate", ROTHERHAM, PILOT, "-f", "csv").stdout
    header = alone[0].partition("\n")[0]
    assert together == alone[0] + alone[1].partition("\n")[2]
    assert together.count(header) == 1


@pytest.mark.parametrize("paths", [(ROTHERHAM,), (ROTHERHAM, PILOT)], ids=["one", "two"])
def test_csv_wide_gives_one_row_a_scenario_for_any_count(paths: tuple[Path, ...]) -> None:
    result = run("estimate", *paths, "-f", "csv-wide")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = ["rotherham-2020", "rotherham-2020-with-pilot-cost"][: len(paths)]
    assert [row["scenario"] for row in rows] == expected
    # 15 births x £139,231.99 = £2,088,479.85; the pilot's £419,000 leaves £1,669,479.85.
    assert [row["horizon_total_gbp"] for row in rows] == ["2088479.85"] * len(paths)
    assert [row["net_gbp"] for row in rows] == ["", "1669479.85"][: len(paths)]


def test_csv_wide_to_a_csv_file_is_allowed(tmp_path: Path) -> None:
    target = tmp_path / "summary.csv"
    assert run("estimate", ROTHERHAM, "-f", "csv-wide", "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("scenario,")


def test_a_what_if_changes_the_input_and_says_so() -> None:
    # 24 women x 0.33 x 2.25 = 17.82, rounded to 18 births x £139,231.99 = £2,506,175.82.
    result = run("estimate", PILOT, "--set", "cohort.women_open=24", "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["avoided_births"]["counted"] == 18
    assert document["horizon"]["total_gbp"] == 2506175.82
    flag = document["flags"][0]
    assert flag["code"] == "what_if"
    assert "cohort.women_open = 24 (was 20)" in flag["message"]


def test_a_what_if_beyond_what_the_input_takes_is_refused() -> None:
    result = run(
        "estimate", PILOT, "--set", "rotherham-2020-published/later-cashable.share_of_children=1.5"
    )
    assert result.exit_code == 1
    assert "1.5 is refused: Input should be less than or equal to 1" in result.stderr
    assert result.stdout == ""


def test_a_what_if_that_is_not_path_equals_number_is_a_usage_error() -> None:
    result = run("estimate", PILOT, "--set", "cohort.women_open")
    assert result.exit_code == 2
    assert "write a what-if as PATH=VALUE" in result.stderr
