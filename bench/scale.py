"""A national sweep on one machine: 151 councils x 100,000 Monte Carlo draws each.

Each council is ``scenarios/rotherham-2020-uncertain.yaml`` (its ranges, tables and calendar)
run by the same Monte Carlo as ``pause-cost simulate``, with its own seed; the work per council
does not depend on its figures, so one scenario stands for every council. Only each council's
summary is kept, and the Monte Carlo works in chunks, so memory should stay flat as councils
and draws grow.

Target: 151 x 100,000 in under 60 s of work (CPU seconds of the process) on this machine.
Memory: the peak traced by ``tracemalloc`` (numpy reports its buffers to it) for 151 councils
x 100,000 draws against 20 x 100,000 and 151 x 10,000: flat means the larger runs peak no
higher than about the smaller ones.

    python bench/scale.py                 # the three runs and the table
    python bench/scale.py --councils 151 --draws 100000 --one   # one run, JSON
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from pause_cost.load.uncertainty import load_ranges
from pause_cost.uncertainty.montecarlo import simulate

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "rotherham-2020-uncertain.yaml"


def sweep(councils: int, draws: int) -> dict[str, float]:
    """Every council's Monte Carlo in turn; the work, the wall time and the traced peak."""
    ranges = load_ranges(SCENARIO)
    tracemalloc.start()
    work, wall = time.process_time(), time.perf_counter()
    kept = []
    for council in range(councils):
        summary = simulate(ranges, draws=draws, seed=council + 1)
        kept.append(summary.outcomes[0].mean)
    work, wall = time.process_time() - work, time.perf_counter() - wall
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "councils": councils,
        "draws": draws,
        "work_s": round(work, 2),
        "wall_s": round(wall, 2),
        "peak_mb": round(peak / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--councils", type=int, default=151)
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--one", action="store_true", help="one run in this process, as JSON")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(sweep(args.councils, args.draws)))
        return
    rows = []
    for councils, draws in ((20, 100_000), (151, 10_000), (151, 100_000)):
        done = subprocess.run(
            [sys.executable, __file__, "--one", "--councils", str(councils), "--draws", str(draws)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append(json.loads(done.stdout))
    print("| councils | draws each | work (CPU s) | wall (s) | traced peak (MB) |")
    print("|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['councils']} | {row['draws']:,} | {row['work_s']} | {row['wall_s']} | "
            f"{row['peak_mb']} |"
        )
    big = rows[-1]
    print(f"\n151 x 100,000 under 60 s of work: {'yes' if big['work_s'] < 60 else 'no'}")


if __name__ == "__main__":
    main()
