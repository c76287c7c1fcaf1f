"""Same inputs, same bytes out, in any process: outputs do not depend on hash seeds.

Python randomises string hashing per process, so anything that iterates a set of strings
(price years, table names) could order an output differently from one run to the next; a test
inside one process cannot see that. These run the real command in separate processes under
several PYTHONHASHSEED values and compare the bytes.
"""

from __future__ import annotations

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


def output(arguments: list[str], seed: str) -> bytes:
    environment = {**os.environ, "PYTHONHASHSEED": seed, "COLUMNS": "80"}
    completed = subprocess.run(
        [sys.executable, "-m", "pause_cost", *arguments],
        capture_output=True,
        check=True,
        cwd=REPO,
        env=environment,
        timeout=60,
    )
    return completed.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_same_bytes_under_every_hash_seed(name: str) -> None:
    outputs = {seed: output(COMMANDS[name], seed) for seed in SEEDS}
    assert outputs["0"]
    assert all(value == outputs["0"] for value in outputs.values())
