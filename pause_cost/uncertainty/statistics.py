"""Streaming statistics of a Monte Carlo's outcomes: moments merged chunk by chunk, and
percentiles exact from kept draws or from a fine histogram once there are too many to keep.

Memory stays flat however many draws are asked for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
Counts = NDArray[np.int32]
"""A histogram's counts: 32 bits hold any bin of the 10,000,000 draws a run may ask for, at
half the memory of 64."""

RETAINED = 1_000_000
"""Up to this many draws every outcome is kept, and percentiles are exact; beyond it they
come from a histogram of :data:`BINS` bins over the range the draws span."""

BINS = 1 << 20


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
    histograms: dict[str, tuple[float, float, Counts]]
    extremes: dict[str, tuple[float, float]]
    positive: int


def histogram(histograms: dict[str, tuple[float, float, Counts]], name: str, values: Array) -> None:
    """Count a chunk into the outcome's histogram, fixed by the first chunk's spread (widened
    fourfold each way); a draw beyond it is counted in the end bin."""
    if name not in histograms:
        low, high = float(values.min()), float(values.max())
        span = high - low or max(abs(low), 1.0)
        histograms[name] = (low - 4 * span, high + 4 * span, np.zeros(BINS, dtype=np.int32))
    low, high, counts = histograms[name]
    bins = np.clip(((values - low) / (high - low) * BINS).astype(np.int64), 0, BINS - 1)
    np.add.at(counts, bins, 1)  # in place: no bins-long temporary a chunk


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
