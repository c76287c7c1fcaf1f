"""Start-up of CLI commands, each as a ratio to the bare imports its target is set against.

A command can never start faster than the libraries it must load, so each target compares it
with a ``python -c "import ..."`` of exactly those libraries, timed in the same rounds: the
ratio is then what the package itself adds, and it holds on a slow or a fast machine alike.
``python -c pass`` is kept as the floor all of them share. ``estimate -f json`` is held to
the floor app (``floor_app.py``, typer parsing its arguments and nothing else), since typer
0.29 alone is about 1.5x its bare imports.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from common import (
    CLI,
    REPO,
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


@dataclass(frozen=True)
class Command:
    """A command to time, what it is measured against, and the highest ratio allowed."""

    label: str
    argv: tuple[str, ...]
    baseline: str | None = None
    target: float | None = None


PASS = "python -c pass"
FLOOR = "floor: one-command typer app"
FLOOR_APP = Path(__file__).resolve().parent / "floor_app.py"
BASELINES = {
    "A": "import typer",
    "B": "import typer, pydantic, yaml, rich",
    "C": "import typer, pydantic, yaml, rich, rich.console, rich.table",
}


def _python(code: str) -> tuple[str, ...]:
    """The interpreter running ``code``: the same binary as the CLI runs under."""
    return (sys.executable, "-c", code)


COMMANDS = [
    Command(PASS, _python("pass")),
    *(Command(f"baseline {key}", _python(code)) for key, code in BASELINES.items()),
    Command(
        FLOOR,
        (sys.executable, str(FLOOR_APP), "estimate", ROTHERHAM_ARG, "-f", "json"),
        "baseline B",
    ),
    Command("pause-cost --version", (*CLI, "--version"), "baseline A", 1.0),
    Command("pause-cost --help", (*CLI, "--help"), "baseline A"),
    Command(
        "estimate rotherham-2020 -f json",
        (*CLI, "estimate", ROTHERHAM_ARG, "-f", "json"),
        FLOOR,
        1.25,
    ),
    Command(
        "estimate rotherham-2020 (table)", (*CLI, "estimate", ROTHERHAM_ARG), "baseline C", 1.6
    ),
]


def measure(runs: int, environment: SubprocessEnvironment) -> dict[str, Samples]:
    """Every command once per round, in a rotating order, after one untimed warm-up round.

    Interleaving spreads the machine's slow moments over all commands alike, so a ratio
    compares like with like; the warm-up loads the page cache (and, when one is wanted, the
    bytecode cache) so the first timed round is not an outlier.
    """
    by_label = {command.label: command for command in COMMANDS}
    samples = {label: Samples() for label in by_label}
    for command in COMMANDS:
        run_timed(command.argv, environment.variables)
    for round_number in range(runs):
        for label in rotated(list(by_label), round_number):
            samples[label].record(run_timed(by_label[label].argv, environment.variables))
    return samples


def run(runs: int, environment: SubprocessEnvironment) -> list[str]:
    """Measure and print the start-up section; return what failed, for the summary."""
    print(f"\n== Start-up: subprocesses, {runs} interleaved rounds, medians ==")
    samples = measure(runs, environment)
    medians = {label: sample.median for label, sample in samples.items()}
    rows = []
    failures = []
    for command in COMMANDS:
        sample = samples[command.label]
        median = medians[command.label]
        spread = sample.spread
        base = medians[command.baseline] if command.baseline else None
        met = None
        if command.target is not None and median is not None and base:
            met = median / base <= command.target
        rows.append(
            [
                command.label,
                ms(median),
                "-" if spread is None else f"{ms(spread[0])}-{ms(spread[1])}",
                ratio(median, medians[PASS]),
                (command.baseline or "-").removeprefix("baseline ").partition(":")[0],
                ratio(median, base) if command.baseline else "-",
                "-" if command.target is None else f"<= {command.target}x",
                verdict(met) if sample.failure is None else "FAILED",
            ]
        )
        if sample.failure is not None:
            failures.append(f"start-up {command.label}: {sample.failure}")
    print_table(["command", "median ms", "IQR ms", "x pass", "vs", "ratio", "target", "met"], rows)
    for key, code in BASELINES.items():
        print(f'baseline {key}: python -c "{code}"')
    print("floor: bench/floor_app.py, typer parsing estimate's arguments and nothing else;")
    print("  estimate -f json is held to it: the floor is what typer alone costs that command")
    print("pause-cost: python -m pause_cost ..., run from the repository's root")
    print("IQR: the middle half of the rounds, to judge how firm a ratio near its target is.")
    return failures


def instructions(argv: tuple[str, ...], environment: SubprocessEnvironment) -> int:
    """Instructions one run executes in user space, counted by valgrind's callgrind: the same
    figure on a quiet or a loaded machine, so a ratio of two is firm where wall-clock is not
    (it weighs every instruction alike: cache misses and system calls are not in it)."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=dict(environment.variables),
        check=False,
    )
    found = re.search(rb"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"{' '.join(argv)}: {done.stderr.decode(errors='replace')[-400:]}")
    return int(found.group(1))


def run_instructions(environment: SubprocessEnvironment) -> list[str]:
    """The start-up table again, in instructions executed (one run each after a warm-up, since
    the count does not vary with load)."""
    print("\n== Start-up: instructions executed (valgrind callgrind), one run each ==")
    if shutil.which("valgrind") is None:
        return ["start-up instructions: valgrind is not installed (Debian package valgrind)"]
    for command in COMMANDS:
        run_timed(command.argv, environment.variables)
    counts = {command.label: instructions(command.argv, environment) for command in COMMANDS}
    rows, failures = [], []
    for command in COMMANDS:
        count = counts[command.label]
        base = counts[command.baseline] if command.baseline else None
        met = None if command.target is None or base is None else count / base <= command.target
        rows.append(
            [
                command.label,
                f"{count / 1e6:,.0f}",
                f"{count / counts[PASS]:.2f}x",
                (command.baseline or "-").removeprefix("baseline ").partition(":")[0],
                f"{count / base:.2f}x" if base else "-",
                "-" if command.target is None else f"<= {command.target}x",
                verdict(met),
            ]
        )
        if met is False:
            failures.append(f"start-up {command.label} (instructions): {count / base:.2f}x")
    print_table(["command", "M instructions", "x pass", "vs", "ratio", "target", "met"], rows)
    return failures
