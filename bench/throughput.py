"""Estimates per second through the Python API, in this process, inputs loaded once.

Scripts in sustainability bids call ``estimate`` in loops (sensitivity runs, many cohorts), so
what matters there is the cost of one call once the files are read, not start-up. Uprating is
timed against the same table without it, so the ratio isolates the price-year work per line.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from common import ROTHERHAM, ROTHERHAM_BOTTOM_UP, print_table, ratio, rotated, verdict
from generate import UPRATE_TO, GeneratedTable, write_scenario, write_table

# Imported once here, not in the timed function, so no import look-up is timed with each call.
from pause_cost import Estimate, Inputs, estimate, load_inputs

LINES = 1_000
UPRATING_TARGET = 1.2  # uprated / un-uprated, per line: at most this
SECONDS_PER_CASE = 1.0
BATCH_SECONDS = 0.05
MIN_ROUNDS = 5  # a median needs a few rounds even when one case is slow


def load(path: Path) -> Inputs:
    """Read a scenario and all it names: the one place the benchmark loads through the API.

    If the API gains a compile step, it goes here (load and compile once, outside the timing).
    """
    return load_inputs(path)


def run_estimate(inputs: Inputs) -> Estimate:
    """One estimate from loaded inputs: the one call the throughput figures time."""
    return estimate(inputs)


@dataclass(frozen=True)
class Case:
    """A scenario to time, keyed (a)-(d) as the ratios name them."""

    key: str
    label: str
    path: Path


@dataclass
class Timed:
    """One case, loaded, with its batch size and the time per estimate in each round."""

    case: Case
    inputs: Inputs
    load_seconds: float
    calls_per_batch: int
    per_call: list[float] = field(default_factory=list)

    @property
    def lines(self) -> int:
        """Lines costed per estimate, after any ``extends`` is applied."""
        return sum(len(table.lines) for table in self.inputs.tables)

    @property
    def seconds_per_estimate(self) -> float:
        """The median round, so one interruption by the machine does not move the figure."""
        return statistics.median(self.per_call)


def _batch(inputs: Inputs, calls: int) -> float:
    """Seconds for ``calls`` estimates in a row."""
    started = time.perf_counter()
    for _ in range(calls):
        run_estimate(inputs)
    return time.perf_counter() - started


def prepare(case: Case) -> Timed:
    """Load a case (timed once, for reference) and size its batches.

    The first estimate is left out (it imports what the estimate needs on first use); a batch
    is as many calls as last ``BATCH_SECONDS``, so perf_counter's resolution and the loop's own
    cost are noise beside it.
    """
    started = time.perf_counter()
    inputs = load(case.path)
    load_seconds = time.perf_counter() - started
    run_estimate(inputs)
    calls = 1
    while _batch(inputs, calls) < BATCH_SECONDS:
        calls *= 2
    return Timed(case, inputs, load_seconds, calls)


def measure(timed: list[Timed], budget: float) -> None:
    """One batch of every case per round, order rotating, until about ``budget`` seconds.

    Interleaved like the start-up rounds: on a shared machine the load changes from second to
    second, and timing the cases one after another let it fall on one case and not another
    (the uprating ratio swung from 0.6x to 1.4x between runs that way).
    """
    spent = 0.0
    round_number = 0
    while spent < budget or round_number < MIN_ROUNDS:
        for one in rotated(timed, round_number):
            elapsed = _batch(one.inputs, one.calls_per_batch)
            one.per_call.append(elapsed / one.calls_per_batch)
            spent += elapsed
        round_number += 1


def paired_ratio(numerator: Timed, denominator: Timed) -> float:
    """Per-line time of one case over another's, the median over rounds of each round's
    ratio: both sides of a round ran under the same load, so the pairing cancels it."""
    scale = denominator.lines / numerator.lines
    return statistics.median(
        top / bottom * scale
        for top, bottom in zip(numerator.per_call, denominator.per_call, strict=True)
    )


def cases(directory: Path) -> tuple[list[Case], GeneratedTable]:
    """The four cases: Rotherham as published, Rotherham bottom-up (uprated), and a generated
    1,000-line table without and with a price year."""
    table = write_table(directory / "big.yaml", lines=LINES)
    plain = write_scenario(directory / "big-not-uprated.yaml", table.path.name, price_year=None)
    uprated = write_scenario(directory / "big-uprated.yaml", table.path.name, price_year=UPRATE_TO)
    return [
        Case("a", "rotherham-2020, not uprated", ROTHERHAM),
        Case("b", f"rotherham-2020-bottom-up, uprated to {UPRATE_TO}", ROTHERHAM_BOTTOM_UP),
        Case("c", f"generated {LINES:,} lines, not uprated", plain),
        Case("d", f"generated {LINES:,} lines, uprated to {UPRATE_TO}", uprated),
    ], table


def run() -> list[str]:
    """Measure and print the throughput section; return what failed, for the summary."""
    print("\n== Throughput: estimate() in this process, inputs loaded once, interleaved ==")
    failures: list[str] = []
    timed: list[Timed] = []
    with tempfile.TemporaryDirectory(prefix="pause-cost-bench-") as temporary:
        all_cases, table = cases(Path(temporary))
        cut = (
            f"; free text cut to {table.prose_cut_to} characters to stay under the input limit"
            if table.prose_cut_to is not None
            else ""
        )
        print(f"generated table: {table.lines:,} lines, {table.size_bytes:,} bytes{cut}")
        for case in all_cases:
            try:
                timed.append(prepare(case))
            except Exception as exc:  # report and go on: one broken case should not hide the rest
                failures.append(
                    f"throughput ({case.key}) {case.label}: {type(exc).__name__}: {exc}"
                )
                print(f"FAILED ({case.key}) {case.label}: {type(exc).__name__}: {str(exc)[:300]}")
    if not timed:
        return failures
    measure(timed, SECONDS_PER_CASE * len(timed))
    first = timed[0].seconds_per_estimate
    rows = [
        [
            f"({one.case.key}) {one.case.label}",
            str(one.lines),
            f"{one.load_seconds * 1000:.0f}",
            f"{one.seconds_per_estimate * 1000:.3f}",
            f"{1 / one.seconds_per_estimate:,.1f}",
            ratio(first, one.seconds_per_estimate),
            f"{one.seconds_per_estimate / one.lines * 1e6:.1f}",
        ]
        for one in timed
    ]
    print_table(
        ["case", "lines", "load ms", "ms/estimate", "estimates/s", "vs (a)", "us/line"], rows
    )
    print(f"{len(timed[0].per_call)} interleaved rounds; medians; load ms: one load_inputs()")
    by_key = {one.case.key: one for one in timed}
    comparisons = []
    for uprated, plain, target in (("b", "a", None), ("d", "c", UPRATING_TARGET)):
        if uprated not in by_key or plain not in by_key:
            continue
        value = paired_ratio(by_key[uprated], by_key[plain])
        comparisons.append(
            [
                f"({uprated}) / ({plain}) per line"
                + (" (same lines)" if target else " (different tables; for reference)"),
                f"{value:.2f}x",
                "-" if target is None else f"<= {target}x",
                verdict(None if target is None else value <= target),
            ]
        )
    if comparisons:
        print()
        print_table(["uprated / not uprated", "ratio", "target", "met"], comparisons)
    return failures
