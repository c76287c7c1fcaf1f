"""pause-cost's benchmarks, side by side in one run, each against the figure its target names.

    python bench/run.py [--runs N] [--only startup|throughput|large|montecarlo|report|case|decide]
                        [--no-bytecode-cache | --warm-bytecode-cache] [--large-runs N]
                        [--instructions]

1. Start-up (``startup.py``): CLI commands as subprocesses, interleaved rounds, medians, each
   as a ratio to ``python -c "import ..."`` of the libraries its target allows for.
2. Throughput (``throughput.py``): ``estimate()`` through the Python API in this process,
   estimates per second, uprated against not uprated on the same 1,000-line table.
3. Large inputs (``large.py``): estimate, ``tables validate`` and ``compare`` on a table just
   under the loader's 1,000,000-byte limit, in seconds and as a ratio to Rotherham's estimate.
4. Monte Carlo (``montecarlo.py``): 1,000,000 draws against numpy drawing the same numbers
   alone; peak memory of 10,000,000 draws against 1,000,000; cost per line-draw at 10, 100
   and 1,000 lines.
5. Committee pack (``report.py``): ``report`` as Markdown, HTML and a workbook beside
   ``estimate`` of the same scenario, as ratios.
6. The compiled case (``case.py``): a calendar estimate against none, break-even against an
   estimate, ``report --sensitivity`` against ``report``, a 101 x 101 grid and a practice of
   50 cohorts over 50 years.
7. Deciding (``decide.py``): EVPPI of five inputs from 10^5 draws, an options table of 6
   options x 10^5 draws beside their Monte Carlos alone, and the peak memory of ``voi`` and
   ``appraise`` as the draws grow.

Figures are only comparable within a run (the same machine, the same moment), so each is set
beside its baseline measured in the same rounds. Defaults finish in about two minutes on two
cores. Run from the repository's root; the helpers are this file's sibling modules.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time

import case
import decide
import large
import montecarlo
import report
import startup
import throughput
from common import CacheMode, machine_load, subprocess_environment

import pause_cost

SECTIONS = ("startup", "throughput", "large", "montecarlo", "report", "case", "decide")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line; the defaults are the run the targets are judged by."""
    parser = argparse.ArgumentParser(
        prog="python bench/run.py",
        description="Start-up, throughput and large-input benchmarks of pause-cost, "
        "each against the baseline its target names.",
    )
    parser.add_argument("--runs", type=int, default=15, help="start-up rounds (default 15)")
    parser.add_argument("--large-runs", type=int, default=3, help="large-input rounds (default 3)")
    parser.add_argument("--only", choices=SECTIONS, help="run one section only")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="start-up also in instructions executed, counted by valgrind (firm on a loaded "
        "machine; needs valgrind)",
    )
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="run every subprocess with PYTHONDONTWRITEBYTECODE=1 and an empty "
        "PYTHONPYCACHEPREFIX, so no bytecode cache is read or written (a first run, a "
        "read-only install)",
    )
    cache.add_argument(
        "--warm-bytecode-cache",
        action="store_true",
        help="run every subprocess with a temporary PYTHONPYCACHEPREFIX that the warm-up "
        "round fills, so every module's bytecode is cached (an installed package), "
        "without writing into the repository",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.large_runs < 1:
        parser.error("--runs and --large-runs must be at least 1")
    return args


def cores() -> str:
    """Cores seen and cores usable: a container may allow fewer than the machine has, and
    interleaved subprocesses compete for them."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return f"{os.cpu_count()} (usable by this process: {usable if usable is not None else '?'})"


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections and list whatever failed at the end, so nothing scrolls away."""
    args = parse_args(argv)
    mode = (
        CacheMode.NONE
        if args.no_bytecode_cache
        else CacheMode.WARM
        if args.warm_bytecode_cache
        else CacheMode.INHERIT
    )
    sections = [args.only] if args.only else list(SECTIONS)
    started = time.perf_counter()
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), {sys.executable}"
    )
    print(f"cores: {cores()}; {platform.platform()}")
    print(f"pause_cost {pause_cost.__version__} from {os.path.dirname(pause_cost.__file__)}")
    print(f"machine at start: {machine_load()}")
    failures: list[str] = []
    with subprocess_environment(mode) as environment:
        for line in environment.describe():
            print(line)
        if "startup" in sections:
            failures += startup.run(args.runs, environment)
            if args.instructions:
                failures += startup.run_instructions(environment)
        if "throughput" in sections:
            failures += throughput.run()
        if "large" in sections:
            failures += large.run(args.large_runs, environment)
        if "montecarlo" in sections:
            failures += montecarlo.run()
        if "report" in sections:
            failures += report.run(args.large_runs, environment)
        if "case" in sections:
            failures += case.run(args.large_runs, environment)
        if "decide" in sections:
            failures += decide.run()
        after = environment.check_after()
    print()
    if after:
        print(after)
    print(f"machine at end: {machine_load()}")
    print(f"total time: {time.perf_counter() - started:.0f} s")
    if failures:
        print("FAILED:")
        for failure in failures:
            print(f"  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
