"""Uncertainty stated no more surely than the draws allow.

- A probability from n draws is never 0 or 1: where no draw (or every draw) falls on one side,
  the chance of the other is bounded at 95% by 1 - 0.05^(1/n), about 3/n (the rule of three;
  Hanley and Lippman-Hand, JAMA 249(13):1743-1745, 1983).
- Each mean and percentile carries its Monte Carlo standard error: the mean's is sd / sqrt(n);
  a percentile's is read from the order statistics, half the distance between the quantiles at
  p - s and p + s, s = sqrt(p (1 - p) / n) (the binomial spread of the count of draws below
  the p-th quantile), which needs no density estimate and works on a histogram as well.
- Drivers are named for what they are: standardised regression coefficients of the outcome
  on all drawn inputs together, with the regression's R², and each input's first-order
  variance share Var(E[Y | X_i]) / Var(Y) estimated by binning the input into equal-count bins.

Everything here is accumulated chunk by chunk, so memory stays flat as the draws grow.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np
from numpy.typing import NDArray

from pause_cost.errors import InputError, Problem
from pause_cost.model.paths import FLAT_RATE
from pause_cost.model.ranges import Ranges

Array = NDArray[np.float64]

LEVEL = 0.95
"""The confidence of the bound put on a probability no draw reached."""

DRIVER_BINS = 50
"""Equal-count bins of an input for its first-order variance share (edges from the first
chunk's quantiles; a whole-number input takes as many bins as it has distinct values)."""


def refuse_normative(ranges: Ranges) -> None:
    """Refuse a drawn discount rate, located at its range: the rate is normative, varied
    deterministically only (the Green Book's lower-rate test), never drawn."""
    problems = []
    for found in ranges.ranges:
        if found.path == FLAT_RATE and found.distribution is not None:
            path, _, line = found.origin.rpartition(":")
            problems.append(
                Problem(
                    path or found.origin,
                    int(line) if line.isdigit() else None,
                    None,
                    "uncertainty",
                    f"{found.path}: the discount rate is normative, not uncertain: the Green "
                    "Book varies it deterministically (its lower-rate test), so it takes low "
                    "and high for sensitivity and breakeven but no distribution; leave out its "
                    "distribution",
                )
            )
    if problems:
        raise InputError(problems)


def bound_when_none(draws: int, level: float = LEVEL) -> float:
    """The chance that no draw of ``draws`` would show, at most, with confidence ``level``:
    1 - (1 - level)^(1/draws), about 3/draws at 95%."""
    return float(1.0 - (1.0 - level) ** (1.0 / draws))


def percentile_spread(probability: float, draws: int) -> tuple[float, float]:
    """The probabilities one binomial standard error either side of ``probability``."""
    step = math.sqrt(probability * (1.0 - probability) / draws)
    return max(probability - step, 0.0), min(probability + step, 1.0)


@dataclass
class Comoments:
    """Means and co-moments of columns (inputs then the outcome), merged chunk by chunk."""

    count: int = 0
    mean: Array = field(default_factory=lambda: np.zeros(0))
    products: Array = field(default_factory=lambda: np.zeros((0, 0)))

    def add(self, columns: Array) -> None:
        size = columns.shape[0]
        mean = columns.mean(axis=0)
        centred = columns - mean
        products = centred.T @ centred
        if self.count == 0:
            self.count, self.mean, self.products = size, mean, products
            return
        total = self.count + size
        delta = mean - self.mean
        self.products = (
            self.products + products + np.outer(delta, delta) * self.count * size / total
        )
        self.mean = self.mean + delta * size / total
        self.count = total

    def regression(self) -> tuple[Array, float]:
        """Standardised coefficients of the last column on the others, and the fit's R²."""
        inputs = self.products.shape[0] - 1
        spread = np.sqrt(np.maximum(np.diag(self.products), 0.0))
        if inputs == 0 or spread[-1] == 0:
            return np.zeros(inputs), 0.0
        varying = spread[:-1] > 0
        scale = np.where(spread > 0, spread, 1.0)
        correlation = self.products / np.outer(scale, scale)
        among = correlation[:-1, :-1][np.ix_(varying, varying)]
        with_outcome = correlation[:-1, -1][varying]
        found = np.linalg.lstsq(among, with_outcome, rcond=None)[0]
        coefficients = np.zeros(inputs)
        coefficients[varying] = found
        return coefficients, float(min(max(found @ with_outcome, 0.0), 1.0))

    def correlated(self, confidence: float = 0.999) -> bool:
        """Whether any two inputs' draws correlate beyond what independent draws would give
        at ``confidence``, family-wise over the pairs: under independence a sample
        correlation of n draws is about N(0, 1/(n - 1)), so the bound is
        z(1 - (1 - confidence) / (2 x pairs)) / sqrt(n - 1) (3.29 / sqrt(n - 1) for one pair
        at 99.9%). A fixed bound such as 0.01 is crossed by chance at a few thousand draws."""
        inputs = self.products.shape[0] - 1
        if inputs < 2 or self.count < 3:
            return False
        spread = np.sqrt(np.maximum(np.diag(self.products)[:-1], 0.0))
        scale = np.where(spread > 0, spread, 1.0)
        correlation = self.products[:-1, :-1] / np.outer(scale, scale)
        off = correlation[~np.eye(inputs, dtype=bool)]
        return bool(np.any(np.abs(off) > independence_bound(self.count, inputs, confidence)))


def independence_bound(draws: int, inputs: int, confidence: float = 0.999) -> float:
    """The largest |r| between any of ``inputs`` independent inputs in ``draws`` draws at
    ``confidence`` (family-wise, Bonferroni over the inputs' pairs; normal approximation)."""
    pairs = inputs * (inputs - 1) // 2
    z = NormalDist().inv_cdf(1 - (1 - confidence) / (2 * max(pairs, 1)))
    return z / math.sqrt(draws - 1)


@dataclass
class Binned:
    """Each input's draws in equal-count bins (edges from the first chunk), and the outcome's
    count, sum and sum of squares in each: enough for Var(E[Y | bin]) at the end."""

    edges: list[Array] = field(default_factory=list)
    counts: list[Array] = field(default_factory=list)
    sums: list[Array] = field(default_factory=list)
    total: int = 0
    outcome_sum: float = 0.0
    outcome_squares: float = 0.0
    shift: float | None = None

    def add(self, inputs: Array, outcome: Array) -> None:
        if self.shift is None:
            self.shift = float(outcome.mean())  # sums taken about it, against cancellation
            for column in inputs.T:
                edges = np.unique(np.quantile(column, np.linspace(0, 1, DRIVER_BINS + 1)[1:-1]))
                self.edges.append(edges)
                self.counts.append(np.zeros(edges.size + 1))
                self.sums.append(np.zeros(edges.size + 1))
        centred = outcome - self.shift
        for index, column in enumerate(inputs.T):
            bins = np.searchsorted(self.edges[index], column, side="right")
            self.counts[index] += np.bincount(bins, minlength=self.counts[index].size)
            self.sums[index] += np.bincount(bins, weights=centred, minlength=self.sums[index].size)
        self.total += outcome.shape[0]
        self.outcome_sum += float(centred.sum())
        self.outcome_squares += float(centred @ centred)

    def shares(self) -> list[float]:
        """Each input's first-order variance share, Var(E[Y | bin]) / Var(Y), in [0, 1]."""
        if self.total == 0:
            return []
        mean = self.outcome_sum / self.total
        variance = self.outcome_squares / self.total - mean**2
        if variance <= 0:
            return [0.0] * len(self.counts)
        found = []
        for counts, sums in zip(self.counts, self.sums, strict=True):
            filled = counts > 0
            means = sums[filled] / counts[filled]
            between = float(counts[filled] @ (means - mean) ** 2) / self.total
            found.append(min(max(between / variance, 0.0), 1.0))
        return found


@dataclass
class Watcher:
    """What a Monte Carlo run keeps beside its moments, chunk by chunk: draws above 0 of each
    outcome, and the co-moments and bins the judged outcome's drivers are read from."""

    judged: str
    above: dict[str, int] = field(default_factory=dict)
    comoments: Comoments = field(default_factory=Comoments)
    binned: Binned = field(default_factory=Binned)

    def see(self, inputs: Array, values: dict[str, Array]) -> None:
        for name, drawn in values.items():
            self.above[name] = self.above.get(name, 0) + int(np.count_nonzero(drawn > 0))
        outcome = values[self.judged]
        self.comoments.add(np.column_stack([inputs, outcome]))
        self.binned.add(inputs, outcome)
