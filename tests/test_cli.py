"""The command line as users and scripts meet it: streams, formats, files and exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import pause_cost
from pause_cost.exit_codes import ExitCode
from pause_cost.load.inputs import load_inputs
from tests.conftest import REPO, ROTHERHAM, SOURCE, dump_yaml, line, run


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"pause-cost {pause_cost.__version__}\n"


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "estimate" in result.output
    assert "Usage: pause-cost" in result.output


def test_json_goes_to_stdout_alone_and_parses() -> None:
    result = run("estimate", ROTHERHAM, "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["schema_version"] == "2"
    for key in ("cashable_gbp", "internal_gbp", "total_gbp", "years"):
        assert key in document["immediate"]
        assert key in document["horizon"]
    assert [year["year"] for year in document["by_year"]] == [1, 2, 3, 4, 5]


def test_json_line_entries_carry_their_evidence() -> None:
    document = json.loads(run("estimate", ROTHERHAM, "-f", "json").stdout)
    entry = document["lines"][0]
    for key in (
        "table",
        "id",
        "item",
        "classification",
        "agency",
        "immediate_gbp",
        "horizon_gbp",
        "source",
        "price_year",
        "assumption",
        "derivation",
    ):
        assert key in entry
    assert entry["source"]["url"] == "https://moderngov.rotherham.gov.uk/mgAi.aspx?ID=87402"


def test_csv_has_one_figure_per_row() -> None:
    result = run("estimate", ROTHERHAM, "-f", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    horizon_total = next(
        row
        for row in rows
        if row["section"] == "cost_avoidance"
        and row["item"] == "horizon"
        and row["classification"] == "total"
    )
    # £139,232 per birth over five years x 15 births = £2,088,480, less the 15p from pennies.
    assert round(float(horizon_total["value"])) == 2_088_480
    assert {row["section"] for row in rows} >= {"avoided_births", "cost_avoidance", "line", "flag"}


def test_markdown_is_a_report_section() -> None:
    result = run("estimate", ROTHERHAM, "-f", "markdown")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("## Rotherham Pause Practice")
    assert "| **5-year (years 1-5)** | £1,631,683 | £456,797 | £2,088,480 |" in text
    assert "| **Immediate (year 1)** | £1,009,879 | £282,720 | £1,292,599 |" in text
    assert "Assumptions:" in text
    assert "Read before quoting" in text


def test_output_file_is_written_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "rotherham.json"
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"wrote {target}\n"
    assert json.loads(target.read_text(encoding="utf-8"))["avoided_births"]["counted"] == 15
    assert [path.name for path in tmp_path.iterdir()] == ["rotherham.json"]


def test_table_format_to_a_file_is_plain_text(tmp_path: Path) -> None:
    target = tmp_path / "rotherham.txt"
    assert run("estimate", ROTHERHAM, "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "£2,088,480" in text
    assert "\x1b[" not in text


def test_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("the committee's draft\n", encoding="utf-8")
    result = run("estimate", ROTHERHAM, "-f", "markdown", "-o", target)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == f"{target}: already exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "the committee's draft\n"

    forced = run("estimate", ROTHERHAM, "-f", "markdown", "-o", target, "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("## Rotherham")


@pytest.fixture
def old_output(tmp_path: Path) -> Path:
    """An output file from an earlier run, which a failed run must leave as it was."""
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")
    return target


def test_a_failure_while_rendering_leaves_the_old_file_intact(
    old_output: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_: Any) -> str:
        raise RuntimeError("renderer failed")

    monkeypatch.setattr("pause_cost.results.data.dumps", broken)
    result = run("estimate", ROTHERHAM, "-o", old_output, "--force")
    assert result.exit_code == ExitCode.INTERNAL_ERROR
    assert old_output.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in old_output.parent.iterdir()] == ["out.json"]


def test_a_failure_while_writing_leaves_no_partial_file(
    old_output: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = old_output

    def disk_full(_: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    result = run("estimate", ROTHERHAM, "-o", target, "--force")
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == f"{target}: could not be written: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in target.parent.iterdir()] == ["out.json"]


def test_interrupt_while_writing_leaves_the_old_file_and_no_temporary(
    old_output: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = run("estimate", ROTHERHAM, "-o", old_output, "--force")
    assert result.exit_code == ExitCode.INTERRUPTED
    assert old_output.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in old_output.parent.iterdir()] == ["out.json"]


def test_the_python_api_gives_what_the_cli_prints() -> None:
    from pause_cost import estimate, load_inputs, load_scenario, load_table
    from pause_cost.results.data import to_json

    inputs = load_inputs(ROTHERHAM)
    scenario, tables = inputs.scenario, inputs.tables
    assert load_scenario(ROTHERHAM) == scenario
    assert [load_table(name) for name in scenario.unit_costs] == list(tables)
    assert to_json(estimate(inputs)) == run("estimate", ROTHERHAM, "-f", "json").stdout


def test_an_unwritable_directory_gives_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*_: Any, **__: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)
    target = tmp_path / "out.json"
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == f"{target}: cannot write in {tmp_path}: Permission denied\n"


def test_output_into_a_missing_directory(tmp_path: Path) -> None:
    target = tmp_path / "no-such-dir" / "out.json"
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == f"{target}: directory {target.parent} does not exist\n"


def test_interrupt_exits_130_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr("pause_cost.engine.estimate", interrupted)
    target = tmp_path / "out.json"
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == ExitCode.INTERRUPTED == 130
    assert result.stderr == "interrupted; nothing was written.\n"
    assert not target.exists()


def test_a_bug_prints_one_line_and_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    def bug(*_: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("pause_cost.engine.estimate", bug)
    result = run("estimate", ROTHERHAM, env={"PAUSE_COST_DEBUG": ""})
    assert result.exit_code == ExitCode.INTERNAL_ERROR
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "internal error (ZeroDivisionError: division by zero)" in lines[0]
    assert "PAUSE_COST_DEBUG=1" in lines[0]


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def bug(*_: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("pause_cost.engine.estimate", bug)
    result = run("estimate", ROTHERHAM, env={"PAUSE_COST_DEBUG": "1"})
    assert result.exit_code == ExitCode.INTERNAL_ERROR
    assert "Traceback (most recent call last)" in result.stderr


def test_bad_format_is_a_usage_error() -> None:
    result = run("estimate", ROTHERHAM, "--format", "xml")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert "xml" in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    result = run("estimate", ROTHERHAM, "--colour")
    assert result.exit_code == ExitCode.USAGE


@pytest.mark.slow
def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    """`pause-cost estimate s.yaml -f json | head -c 10`: output far larger than a pipe holds."""
    many = [line(id=f"line-{index}", amount_gbp=index) for index in range(1500)]
    table_path = tmp_path / "big-table.yaml"
    table_path.write_text(
        dump_yaml({"name": "big-table", "title": "Many lines", "lines": many}),
        encoding="utf-8",
    )
    scenario_path = tmp_path / "s.yaml"
    scenario_path.write_text(
        dump_yaml(
            {
                "name": "big",
                "council": "Test",
                "cohort": {"women_open": 1, "birth_rate_per_woman_per_year": 0.5, "source": SOURCE},
                "unit_costs": ["big-table.yaml"],
            }
        ),
        encoding="utf-8",
    )
    with subprocess.Popen(
        [sys.executable, "-m", "pause_cost", "estimate", str(scenario_path), "-f", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        assert process.stdout.read(10) == b'{\n  "schem'
        process.stdout.close()
        error = process.stderr.read().decode()
        assert process.wait(timeout=60) == 0
    assert error == ""


@pytest.mark.slow
def test_python_dash_m_runs_the_same_cli() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pause_cost", "estimate", str(ROTHERHAM), "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == run("estimate", ROTHERHAM, "-f", "json").stdout


def test_init_writes_a_starter_that_estimates(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    result = run("init", target)
    assert result.exit_code == 0
    assert result.stderr == f"wrote {target}; edit it, then run: pause-cost estimate {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# A pause-cost scenario.")
    scenario = load_inputs(target).scenario
    assert scenario.cohort.women_open == 20
    assert run("estimate", target, "-f", "json").exit_code == 0


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("my work\n", encoding="utf-8")
    result = run("init", target)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == f"{target}: already exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "my work\n"
    assert run("init", target, "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") != "my work\n"


# One format option, and -o/--force, for every command.


def test_md_is_markdown_for_every_command() -> None:
    for arguments in (["estimate", ROTHERHAM], ["report", ROTHERHAM], ["tables", "list"]):
        markdown = run(*arguments, "-f", "markdown")
        assert markdown.exit_code == 0, markdown.stderr
        assert run(*arguments, "-f", "md").stdout == markdown.stdout


@pytest.mark.parametrize(("name", "kind"), [("x.xlsx", "a workbook"), ("x.html", "a page")])
def test_estimate_to_a_workbook_or_page_points_to_report(
    name: str, kind: str, tmp_path: Path
) -> None:
    target = tmp_path / name
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(f"pause-cost estimate does not write {kind} ({target});")
    assert "pause-cost report SCENARIO -o pack.xlsx" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_estimate_to_a_pdf_points_to_the_printable_page(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(f"pause-cost estimate does not write a PDF ({target});")
    assert "pack.html (a page that prints to PDF)" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_format_a_command_does_not_write_is_a_usage_error() -> None:
    result = run("report", ROTHERHAM, "-f", "csv")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == "pause-cost report does not write csv; it writes xlsx, html, markdown\n"


@pytest.mark.parametrize(
    "arguments",
    [
        ["tables", "list"],
        ["tables", "show", "care-journey-england"],
        ["tables", "validate", "care-journey-england"],
        ["schema", "estimate"],
        ["compare", "rotherham-2020-published", "care-journey-england"],
        ["report", str(ROTHERHAM)],
    ],
    ids=lambda arguments: " ".join(arguments[:2]),
)
def test_every_product_goes_to_a_file_in_the_format_its_extension_names(
    arguments: list[str], tmp_path: Path
) -> None:
    name = "out.md" if arguments[0] == "report" else "out.json"
    target = tmp_path / name
    result = run(*arguments, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"wrote {target}\n"
    flag = "markdown" if name == "out.md" else "json"
    assert target.read_text(encoding="utf-8") == run(*arguments, "-f", flag).stdout
    again = run(*arguments, "-o", target)
    assert again.exit_code == ExitCode.INVALID_INPUT
    assert again.stderr == f"{target}: already exists; use --force to overwrite it\n"
    assert run(*arguments, "-o", target, "--force").exit_code == 0


# Every error is JSON under -f json.


def json_error(result: Any) -> dict[str, Any]:
    """The one problem a run wrote to stderr, as one line of JSON."""
    (only,) = result.stderr.splitlines()
    (problem,) = json.loads(only)
    assert set(problem) == {"file", "line", "column", "key", "message"}
    assert result.stdout == ""
    found: dict[str, Any] = problem
    return found


def test_a_missing_file_under_json_is_json() -> None:
    result = run("estimate", "missing.yaml", "-f", "json")
    assert result.exit_code == ExitCode.USAGE
    problem = json_error(result)
    assert problem["key"] == "SCENARIO..."
    assert problem["message"] == "file 'missing.yaml' does not exist."


def test_a_bad_what_if_under_json_is_json() -> None:
    result = run("estimate", ROTHERHAM, "--set", "cohort.women_open", "-f", "json")
    assert result.exit_code == ExitCode.USAGE
    problem = json_error(result)
    assert problem["key"] == "--set"
    assert problem["message"].startswith("write a what-if as PATH=VALUE")


@pytest.mark.parametrize(
    "spelled", [["-f", "json"], ["--format=json"], ["-fjson"], ["-f", "jsonl"]]
)
def test_a_usage_error_typer_finds_is_json_however_json_is_asked(spelled: list[str]) -> None:
    result = run("estimate", ROTHERHAM, "--colour", *spelled)
    assert result.exit_code == ExitCode.USAGE
    assert json_error(result)["message"] == "No such option: --colour"


def test_an_output_error_and_a_bug_under_json_are_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "no-such-dir" / "out.json"
    result = run("estimate", ROTHERHAM, "-f", "json", "-o", missing)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert json_error(result)["message"] == f"{missing}: directory {missing.parent} does not exist"

    def bug(*_: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("pause_cost.engine.estimate", bug)
    crashed = run("estimate", ROTHERHAM, "-f", "json", env={"PAUSE_COST_DEBUG": ""})
    assert crashed.exit_code == ExitCode.INTERNAL_ERROR
    assert "internal error (ZeroDivisionError" in json_error(crashed)["message"]


def test_without_json_a_usage_error_is_typer_s_own_text() -> None:
    result = run("estimate", "missing.yaml")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for 'SCENARIO...': file 'missing.yaml' does not exist."
    )


# A stdout with no byte buffer (a notebook's, a captured one).

CAPTURED = """
import io, sys
sys.stdout = io.StringIO()
sys.argv = ["pause-cost", *sys.argv[1:]]
from pause_cost.__main__ import main
try:
    main()
    code = 0
except SystemExit as exit:
    code = exit.code
sys.__stdout__.write(f"{code}\\n{sys.stdout.getvalue()}")
"""


@pytest.mark.parametrize("output_format", ["json", "table"])
def test_main_writes_to_a_stdout_that_has_no_buffer(output_format: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", CAPTURED, "estimate", str(ROTHERHAM), "-f", output_format],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=60,
    )
    code, _, printed = completed.stdout.partition("\n")
    assert (code, completed.stderr) == ("0", "")
    if output_format == "json":
        assert printed == run("estimate", ROTHERHAM, "-f", "json").stdout
    else:
        assert "£2,088,480" in printed


def test_a_file_a_command_cannot_write_names_what_it_writes(tmp_path: Path) -> None:
    target = tmp_path / "schema.md"
    result = run("schema", "estimate", "-o", target)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        f"pause-cost schema does not write markdown ({target}); it writes json, jsonl\n"
    )
