"""docs/contracts.md shows real output: every '$ pause-cost ...' in its code blocks is run, and
what it prints must be what the page shows (compared word by word, so a table's widths and
wrapping, which follow the terminal, do not matter)."""

from __future__ import annotations

import shlex

import pytest

from tests.conftest import REPO, run

DOCS = (REPO / "docs" / "contracts.md").read_text(encoding="utf-8")


def _shown() -> list[tuple[str, str]]:
    """(command, what the page shows it printing), for every command in a code block."""
    found: list[tuple[str, str]] = []
    for block in DOCS.split("```")[1::2]:
        command: str | None = None
        lines: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ pause-cost "):
                if command is not None:
                    found.append((command, "\n".join(lines)))
                command, lines = line[len("$ pause-cost ") :], []
            elif command is not None:
                lines.append(line)
        if command is not None:
            found.append((command, "\n".join(lines)))
    return found


SHOWN = _shown()


def test_the_page_shows_commands() -> None:
    assert len(SHOWN) >= 8


@pytest.mark.parametrize(("command", "shown"), SHOWN, ids=[command for command, _ in SHOWN])
def test_each_command_prints_what_the_page_shows(command: str, shown: str) -> None:
    args = shlex.split(command)
    outcome = run(*args)
    assert (outcome.stdout + outcome.stderr).split() == shown.split()
