"""The "inputs are correlated" note: raised by correlation beyond what independent draws give
by chance (family-wise at 99.9% over the pairs), or by a rank correlation the scenario imposes;
never by the sampling noise of independent draws, which at 2,000 draws is about 1/sqrt(1,999)
= 0.022 a pair, above the fixed 0.01 that used to raise it."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from pause_cost import api
from pause_cost.uncertainty import honest

UNCERTAIN = Path(__file__).parents[1] / "scenarios" / "rotherham-2020-uncertain.yaml"


def test_the_bound_is_the_normal_quantile_over_root_n() -> None:
    # One pair at 99.9% two-sided: z = 3.2905 (the standard normal's 0.9995 quantile, from
    # any table), so at 10,000 draws 3.2905 / sqrt(9,999) = 0.032906.
    assert honest.independence_bound(10_000, 2) == pytest.approx(3.2905 / math.sqrt(9_999), 1e-4)
    # Three inputs, three pairs: each at 1 - 0.001 / 6, z = 3.5879 (0.9998333 quantile).
    assert honest.independence_bound(10_000, 3) == pytest.approx(3.5879 / 99.995, 1e-3)


def test_independent_draws_are_not_called_correlated() -> None:
    # 200 runs of 2,000 independent draws of four inputs: the old fixed 0.01 bound flagged
    # nearly every run (a pair's |r| exceeds 0.01 with probability about 0.65, six pairs);
    # at 99.9% family-wise, about 0.2 of 200 runs would be flagged.
    generator = np.random.default_rng(23)
    flagged = fixed = 0
    for _ in range(200):
        draws = generator.uniform(size=(2_000, 5))
        moments = honest.Comoments()
        moments.add(draws)
        flagged += moments.correlated()
        correlation = np.corrcoef(draws[:, :4], rowvar=False)
        fixed += bool(np.any(np.abs(correlation[~np.eye(4, dtype=bool)]) > 0.01))
    assert flagged <= 2
    assert fixed >= 190


def test_a_real_correlation_is_still_noticed() -> None:
    # r = 0.1 between two inputs at 10,000 draws: over three times the 99.9% bound (0.0329).
    generator = np.random.default_rng(12)
    first = generator.standard_normal(10_000)
    second = 0.1 * first + math.sqrt(1 - 0.01) * generator.standard_normal(10_000)
    moments = honest.Comoments()
    moments.add(np.column_stack([first, second, first + second]))
    assert moments.correlated()


def test_the_shipped_scenario_at_2000_draws_draws_independently() -> None:
    # Its five drawn inputs are independent (no correlations block): no note at any seed tried.
    for seed in (1, 2, 3):
        assert not api.simulate(UNCERTAIN, draws=2_000, seed=seed).inputs_correlated


def test_an_imposed_correlation_is_reported(tmp_path: Path) -> None:
    # A rank correlation of 0.05 imposed: too weak to show above the bound at 2,000 draws
    # (five inputs, ten pairs: 3.89 / sqrt(1,999) = 0.087), reported because it is imposed.
    text = UNCERTAIN.read_text(encoding="utf-8")
    correlated = tmp_path / "correlated.yaml"
    correlated.write_text(
        text
        + "correlations:\n"
        + "  - inputs: [cohort.birth_rate_per_woman_per_year, programme_cost.total_gbp]\n"
        + "    rank_correlation: 0.05\n"
        + "    assumption: a test's correlation\n",
        encoding="utf-8",
    )
    assert api.simulate(correlated, draws=2_000, seed=1).inputs_correlated
