"""The value of information, from draws of each option's net benefit.

EVPI (the expected value of perfect information) is what a decision-maker would pay to learn
every input before choosing: E[max over options of NB] - max over options of E[NB], the mean
of the per-draw best option's net benefit less the best mean.

EVPPI (of partial, perfect information: one input, or a group) is the same with only those
inputs learnt: E_x[max_d E[NB_d | x]] - max_d E[NB_d]. The inner conditional expectation is
estimated, as Strong, Oakley and Brennan (Medical Decision Making 34(3):311-326, 2014) do and
voi, dampack and BCEA follow, by regressing each option's net benefit (here: its increment on
the first option) on the inputs over the same draws, and reading the fitted values.

The regression: for one input, a restricted (natural) cubic spline (Harrell, *Regression
Modeling Strategies*, 2nd ed., 2015, s.2.4.5) with knots at fixed quantiles of the draws: cubic
between the knots, linear beyond the outer ones, smooth (two continuous derivatives) at each;
for a group, a full polynomial of total degree 3 in the standardised inputs (every power and
interaction up to the third), the basis Strong et al. call adequate for low-dimensional groups
and the one used to check the test fixtures in the project's reference notes. Both are fitted
by ordinary least squares (numpy's SVD-based ``lstsq``). No penalty is needed because the
basis is small and fixed (7 terms for one input, 10 for two, 20 for three) and the draws many:
at least :data:`DRAWS_PER_TERM` per term are required, so the fit's own noise, which biases
EVPPI upwards, stays well below the Monte Carlo error reported beside it. A GAM from a library
would choose its smoothness by itself, at the cost of a dependency and seconds per input; for
the smooth, near-monotone outcomes of a costing, a fixed spline does as well (the test
fixtures agree to within the reported error).

Every figure comes with its Monte Carlo standard error: the standard deviation of the per-draw
gain (the draw's best option, or best fitted option, less the option best on average) over the
square root of the draws. For EVPPI it does not include the regression's own error, which the
draws-per-term rule keeps small; say so when quoting it.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]

SPLINE_QUANTILES = (0.025, 0.18333, 0.34167, 0.5, 0.65833, 0.81667, 0.975)
"""Knots for one input's spline: Harrell's placement for seven knots (RMS s.2.4.6, table 2.3)."""

GROUP_DEGREE = 3
"""Total degree of a group's polynomial."""

DRAWS_PER_TERM = 50
"""Draws needed per regression term (and never fewer than :data:`FEWEST_DRAWS`)."""

FEWEST_DRAWS = 1_000


class VoiError(ValueError):
    """Draws or inputs that cannot give a value of information."""


@dataclass(frozen=True)
class Estimated:
    """A value of information and its Monte Carlo standard error."""

    value: float
    mcse: float
    terms: int = 0
    """The regression's terms (0 for EVPI, which needs none)."""


def _gain(values: Array) -> Estimated:
    """From per-draw values (draws, options): mean of the row maxima less the best column mean,
    with the standard error of the mean per-draw gain over that best column."""
    means = values.mean(axis=0)
    best = int(np.argmax(means))
    gain = values.max(axis=1) - values[:, best]
    count = values.shape[0]
    spread = float(gain.std(ddof=1)) if count > 1 else 0.0
    return Estimated(value=float(gain.mean()), mcse=spread / math.sqrt(count))


def _options(net_benefit: Array) -> Array:
    found = np.asarray(net_benefit, dtype=np.float64)
    if found.ndim == 1:
        found = np.column_stack([np.zeros_like(found), found])
    if found.ndim != 2 or found.shape[1] < 2:
        raise VoiError("a decision needs at least two options' net benefit, one column each")
    return found


def evpi(net_benefit: Array) -> Estimated:
    """EVPI from draws of net benefit, one row a draw and one column an option (a single
    column is an option's increment over doing nothing, whose net benefit is 0)."""
    return _gain(_options(net_benefit))


def spline_basis(values: Array) -> Array:
    """One input's restricted cubic spline basis (draws, terms): 1, x and one term per inner
    knot; fewer knots where the draws take few distinct values (a whole-number input)."""
    x = np.asarray(values, dtype=np.float64)
    knots = np.unique(np.quantile(x, SPLINE_QUANTILES))
    if knots.size < 3:
        return polynomial_basis(x[:, None], min(GROUP_DEGREE, max(np.unique(x).size - 1, 0)))
    scale = knots[-1] - knots[0]
    t = (knots - knots[0]) / scale
    u = (x - knots[0]) / scale
    last, before = t[-1], t[-2]

    def cube(at: float) -> Array:
        result: Array = np.maximum(u - at, 0.0) ** 3
        return result

    columns = [np.ones_like(u), u]
    for knot in t[:-2]:
        columns.append(
            cube(knot)
            - cube(before) * (last - knot) / (last - before)
            + cube(last) * (before - knot) / (last - before)
        )
    return np.column_stack(columns)


def polynomial_basis(values: Array, degree: int = GROUP_DEGREE) -> Array:
    """Every product of powers of the standardised inputs up to total ``degree`` (draws, terms)."""
    x = np.asarray(values, dtype=np.float64)
    spread = x.std(axis=0)
    z = (x - x.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    columns = [np.ones(x.shape[0])]
    for order in range(1, degree + 1):
        for combination in itertools.combinations_with_replacement(range(x.shape[1]), order):
            column = np.ones(x.shape[0])
            for index in combination:
                column = column * z[:, index]
            columns.append(column)
    return np.column_stack(columns)


def basis(inputs: Array) -> Array:
    """The regression basis for a set of inputs (draws, k): a spline for one, a polynomial
    for a group."""
    x = np.asarray(inputs, dtype=np.float64)
    if x.ndim == 1:
        x = x[:, None]
    return spline_basis(x[:, 0]) if x.shape[1] == 1 else polynomial_basis(x)


def terms_needed(inputs: int) -> int:
    """Terms in the basis for ``inputs`` inputs (at most: a spline may drop coincident knots)."""
    if inputs == 1:
        return len(SPLINE_QUANTILES)
    return math.comb(inputs + GROUP_DEGREE, GROUP_DEGREE)


def draws_needed(inputs: int) -> int:
    """Draws a regression on ``inputs`` inputs needs."""
    return max(FEWEST_DRAWS, DRAWS_PER_TERM * terms_needed(inputs))


def evppi(net_benefit: Array, inputs: Array) -> Estimated:
    """EVPPI of the inputs (draws, k) from the same draws' net benefit (see :func:`evpi`), by
    regressing each option's increment over the first on the inputs' basis."""
    options = _options(net_benefit)
    x = np.asarray(inputs, dtype=np.float64)
    if x.ndim == 1:
        x = x[:, None]
    count = options.shape[0]
    if x.shape[0] != count:
        raise VoiError(f"{x.shape[0]} draws of the inputs against {count} of net benefit")
    needed = draws_needed(x.shape[1])
    if count < needed:
        raise VoiError(
            f"{count:,} draws are too few for the regression on {x.shape[1]} input(s): it has "
            f"{terms_needed(x.shape[1])} terms and needs {needed:,} draws (at least "
            f"{DRAWS_PER_TERM} a term); ask for more draws"
        )
    design = basis(x)
    increments = options[:, 1:] - options[:, :1]
    coefficients = np.linalg.lstsq(design, increments, rcond=None)[0]
    fitted = np.column_stack([np.zeros(count), design @ coefficients])
    found = _gain(fitted)
    return Estimated(value=max(found.value, 0.0), mcse=found.mcse, terms=design.shape[1])


def population_factor(decisions_per_year: float, years: float, rate_percent: float) -> float:
    """Decisions over ``years``, discounted continuously as voi's ``pop_voi`` does:
    decisions_per_year x (1 - e^(-r years)) / r, and decisions_per_year x years at r = 0 (the
    limit; ``pop_voi`` itself returns decisions_per_year alone there)."""
    rate = rate_percent / 100.0
    if rate == 0:
        return decisions_per_year * years
    return decisions_per_year * (1.0 - math.exp(-rate * years)) / rate
