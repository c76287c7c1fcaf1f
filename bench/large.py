"""Commands on a table as large as the loader accepts (just under 1,000,000 bytes).

A council that builds its own table line by line, or a script that generates one, should still
get an answer in about the time a person waits without switching task; these figures show how
far the time grows with the input, beside the Rotherham estimate timed in the same rounds.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from common import (
    CLI,
    ROTHERHAM_ARG,
    Samples,
    SubprocessEnvironment,
    ms,
    print_table,
    ratio,
    rotated,
    run_timed,
    verdict,
)
from generate import INPUT_LIMIT_BYTES, write_scenario, write_table

REFERENCE = "estimate rotherham-2020 -f json"


@dataclass(frozen=True)
class Command:
    """A command to time and the most seconds it may take."""

    label: str
    argv: tuple[str, ...]
    target_seconds: float | None = None


def commands(directory: Path) -> tuple[list[Command], str]:
    """The large-input commands on files generated in ``directory``, with Rotherham first.

    The scenario is not uprated, like Rotherham's, so the two differ in the table's size.
    Paths are absolute: the commands run from the repository, the files live elsewhere.
    """
    table = write_table(directory / "big.yaml", max_bytes=INPUT_LIMIT_BYTES)
    copy = directory / "big2.yaml"
    shutil.copyfile(table.path, copy)
    scenario = write_scenario(directory / "big-scenario.yaml", table.path.name, price_year=None)
    described = f"BIG.yaml: {table.lines:,} lines, {table.size_bytes:,} bytes; BIG2.yaml a copy"
    return [
        Command(REFERENCE, (*CLI, "estimate", ROTHERHAM_ARG, "-f", "json")),
        Command(
            "estimate BIG scenario -f json", (*CLI, "estimate", str(scenario), "-f", "json"), 1.5
        ),
        Command("tables validate BIG.yaml", (*CLI, "tables", "validate", str(table.path)), 1.5),
        Command("compare BIG.yaml BIG2.yaml", (*CLI, "compare", str(table.path), str(copy)), 3.0),
    ], described


def measure(
    all_commands: list[Command], runs: int, environment: SubprocessEnvironment
) -> dict[str, Samples]:
    """Each command once per round, order rotating, after one untimed round of Rotherham only
    (the large files were just written, so they are in the page cache already)."""
    by_label = {command.label: command for command in all_commands}
    samples = {label: Samples() for label in by_label}
    run_timed(by_label[REFERENCE].argv, environment.variables)
    for round_number in range(runs):
        for label in rotated(list(by_label), round_number):
            samples[label].record(run_timed(by_label[label].argv, environment.variables))
    return samples


def run(runs: int, environment: SubprocessEnvironment) -> list[str]:
    """Measure and print the large-input section; return what failed, for the summary."""
    print(f"\n== Large inputs: subprocesses, {runs} interleaved rounds, medians ==")
    with tempfile.TemporaryDirectory(prefix="pause-cost-bench-large-") as temporary:
        all_commands, described = commands(Path(temporary))
        print(described)
        samples = measure(all_commands, runs, environment)
    reference = samples[REFERENCE].median
    rows = []
    failures = []
    for command in all_commands:
        sample = samples[command.label]
        median = sample.median
        met = None
        if command.target_seconds is not None and median is not None:
            met = median < command.target_seconds
        rows.append(
            [
                command.label,
                ms(median),
                ratio(median, reference) if command.label != REFERENCE else "1.00x",
                "-" if command.target_seconds is None else f"< {command.target_seconds} s",
                verdict(met) if sample.failure is None else "FAILED",
            ]
        )
        if sample.failure is not None:
            failures.append(f"large {command.label}: {sample.failure}")
    print_table(["command", "median ms", "x rotherham json", "target", "met"], rows)
    return failures
