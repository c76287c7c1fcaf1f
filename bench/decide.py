"""Deciding's speed and memory: EVPPI of five single inputs from 10^5 draws (target: under 5 s
of work), an options table of 6 options x 10^5 draws (under 10 s), and the peak memory of the
value of information and the Monte Carlo as the draws grow.

    python bench/decide.py

Work is CPU seconds of this process (time.process_time), so other load on the machine counts
less than in wall time; memory is tracemalloc's peak of Python and numpy allocations.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np

from pause_cost import api
from pause_cost.load.uncertainty import load_ranges

ROOT = Path(__file__).parents[1]
CLOSE = ROOT / "tests" / "data" / "decision-close.yaml"
MORE = """  - input: rotherham-2020-published/later-cashable.amount_gbp
    low: 7254.38
    high: 13472.42
    distribution: {kind: triangular, low: 7254.38, mode: 10363.40, high: 13472.42}
    assumption: A bench's judgement.
  - input: cohort.women_open
    low: 16
    high: 24
    distribution: {kind: discrete_uniform, low: 16, high: 24}
    assumption: A bench's judgement.
"""


def five_inputs(folder: Path) -> Path:
    path = folder / "five.yaml"
    path.write_text(CLOSE.read_text(encoding="utf-8") + MORE, encoding="utf-8")
    return path


def options(folder: Path, count: int) -> list[Path]:
    text = five_inputs(folder).read_text(encoding="utf-8")
    paths = []
    for index in range(count):
        path = folder / f"option-{index}.yaml"
        path.write_text(
            text.replace("name: decision-close", f"name: option-{index}"), encoding="utf-8"
        )
        paths.append(path)
    return paths


def work(action: object) -> float:
    start = time.process_time()
    action()  # type: ignore[operator]
    return time.process_time() - start


def peak(action: object) -> float:
    tracemalloc.start()
    action()  # type: ignore[operator]
    found = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return found / 1e6


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ranges = load_ranges(five_inputs(folder))
        seconds = work(lambda: api.voi(ranges, draws=100_000, seed=1))
        found = api.voi(ranges, draws=100_000, seed=1)
        print(
            f"EVPPI of {len(found.partial)} single inputs (and EVPI) from 100,000 draws: "
            f"{seconds:.2f} s of work (target < 5 s)"
        )
        paths = options(folder, 6)
        seconds = work(lambda: api.appraise(paths, draws=100_000, seed=1))
        print(f"options table, 6 options x 100,000 draws: {seconds:.2f} s of work (target < 10 s)")
        for draws in (10_000, 100_000, 1_000_000, 3_000_000):
            voi_mb = peak(lambda count=draws: api.voi(ranges, draws=count, seed=1))
            simulate_mb = peak(lambda count=draws: api.simulate(ranges, draws=count, seed=1))
            print(
                f"peak memory at {draws:>9,} draws: voi {voi_mb:7.1f} MB, "
                f"simulate {simulate_mb:7.1f} MB"
            )
    print(f"numpy {np.__version__}")


if __name__ == "__main__":
    main()
