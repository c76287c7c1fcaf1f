"""The README shows real commands with their real output, and documents every command."""

from __future__ import annotations

import re

import pytest

from pause_cost.cli import app
from pause_cost.exit_codes import ExitCode
from tests.conftest import REPO, run

README = (REPO / "README.md").read_text(encoding="utf-8")


CONSOLE_BLOCKS = re.findall(r"```console\n\$ (pause-cost [^\n]*)\n(.*?)```", README, re.DOTALL)


def stripped(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines()) + "\n"


def test_readme_shows_the_commands_users_run_first() -> None:
    shown = [command for command, _ in CONSOLE_BLOCKS]
    assert "pause-cost estimate scenarios/rotherham-2020.yaml" in shown
    assert "pause-cost estimate tests/data/invalid/several-mistakes.yaml" in shown


@pytest.mark.parametrize(("command", "output"), CONSOLE_BLOCKS, ids=[c for c, _ in CONSOLE_BLOCKS])
def test_readme_console_blocks_show_real_output(
    command: str, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the README shows under `$ pause-cost ...` is what that command prints (at 80 columns):
    its stdout when it succeeds, its stderr when it does not."""
    monkeypatch.chdir(REPO)
    result = run(*command.split()[1:], env={"COLUMNS": "80"})
    printed = result.stdout if result.exit_code == 0 else result.stderr
    assert stripped(printed) == output


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


def command_names() -> list[str]:
    """Every command, with its group: 'estimate', 'tables list', ..."""
    names = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    for group in app.registered_groups:
        assert group.typer_instance is not None
        names += [
            f"{group.name} {c.name or c.callback.__name__}"
            for c in group.typer_instance.registered_commands
            if c.callback
        ]
    return sorted(names)


@pytest.mark.parametrize("command", command_names())
def test_every_command_is_documented_and_has_help(command: str) -> None:
    assert f"`pause-cost {command}" in README
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: pause-cost {command}")
    assert len(result.stdout.splitlines()) > 3


def test_the_readme_states_every_import_contract_ci_holds() -> None:
    """The layout section names each contract of pyproject.toml, no more and no fewer."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = [contract["name"] for contract in config["tool"]["importlinter"]["contracts"]]
    block = README.split("<!-- import-contracts -->")[1].split("<!-- /import-contracts -->")[0]
    assert re.findall(r"^- \*\*(.+?)\*\*", block, re.MULTILINE) == contracts
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    named = [
        name.strip(" ()").removeprefix("pause_cost.")
        for layer in layers["layers"]
        for name in layer.split(":")
    ]
    assert re.findall(r"`(\w+)`", block) == named
