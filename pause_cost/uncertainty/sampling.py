"""Draws for Monte Carlo: each input's distribution, counted rates, and rank correlations.

Everything here is a pure function of its arguments (and, for draws, of the generator's
state), so a run seeded the same way draws the same numbers. The gamma quantile is written out
in plain Python because the one place it is needed, a counted rate's range, must not pull in
scipy for two percentiles.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Context, Decimal

import numpy as np
from numpy.typing import NDArray

from pause_cost.model.uncertainty import PARAMETERS, CountedRate, Distribution

_EPSILON = 1e-16
"""Where the series and the continued fraction stop: a term below this share of the sum."""

_TINY = 1e-300
"""Lentz's stand-in for a zero denominator."""

_MAX_TERMS = 1_000_000
"""Enough for shapes up to the counts allowed (a million events): both need ~10 sqrt(shape)."""

_SIGNIFICANT_FIGURES = 6
_ROUNDING = Context(prec=_SIGNIFICANT_FIGURES, rounding=ROUND_HALF_EVEN)
"""A derived range is rounded to 6 significant figures, half to even."""

_MOST_CORRELATED = 1.0 - 1e-12
"""The largest score correlation imposed: exactly 1 would make the target matrix singular."""

_LOWER_PERCENTILE = 0.05
_UPPER_PERCENTILE = 0.95


def _stirling_error(shape: float) -> float:
    """ln Gamma(a) less Stirling's approximation (a - 1/2) ln a - a + ln(2 pi)/2.

    Taken apart so that a large shape's prefactor is not the small difference of two numbers
    near a ln a (which would cost ~1e-9 relative at a million events).
    """
    if shape < 15.0:
        return (
            math.lgamma(shape)
            - ((shape - 0.5) * math.log(shape) - shape)
            - 0.5 * math.log(2.0 * math.pi)
        )
    # The asymptotic series B_2k / (2k (2k - 1) a^(2k - 1)); from a = 15 the first term left
    # out, 691 / (360360 a^11), is below 3e-16.
    inverse_square = 1.0 / (shape * shape)
    series = 1.0 / 1188.0
    for coefficient in (-1.0 / 1680.0, 1.0 / 1260.0, -1.0 / 360.0, 1.0 / 12.0):
        series = coefficient + inverse_square * series
    return series / shape


def _log_prefactor(shape: float, x: float) -> float:
    """ln(x^a e^-x / Gamma(a)): the factor both the series and the continued fraction share."""
    ratio = x / shape
    if 0.5 < ratio < 2.0:
        relative = (x - shape) / shape
        log_ratio_less_excess = math.log1p(relative) - relative
    else:
        log_ratio_less_excess = math.log(ratio) - (ratio - 1.0)
    return (
        shape * log_ratio_less_excess
        + 0.5 * math.log(shape / (2.0 * math.pi))
        - _stirling_error(shape)
    )


def _lower_series(shape: float, x: float) -> float:
    """P(a, x) by its power series, which converges fast for x < a + 1."""
    term = 1.0 / shape
    total = term
    denominator = shape
    for _ in range(_MAX_TERMS):
        denominator += 1.0
        term *= x / denominator
        total += term
        if abs(term) < abs(total) * _EPSILON:
            return total * math.exp(_log_prefactor(shape, x))
    raise ArithmeticError(f"the gamma series did not converge (shape {shape}, x {x})")


def _upper_fraction(shape: float, x: float) -> float:
    """Q(a, x) = 1 - P(a, x) by its continued fraction (modified Lentz), for x >= a + 1."""
    b = x + 1.0 - shape
    c = 1.0 / _TINY
    d = 1.0 / b
    fraction = d
    for i in range(1, _MAX_TERMS):
        an = -i * (i - shape)
        b += 2.0
        d = an * d + b
        if abs(d) < _TINY:
            d = _TINY
        c = b + an / c
        if abs(c) < _TINY:
            c = _TINY
        d = 1.0 / d
        step = d * c
        fraction *= step
        if abs(step - 1.0) < _EPSILON:
            return fraction * math.exp(_log_prefactor(shape, x))
    raise ArithmeticError(f"the gamma continued fraction did not converge (shape {shape}, x {x})")


def _lower_and_upper(shape: float, x: float) -> tuple[float, float]:
    """P(a, x) and Q(a, x), each computed directly where it is the smaller (no cancellation)."""
    if x < shape + 1.0:
        lower = _lower_series(shape, x)
        return lower, 1.0 - lower
    upper = _upper_fraction(shape, x)
    return 1.0 - upper, upper


def gamma_quantile(shape: float, rate: float, probability: float) -> float:
    """The value a gamma(shape, rate) draw falls below with the given probability.

    Solves P(a, x) = p for p <= 1/2 and Q(a, x) = 1 - p above it (each tail where it is
    computed without cancellation), by Newton's method kept inside a bracket, falling back to
    bisecting the bracket (geometrically) whenever a step would leave it. Relative accuracy is
    about 1e-15 for moderate shapes, 1e-12 or better up to a million.
    """
    if not (math.isfinite(shape) and shape > 0):
        raise ValueError(f"a gamma's shape must be positive, not {shape}")
    if not (math.isfinite(rate) and rate > 0):
        raise ValueError(f"a gamma's rate must be positive, not {rate}")
    if not 0.0 < probability < 1.0:
        raise ValueError(
            f"a quantile's probability must lie strictly between 0 and 1, not {probability}"
        )
    upper_tail = probability > 0.5
    target = 1.0 - probability if upper_tail else probability

    def excess(x: float) -> float:
        """Increasing in x, zero at the quantile (of the unit-rate gamma)."""
        lower, upper = _lower_and_upper(shape, x)
        return target - upper if upper_tail else lower - target

    x = shape
    if excess(x) < 0:
        low = x
        high = 2.0 * x
        while excess(high) < 0:
            low, high = high, 2.0 * high
    else:
        high = x
        low = 0.5 * x
        while excess(low) >= 0:
            if low < 1e-300:
                return 0.0  # below the smallest normal float: the quantile underflows
            low, high = 0.5 * low, low
    x = math.sqrt(low * high)
    for _ in range(400):
        value = excess(x)
        if value == 0.0:
            break
        if value < 0:
            low = x
        else:
            high = x
        density = math.exp(_log_prefactor(shape, x)) / x
        step = value / density if density > 0 else math.inf
        candidate = x - step
        if not low < candidate < high:
            candidate = math.sqrt(low * high)
        elif abs(step) <= 1e-14 * x:
            x = candidate
            break
        x = candidate
        if high / low - 1.0 <= 4e-16:
            break
    return x / rate


def _significant(value: float) -> Decimal:
    return _ROUNDING.create_decimal(value)


def derived_rate(counted: CountedRate) -> tuple[Decimal, Decimal, Distribution]:
    """A counted rate's range (5th to 95th percentiles) and distribution, from its counts.

    The distribution is the Jeffreys posterior for a Poisson rate, gamma(events + 1/2,
    exposure); its percentiles are rounded to 6 significant figures, half to even, so that the
    range printed and the range used are the same numbers.
    """
    shape = counted.events + Decimal("0.5")
    rate = counted.exposure
    low = gamma_quantile(float(shape), float(rate), _LOWER_PERCENTILE)
    high = gamma_quantile(float(shape), float(rate), _UPPER_PERCENTILE)
    distribution = Distribution.model_validate({"kind": "gamma", "shape": shape, "rate": rate})
    return _significant(low), _significant(high), distribution


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
