"""Monte Carlo's raw material: gamma quantiles, counted rates, draws and rank correlations.

Every expected value here is worked out independently of the code under test: published
chi-square quantiles, closed forms (the exponential, the Erlang and half-integer gamma
distribution functions, the normal quantile for chi-square with one degree of freedom),
textbook means written out below, and large-sample Monte Carlo where nothing closed exists.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from statistics import NormalDist
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.typing import NDArray

from pause_cost.model.uncertainty import CountedRate, Distribution
from pause_cost.uncertainty.sampling import (
    derived_rate,
    draw,
    gamma_quantile,
    rank_correlate,
)

DRAWS = 200_000


@pytest.fixture(autouse=True)
def numpy_raises() -> Iterator[None]:
    """Any overflow, invalid operation or division by zero in numpy fails the test."""
    previous = np.seterr(all="raise")
    yield
    np.seterr(**previous)


def distribution(kind: str, **parameters: str) -> Distribution:
    """A distribution from decimal strings, as a file would give it."""
    values = {name: Decimal(value) for name, value in parameters.items()}
    return Distribution.model_validate({"kind": kind, **values})


def relative(found: float, expected: float) -> float:
    return abs(found - expected) / abs(expected)


# --- gamma_quantile -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("degrees_of_freedom", "probability", "expected"),
    [
        (1, 0.95, 3.841458820694124),
        (10, 0.95, 18.307038053275146),
        (4, 0.05, 0.7107230213973241),
    ],
)
def test_gamma_quantile_gives_published_chi_square_quantiles(
    degrees_of_freedom: int, probability: float, expected: float
) -> None:
    """Chi-square with k degrees of freedom is gamma(k/2, rate 1/2)."""
    found = gamma_quantile(degrees_of_freedom / 2, 0.5, probability)
    assert relative(found, expected) < 1e-12


@given(st.floats(min_value=1e-3, max_value=1 - 1e-6))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_chi_square_with_one_degree_is_a_squared_normal(probability: float) -> None:
    """chi2(1) is Z squared, so its p quantile is the normal's (1 - p)/2 quantile, squared.

    (1 - p)/2 is exact for p >= 1/2; below, 1 - p rounds by at most 1e-16, which moves the
    reference by ~1e-13 relative at p = 0.001 (hence that floor).
    """
    normal = NormalDist().inv_cdf((1 - probability) / 2)
    expected = normal * normal
    assert relative(gamma_quantile(0.5, 0.5, probability), expected) < 1e-12


@given(
    st.floats(min_value=1e-9, max_value=1 - 1e-9),
    st.floats(min_value=1e-3, max_value=1e3),
)
@settings(max_examples=200, deadline=None, derandomize=True)
def test_exponential_quantile_is_its_closed_form(probability: float, rate: float) -> None:
    """Shape 1 is the exponential, whose p quantile is -ln(1 - p)/rate."""
    expected = -math.log1p(-probability) / rate
    assert relative(gamma_quantile(1.0, rate, probability), expected) < 1e-12


def erlang_cdf(shape: int, x: float) -> float:
    """P(k, x) for whole k: 1 - e^-x (1 + x + ... + x^(k-1)/(k-1)!)."""
    return 1.0 - math.exp(-x) * sum(x**j / math.factorial(j) for j in range(shape))


@given(st.integers(min_value=1, max_value=20), st.floats(min_value=0.01, max_value=0.99))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_whole_shape_quantile_inverts_the_erlang_distribution(
    shape: int, probability: float
) -> None:
    """At the quantile, the Erlang's closed-form distribution function gives back p."""
    x = gamma_quantile(float(shape), 1.0, probability)
    density = x ** (shape - 1) * math.exp(-x) / math.factorial(shape - 1)
    # 1e-12 relative in x moves P by 1e-12 x f(x); the closed form adds a little rounding.
    assert abs(erlang_cdf(shape, x) - probability) <= 1e-12 * x * density + 1e-14


@pytest.mark.parametrize(
    ("shape", "rate", "probability"),
    [(0, 1, 0.5), (-1, 1, 0.5), (1, 0, 0.5), (1, -2, 0.5), (1, 1, 0), (1, 1, 1), (1, 1, 1.5)],
)
def test_gamma_quantile_refuses_what_has_no_quantile(
    shape: float, rate: float, probability: float
) -> None:
    with pytest.raises(ValueError, match="must"):
        gamma_quantile(shape, rate, probability)


def test_gamma_quantile_refuses_nan() -> None:
    with pytest.raises(ValueError, match="shape must be positive"):
        gamma_quantile(math.nan, 1.0, 0.5)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        gamma_quantile(1.0, 1.0, math.nan)


# --- derived_rate -------------------------------------------------------------------------


def half_integer_gamma_cdf(events: int, x: float) -> float:
    """P(n + 1/2, x) in closed form: erf(sqrt x) - sum_{j<n} x^(j + 1/2) e^-x / Gamma(j + 3/2).

    From P(a + 1, x) = P(a, x) - x^a e^-x / Gamma(a + 1) and P(1/2, x) = erf(sqrt x).
    """
    return math.erf(math.sqrt(x)) - sum(
        math.exp((j + 0.5) * math.log(x) - x - math.lgamma(j + 1.5)) for j in range(events)
    )


def test_derived_rate_is_the_jeffreys_gamma_and_its_percentiles() -> None:
    """15 births over 45 woman-years: gamma(15.5, 45), the range its 5th to 95th percentiles."""
    low, high, found = derived_rate(
        CountedRate.model_validate({"events": Decimal(15), "exposure": Decimal(45)})
    )
    assert found == Distribution.model_validate(
        {"kind": "gamma", "shape": Decimal("15.5"), "rate": Decimal(45)}
    )
    assert isinstance(low, Decimal)
    assert isinstance(high, Decimal)
    assert low < Decimal(15) / Decimal(45) < high
    # Rounded to 6 significant figures: no more digits than that.
    for bound in (low, high):
        assert len(bound.as_tuple().digits) <= 6
    # The rounding moves a percentile by at most 5e-6 relative, P by less than 1e-5.
    assert half_integer_gamma_cdf(15, float(low) * 45) == pytest.approx(0.05, abs=1e-5)
    assert half_integer_gamma_cdf(15, float(high) * 45) == pytest.approx(0.95, abs=1e-5)


def test_derived_rate_percentiles_match_a_large_sample() -> None:
    """The share of 400,000 gamma(15.5, 45) draws below low (above high) is 5%."""
    low, high, _ = derived_rate(
        CountedRate.model_validate({"events": Decimal(15), "exposure": Decimal(45)})
    )
    draws = np.random.default_rng(7).gamma(15.5, 1 / 45, 400_000)
    standard_error = math.sqrt(0.05 * 0.95 / draws.size)
    assert abs(float(np.mean(draws < float(low))) - 0.05) < 4 * standard_error
    assert abs(float(np.mean(draws > float(high))) - 0.05) < 4 * standard_error


def test_derived_rate_with_no_events_is_the_half_shape_gamma() -> None:
    """No events still gives a range: gamma(1/2, exposure), i.e. chi2(1) / (2 exposure)."""
    low, high, found = derived_rate(
        CountedRate.model_validate({"events": Decimal(0), "exposure": Decimal(10)})
    )
    assert found.shape == Decimal("0.5")
    assert found.rate == Decimal(10)
    expected_high = NormalDist().inv_cdf(0.975) ** 2 / 20
    expected_low = NormalDist().inv_cdf(0.525) ** 2 / 20
    assert float(high) == pytest.approx(expected_high, rel=5e-6)
    assert float(low) == pytest.approx(expected_low, rel=5e-6)


# --- draw and mean ------------------------------------------------------------------------

# Each kind with parameters, and its mean by the textbook formula, written out here.
KINDS: list[tuple[Distribution, float]] = [
    (distribution("normal", mean="3.5", sd="1.2"), 3.5),
    (distribution("lognormal", median="2", sigma="0.5"), 2 * math.exp(0.5**2 / 2)),
    (distribution("gamma", shape="15.5", rate="45"), 15.5 / 45),
    (distribution("beta", alpha="2", beta="5"), 2 / (2 + 5)),
    (distribution("triangular", low="1", mode="2", high="6"), (1 + 2 + 6) / 3),
    (distribution("pert", low="1", mode="2", high="6"), (1 + 4 * 2 + 6) / 6),
    (distribution("uniform", low="-1", high="3"), (-1 + 3) / 2),
]
KIND_IDS = [case.kind for case, _ in KINDS]


@pytest.mark.parametrize(("case", "expected"), KINDS, ids=KIND_IDS)
def test_draws_average_to_the_mean(case: Distribution, expected: float) -> None:
    """The sample mean of 200,000 draws lies within 4 standard errors of the true mean."""
    draws = draw(case, np.random.default_rng(2024), DRAWS)
    assert draws.shape == (DRAWS,)
    assert draws.dtype == np.float64
    standard_error = float(np.std(draws)) / math.sqrt(DRAWS)
    assert abs(float(np.mean(draws)) - expected) < 4 * standard_error


def test_pert_draws_have_the_pert_spread() -> None:
    """PERT (lambda 4) variance is (mean - low)(high - mean)/7: the beta shapes are right."""
    draws = draw(distribution("pert", low="1", mode="2", high="6"), np.random.default_rng(5), DRAWS)
    expected_mean = (1 + 4 * 2 + 6) / 6
    expected_variance = (expected_mean - 1) * (6 - expected_mean) / 7
    assert float(np.var(draws)) == pytest.approx(expected_variance, rel=0.02)


@pytest.mark.parametrize(("case", "expected"), KINDS, ids=KIND_IDS)
def test_draws_respect_the_support(case: Distribution, expected: float) -> None:
    draws = draw(case, np.random.default_rng(11), DRAWS)
    assert np.all(np.isfinite(draws))
    least, greatest = case.support()
    if least is not None:
        if case.kind in ("lognormal", "gamma"):
            assert np.all(draws > 0)
        assert np.all(draws >= float(least))
    if greatest is not None:
        assert np.all(draws <= float(greatest))
    if case.kind == "beta":
        assert np.all((draws >= 0) & (draws <= 1))


def test_draws_repeat_for_the_same_seed() -> None:
    for case, _ in KINDS:
        first = draw(case, np.random.default_rng(42), 1000)
        second = draw(case, np.random.default_rng(42), 1000)
        assert np.array_equal(first, second)


# --- rank_correlate and spearman ----------------------------------------------------------


def spearman(x: NDArray[np.float64], y: NDArray[np.float64]) -> float:
    """Spearman's rank correlation, to measure the product's draws with: the Pearson
    correlation of the ranks (no tie correction)."""
    x_ranks = np.argsort(np.argsort(x, kind="stable"), kind="stable").astype(np.float64)
    y_ranks = np.argsort(np.argsort(y, kind="stable"), kind="stable").astype(np.float64)
    x_centred = x_ranks - x_ranks.mean()
    y_centred = y_ranks - y_ranks.mean()
    return float(
        (x_centred @ y_centred) / math.sqrt((x_centred @ x_centred) * (y_centred @ y_centred))
    )


def test_spearman_of_a_small_example() -> None:
    """Ranks 0..4 against 0, 1, 2, 4, 3: 1 - 6 * 2 / (5 * 24) = 0.9."""
    x = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    y = np.array([5.0, 6.0, 7.0, 8.0, 7.5])
    assert spearman(x, y) == pytest.approx(0.9, abs=1e-15)
    assert spearman(x, -y) == pytest.approx(-0.9, abs=1e-15)


def columns(seed: int, size: int) -> list[Any]:
    generator = np.random.default_rng(seed)
    return [
        generator.gamma(2.0, 1.0, size),
        np.exp(generator.normal(0.0, 1.0, size)),
        generator.uniform(0.0, 1.0, size),
        generator.normal(0.0, 1.0, size),
    ]


def test_rank_correlate_reaches_the_targets_and_keeps_the_marginals() -> None:
    given_columns = columns(3, 20_000)
    result = rank_correlate(given_columns, [(0, 1, 0.7), (0, 2, -0.5)], np.random.default_rng(9))
    assert len(result) == len(given_columns)
    for before, after in zip(given_columns, result, strict=True):
        assert np.array_equal(np.sort(before), np.sort(after))
    assert spearman(result[0], result[1]) == pytest.approx(0.7, abs=0.02)
    assert spearman(result[0], result[2]) == pytest.approx(-0.5, abs=0.02)
    # The column in no pair keeps its order.
    assert np.array_equal(result[3], given_columns[3])


def test_rank_correlate_refuses_correlations_that_cannot_hold_together() -> None:
    with pytest.raises(ValueError, match="cannot hold together"):
        rank_correlate(
            columns(3, 1000),
            [(0, 1, 0.9), (0, 2, 0.9), (1, 2, -0.9)],
            np.random.default_rng(1),
        )


def test_rank_correlate_repeats_for_the_same_seed() -> None:
    given_columns = columns(3, 5000)
    pairs = [(0, 1, 0.7), (0, 2, -0.5)]
    first = rank_correlate(given_columns, pairs, np.random.default_rng(42))
    second = rank_correlate(given_columns, pairs, np.random.default_rng(42))
    for one, other in zip(first, second, strict=True):
        assert np.array_equal(one, other)


def test_rank_correlate_without_pairs_changes_nothing() -> None:
    given_columns = columns(3, 100)
    result = rank_correlate(given_columns, [], np.random.default_rng(1))
    for before, after in zip(given_columns, result, strict=True):
        assert np.array_equal(before, after)
