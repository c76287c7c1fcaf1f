"""A counted rate's range: the 5th to 95th percentiles of its Jeffreys posterior.

A scenario may give a rate as counts (events over an exposure) instead of a range; the range it
stands for is a property of the input as stated, so it is worked out here, beside the models,
where ranges are checked against the inputs they address. The gamma quantile is written out in
plain Python because the one place it is needed must not pull in scipy for two percentiles.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Context, Decimal

from pause_cost.model.uncertainty import CountedRate, Distribution

_EPSILON = 1e-16
"""Where the series and the continued fraction stop: a term below this share of the sum."""

_TINY = 1e-300
"""Lentz's stand-in for a zero denominator."""

_MAX_TERMS = 1_000_000
"""Enough for shapes up to the counts allowed (a million events): both need ~10 sqrt(shape)."""

_SIGNIFICANT_FIGURES = 6
_ROUNDING = Context(prec=_SIGNIFICANT_FIGURES, rounding=ROUND_HALF_EVEN)
"""A derived range is rounded to 6 significant figures, half to even."""

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
