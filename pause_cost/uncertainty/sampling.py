"""Draws for Monte Carlo: each input's distribution, counted rates, and rank correlations.

Everything here is a pure function of its arguments (and, for draws, of the generator's
state), so a run seeded the same way draws the same numbers. A counted rate's range is worked
out with the models (:mod:`pause_cost.model.counted`), where ranges are checked.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from pause_cost.model.counted import derived_rate, gamma_quantile
from pause_cost.model.uncertainty import PARAMETERS, Distribution

__all__ = [
    "CorrelationError",
    "derived_rate",
    "draw",
    "gamma_quantile",
    "rank_correlate",
]

_MOST_CORRELATED = 1.0 - 1e-12
"""The largest score correlation imposed: exactly 1 would make the target matrix singular."""


def _parameters(distribution: Distribution) -> list[float]:
    """The kind's parameters as floats, in the order PARAMETERS lists them."""
    values = []
    for name in PARAMETERS[distribution.kind]:
        value = getattr(distribution, name)
        assert value is not None  # the model refuses a distribution missing a parameter
        values.append(float(value))
    return values


def _pert_shapes(low: float, mode: float, high: float) -> tuple[float, float]:
    """A PERT's beta shapes (lambda 4): 1 + 4 (mode - low)/span, 1 + 4 (high - mode)/span."""
    span = high - low
    return 1.0 + 4.0 * (mode - low) / span, 1.0 + 4.0 * (high - mode) / span


def draw(
    distribution: Distribution, generator: np.random.Generator, size: int
) -> NDArray[np.float64]:
    """``size`` draws from the distribution, taken from the generator in one call."""
    kind = distribution.kind
    parameters = _parameters(distribution)
    if kind == "normal":
        mean_value, sd = parameters
        return generator.normal(mean_value, sd, size)
    if kind == "lognormal":
        median, sigma = parameters
        return np.exp(generator.normal(math.log(median), sigma, size))
    if kind == "gamma":
        shape, rate = parameters
        return generator.gamma(shape, 1.0 / rate, size)
    if kind == "beta":
        alpha, beta = parameters
        return generator.beta(alpha, beta, size)
    if kind == "triangular":
        low, mode, high = parameters
        return generator.triangular(low, mode, high, size)
    if kind == "pert":
        low, mode, high = parameters
        alpha, beta = _pert_shapes(low, mode, high)
        return low + (high - low) * generator.beta(alpha, beta, size)
    if kind == "uniform":
        low, high = parameters
        return generator.uniform(low, high, size)
    if kind == "discrete_uniform":
        low, high = parameters
        return generator.integers(int(low), int(high), size, endpoint=True).astype(np.float64)
    raise ValueError(f"unknown distribution kind {kind!r}")


class CorrelationError(ValueError):
    """Rank correlations that cannot be imposed; ``pair`` is the (i, j) found to break them."""

    def __init__(self, message: str, pair: tuple[int, int] | None = None) -> None:
        super().__init__(message)
        self.pair = pair


def _score_correlation(rank_correlation: float) -> float:
    """The Pearson correlation of normal scores whose Spearman correlation is the one given.

    For bivariate normals, Spearman's rho is (6/pi) asin(r/2) (Pearson, 1907); imposing the
    target itself on the scores would leave 0.7 at about 0.683. A correlation of +-1 is imposed
    as +-(1 - 1e-12), which keeps the matrix invertible and the ranks all but identical.
    """
    score = 2.0 * math.sin(math.pi * rank_correlation / 6.0)
    return max(-_MOST_CORRELATED, min(_MOST_CORRELATED, score))


def _target(pairs: list[tuple[int, int, float]], position: dict[int, int]) -> NDArray[np.float64]:
    """The correlation matrix to impose on the scores: identity, plus each pair's."""
    target = np.eye(len(position))
    for first, second, rank_correlation in pairs:
        row, column = position[first], position[second]
        target[row, column] = target[column, row] = _score_correlation(rank_correlation)
    return target


def _is_positive_definite(matrix: NDArray[np.float64]) -> bool:
    try:
        np.linalg.cholesky(matrix)
    except np.linalg.LinAlgError:
        return False
    return True


def rank_correlate(
    columns: list[NDArray[np.float64]],
    pairs: list[tuple[int, int, float]],
    generator: np.random.Generator,
) -> list[NDArray[np.float64]]:
    """The columns' draws reordered (Iman and Conover, 1982) so the pairs' ranks correlate.

    Each pair (i, j, r) asks for a Spearman correlation r between columns i and j. Only the
    order of the draws changes, never their values, so every marginal is kept exactly; columns
    in no pair are returned as given. Standard normal scores are drawn from the generator, made
    to have exactly the target correlation (the sample correlation of the scores is undone with
    its own Cholesky factor before the target's is applied), and each column is rearranged to
    follow its scores' ranks. The correlation imposed on the scores is 2 sin(pi r / 6), the one
    that gives normal scores a Spearman correlation of r. Pairs that no correlation matrix can
    hold together, taking a pair not given as uncorrelated, raise CorrelationError (a ValueError).
    """
    if not pairs:
        return list(columns)
    size = len(columns[0]) if columns else 0
    if any(len(column) != size for column in columns):
        raise ValueError("the columns to correlate must hold the same number of draws")
    involved: list[int] = []
    seen: set[tuple[int, int]] = set()
    for first, second, rank_correlation in pairs:
        for index in (first, second):
            if not 0 <= index < len(columns):
                raise ValueError(f"no column {index} to correlate ({len(columns)} columns)")
        if first == second:
            raise ValueError(f"column {first} cannot be correlated with itself")
        key = (min(first, second), max(first, second))
        if key in seen:
            raise CorrelationError(
                f"columns {first} and {second} are given a rank correlation twice", key
            )
        seen.add(key)
        if not -1.0 <= rank_correlation <= 1.0:
            raise CorrelationError(
                f"a rank correlation must lie in [-1, 1], not {rank_correlation}", key
            )
        for index in (first, second):
            if index not in involved:
                involved.append(index)
    involved.sort()
    position = {index: place for place, index in enumerate(involved)}
    count = len(involved)

    target = _target(pairs, position)
    if not _is_positive_definite(target):
        for given in range(1, len(pairs) + 1):
            if not _is_positive_definite(_target(pairs[:given], position)):
                first, second, rank_correlation = pairs[given - 1]
                raise CorrelationError(
                    "the rank correlations given cannot hold together (a pair not given counts "
                    f"as uncorrelated): no inputs could have them once columns {first} and "
                    f"{second} are given {rank_correlation}",
                    (first, second),
                )
    if size <= count:
        raise ValueError(f"{size} draws are too few to correlate {count} inputs")

    scores = generator.standard_normal((size, count))
    scores = (scores - scores.mean(axis=0)) / scores.std(axis=0)
    sample = (scores.T @ scores) / size
    try:
        sample_factor = np.linalg.cholesky(sample)
    except np.linalg.LinAlgError as error:
        raise ValueError(f"{size} draws are too few to correlate {count} inputs") from error
    target_factor = np.linalg.cholesky(target)
    # scores Q^-T P^T: correlation P Q^-1 S Q^-T P^T = P P^T, the target, exactly.
    uncorrelated = np.linalg.solve(sample_factor, scores.T).T
    correlated = uncorrelated @ target_factor.T

    result = list(columns)
    for index in involved:
        ranks = _ranks(correlated[:, position[index]])
        result[index] = np.sort(columns[index], kind="stable")[ranks]
    return result


def _ranks(values: NDArray[np.float64]) -> NDArray[np.intp]:
    """Each value's rank, 0 for the least (ties broken by position)."""
    return np.argsort(np.argsort(values, kind="stable"), kind="stable")
