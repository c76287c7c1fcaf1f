"""Hostile and extreme sizes: each command's work (CPU seconds of the whole process, so a busy
machine's queue is not counted) against the most it may take.

    python bench/hostile.py [--runs 3]

Inputs are generated in a temporary folder: a 6,000-line table in YAML flow style (as scripts
write it) and the same in block style, a scenario with 60,000 unknown top-level keys, and a
practice at the documented bounds (1,000 practices x 1,000 women, 50 cohorts, 50-year horizon).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from common import CLI, REPO, run_timed

JOINT = REPO / "scenarios" / "rotherham-2021-joint-funding.yaml"
CALENDAR = REPO / "scenarios" / "rotherham-2020-uncertain.yaml"


def _table(lines: int) -> dict[str, Any]:
    """A table of short lines, as a script writing one from a spreadsheet might."""
    return {
        "name": "generated",
        "title": "Generated",
        "lines": [
            {
                "id": f"l{number}",
                "item": "I",
                "stage": "proceedings",
                "amount_gbp": 100,
                "unit": "u",
                "classification": "cashable",
                "agency": "C",
                "source": {"document": "D"},
                "price_year": "2016/17",
            }
            for number in range(lines)
        ],
    }


def inputs(folder: Path) -> list[tuple[str, tuple[str, ...], float, int]]:
    """Each command: its label, argv, the most CPU seconds it may take, and its exit code."""
    table = _table(6_000)
    flow = folder / "flow.yaml"
    flow.write_text(yaml.safe_dump(table, default_flow_style=True, width=4096, sort_keys=False))
    block = folder / "block.yaml"
    block.write_text(yaml.safe_dump(table, sort_keys=False))
    scenario = yaml.safe_load(JOINT.read_text(encoding="utf-8"))
    unknown = folder / "unknown.yaml"
    unknown.write_text(
        JOINT.read_text(encoding="utf-8") + "".join(f"k{n}: 1\n" for n in range(60_000))
    )
    scenario["name"] = "bounds"
    scenario["practice"].update(practices=1_000, capacity_women=1_000, cohorts=50)
    scenario["horizon_years"] = 50
    bounds = folder / "bounds.yaml"
    bounds.write_text(yaml.safe_dump(scenario, sort_keys=False))
    grid = ("--grid", "cohort.women_open=0:100:1", "--grid")
    return [
        (
            f"tables validate: 6,000 lines, flow style ({flow.stat().st_size:,} bytes)",
            (*CLI, "tables", "validate", str(flow)),
            1.5,
            0,
        ),
        (
            f"tables validate: 6,000 lines, block style ({block.stat().st_size:,} bytes)",
            (*CLI, "tables", "validate", str(block)),
            1.5,
            0,
        ),
        (
            "estimate: 60,000 unknown top-level keys (refused)",
            (*CLI, "estimate", str(unknown)),
            2.0,
            1,
        ),
        (
            "estimate: 1,000 practices x 1,000 women, 50 cohorts, 50 years",
            (*CLI, "estimate", str(bounds), "-f", "json"),
            5.0,
            0,
        ),
        (
            "sensitivity: a 101 x 101 grid on a calendar scenario",
            (
                *CLI,
                "sensitivity",
                str(CALENDAR),
                *grid,
                "programme_cost.total_gbp=0:1000000:10000",
                "-f",
                "json",
            ),
            5.0,
            0,
        ),
        (
            "simulate --outcome payback --draws 10,000,000 (refused)",
            (*CLI, "simulate", str(CALENDAR), "--outcome", "payback", "--draws", "10000000"),
            2.0,
            1,
        ),
        (
            "estimate --set cohort.women_open=1e999999999 (refused)",
            (*CLI, "estimate", str(JOINT), "--set", "cohort.women_open=1e999999999"),
            1.0,
            2,
        ),
    ]


def cpu_seconds(argv: tuple[str, ...], expected: int) -> float:
    """User + system seconds of one subprocess, which must exit as expected."""
    before = os.times()
    outcome = run_timed(argv, dict(os.environ))
    after = os.times()
    if outcome.returncode != expected:
        raise RuntimeError(f"{argv[3:]}: exit {outcome.returncode}: {outcome.stderr[-300:]}")
    return (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each command (median)")
    args = parser.parse_args(argv)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="pause-cost-bench-hostile-") as folder:
        commands = inputs(Path(folder))
        reference = (*CLI, "--version")
        start = statistics.median(cpu_seconds(reference, 0) for _ in range(args.runs))
        print(f"| command | CPU s (median of {args.runs}) | at most | met |")
        print("|---|---:|---:|---|")
        print(f"| pause-cost --version (start-up, for scale) | {start:.2f} | | |")
        for label, command, most, code in commands:
            seconds = statistics.median(cpu_seconds(command, code) for _ in range(args.runs))
            met = seconds <= most
            failed += not met
            print(f"| {label} | {seconds:.2f} | {most:g} | {'yes' if met else 'no'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
