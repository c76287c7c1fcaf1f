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
at least :data:`DRAWS_PER_TERM` per term are required, so the fit's overfitting, which biases
EVPPI upwards, stays well below the Monte Carlo error reported beside it. A GAM from a library
would choose its smoothness by itself, at the cost of a dependency and seconds per input; for
the smooth, near-monotone outcomes of a costing, a fixed spline does as well (the test
fixtures agree to within the reported error).

Every figure comes with its Monte Carlo standard error: the standard deviation of the per-draw
gain (the draw's best option, or best fitted option, less the option best on average) over the
square root of the draws; for EVPPI, the regression's own error besides, by the delta method
(:meth:`Regression.estimated`). Without it an EVPPI's error is understated wherever the net
benefit varies much for reasons other than the inputs learnt: in voi's vignette, EVPPI(p1)'s
spread across seeds is three times the per-draw gain's error alone.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

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

MOST_IN_GROUP = 8
"""Inputs a group may hold: its cubic polynomial has C(8 + 3, 3) = 165 terms."""

BLOCK_ELEMENTS = 4_000_000
"""Numbers the residuals' sandwich holds at once (rows x terms x options), so its memory does
not grow with the options and the group's terms beyond a chunk's design."""


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
    return _spline(x, knots)


def polynomial_basis(values: Array, degree: int = GROUP_DEGREE) -> Array:
    """Every product of powers of the standardised inputs up to total ``degree`` (draws, terms)."""
    x = np.asarray(values, dtype=np.float64)
    spread = x.std(axis=0)
    return _powers((x - x.mean(axis=0)) / np.where(spread > 0, spread, 1.0), degree)


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
    regressing each option's increment over the first on the inputs' basis: one chunk of
    :class:`Regression`, so the arrays and the chunks are one formula."""
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
    increments = options[:, 1:] - options[:, :1]
    regression = Regression()
    regression.fit(x, increments)
    regression.read(x, increments)
    return regression.estimated()


def population_factor(decisions_per_year: float, years: float, rate_percent: float) -> float:
    """Decisions over ``years``, discounted continuously as voi's ``pop_voi`` does:
    decisions_per_year x (1 - e^(-r years)) / r, and decisions_per_year x years at r = 0 (the
    limit; ``pop_voi`` itself returns decisions_per_year alone there)."""
    rate = rate_percent / 100.0
    if rate == 0:
        return decisions_per_year * years
    return decisions_per_year * (1.0 - math.exp(-rate * years)) / rate


# --- chunk by chunk: memory flat however many draws -------------------------------------


@dataclass
class Gains:
    """Running sums for E[max_d V_d] - max_d E[V_d] over chunks of per-draw values V (draws,
    options): each column's sum, and each column's gap to the row maximum, summed and squared."""

    count: int = 0
    sums: Array | None = None
    gaps: Array | None = None
    squares: Array | None = None
    centre: Array | None = None
    spread: Array | None = None
    """Each column's values about the first chunk's mean, summed and squared (its own MCSE)."""

    def add(self, values: Array) -> None:
        gap = values.max(axis=1)[:, None] - values
        if self.centre is None:
            self.centre = values.mean(axis=0)
        centred = values - self.centre
        if self.sums is None or self.gaps is None or self.squares is None or self.spread is None:
            self.sums, self.gaps, self.squares, self.spread = (
                values.sum(axis=0),
                gap.sum(axis=0),
                (gap * gap).sum(axis=0),
                np.zeros(values.shape[1]),
            )
        else:
            self.sums += values.sum(axis=0)
            self.gaps += gap.sum(axis=0)
            self.squares += (gap * gap).sum(axis=0)
        self.spread += (centred * centred).sum(axis=0)
        self.count += values.shape[0]

    def errors(self) -> Array:
        """Each column's mean's Monte Carlo standard error: sd / sqrt(n)."""
        assert self.centre is not None
        assert self.spread is not None
        shift = self.means() - self.centre
        variance = (self.spread - self.count * shift**2) / max(self.count - 1, 1)
        result: Array = np.sqrt(np.maximum(variance, 0.0) / self.count)
        return result

    def means(self) -> Array:
        assert self.sums is not None
        result: Array = self.sums / self.count
        return result

    def estimated(self, terms: int = 0) -> Estimated:
        assert self.gaps is not None
        assert self.squares is not None
        best = int(np.argmax(self.means()))
        mean = float(self.gaps[best]) / self.count
        variance = (float(self.squares[best]) - self.count * mean**2) / max(self.count - 1, 1)
        return Estimated(
            value=max(mean, 0.0), mcse=math.sqrt(max(variance, 0.0) / self.count), terms=terms
        )


@dataclass
class Regression:
    """One EVPPI's regression, fitted over chunks: the basis is fixed by the first chunk (the
    spline's knots at its quantiles, or the group's means and spreads), the normal equations
    summed chunk by chunk and solved once; then the fitted values are read chunk by chunk."""

    knots: Array | None = None
    centre: Array | None = None
    spread: Array | None = None
    gram: Array | None = None
    moments: Array | None = None
    coefficients: Array | None = None
    gains: Gains = field(default_factory=Gains)
    chosen: Array | None = None
    """Per option (after the first), the sum of the basis rows of the draws it is best in."""
    total: Array | None = None
    meat: Array | None = None
    """Per pair of options, X' diag(r_d r_e) X: the residuals' sandwich."""

    def design(self, inputs: Array) -> Array:
        if inputs.shape[1] == 1:
            if self.knots is None:
                self.knots = np.unique(np.quantile(inputs[:, 0], SPLINE_QUANTILES))
            if self.knots.size >= 3:
                return _spline(inputs[:, 0], self.knots)
        if self.centre is None or self.spread is None:
            self.centre = inputs.mean(axis=0)
            found = inputs.std(axis=0)
            self.spread = np.where(found > 0, found, 1.0)
        degree = GROUP_DEGREE
        if inputs.shape[1] == 1 and self.knots is not None:
            degree = min(GROUP_DEGREE, max(self.knots.size - 1, 0))
        return _powers((inputs - self.centre) / self.spread, degree)

    def fit(self, inputs: Array, increments: Array) -> None:
        design = self.design(inputs)
        gram, moments = _products(design, design), _products(design, increments)
        if self.gram is None or self.moments is None:
            self.gram, self.moments = gram, moments
        else:
            self.gram += gram
            self.moments += moments

    def read(self, inputs: Array, increments: Array) -> None:
        """Add a chunk's fitted values to the gains, and what the regression's own error
        needs: each row's best option's basis rows, and the residuals' sandwich."""
        if self.coefficients is None:
            assert self.gram is not None
            assert self.moments is not None
            solved = np.linalg.lstsq(self.gram, self.moments, rcond=None)[0]
            self.coefficients = np.asarray(solved, dtype=np.float64)
        coefficients = self.coefficients
        assert coefficients is not None
        design = self.design(inputs)
        fitted = design @ coefficients
        table = np.column_stack([np.zeros(fitted.shape[0]), fitted])
        self.gains.add(table)
        options = fitted.shape[1]
        best = table.argmax(axis=1)
        chosen = np.stack([design[best == option + 1].sum(axis=0) for option in range(options)])
        residuals = increments - fitted
        terms = design.shape[1]
        width = terms * options
        meat = np.zeros((width, width))
        step = max(1, BLOCK_ELEMENTS // width)
        for start in range(0, design.shape[0], step):
            rows = slice(start, start + step)
            scaled = (design[rows, :, None] * residuals[rows, None, :]).reshape(-1, width)
            meat += _products(scaled, scaled)
        meat = meat.reshape(terms, options, terms, options).transpose(1, 3, 0, 2)
        if self.chosen is None or self.total is None or self.meat is None:
            self.chosen, self.total, self.meat = chosen, design.sum(axis=0), meat
        else:
            self.chosen += chosen
            self.total += design.sum(axis=0)
            self.meat += meat

    def estimated(self) -> Estimated:
        """EVPPI, and its Monte Carlo standard error with the regression's own error in it.

        The estimate is mean_i g(x_i, b) with g the row's best fitted value less the fitted
        value of the option best on average, and b the coefficients. Its variance is that of
        the per-draw gain over n (the inputs' draws) plus, by the delta method, the
        coefficients' (their residual noise): G' Cov(b) G, where G_d is the mean basis row of
        the draws whose best option is d less, for the option best on average, the mean basis
        row, and Cov(b) the heteroscedasticity-robust sandwich (X'X)^-1 X' diag(r_d r_e) X
        (X'X)^-1 (White's HC0). The two parts are uncorrelated when the regression is the
        conditional mean. Without the second part the error is understated wherever the
        residuals are large against the gain: threefold in voi's vignette (EVPPI of p1)."""
        found = self.gains.estimated(
            terms=0 if self.coefficients is None else self.coefficients.shape[0]
        )
        if self.gram is None or self.chosen is None or self.total is None or self.meat is None:
            return found
        count = self.gains.count
        best = int(np.argmax(self.gains.means()))
        gradient = self.chosen / count
        if best > 0:
            gradient[best - 1] -= self.total / count
        inverse = np.linalg.pinv(self.gram)
        weights = gradient @ inverse
        variance = float(np.einsum("dp,depq,eq->", weights, self.meat, weights))
        spread = found.mcse**2 + max(variance, 0.0)
        return Estimated(value=found.value, mcse=math.sqrt(spread), terms=found.terms)


def _products(left: Array, right: Array) -> Array:
    """left' right, summed over the draws by numpy's own loop rather than a threaded BLAS: the
    same bytes whatever the machine's cores, and no threads spinning on a shared machine
    (there a threaded product of 10^5 x 42 took 30 times as long)."""
    result: Array = np.einsum("ip,iq->pq", left, right, optimize=False)
    return result


def _spline(x: Array, knots: Array) -> Array:
    scale = knots[-1] - knots[0]
    t = (knots - knots[0]) / scale
    u = (x - knots[0]) / scale
    last, before = t[-1], t[-2]
    columns = [np.ones_like(u), u]
    for knot in t[:-2]:
        columns.append(
            np.maximum(u - knot, 0.0) ** 3
            - np.maximum(u - before, 0.0) ** 3 * (last - knot) / (last - before)
            + np.maximum(u - last, 0.0) ** 3 * (before - knot) / (last - before)
        )
    return np.column_stack(columns)


def _powers(z: Array, degree: int) -> Array:
    columns = [np.ones(z.shape[0])]
    for order in range(1, degree + 1):
        for combination in itertools.combinations_with_replacement(range(z.shape[1]), order):
            column = np.ones(z.shape[0])
            for index in combination:
                column = column * z[:, index]
            columns.append(column)
    return np.column_stack(columns)
