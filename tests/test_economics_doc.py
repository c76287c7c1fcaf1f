"""docs/economics.md shows real output: each console block's lines appear, in order and
together, in what its command prints at 80 columns (a block may be an excerpt)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO, run

DOC = (REPO / "docs" / "economics.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n\$ (pause-cost [^\n]*)\n(.*?)```", DOC, re.DOTALL)


def test_the_doc_has_blocks() -> None:
    assert BLOCKS


@pytest.mark.parametrize(
    ("command", "excerpt"), BLOCKS, ids=[f"{i}: {c}" for i, (c, _) in enumerate(BLOCKS)]
)
def test_each_block_is_an_excerpt_of_the_real_output(
    command: str, excerpt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = run(*command.split()[1:], env={"COLUMNS": "80"})
    printed = result.stdout if result.exit_code == 0 else result.stderr
    lines = "\n".join(line.rstrip() for line in printed.splitlines())
    assert excerpt.rstrip("\n") in lines
