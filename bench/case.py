"""The compiled case's speed targets, each beside its baseline measured in the same rounds.

1. A calendar estimate against the same scenario without a calendar, in this process
   (``rotherham-2020-calendar`` with and without its cohort's start): at most 2x.
2. ``breakeven`` of ``rotherham-2020-uncertain`` against ``estimate`` of it, as whole
   processes (interleaved rounds, medians): at most 3x.
3. ``report --sensitivity`` against ``report`` of the same scenario, as processes: at most 1.5x.
4. A 101 x 101 ``sensitivity --grid`` and a practice of 50 cohorts over 50 years, each as the
   CPU seconds of its process (user + system, so a busy machine's waiting is not counted):
   each under 3 s.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from common import CLI, REPO, Samples, SubprocessEnvironment, print_table, rotated, run_timed

from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs

UNCERTAIN = REPO / "scenarios" / "rotherham-2020-uncertain.yaml"
CALENDAR = REPO / "scenarios" / "rotherham-2020-calendar.yaml"
JOINT = REPO / "scenarios" / "rotherham-2021-joint-funding.yaml"
GRID = (
    "--grid",
    "cohort.women_open=0:100:1",
    "--grid",
    "cohort.birth_rate_per_woman_per_year=0:1:0.01",
)
TARGETS = {"calendar": 2.0, "breakeven": 3.0, "sensitivity": 1.5, "grid": 3.0, "practice": 3.0}


def calendar_ratio(rounds: int = 15, batch: int = 200) -> tuple[float, float]:
    """Per-estimate seconds with and without the calendar: the fastest of interleaved
    batches (the least disturbed by the rest of the machine)."""
    inputs = load_inputs(CALENDAR)
    scenario = inputs.scenario
    assert scenario.cohort is not None
    without = inputs._replace(
        scenario=scenario.model_copy(
            update={"cohort": scenario.cohort.model_copy(update={"start": None})}
        )
    )
    timed: dict[str, list[float]] = {"calendar": [], "none": []}
    for round_number in range(rounds):
        for label in rotated(["calendar", "none"], round_number):
            chosen = inputs if label == "calendar" else without
            started = time.perf_counter()
            for _ in range(batch):
                estimate(*chosen)
            timed[label].append((time.perf_counter() - started) / batch)
    return min(timed["calendar"]), min(timed["none"])


def practice_scenario(folder: Path) -> Path:
    """Rotherham's joint-funding practice run for 50 cohorts, costed over 50 years."""
    data: dict[str, Any] = yaml.safe_load(JOINT.read_text(encoding="utf-8"))
    data["name"] = "practice-50-cohorts-50-years"
    data["practice"]["cohorts"] = 50
    data["horizon_years"] = 50
    path = folder / "practice.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def cpu_seconds(argv: tuple[str, ...], environment: SubprocessEnvironment) -> float:
    """User + system seconds of one subprocess (its work, not the machine's queue)."""
    before = os.times()
    outcome = run_timed(argv, environment.variables)
    after = os.times()
    if outcome.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)}: exit {outcome.returncode}: {outcome.stderr[-300:]}")
    return (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def run(runs: int, environment: SubprocessEnvironment) -> list[str]:
    print(f"\n== The compiled case: in-process and subprocesses, {runs} interleaved rounds ==")
    failures: list[str] = []
    calendar, plain = calendar_ratio()
    rows = [
        [
            "estimate, calendar / none (in-process, ms)",
            f"{calendar * 1000:.3f} / {plain * 1000:.3f}",
            f"{calendar / plain:.2f}x",
            f"<= {TARGETS['calendar']}x",
        ]
    ]
    ratios = {"calendar": calendar / plain}
    with tempfile.TemporaryDirectory(prefix="pause-cost-bench-case-") as temporary:
        folder = Path(temporary)
        commands = {
            "estimate": (*CLI, "estimate", str(UNCERTAIN), "-f", "json"),
            "breakeven": (*CLI, "breakeven", str(UNCERTAIN), "-f", "json"),
            "report": (*CLI, "report", str(UNCERTAIN), "-o", str(folder / "a.md"), "--force"),
            "report --sensitivity": (
                *CLI,
                "report",
                str(UNCERTAIN),
                "--sensitivity",
                "-o",
                str(folder / "b.md"),
                "--force",
            ),
        }
        samples = {label: Samples() for label in commands}
        for label in commands:  # one untimed round: files written once, caches warm
            run_timed(commands[label], environment.variables)
        for round_number in range(runs):
            for label in rotated(list(commands), round_number):
                samples[label].record(run_timed(commands[label], environment.variables))
        for label, sample in samples.items():
            if sample.failure is not None:
                failures.append(f"case {label}: {sample.failure}")
        medians = {label: sample.median for label, sample in samples.items()}
        for name, (over, under) in {
            "breakeven": ("breakeven", "estimate"),
            "sensitivity": ("report --sensitivity", "report"),
        }.items():
            top, bottom = medians[over], medians[under]
            ratio = top / bottom if top and bottom else float("inf")
            ratios[name] = ratio
            rows.append(
                [
                    f"{over} / {under} (processes, median ms)",
                    f"{(top or 0) * 1000:.0f} / {(bottom or 0) * 1000:.0f}",
                    f"{ratio:.2f}x",
                    f"<= {TARGETS[name]}x",
                ]
            )
        grid = (*CLI, "sensitivity", str(UNCERTAIN), *GRID, "-f", "json")
        practice = (*CLI, "estimate", str(practice_scenario(folder)), "-f", "json")
        for name, argv, what in (
            ("grid", grid, "sensitivity --grid 101 x 101 (CPU s)"),
            ("practice", practice, "practice 50 cohorts x 50 years (CPU s)"),
        ):
            seconds = statistics.median(cpu_seconds(argv, environment) for _ in range(3))
            ratios[name] = seconds
            rows.append([what, f"{seconds:.2f}", "-", f"< {TARGETS[name]} s"])
    print_table(["measure", "figures", "ratio", "target"], rows)
    for name, value in ratios.items():
        met = value < TARGETS[name] if name in ("grid", "practice") else value <= TARGETS[name]
        print(f"target {name}: {'met' if met else 'NOT met'}")
        if not met:
            failures.append(f"case {name}: {value:.2f} against {TARGETS[name]}")
    return failures
