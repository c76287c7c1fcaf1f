"""Start-up and estimate timings, as ratios to a bare interpreter measured in the same run.

    python bench/run.py [--runs N]

Each round runs every command once, in turn, so machine noise falls on all of them alike;
the figure reported is the median over rounds, and the ratio is to ``python -c pass``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROTHERHAM = str(REPO / "scenarios" / "rotherham-2020.yaml")
CLI = [sys.executable, "-m", "pause_cost"]

COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "pause-cost --version": [*CLI, "--version"],
    "pause-cost --help": [*CLI, "--help"],
    "estimate rotherham -f json": [*CLI, "estimate", ROTHERHAM, "-f", "json"],
    "estimate rotherham (table)": [*CLI, "estimate", ROTHERHAM],
}


def time_once(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=REPO
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds (default 15)")
    runs = parser.parse_args().runs
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # warm the file cache once
        time_once(command)
    for _ in range(runs):
        for name, command in COMMANDS.items():
            samples[name].append(time_once(command))
    baseline = statistics.median(samples["python -c pass"])
    print(f"{'command':<30} {'median ms':>10} {'x python -c pass':>17}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:<30} {median * 1000:>10.1f} {median / baseline:>17.1f}")
    print(f"({runs} interleaved rounds, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
