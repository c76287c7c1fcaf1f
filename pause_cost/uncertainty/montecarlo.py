"""A seeded Monte Carlo on the compiled plan: the exact engine's formula, on arrays of draws.

The Monte Carlo is not a second model. The scenario is compiled once by the exact engine
(:func:`pause_cost.core.estimate.compile_scenario`): each line's value per avoided birth per
year at the price year, its years and class. What a draw changes (line amounts, quantities and
shares; birth rates; the bridge's shares; the programme's cost; the discount rate) enters the
same functions of :mod:`pause_cost.core.formulas`, on numpy arrays. Where a scenario has a
calendar, each cohort's births reach financial years through weights the exact calendar
computes (one birth, one year's cost at a time), so discounting on a calendar is the exact
engine's too. A test holds the two together: with every input at its point the draws equal
the exact estimate to a relative 1e-12.

Draws run in chunks of :data:`CHUNK` so memory stays bounded however many are asked for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from numpy.typing import NDArray

from pause_cost.core import formulas, timing
from pause_cost.core.cohorts import PlannedCohort, cohorts, window_years
from pause_cost.core.estimate import assemble, compile_scenario, practices
from pause_cost.core.evaluate import CLASSIFICATIONS
from pause_cost.core.plan import Plan
from pause_cost.economics import calendar
from pause_cost.economics.case import programme_by_financial_year, running_months
from pause_cost.economics.discounting import discount_factor
from pause_cost.economics.programme import (
    programme_cost_by_year,
    programme_total,
    programme_years,
)
from pause_cost.errors import PauseCostError
from pause_cost.load.uncertainty import Range, Ranges
from pause_cost.model.scenario import ProgrammeCost
from pause_cost.model.uncertainty import Distribution
from pause_cost.results.estimate import Estimate
from pause_cost.results.uncertainty import (
    Driver,
    HistogramBin,
    InputRange,
    OutcomeSummary,
    RangeBasis,
    Simulation,
)
from pause_cost.uncertainty import sampling
from pause_cost.uncertainty.paths import FLAT_RATE

Array = NDArray[np.float64]

CHUNK = 100_000
"""Draws evaluated at a time, at most: memory grows with the chunk, not the draws asked for."""

CHUNK_ELEMENTS = 3_000_000
"""Draws x lines held at a time: a table of many lines is evaluated in smaller chunks."""


def chunk_size(compiled: Compiled) -> int:
    """Draws a chunk: :data:`CHUNK`, fewer for a table of many lines (never under 1,000)."""
    lines = max(len(compiled.plan.lines), 1)
    return max(1_000, min(CHUNK, CHUNK_ELEMENTS // lines))


RETAINED = 1_000_000
"""Up to this many draws every outcome is kept, and percentiles are exact; beyond it they
come from a histogram of :data:`BINS` bins over the range the draws span."""

BINS = 1 << 20

OUTCOMES = ("immediate_total", "horizon_total", "horizon_cashable", "net", "npv")

LINE_FIELDS = ("amount_gbp", "quantity_per_child", "share_of_children")
BRIDGE = {
    "adjustments.removal_share.share": False,
    "adjustments.optimism_bias.share": True,
    "adjustments.deadweight.share": True,
    "adjustments.attribution.share": False,
}
"""The bridge's shares a draw may vary, and whether each is taken off (1 - share)."""


class SimulationError(PauseCostError, ValueError):
    """An input simulate cannot draw (it varies in sensitivity only)."""


@dataclass
class Drawn:
    """One drawn input: where its draws go, and its distribution."""

    range: Range
    distribution: Distribution
    target: str
    """'line', 'rate', 'bridge', 'cost' or 'discount'."""
    line: int = -1
    field: str = ""
    cohorts: tuple[int, ...] = ()
    takes_off: bool = False


@dataclass
class Compiled:
    """The scenario compiled for draws: every point value, and where each draw enters."""

    estimate: Estimate
    plan: Plan
    cohorts: list[PlannedCohort]
    window_years: float
    rounding: bool
    observed: Array
    amount: Array
    quantity: Array
    share: Array
    uprating: Array
    immediate_weights: Array  # (lines, 3): years within the immediate period, by class
    horizon_weights: Array  # (lines, 3)
    council_years: Array  # (lines, horizon): 1 where a council line falls in a year
    bridge: dict[str, float]
    """Each of the bridge's steps by its path (adjustments.deadweight.share), as the factor it
    multiplies by; a drawn step replaces its own, so a point of 0 is no trouble."""
    cost_total: float | None
    cost_unit: float
    """The programme's total for a drawn cost of 1 (x years for a yearly cost, x practices)."""
    cost_shape: Array  # the programme's cost by period per pound of its total
    cohort_weights: list[Array]  # per cohort (horizon, periods): a birth's year y in period t
    discounts: Array | None  # (periods,) the schedule's factors, or None without discounting
    drawn: list[Drawn] = field(default_factory=list)
    correlations: list[tuple[int, int, float]] = field(default_factory=list)


def compile_for_draws(ranges: Ranges) -> Compiled:
    """Compile the scenario once, and place every drawn input."""
    inputs = ranges.inputs
    scenario = inputs.scenario
    plan = compile_scenario(scenario, inputs.tables, inputs.indices)
    exact = assemble(scenario, plan, schedule=inputs.schedule, nominal_index=inputs.nominal_index)
    planned = cohorts(scenario)
    lines = plan.lines

    def column(name: str) -> Array:
        return np.array([float(getattr(line, name)) for line in lines], dtype=np.float64)

    classes = np.zeros((len(lines), len(CLASSIFICATIONS)))
    for index, line in enumerate(lines):
        classes[index, CLASSIFICATIONS.index(line.classification)] = 1.0

    def weights(years: int) -> Array:
        within = np.array(
            [formulas.years_within(line.first_year, line.last_year, years) for line in lines],
            dtype=np.float64,
        )
        result: Array = within[:, None] * classes
        return result

    council_years = np.zeros((len(lines), plan.horizon_years))
    for index, line in enumerate(lines):
        if line.classification in ("cashable", "internal"):
            council_years[index, line.first_year - 1 : min(line.last_year, plan.horizon_years)] = 1
    cost_total, cost_unit, cost_shape, cohort_weights, discounts = _timing(
        ranges, plan, planned, exact
    )
    compiled = Compiled(
        estimate=exact,
        plan=plan,
        cohorts=planned,
        window_years=float(window_years(scenario)),
        rounding=scenario.avoided_births_counting == "round_half_up",
        observed=np.array([float(cohort.observed_births) for cohort in planned]),
        amount=column("amount_gbp"),
        quantity=column("quantity_per_child"),
        share=column("share_of_children"),
        uprating=column("uprating_factor"),
        immediate_weights=weights(plan.immediate_years),
        horizon_weights=weights(plan.horizon_years),
        council_years=council_years,
        bridge={
            f"adjustments.{name}.share": float(step)
            for name, step, _ in (scenario.adjustments.steps() if scenario.adjustments else [])
        },
        cost_total=cost_total,
        cost_unit=cost_unit,
        cost_shape=cost_shape,
        cohort_weights=cohort_weights,
        discounts=discounts,
    )
    _place(compiled, ranges)
    return compiled


def _timing(
    ranges: Ranges, plan: Plan, planned: list[PlannedCohort], exact: Estimate
) -> tuple[float | None, float, Array, list[Array], Array | None]:
    """The programme's cost by period, each cohort's weights from birth years to periods,
    and the schedule's discount factors by period (the exact engine's own conventions)."""
    inputs = ranges.inputs
    scenario = inputs.scenario
    given = scenario.programme_cost
    horizon = plan.horizon_years
    running = practices(scenario)
    total = None if given is None else programme_total(given, running)
    # The cost's shape over time from a cost of 1 in its own terms (a total, or a year's),
    # so that it is known even where the point cost is 0 and a draw gives it a size.
    cost = None if given is None else _unit_cost(given)
    case = exact.economics
    if case.calendar is not None:
        labels = [year.financial_year for year in case.calendar.years]
        index = {label: position for position, label in enumerate(labels)}
        costs = np.zeros(len(labels))
        if cost is not None:
            first, months = running_months(scenario, planned)
            for label, amount in programme_by_financial_year(cost, first, months, running).items():
                costs[index[label]] += float(amount)
        months_in_window = case.calendar.window_months
        first_year = calendar.financial_year_start(labels[0])
        cohort_weights = []
        for cohort in planned:
            assert cohort.start is not None
            weights = timing.cohort_timing(cohort.start, months_in_window, horizon, cohort.profile)
            cohort_weights.append(
                np.array(timing.weight_matrix(weights, first_year, len(labels)), dtype=np.float64)
            )
        periods = len(labels)
    else:
        years = horizon if cost is None else max(programme_years(cost), horizon)
        costs = np.zeros(years)
        if cost is not None:
            costs = np.array([float(v) for v in programme_cost_by_year(cost, years, running)])
        matrix = np.zeros((horizon, years))
        for year in range(horizon):
            matrix[year, year] = 1.0
        cohort_weights = [matrix for _ in planned]
        periods = years
    unit_total = 0.0 if cost is None else float(programme_total(cost, running))
    shape = costs / unit_total if unit_total else np.zeros_like(costs)
    discounts = None
    if inputs.schedule is not None:
        discounts = np.array(
            [float(discount_factor(inputs.schedule, period)) for period in range(periods)]
        )
    return (None if total is None else float(total)), unit_total, shape, cohort_weights, discounts


def _unit_cost(cost: ProgrammeCost) -> ProgrammeCost:
    """The cost with its amount set to 1 (a total of 1, or 1 a year), its timing kept."""
    if cost.total_gbp is not None:
        return cost.model_copy(update={"total_gbp": Decimal(1)})
    if cost.per_year_gbp is not None:
        return cost.model_copy(update={"per_year_gbp": Decimal(1)})
    return cost  # a profile: its own amounts (simulate does not draw a profile)


def _place(compiled: Compiled, ranges: Ranges) -> None:
    """Where each range with a distribution enters the formula; refused where it cannot."""
    positions: dict[str, int] = {}
    line_index = {planned.ref: index for index, planned in enumerate(compiled.plan.lines)}
    for found in ranges.ranges:
        if found.distribution is None:
            continue
        where = found.where
        drawn = Drawn(range=found, distribution=found.distribution, target="")
        if where.where == "line" and where.field in LINE_FIELDS:
            drawn.target, drawn.line, drawn.field = (
                "line",
                line_index[f"{where.table}/{where.line}"],
                where.field,
            )
        elif where.where == "rate":
            drawn.target = "discount"
        elif found.path.endswith("birth_rate_per_woman_per_year"):
            drawn.target = "rate"
            if found.path.startswith("cohorts."):
                drawn.cohorts = (int(found.path.split(".")[1]),)
            else:
                drawn.cohorts = tuple(range(len(compiled.cohorts)))
        elif found.path in BRIDGE:
            drawn.target, drawn.takes_off = "bridge", BRIDGE[found.path]
        elif found.path in ("programme_cost.total_gbp", "programme_cost.per_year_gbp"):
            drawn.target = "cost"
        else:
            raise SimulationError(
                f"{found.path}: simulate draws line amounts, quantities and shares, birth "
                "rates, the bridge's shares, the programme's cost and "
                f"{FLAT_RATE}; this input varies over low and high in sensitivity and "
                "breakeven only (leave out its distribution)"
            )
        positions[found.path] = len(compiled.drawn)
        compiled.drawn.append(drawn)
    for correlation in ranges.correlations:
        first, second = correlation.inputs
        if first not in positions or second not in positions:
            missing = first if first not in positions else second
            raise SimulationError(f"{missing}: correlated, but has no distribution to draw")
        compiled.correlations.append(
            (positions[first], positions[second], float(correlation.rank_correlation))
        )


# --- evaluating draws ---------------------------------------------------------------------


@dataclass
class Outcomes:
    """Each outcome for each draw of a chunk."""

    values: dict[str, Array]
    inputs: Array  # (draws, drawn inputs): the values drawn


def evaluate_chunk(
    compiled: Compiled,
    columns: Sequence[Array],
    size: int,
    poisson: NDArray[np.int64] | None = None,
) -> Outcomes:
    """The outcomes for one chunk, given each drawn input's column of draws (in order)."""
    amount, quantity, share = compiled.amount, compiled.quantity, compiled.share
    rates = np.array([float(c.birth_rate_per_woman_per_year) for c in compiled.cohorts])
    rate_draws: list[Array | None] = [None] * len(compiled.cohorts)
    steps: dict[str, Array | float] = dict(compiled.bridge)
    cost_total = compiled.cost_total
    cost: Array | float | None = cost_total
    discount_rate: Array | None = None
    line_columns: dict[str, dict[int, Array]] = {name: {} for name in LINE_FIELDS}
    for drawn, values in zip(compiled.drawn, columns, strict=True):
        if drawn.target == "line":
            line_columns[drawn.field][drawn.line] = values
        elif drawn.target == "rate":
            for position in drawn.cohorts:
                rate_draws[position] = values
        elif drawn.target == "bridge":
            steps[drawn.range.path] = 1 - values if drawn.takes_off else values
        elif drawn.target == "cost":
            cost = values * compiled.cost_unit
        elif drawn.target == "discount":
            discount_rate = values

    def matrix(point: Array, drawn: dict[int, Array]) -> Array:
        if not drawn:
            return point
        result = np.broadcast_to(point, (size, point.shape[0])).copy()
        for line, values in drawn.items():
            result[:, line] = values
        return result

    per_birth = formulas.per_birth_per_year(
        matrix(amount, line_columns["amount_gbp"]),
        matrix(quantity, line_columns["quantity_per_child"]),
        matrix(share, line_columns["share_of_children"]),
        compiled.uprating,
    )
    factor: Array | float = 1.0
    for step in steps.values():  # the bridge's factors multiplied, in their order
        factor = factor * step
    births_by_cohort = []
    for index, cohort in enumerate(compiled.cohorts):
        drawn_rate = rate_draws[index]
        rate: Array = drawn_rate if drawn_rate is not None else np.full(1, rates[index])
        expected = formulas.avoided_births(
            np.full(1, float(cohort.women_open)), rate, np.full(1, compiled.window_years)
        )
        expected = np.broadcast_to(np.asarray(expected, dtype=np.float64), (size,))
        if poisson is not None:
            counted = poisson[:, index].astype(np.float64)
        elif compiled.rounding:
            counted = np.floor(expected + 0.5)
        else:
            counted = expected
        births_by_cohort.append(np.maximum(counted - compiled.observed[index], 0.0) * factor)
    births = np.sum(births_by_cohort, axis=0) if births_by_cohort else np.zeros(size)
    per_birth_2d = np.atleast_2d(per_birth)
    immediate = formulas.yearly(per_birth_2d @ compiled.immediate_weights, births[:, None])
    horizon = formulas.yearly(per_birth_2d @ compiled.horizon_weights, births[:, None])
    immediate_total = immediate[:, 0] + immediate[:, 1]
    horizon_total = horizon[:, 0] + horizon[:, 1]
    outcomes: dict[str, Array] = {
        "immediate_total": immediate_total,
        "horizon_total": horizon_total,
        "horizon_cashable": horizon[:, 0],
        "net": horizon_total - (0.0 if cost is None else cost),
    }
    if compiled.discounts is not None:
        periods = compiled.discounts.shape[0]
        if discount_rate is None:
            discounts: Array = np.broadcast_to(compiled.discounts, (size, periods))
        else:
            discounts = (1 + discount_rate[:, None] / 100) ** -np.arange(periods)[None, :]
        by_year = per_birth_2d @ compiled.council_years  # per birth, council, each year
        benefits = np.zeros(size)
        for cohort_births, weights in zip(births_by_cohort, compiled.cohort_weights, strict=True):
            per_year_discount = discounts @ weights.T  # (draws, horizon)
            benefits = benefits + cohort_births * np.sum(by_year * per_year_discount, axis=1)
        spent = 0.0 if cost is None else cost
        cost_pv = discounts @ compiled.cost_shape
        outcomes["npv"] = benefits - spent * cost_pv
    inputs = np.column_stack(columns) if columns else np.zeros((size, 0))
    return Outcomes(values=outcomes, inputs=inputs)


def point_outcomes(compiled: Compiled) -> dict[str, float]:
    """Every outcome with each input at its point: one draw of the point values."""
    columns = [np.array([float(drawn.range.point)]) for drawn in compiled.drawn]
    found = evaluate_chunk(compiled, columns, 1)
    return {name: float(values[0]) for name, values in found.values.items()}


# --- running ------------------------------------------------------------------------------


@dataclass
class Moments:
    """Means and co-moments of the outcomes, and of each drawn input with them, merged chunk
    by chunk (Chan et al.'s pairwise update), so a run of any length is summed in bounded
    memory and without the cancellation a plain sum of squares suffers. Only what the summary
    reads is kept: the outcomes' co-moments, each input's with the outcomes, and each input's
    own; not the inputs' with one another."""

    count: int = 0
    outcome_mean: Array = field(default_factory=lambda: np.zeros(0))
    input_mean: Array = field(default_factory=lambda: np.zeros(0))
    outcomes: Array = field(default_factory=lambda: np.zeros((0, 0)))
    across: Array = field(default_factory=lambda: np.zeros((0, 0)))
    inputs: Array = field(default_factory=lambda: np.zeros(0))

    def add(self, outcomes: Array, inputs: Array) -> None:
        """Merge a chunk: one row a draw; outcomes (draws, m) and inputs (draws, k)."""
        size = outcomes.shape[0]
        outcome_mean, input_mean = outcomes.mean(axis=0), inputs.mean(axis=0)
        outcome_centred = outcomes - outcome_mean
        input_centred = inputs - input_mean
        chunk_outcomes = outcome_centred.T @ outcome_centred
        chunk_across = input_centred.T @ outcome_centred
        chunk_inputs = np.einsum("ij,ij->j", input_centred, input_centred)
        if self.count == 0:
            self.count = size
            self.outcome_mean, self.input_mean = outcome_mean, input_mean
            self.outcomes, self.across, self.inputs = chunk_outcomes, chunk_across, chunk_inputs
            return
        total = self.count + size
        weight = self.count * size / total
        outcome_delta = outcome_mean - self.outcome_mean
        input_delta = input_mean - self.input_mean
        self.outcomes = (
            self.outcomes + chunk_outcomes + np.outer(outcome_delta, outcome_delta) * weight
        )
        self.across = self.across + chunk_across + np.outer(input_delta, outcome_delta) * weight
        self.inputs = self.inputs + chunk_inputs + input_delta**2 * weight
        self.outcome_mean = self.outcome_mean + outcome_delta * size / total
        self.input_mean = self.input_mean + input_delta * size / total
        self.count = total

    def sd(self) -> Array:
        """Each outcome's standard deviation (n - 1)."""
        variance = np.diag(self.outcomes) / max(self.count - 1, 1)
        result: Array = np.sqrt(np.maximum(variance, 0.0))
        return result

    def correlation(self, outcome: int, drawn: int) -> float:
        """Pearson correlation of one drawn input with one outcome."""
        spread = math.sqrt(self.outcomes[outcome, outcome] * self.inputs[drawn])
        return float(self.across[drawn, outcome] / spread) if spread > 0 else 0.0


@dataclass
class Run:
    """What a run gathered: moments, percentiles' material, and the share of net above 0."""

    names: list[str]
    moments: Moments
    kept: dict[str, Array] | None
    histograms: dict[str, tuple[float, float, NDArray[np.int64]]]
    extremes: dict[str, tuple[float, float]]
    positive: int


def run_draws(
    compiled: Compiled,
    draws: int,
    seed: int,
    *,
    poisson_births: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Run:
    """``draws`` draws from ``seed``: the same seed gives the same numbers in any process."""
    generator = np.random.default_rng(seed)
    names = [name for name in OUTCOMES if name != "npv" or compiled.discounts is not None]
    keep = draws <= RETAINED
    kept: dict[str, list[Array]] = {name: [] for name in names}
    moments = Moments()
    histograms: dict[str, tuple[float, float, NDArray[np.int64]]] = {}
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
            columns = _correlated(compiled, columns, generator)
        poisson = _poisson(compiled, columns, generator, size) if poisson_births else None
        with np.errstate(over="ignore", invalid="ignore"):
            found = evaluate_chunk(compiled, columns, size, poisson)
        _check_finite(compiled, found)
        moments.add(np.column_stack([found.values[name] for name in names]), found.inputs)
        positive += int(np.count_nonzero(found.values["net"] > 0))
        for name in names:
            values = found.values[name]
            low, high = extremes[name]
            extremes[name] = (min(low, float(values.min())), max(high, float(values.max())))
            if keep:
                kept[name].append(values)
            else:
                _histogram(histograms, name, values)
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


def _correlated(
    compiled: Compiled, columns: list[Array], generator: np.random.Generator
) -> list[Array]:
    """The columns reordered to the rank correlations asked for, or a clean refusal."""
    try:
        return sampling.rank_correlate(columns, compiled.correlations, generator)
    except ValueError as exc:
        pair = getattr(exc, "pair", None)
        names = ""
        if pair is not None:
            first, second = (compiled.drawn[index].range.path for index in pair)
            names = f" ({first} and {second})"
        raise SimulationError(f"the rank correlations cannot be imposed{names}: {exc}") from None


def _histogram(
    histograms: dict[str, tuple[float, float, NDArray[np.int64]]], name: str, values: Array
) -> None:
    """Count a chunk into the outcome's histogram, fixed by the first chunk's spread (widened
    fourfold each way); a draw beyond it is counted in the end bin."""
    if name not in histograms:
        low, high = float(values.min()), float(values.max())
        span = high - low or max(abs(low), 1.0)
        histograms[name] = (low - 4 * span, high + 4 * span, np.zeros(BINS, dtype=np.int64))
    low, high, counts = histograms[name]
    bins = np.clip(((values - low) / (high - low) * BINS).astype(np.int64), 0, BINS - 1)
    counts += np.bincount(bins, minlength=BINS)


def percentile(run: Run, name: str, probability: float) -> float:
    """The outcome's percentile: exact (numpy's linear interpolation between order
    statistics) where every draw was kept, else the middle of the histogram bin it falls in."""
    if run.kept is not None:
        return float(np.percentile(run.kept[name], probability * 100))
    low, high, counts = run.histograms[name]
    cumulative = np.cumsum(counts)
    target = probability * (cumulative[-1] - 1)
    index = int(np.searchsorted(cumulative, target, side="right"))
    width = (high - low) / BINS
    return float(
        min(max(low + (index + 0.5) * width, run.extremes[name][0]), run.extremes[name][1])
    )


def _poisson(
    compiled: Compiled, columns: Sequence[Array], generator: np.random.Generator, size: int
) -> NDArray[np.int64]:
    """Births as Poisson counts around each cohort's expectation (drawn rates included)."""
    rates = np.array([float(c.birth_rate_per_woman_per_year) for c in compiled.cohorts])
    women = np.array([float(c.women_open) for c in compiled.cohorts])
    means = np.tile(women * rates * compiled.window_years, (size, 1))
    for drawn, values in zip(compiled.drawn, columns, strict=True):
        if drawn.target == "rate":
            for cohort in drawn.cohorts:
                means[:, cohort] = women[cohort] * values * compiled.window_years
    result: NDArray[np.int64] = generator.poisson(means)
    return result


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
) -> Simulation:
    """Draw every uncertain input ``draws`` times from ``seed`` and summarise the outcomes."""
    from pause_cost.uncertainty.oneway import basis_of, judgement_flags
    from pause_cost.uncertainty.outcomes import UNITS, is_gross

    compiled = compile_for_draws(ranges)
    if not compiled.drawn:
        raise SimulationError(
            "no input has a distribution, so there is nothing to draw: give a range a "
            "distribution (see the README's 'How sure')"
        )
    run = run_draws(compiled, draws, seed, poisson_births=poisson_births, progress=progress)
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
        )
        for index, name in enumerate(run.names)
    ]
    judged = run.names.index(outcome)
    correlations = [
        run.moments.correlation(judged, position) for position in range(len(compiled.drawn))
    ]
    drivers = sorted(
        (
            Driver(
                range=_input_range(drawn.range, basis_of(drawn.range)),
                distribution=drawn.distribution.kind,
                correlation=_decimal(value),
                share=_decimal(value**2),
            )
            for drawn, value in zip(compiled.drawn, correlations, strict=True)
        ),
        key=lambda driver: (-driver.share, driver.range.input),
    )
    drawn_paths = {drawn.range.path for drawn in compiled.drawn}
    held = [
        _input_range(found, basis_of(found))
        for found in ranges.ranges
        if found.path not in drawn_paths
    ]
    gross = is_gross(compiled.estimate, "net")
    flags = judgement_flags(ranges)
    if gross:
        flags.insert(0, "gross: the scenario gives no programme cost, so net is the gross total")
    if poisson_births:
        flags.append("births are drawn as Poisson counts around their expectation")
    return Simulation(
        scenario=ranges.inputs.scenario.name,
        draws=draws,
        seed=seed,
        poisson_births=poisson_births,
        percentiles="exact" if run.kept is not None else "histogram",
        outcome=outcome,
        outcomes=summaries,
        probability_net_positive=_decimal(run.positive / draws),
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


def _input_range(found: Range, basis: RangeBasis) -> InputRange:
    return InputRange(
        input=found.path,
        point=found.point,
        low=found.low,
        high=found.high,
        basis=basis,
        assumption=found.assumption,
    )


def _decimal(value: float) -> Decimal:
    """A float as the decimal of its shortest repr: the same bytes on every machine."""
    return Decimal(repr(float(value)))


def _bars(run: Run, name: str) -> list[HistogramBin]:
    low, high = percentile(run, name, 0.005), percentile(run, name, 0.995)
    if high <= low:
        return [HistogramBin(low=_decimal(low), high=_decimal(high), draws=run.moments.count)]
    edges = np.linspace(low, high, HISTOGRAM_BINS + 1)
    if run.kept is not None:
        counts = np.histogram(np.clip(run.kept[name], low, high), bins=edges)[0]
    else:
        first, last, fine = run.histograms[name]
        centres = first + (np.arange(BINS) + 0.5) * (last - first) / BINS
        counts = np.histogram(np.clip(centres, low, high), bins=edges, weights=fine)[0]
    return [
        HistogramBin(low=_decimal(edges[i]), high=_decimal(edges[i + 1]), draws=int(counts[i]))
        for i in range(HISTOGRAM_BINS)
    ]
