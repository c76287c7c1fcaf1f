"""Same inputs, same bytes out, in any process: outputs do not depend on hash seeds.

Python randomises string hashing per process, so anything that iterates a set of strings
(price years, table names) could order an output differently from one run to the next; a test
inside one process cannot see that. These run the commands in a separate process for each of
several PYTHONHASHSEED values (every command in one process per seed, as the CLI's own runner
invokes it) and compare the bytes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

SEEDS = ("0", "1", "42", "4294967295")
COMMANDS = {
    "estimate-bottom-up-json": [
        "estimate",
        "scenarios/rotherham-2020-bottom-up.yaml",
        "-f",
        "json",
    ],
    "estimate-bottom-up-csv": ["estimate", "scenarios/rotherham-2020-bottom-up.yaml", "-f", "csv"],
    "estimate-bottom-up-markdown": [
        "estimate",
        "scenarios/rotherham-2020-bottom-up.yaml",
        "-f",
        "markdown",
    ],
    "compare-by-stage-json": [
        "compare",
        "rotherham-2020-published",
        "care-journey-england",
        "--by",
        "stage",
        "-f",
        "json",
    ],
    "tables-list-json": ["tables", "list", "-f", "json"],
}


RUN_ALL = """
import json, sys
from typer.testing import CliRunner
from pause_cost.cli import app
commands = json.loads(sys.argv[1])
runner = CliRunner()
printed = {}
for name, arguments in commands.items():
    result = runner.invoke(app, arguments, prog_name="pause-cost", catch_exceptions=False)
    assert result.exit_code == 0, (name, result.stderr)
    printed[name] = result.stdout
print(json.dumps(printed))
"""
"""Every command, in one process, its stdout by name as JSON."""


def outputs(seed: str) -> dict[str, str]:
    environment = {**os.environ, "PYTHONHASHSEED": seed, "COLUMNS": "80"}
    completed = subprocess.run(
        [sys.executable, "-c", RUN_ALL, json.dumps(COMMANDS)],
        capture_output=True,
        check=True,
        cwd=REPO,
        env=environment,
        timeout=120,
    )
    printed: dict[str, str] = json.loads(completed.stdout)
    return printed


@pytest.fixture(scope="module")
def by_seed() -> dict[str, dict[str, str]]:
    return {seed: outputs(seed) for seed in SEEDS}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_same_bytes_under_every_hash_seed(
    name: str, by_seed: dict[str, dict[str, str]]
) -> None:
    printed = {seed: found[name] for seed, found in by_seed.items()}
    assert printed["0"]
    assert all(value == printed["0"] for value in printed.values())
