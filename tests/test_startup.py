"""Start-up stays light: each command imports only what it uses (speed is in bench/, not here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, ROTHERHAM

PROBE = """
import sys
sys.argv = ["pause-cost", *{args!r}]
from pause_cost.__main__ import main
try:
    main()
except SystemExit:
    pass
watched = ("typer", "rich", "pydantic", "yaml", "numpy", "pause_cost.core.estimate",
           "pause_cost.model.indices", "pause_cost.model.extension", "pause_cost.render.document")
print(",".join(sorted(name for name in watched if name in sys.modules)), file=sys.stderr)
"""


def loaded_after(*args: str) -> set[str]:
    """The watched modules loaded by running the command, as the entry point runs it."""
    completed = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    last = completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else ""
    return set(filter(None, last.split(",")))


@pytest.mark.slow
def test_version_is_answered_before_typer_loads() -> None:
    assert loaded_after("--version") == set()


@pytest.mark.slow
def test_help_loads_neither_the_models_nor_the_engine() -> None:
    loaded = loaded_after("--help")
    assert "typer" in loaded
    assert not loaded & {"pause_cost.core.estimate", "yaml", "numpy"}


@pytest.mark.slow
def test_json_estimate_loads_neither_rich_nor_numpy() -> None:
    loaded = loaded_after("estimate", str(ROTHERHAM), "-f", "json")
    assert "pause_cost.core.estimate" in loaded
    assert not loaded & {"rich", "numpy"}


@pytest.mark.slow
def test_json_estimates_are_written_from_the_results_without_a_document() -> None:
    """JSON and JSON lines are the results' data: laying out a document is for the other
    formats, and loading its modules is start-up a script never uses."""
    for output_format in ("json", "jsonl"):
        loaded = loaded_after("estimate", str(ROTHERHAM), "-f", output_format)
        assert "pause_cost.core.estimate" in loaded
        assert "pause_cost.render.document" not in loaded
    assert "pause_cost.render.document" in loaded_after("estimate", str(ROTHERHAM), "-f", "md")


@pytest.mark.slow
def test_an_estimate_without_a_price_year_or_extension_builds_neither_model() -> None:
    loaded = loaded_after("estimate", str(ROTHERHAM))
    assert "rich" in loaded
    assert not loaded & {"numpy", "pause_cost.model.indices", "pause_cost.model.extension"}


def test_importing_the_package_loads_nothing_until_a_name_is_used() -> None:
    """`import pause_cost` is the version and a table of names: scripts and --version pay
    for nothing else; the API's first use loads what that command needs."""
    probe = (
        "import sys, pause_cost; names = pause_cost.__all__; "
        "print(','.join(sorted(m for m in ('typer', 'pydantic', 'yaml', 'numpy', "
        "'pause_cost.api', 'pause_cost.load.inputs') if m in sys.modules)))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert completed.stdout == "\n"


def test_the_entry_point_builds_only_the_command_it_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """typer builds every registered command's parameters before parsing; the entry point's
    app holds the one command named, and answers exactly as the whole app does."""
    monkeypatch.chdir(tmp_path)
    from typer.main import get_command
    from typer.testing import CliRunner

    from pause_cost.cli import app, app_for

    whole = get_command(app)
    names = sorted(whole.commands)  # type: ignore[attr-defined]
    assert {"estimate", "tables", "report"} <= set(names)
    for name in names:
        one = app_for([name, "--help"])
        assert sorted(get_command(one).commands) == [name]  # type: ignore[attr-defined]
        for args in ([name, "--help"], [name]):
            mine = CliRunner().invoke(one, args, prog_name="pause-cost")
            # `init` with no arguments writes ./scenario.yaml: each app starts without one.
            (tmp_path / "scenario.yaml").unlink(missing_ok=True)
            theirs = CliRunner().invoke(app, args, prog_name="pause-cost")
            (tmp_path / "scenario.yaml").unlink(missing_ok=True)
            assert (mine.exit_code, mine.stdout, mine.stderr) == (
                theirs.exit_code,
                theirs.stdout,
                theirs.stderr,
            )
    for others in ([], ["--help"], ["--version"], ["estimat"]):
        assert app_for(others) is app
