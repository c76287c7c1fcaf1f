"""A region's Monte Carlo at national scale: ``pause-cost region --simulate`` over 151 councils.

Each council is ``scenarios/rotherham-2020-uncertain.yaml`` with its own women (10 to 39, so
each council's women are held and its birth rate and per-birth costs are drawn, shared with
every other council), written to a region file in a temporary folder; each run is the command
itself in a fresh process. Measured: the process's work (user + system CPU seconds of the
child) and its peak resident memory, for 20 and 151 councils at 10,000 and 100,000 draws:
flat means the larger runs peak no higher than about the smaller ones.

    python bench/region_scale.py                       # the four runs and the table
    python bench/region_scale.py --councils 151 --draws 1000000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "rotherham-2020-uncertain.yaml"


def region_file(folder: Path, councils: int) -> Path:
    councils_data = [
        {
            "name": f"Council {number:03d}",
            "scenario": str(SCENARIO),
            "women_open": 10 + number % 30,
            "women_source": {"document": "A count made up for a benchmark"},
        }
        for number in range(councils)
    ]
    path = folder / f"region-{councils}.yaml"
    data = {"name": "bench", "title": f"{councils} councils", "councils": councils_data}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def run(folder: Path, councils: int, draws: int) -> dict[str, float]:
    """The command in a fresh process: its work, wall time and peak resident memory."""
    wall = time.perf_counter()
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pause_cost",
            "region",
            str(region_file(folder, councils)),
            "--simulate",
            str(draws),
            "--seed",
            "1",
            "-f",
            "json",
            "-o",
            str(folder / "out.json"),
            "--force",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, used = os.wait4(child.pid, 0)  # this child's own use, not every child's
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - wall
    if child.returncode != 0:
        raise SystemExit(f"pause-cost region exited {child.returncode}")
    work = used.ru_utime + used.ru_stime
    return {
        "councils": councils,
        "draws": draws,
        "work_s": round(work, 2),
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(used.ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--councils", type=int)
    parser.add_argument("--draws", type=int, default=100_000)
    arguments = parser.parse_args()
    plan = (
        [(arguments.councils, arguments.draws)]
        if arguments.councils
        else [(20, 10_000), (20, 100_000), (151, 10_000), (151, 100_000)]
    )
    print("| councils | draws | work (CPU s) | wall (s) | peak resident (MB) |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for councils, draws in plan:
            found = run(Path(folder), councils, draws)
            print(
                f"| {councils} | {draws:,} | {found['work_s']} | {found['wall_s']} | "
                f"{found['peak_rss_mb']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
