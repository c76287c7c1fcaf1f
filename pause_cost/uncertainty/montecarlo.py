"""A seeded Monte Carlo: draw every uncertain input, evaluate the case on arrays, summarise.

Drawing and evaluating live in :mod:`pause_cost.uncertainty.draws` (the case's own evaluator
on arrays), the running statistics in :mod:`pause_cost.uncertainty.statistics`; this module
runs the chunks and writes the summary. It holds no formula of the case.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

import numpy as np

from pause_cost.errors import PauseCostError
from pause_cost.model.inputs import Inputs
from pause_cost.model.ranges import Range, Ranges
from pause_cost.results.estimate import Estimate
from pause_cost.results.uncertainty import (
    Chance,
    Driver,
    HistogramBin,
    InputRange,
    OutcomeSummary,
    RangeBasis,
    Simulation,
)
from pause_cost.uncertainty import honest, sampling
from pause_cost.uncertainty.draws import (
    CHUNK,
    OUTCOMES,
    Array,
    Compiled,
    Outcomes,
    SimulationError,
    chunk_size,
    compile_for_draws,
    correlated,
    evaluate_chunk,
    point_outcomes,
    poisson_draws,
)
from pause_cost.uncertainty.judged import range_of
from pause_cost.uncertainty.statistics import (
    BINS,
    RETAINED,
    Counts,
    Moments,
    Run,
    histogram,
    percentile,
)

__all__ = [
    "BINS",
    "CHUNK",
    "RETAINED",
    "Compiled",
    "SimulationError",
    "chunk_size",
    "compile_for_draws",
    "percentile",
    "point_outcomes",
    "run_draws",
    "simulate",
]


def run_draws(
    compiled: Compiled,
    draws: int,
    seed: int,
    *,
    poisson_births: bool = False,
    progress: Callable[[int], None] | None = None,
    watch: Callable[[Outcomes], None] | None = None,
) -> Run:
    """``draws`` draws from ``seed``: the same seed gives the same numbers in any process;
    ``watch`` sees each chunk's outcomes and inputs (for statistics kept elsewhere)."""
    generator = np.random.default_rng(seed)
    names = [name for name in OUTCOMES if name != "npv" or compiled.discounted]
    keep = draws <= RETAINED
    kept: dict[str, list[Array]] = {name: [] for name in names}
    moments = Moments()
    histograms: dict[str, tuple[float, float, Counts]] = {}
    extremes = dict.fromkeys(names, (math.inf, -math.inf))
    positive = 0
    done = 0
    chunk = chunk_size(compiled)
    while done < draws:
        size = min(chunk, draws - done)
        with np.errstate(over="ignore"):  # an overflowing draw is refused just below
            columns = [
                sampling.draw(drawn.distribution, generator, size) for drawn in compiled.drawn
            ]
        if compiled.correlations:
            columns = correlated(compiled, columns, generator)
        poisson = poisson_draws(compiled, columns, generator, size) if poisson_births else None
        with np.errstate(over="ignore", invalid="ignore"):
            found = evaluate_chunk(compiled, columns, size, poisson)
        _check_finite(compiled, found)
        if watch is not None:
            watch(found)
        moments.add(np.column_stack([found.values[name] for name in names]), found.inputs)
        positive += int(np.count_nonzero(found.values["net"] > 0))
        for name in names:
            values = found.values[name]
            low, high = extremes[name]
            extremes[name] = (min(low, float(values.min())), max(high, float(values.max())))
            if keep:
                kept[name].append(values)
            else:
                histogram(histograms, name, values)
        done += size
        if progress is not None:
            progress(done)
    return Run(
        names=names,
        moments=moments,
        kept={name: np.concatenate(kept[name]) for name in names} if keep else None,
        histograms=histograms,
        extremes=extremes,
        positive=positive,
    )


LARGEST = 1e15
"""An outcome beyond a quadrillion pounds is no council's: a draw reaching it comes from a
distribution's tail, not from the programme."""


def _check_finite(compiled: Compiled, found: Outcomes) -> None:
    """Refuse draws whose outcomes overflow (a lognormal with a vast sigma, say)."""
    for name, values in found.values.items():
        if not np.all(np.isfinite(values)) or float(np.max(np.abs(values))) > LARGEST:
            kinds = ", ".join(
                f"{drawn.range.path} ({drawn.distribution.kind})" for drawn in compiled.drawn
            )
            raise SimulationError(
                f"draws of {name} reach beyond £{LARGEST:,.0f} or cannot be summed: a "
                f"distribution's tail is far wider than any figure can be; check {kinds}"
            )


# --- the summary --------------------------------------------------------------------------

HISTOGRAM_BINS = 20
"""Bars in the terminal's histogram, between the 0.5th and 99.5th percentiles."""


def simulate(
    ranges: Ranges,
    draws: int,
    seed: int,
    *,
    outcome: str = "net",
    poisson_births: bool = False,
    progress: Callable[[int], None] | None = None,
    watch: Callable[[Outcomes], None] | None = None,
) -> Simulation:
    """Draw every uncertain input ``draws`` times from ``seed`` and summarise the outcomes;
    ``watch`` sees each chunk's outcomes too (for a count kept by the caller)."""
    from pause_cost.uncertainty.judged import basis_of, judgement_flags
    from pause_cost.uncertainty.outcomes import UNITS, is_gross

    honest.refuse_normative(ranges)
    compiled = compile_for_draws(ranges)
    if not compiled.drawn:
        raise SimulationError(
            "no input has a distribution, so there is nothing to draw: give a range a "
            "distribution (see docs/uncertainty.md)"
        )
    if outcome not in OUTCOMES or (outcome == "npv" and not compiled.discounted):
        raise SimulationError(
            f"{outcome}: simulate reports "
            f"{', '.join(name for name in OUTCOMES if name != 'npv' or compiled.discounted)}"
            + ("; npv needs the scenario's discounting" if outcome == "npv" else "")
        )
    watcher = honest.Watcher(outcome)

    def see(found: Outcomes) -> None:
        watcher.see(found.inputs, found.values)
        if watch is not None:
            watch(found)

    run = run_draws(
        compiled,
        draws,
        seed,
        poisson_births=poisson_births,
        progress=progress,
        watch=see,
    )
    if outcome not in run.names:
        raise SimulationError(
            f"{outcome}: simulate reports {', '.join(run.names)}"
            + ("; npv needs the scenario's discounting" if outcome == "npv" else "")
        )
    point = _exact_points(compiled.estimate)
    means, sds = run.moments.outcome_mean, run.moments.sd()
    summaries = [
        OutcomeSummary(
            outcome=name,
            unit=UNITS[name],
            point=point[name],
            mean=_decimal(means[index]),
            sd=_decimal(sds[index]),
            p5=_decimal(percentile(run, name, 0.05)),
            p50=_decimal(percentile(run, name, 0.5)),
            p95=_decimal(percentile(run, name, 0.95)),
            low=_decimal(run.extremes[name][0]),
            high=_decimal(run.extremes[name][1]),
            mean_mcse=_decimal(sds[index] / math.sqrt(draws)),
            p5_mcse=_decimal(_percentile_mcse(run, name, 0.05, draws)),
            p50_mcse=_decimal(_percentile_mcse(run, name, 0.5, draws)),
            p95_mcse=_decimal(_percentile_mcse(run, name, 0.95, draws)),
        )
        for index, name in enumerate(run.names)
    ]
    judged = run.names.index(outcome)
    correlations = [
        run.moments.correlation(judged, position) for position in range(len(compiled.drawn))
    ]
    coefficients, r_squared = watcher.comoments.regression()
    shares = watcher.binned.shares()
    drivers = sorted(
        (
            Driver(
                range=_input_range(drawn.range, basis_of(drawn.range), ranges.inputs),
                distribution=drawn.distribution.kind,
                correlation=_decimal(value),
                share=_decimal(value**2),
                standardised_coefficient=_decimal(coefficient),
                first_order_share=_decimal(first_order),
            )
            for drawn, value, coefficient, first_order in zip(
                compiled.drawn, correlations, coefficients, shares, strict=True
            )
        ),
        key=lambda driver: (-(driver.first_order_share or 0), driver.range.input),
    )
    drawn_paths = {drawn.range.path for drawn in compiled.drawn}
    held = [
        _input_range(found, basis_of(found), ranges.inputs)
        for found in ranges.ranges
        if found.path not in drawn_paths
    ]
    gross = is_gross(compiled.estimate, "net")
    flags = judgement_flags(ranges)
    if gross:
        flags.insert(0, "gross: the scenario gives no programme cost, so net is the gross total")
    if poisson_births:
        flags.append("births are drawn as Poisson counts around their expectation")
    chances = [
        Chance(
            outcome=name,
            above=watcher.above[name],
            draws=draws,
            probability=_decimal(watcher.above[name] / draws),
            bound=_decimal(honest.bound_when_none(draws))
            if watcher.above[name] in (0, draws)
            else None,
            held=[found.input for found in held],
        )
        for name in ("net", "npv")
        if name in run.names
    ]
    return Simulation(
        scenario=ranges.inputs.scenario.name,
        draws=draws,
        seed=seed,
        poisson_births=poisson_births,
        percentiles="exact" if run.kept is not None else "histogram",
        outcome=outcome,
        outcomes=summaries,
        probability_net_positive=_decimal(run.positive / draws),
        probability_net_positive_statement=next(
            (chance.statement for chance in chances if chance.outcome == "net"), ""
        ),
        chances=chances,
        r_squared=_decimal(r_squared),
        # rank correlations the scenario imposes, or draws correlated beyond chance
        inputs_correlated=bool(ranges.correlations) or watcher.comoments.correlated(),
        numpy=np.__version__,
        bit_generator=type(np.random.default_rng(seed).bit_generator).__name__,
        histogram=_bars(run, outcome),
        drivers=drivers,
        held=held,
        gross=gross,
        flags=flags,
    )


def _exact_points(result: Estimate) -> dict[str, Decimal]:
    from pause_cost.uncertainty.outcomes import outcome

    found = {}
    for name in OUTCOMES:
        try:
            found[name] = outcome(result, name)
        except PauseCostError:
            continue
    return found


def _input_range(found: Range, basis: RangeBasis, inputs: Inputs) -> InputRange:
    return range_of(found, inputs, basis)


def _decimal(value: float) -> Decimal:
    """A float as the decimal of its shortest repr: the same bytes on every machine."""
    return Decimal(repr(float(value)))


def _percentile_mcse(run: Run, name: str, probability: float, draws: int) -> float:
    """Half the distance between the quantiles one binomial standard error either side."""
    lower, upper = honest.percentile_spread(probability, draws)
    return (percentile(run, name, upper) - percentile(run, name, lower)) / 2


def _bars(run: Run, name: str) -> list[HistogramBin]:
    """Equal bars from P0.5 to P99.5, with the draws beyond each end in a bar of its own
    (drawn from the least or to the greatest value), never piled onto the end bars."""
    low, high = percentile(run, name, 0.005), percentile(run, name, 0.995)
    least, greatest = run.extremes[name]
    if high <= low:
        return [HistogramBin(low=_decimal(least), high=_decimal(greatest), draws=run.moments.count)]
    edges = np.linspace(low, high, HISTOGRAM_BINS + 1)
    if run.kept is not None:
        values, weights = run.kept[name], None
    else:
        first, last, fine = run.histograms[name]
        values = first + (np.arange(BINS) + 0.5) * (last - first) / BINS
        weights = fine
    inside = (values >= low) & (values <= high)
    counts = np.histogram(
        values[inside], bins=edges, weights=None if weights is None else weights[inside]
    )[0]
    below = int(np.sum(values < low) if weights is None else np.sum(weights[values < low]))
    above = int(np.sum(values > high) if weights is None else np.sum(weights[values > high]))
    return [
        HistogramBin(low=_decimal(least), high=_decimal(low), draws=below, tail="below"),
        *(
            HistogramBin(low=_decimal(edges[i]), high=_decimal(edges[i + 1]), draws=int(counts[i]))
            for i in range(HISTOGRAM_BINS)
        ),
        HistogramBin(low=_decimal(high), high=_decimal(greatest), draws=above, tail="above"),
    ]
