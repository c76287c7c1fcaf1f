"""The Monte Carlo's speed and memory, against numpy drawing the same random numbers alone.

1. Time: 1,000,000 draws of ``rotherham-2020-bottom-up`` with every line uncertain, as a ratio
   to the time numpy takes to draw the same random numbers (the same distributions, sizes and
   generator calls, in the same chunks) and nothing else, rounds interleaved in one run.
   Target: at most 1.5x.
2. Memory: the peak traced by ``tracemalloc`` (numpy reports its buffers to it) for 10,000,000
   draws against 1,000,000: working in chunks, the larger run must not peak higher.
3. Lines: 100,000 draws of generated tables of 10, 100 and 1,000 lines, every line uncertain,
   in microseconds per thousand line-draws: flat if the cost is linear in lines x draws.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from common import ROTHERHAM_BOTTOM_UP, print_table
from generate import write_scenario, write_table

from pause_cost.load.uncertainty import load_ranges
from pause_cost.uncertainty import sampling
from pause_cost.uncertainty.montecarlo import Compiled, chunk_size, compile_for_draws, run_draws

DRAWS = 1_000_000
LINE_DRAWS = 100_000
TIME_TARGET = 1.5
ROUNDS = 3
SEED = 2020


def with_every_line_uncertain(scenario: Path, folder: Path) -> Path:
    """A copy of the scenario with each line's quantity drawn from a PERT 20% either side.

    The quantity is the one field every line has a value for (a statutory fee's amount is
    not varied); judgements, for a benchmark only.
    """
    from pause_cost.load.inputs import load_inputs

    inputs = load_inputs(scenario)
    data: dict[str, Any] = yaml.safe_load(scenario.read_text(encoding="utf-8"))
    data["unit_costs"] = [
        reference if "/" not in reference else str((scenario.parent / reference).resolve())
        for reference in data["unit_costs"]
    ]
    uncertain = []
    for table in inputs.tables:
        for line in table.lines:
            quantity = float(line.quantity_per_child)
            if quantity <= 0:
                continue
            low, high = quantity * 0.8, quantity * 1.2
            uncertain.append(
                {
                    "input": f"{table.name}/{line.id}.quantity_per_child",
                    "low": low,
                    "high": high,
                    "distribution": {"kind": "pert", "low": low, "mode": quantity, "high": high},
                    "assumption": "benchmark",
                }
            )
    data["uncertainty"] = uncertain
    data.pop("published", None)
    path = folder / f"{scenario.stem}-uncertain.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def draw_only(compiled: Compiled, draws: int, seed: int) -> None:
    """numpy drawing what the run draws, in the same chunks, and nothing else."""
    generator = np.random.default_rng(seed)
    done = 0
    while done < draws:
        size = min(chunk_size(compiled), draws - done)
        for drawn in compiled.drawn:
            sampling.draw(drawn.distribution, generator, size)
        done += size


def timed(action: Any) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def peak_bytes(compiled: Compiled, draws: int) -> int:
    tracemalloc.start()
    run_draws(compiled, draws, SEED)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def run(*, memory: bool = True) -> list[str]:
    failures: list[str] = []
    print()
    print("Monte Carlo")
    with tempfile.TemporaryDirectory() as folder:
        path = with_every_line_uncertain(ROTHERHAM_BOTTOM_UP, Path(folder))
        compiled = compile_for_draws(load_ranges(path))
        print(f"rotherham-2020-bottom-up: {len(compiled.drawn)} lines uncertain, {DRAWS:,} draws")
        full, alone = [], []
        for _ in range(ROUNDS):
            alone.append(timed(lambda: draw_only(compiled, DRAWS, SEED)))
            full.append(timed(lambda: run_draws(compiled, DRAWS, SEED)))
        ratio = statistics.median(full) / statistics.median(alone)
        verdict = "met" if ratio <= TIME_TARGET else "NOT met"
        print_table(
            ["case", "median s", "ratio"],
            [
                ["numpy draws alone", f"{statistics.median(alone):.2f}", "1.00"],
                ["simulate (draws + formula)", f"{statistics.median(full):.2f}", f"{ratio:.2f}"],
            ],
        )
        print(f"target: at most {TIME_TARGET}x numpy's draws alone: {verdict}")
        if ratio > TIME_TARGET:
            failures.append(f"Monte Carlo time {ratio:.2f}x > {TIME_TARGET}x")
        if memory:
            small, large = peak_bytes(compiled, DRAWS), peak_bytes(compiled, 10 * DRAWS)
            print_table(
                ["draws", "peak traced MB"],
                [[f"{DRAWS:,}", f"{small / 1e6:.1f}"], [f"{10 * DRAWS:,}", f"{large / 1e6:.1f}"]],
            )
            ok = large <= small
            said = "met" if ok else "NOT met"
            print(f"target: 10,000,000 draws peak no higher than 1,000,000: {said}")
            if not ok:
                failures.append("Monte Carlo memory grows with draws")
        rows = []
        for lines in (10, 100, 1_000):
            table = write_table(Path(folder) / f"lines-{lines}.yaml", lines=lines)
            scenario = write_scenario(
                Path(folder) / f"scenario-{lines}.yaml", table.path.name, price_year=None
            )
            uncertain = with_every_line_uncertain(scenario, Path(folder))
            many = compile_for_draws(load_ranges(uncertain))
            seconds = min(
                timed(lambda many=many: run_draws(many, LINE_DRAWS, SEED)) for _ in range(2)
            )
            per = seconds / (len(many.drawn) * LINE_DRAWS) * 1e9
            rows.append([str(lines), str(len(many.drawn)), f"{seconds:.2f}", f"{per:.1f}"])
        headers = ["table lines", "uncertain", "s for 100,000 draws", "us per 1,000 line-draws"]
        print_table(headers, rows)
    return failures


if __name__ == "__main__":
    import sys

    sys.exit(1 if run() else 0)
