"""Deciding's speed and memory, against the targets of issue 23.

1. EVPPI of five single inputs (and EVPI) from 10^5 draws: under 5 s of work.
2. An options table of 6 options x 10^5 draws (each option's P(NPV > 0), switching values,
   EVPI and the EVPPI of each of the five drawn inputs, from joint draws): under 10 s; beside
   it, the six options' Monte Carlos alone (``simulate`` on each), the part that is not the
   value of information, and the same table with two groups' EVPPI as well.
3. Memory flat as the draws grow: the peak traced (tracemalloc: Python's and numpy's
   allocations) of ``voi`` and of a two-option ``appraise`` at 10^4 to 3 x 10^6 draws; the
   value of information holds one chunk (per option) whatever the draws, so 3 x 10^6 must
   peak no higher than 10^6. (``simulate``, which ``appraise`` runs for each option's
   P(NPV > 0), keeps every draw up to 10^6 for exact percentiles, then a fixed histogram.)

    python bench/decide.py          (or python bench/run.py --only decide)

Work is CPU seconds of this process (time.process_time), so other load on the machine counts
less than in wall time.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from common import print_table, verdict

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


GROUPS = [
    ["cohort.birth_rate_per_woman_per_year", "programme_cost.total_gbp"],
    ["rotherham-2020-published/later-cashable.amount_gbp", "cohort.women_open"],
]
MEMORY_DRAWS = (10_000, 100_000, 1_000_000, 3_000_000)


def run(*, memory: bool = True) -> list[str]:
    """Print the section's tables; return what missed its target."""
    failures: list[str] = []
    print()
    print("Deciding (value of information, options)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ranges = load_ranges(five_inputs(folder))
        paths = options(folder, 6)
        found = api.voi(ranges, draws=100_000, seed=1)
        voi_s = work(lambda: api.voi(ranges, draws=100_000, seed=1))
        alone_s = work(
            lambda: [api.simulate(path, draws=100_000, seed=1, outcome="npv") for path in paths]
        )
        table_s = work(lambda: api.appraise(paths, draws=100_000, seed=1))
        groups_s = work(
            lambda: api.appraise(
                paths,
                draws=100_000,
                seed=1,
                groups=[[each] for each in (row.inputs[0] for row in found.partial)] + GROUPS,
            )
        )
        rows = [
            [f"voi: EVPI + EVPPI of {len(found.partial)} single inputs, 10^5 draws", voi_s, 5.0],
            ["6 options' Monte Carlos alone (simulate x 6, 10^5 draws)", alone_s, None],
            ["appraise: 6 options x 10^5 draws, EVPI + 5 EVPPIs", table_s, 10.0],
            ["the same, and 2 groups' EVPPI (10 terms each)", groups_s, None],
        ]
        print_table(
            ["case", "CPU s", "target s", "met"],
            [
                [
                    label,
                    f"{seconds:.2f}",
                    "-" if target is None else f"< {target:.0f}",
                    verdict(None if target is None else seconds < target),
                ]
                for label, seconds, target in rows
            ],
        )
        failures += [
            f"{label}: {seconds:.2f} s >= {target} s"
            for label, seconds, target in rows
            if target is not None and seconds >= target
        ]
        if memory:
            pair = paths[:2]
            peaks = [
                (
                    draws,
                    peak(lambda count=draws: api.voi(ranges, draws=count, seed=1)),
                    peak(lambda count=draws: api.appraise(pair, draws=count, seed=1)),
                )
                for draws in MEMORY_DRAWS
            ]
            print_table(
                ["draws", "voi peak MB", "appraise (2 options) peak MB"],
                [[f"{draws:,}", f"{one:.1f}", f"{two:.1f}"] for draws, one, two in peaks],
            )
            ok = all(peaks[-1][index] <= peaks[-2][index] * 1.05 for index in (1, 2))
            print(f"target: 3,000,000 draws peak no higher than 1,000,000: {verdict(ok)}")
            if not ok:
                failures.append("deciding's memory grows with draws")
    print(f"numpy {np.__version__}")
    return failures


if __name__ == "__main__":
    import sys

    sys.exit(1 if run() else 0)
