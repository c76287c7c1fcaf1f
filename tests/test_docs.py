"""The README shows real commands with their real output, and documents every command."""

from __future__ import annotations

import re

import pytest

from pause_cost.cli import app
from pause_cost.exit_codes import ExitCode
from tests.conftest import REPO, run

README = (REPO / "README.md").read_text(encoding="utf-8")


def console_block(command: str) -> str:
    """The output shown under `$ command` in the README's console blocks."""
    pattern = re.compile(r"```console\n\$ " + re.escape(command) + r"\n(.*?)```", re.DOTALL)
    match = pattern.search(README)
    assert match is not None, f"README shows no output for {command!r}"
    return match.group(1)


def stripped(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines()) + "\n"


def test_readme_shows_the_real_rotherham_output() -> None:
    result = run("estimate", "scenarios/rotherham-2020.yaml", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    assert stripped(result.stdout) == console_block(
        "pause-cost estimate scenarios/rotherham-2020.yaml"
    )


def test_readme_shows_the_real_error_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    command = "pause-cost estimate tests/data/invalid/several-mistakes.yaml"
    result = run(*command.split()[1:])
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert stripped(result.stderr) == console_block(command)


def test_readme_exit_code_table_matches_the_code() -> None:
    section = README.split("## Errors and exit codes", 1)[1]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", section, re.MULTILINE)}
    assert documented == {int(code) for code in ExitCode}


def test_readme_quick_start_is_two_marked_commands() -> None:
    for marker in ("install", "test"):
        assert f"<!-- quickstart:{marker} -->\n```bash\n" in README
    assert (
        "pause-cost estimate scenarios/rotherham-2020.yaml"
        in README.split("<!-- quickstart:install -->")[1].split("```")[1]
    )


COMMANDS = sorted(
    command.name or command.callback.__name__
    for command in app.registered_commands
    if command.callback is not None
)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_and_has_help(command: str) -> None:
    assert f"`pause-cost {command}" in README
    result = run(command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: pause-cost {command}")
    assert len(result.stdout.splitlines()) > 3
