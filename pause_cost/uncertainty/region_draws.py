"""A region's Monte Carlo: every council's compiled case run on the same draws, the region's
total added draw by draw.

Each council is its scenario's ranges with the council's own figures in place: an input the
region sets for a council (its women, an override) is held at that figure, not drawn. The
draws are shared: an input every council takes from the same range and distribution (the
same table line, the same stand-in birth rate) is drawn once a draw and given to each of them,
since it is one uncertain figure, not a figure per council; an input whose range or
distribution differs between councils is drawn for each. Councils are evaluated chunk by
chunk with the compiled case's arrays evaluator (:func:`~pause_cost.uncertainty.draws.
evaluate_chunk`), so memory stays flat as draws grow. It holds no formula of the case.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from pause_cost.model.inputs import Inputs
from pause_cost.model.ranges import Ranges
from pause_cost.results.region import (
    CouncilSpread,
    RegionDriver,
    RegionOutcome,
    RegionResult,
    RegionSimulation,
)
from pause_cost.uncertainty import honest, sampling
from pause_cost.uncertainty.draws import (
    Array,
    Compiled,
    SimulationError,
    chunk_size,
    compile_for_draws,
    correlated,
    evaluate_chunk,
)
from pause_cost.uncertainty.judged import range_of
from pause_cost.uncertainty.statistics import RETAINED, Moments, Run, histogram, percentile
from pause_cost.uncertainty.whatif import apply

REPORTED = ("immediate_total", "horizon_total", "horizon_cashable", "net")
REGION_ELEMENTS = 2_000_000
"""Draws x councils evaluated at a time: a region of many councils takes smaller chunks, so
memory stays flat as councils grow (a region of a few councils takes simulate's chunks)."""
COUNCIL_BINS = 1 << 14
"""A council's part is summarised from a histogram of this many bins, not from every draw, so
memory does not grow with councils x draws: its P5 and P95 are within 9/16,384 of the first
chunk's spread (about 0.05%) of the exact order statistics."""


@dataclass
class _Coarse:
    """One council's draws of the judged outcome, counted into bins fixed by the first chunk's
    spread widened fourfold each way (a draw beyond them is counted in the end bin)."""

    low: float = 0.0
    high: float = 0.0
    counts: np.ndarray | None = None
    least: float = math.inf
    greatest: float = -math.inf

    def add(self, values: Array) -> None:
        if self.counts is None:
            low, high = float(values.min()), float(values.max())
            span = high - low or max(abs(low), 1.0)
            self.low, self.high = low - 4 * span, high + 4 * span
            self.counts = np.zeros(COUNCIL_BINS, dtype=np.int64)
        self.least = min(self.least, float(values.min()))
        self.greatest = max(self.greatest, float(values.max()))
        scaled = (values - self.low) / (self.high - self.low) * COUNCIL_BINS
        bins = np.clip(scaled.astype(np.int64), 0, COUNCIL_BINS - 1)
        self.counts += np.bincount(bins, minlength=COUNCIL_BINS)

    def percentile(self, probability: float) -> float:
        assert self.counts is not None
        cumulative = np.cumsum(self.counts)
        index = int(np.searchsorted(cumulative, probability * (cumulative[-1] - 1), side="right"))
        middle = self.low + (index + 0.5) * (self.high - self.low) / COUNCIL_BINS
        return min(max(middle, self.least), self.greatest)


SHARED = (
    "An input with the same range and distribution in every council that draws it is one "
    "uncertain figure: it is drawn once a draw and given to each of those councils. An input "
    "whose range differs between councils is drawn for each; councils' own figures are held."
)


@dataclass(frozen=True)
class CouncilDraws:
    """A council for the region's draws: its name, its ranges with its own figures in place,
    and the paths the region holds at the council's figure."""

    name: str
    ranges: Ranges
    held: tuple[str, ...]


def council_draws(
    name: str, inputs: Inputs, changes: Sequence[tuple[str, Decimal]], scenario: Ranges
) -> CouncilDraws:
    """A council's ranges: its scenario's, resolved against the scenario, with the council's
    inputs in their place; a path the region sets for the council is held at its figure."""
    changed = apply(inputs, changes)[0] if changes else inputs
    held = tuple(path for path, _ in changes)
    kept = tuple(found for found in scenario.ranges if found.path not in held)
    paths = {found.path for found in kept}
    correlations = tuple(
        pair for pair in scenario.correlations if all(path in paths for path in pair.inputs)
    )
    held_ranged = tuple(found.path for found in scenario.ranges if found.path in held)
    return CouncilDraws(name, Ranges(changed, kept, correlations), held_ranged)


def _key(compiled: Compiled, index: int) -> str:
    drawn = compiled.drawn[index]
    found = drawn.range
    return f"{found.path}|{found.low}|{found.high}|{drawn.distribution!r}"


def _decimal(value: float) -> Decimal:
    return Decimal(repr(float(value)))


def simulate_region(
    region: RegionResult, councils: Sequence[CouncilDraws], draws: int, seed: int
) -> RegionSimulation:
    """``draws`` draws from ``seed`` of every council at once; the region's figures and each
    council's part, P5-P95, and the inputs that drive the region's spread."""
    compiled: list[Compiled] = []
    for council in councils:
        honest.refuse_normative(council.ranges)
        compiled.append(compile_for_draws(council.ranges))
    if not any(each.drawn for each in compiled):
        raise SimulationError(
            "no council's scenario has an input with a distribution, so there is nothing to "
            "draw: point the region's councils at a scenario with ranges (see "
            "docs/uncertainty.md)"
        )
    keys: list[str] = []
    where: dict[str, list[int]] = {}
    for number, each in enumerate(compiled):
        for index in range(len(each.drawn)):
            key = _key(each, index)
            if key not in where:
                keys.append(key)
                where[key] = []
            where[key].append(number)
    whole = region.programme_cost_gbp is not None
    names = [name for name in REPORTED if name != "net" or whole]
    judged = "net" if whole else "horizon_total"
    council_names = [f"council {number}" for number in range(len(councils))]
    generator = np.random.default_rng(seed)
    keep = draws <= RETAINED
    everything = [*names, *council_names]
    kept: dict[str, list[Array]] = {name: [] for name in names}
    histograms: dict[str, tuple[float, float, np.ndarray]] = {}
    extremes = dict.fromkeys(names, (math.inf, -math.inf))
    coarse = {name: _Coarse() for name in council_names}
    moments = Moments()
    comoments = honest.Comoments()
    binned = honest.Binned()
    chunk = min(
        *(chunk_size(each) for each in compiled),
        max(1_000, REGION_ELEMENTS // len(everything)),
    )
    done = 0
    while done < draws:
        size = min(chunk, draws - done)
        shared: dict[str, Array] = {}
        totals = {name: np.zeros(size) for name in names}
        parts: list[Array] = []
        for each in compiled:
            columns = []
            for index, drawn in enumerate(each.drawn):
                key = _key(each, index)
                if key not in shared:
                    with np.errstate(over="ignore"):
                        shared[key] = sampling.draw(drawn.distribution, generator, size)
                columns.append(shared[key])
            if each.correlations:  # imposed on the council's columns, and kept for the next
                columns = correlated(each, columns, generator)
                for index, column in enumerate(columns):
                    shared[_key(each, index)] = column
            with np.errstate(over="ignore", invalid="ignore"):
                found = evaluate_chunk(each, columns, size)
            for name in names:
                totals[name] = totals[name] + found.values[name]
            parts.append(np.asarray(found.values[judged], dtype=np.float64))
        values = {**totals, **dict(zip(council_names, parts, strict=True))}
        for name, array in values.items():
            if not np.all(np.isfinite(array)):
                raise SimulationError(f"draws of {name} are not finite: a range is too wide")
            if name in coarse:
                coarse[name].add(array)
                continue
            low, high = extremes[name]
            extremes[name] = (min(low, float(array.min())), max(high, float(array.max())))
            if keep:
                kept[name].append(array)
            else:
                histogram(histograms, name, array)
        inputs = np.column_stack([shared[key] for key in keys])
        moments.add(np.column_stack([values[name] for name in everything]), inputs)
        comoments.add(np.column_stack([inputs, values[judged]]))
        binned.add(inputs, values[judged])
        done += size
    run = Run(
        names=names,
        moments=moments,
        kept={name: np.concatenate(kept[name]) for name in names} if keep else None,
        histograms=histograms,
        extremes=extremes,
        positive=0,
    )
    means, sds = moments.outcome_mean, moments.sd()

    def error(name: str, probability: float) -> Decimal:
        lower, upper = honest.percentile_spread(probability, draws)
        return _decimal((percentile(run, name, upper) - percentile(run, name, lower)) / 2)

    points = {
        "immediate_total": region.immediate_total_gbp,
        "horizon_total": region.horizon_total_gbp,
        "horizon_cashable": region.horizon_cashable_gbp,
        "net": region.net_gbp,
    }
    outcomes = [
        RegionOutcome(
            outcome=name,
            point=points[name] or Decimal(0),
            mean=_decimal(means[index]),
            p5=_decimal(percentile(run, name, 0.05)),
            p50=_decimal(percentile(run, name, 0.5)),
            p95=_decimal(percentile(run, name, 0.95)),
            mean_mcse=_decimal(sds[index] / math.sqrt(draws)),
            p5_mcse=error(name, 0.05),
            p50_mcse=error(name, 0.5),
            p95_mcse=error(name, 0.95),
        )
        for index, name in enumerate(names)
    ]
    spreads = []
    for number, (council, row) in enumerate(zip(councils, region.councils, strict=True)):
        name = council_names[number]
        point = row.net_gbp if judged == "net" else row.horizon_total_gbp
        spreads.append(
            CouncilSpread(
                name=council.name,
                point=point or Decimal(0),
                mean=_decimal(means[everything.index(name)]),
                p5=_decimal(coarse[name].percentile(0.05)),
                p95=_decimal(coarse[name].percentile(0.95)),
            )
        )
    position = everything.index(judged)
    coefficients, r_squared = comoments.regression()
    shares = binned.shares()
    drivers = []
    for index, key in enumerate(keys):
        first = where[key][0]
        drawn = next(
            found
            for number, found in enumerate(compiled[first].drawn)
            if _key(compiled[first], number) == key
        )
        value = moments.correlation(position, index)
        drivers.append(
            RegionDriver(
                range=range_of(drawn.range, councils[first].ranges.inputs),
                distribution=drawn.distribution.kind,
                councils=[councils[number].name for number in where[key]],
                correlation=_decimal(value),
                share=_decimal(value**2),
                standardised_coefficient=_decimal(coefficients[index]),
                first_order_share=_decimal(shares[index]),
            )
        )
    drivers.sort(key=lambda driver: (-(driver.first_order_share or 0), driver.range.input))
    held = sorted({f"{council.name}: {path}" for council in councils for path in council.held})
    return RegionSimulation(
        draws=draws,
        seed=seed,
        outcome=judged,
        percentiles="exact" if keep else "histogram",
        outcomes=outcomes,
        councils=spreads,
        drivers=drivers,
        held=held,
        shared=SHARED,
        numpy=np.__version__,
        bit_generator=type(generator.bit_generator).__name__,
        r_squared=_decimal(r_squared),
    )
