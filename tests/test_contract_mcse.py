"""The contract's and the nation's Monte Carlos state their standard errors and their numpy.

A hand-worked spread: the draws 1, 2, ..., 10,000 (n = 10,000).
  mean = 5,000.5; sd (n - 1) = sqrt(n (n + 1) / 12) = sqrt(8,334,166.67) = 2,886.8957;
  MCSE of the mean = 2,886.8957 / 100 = 28.868957.
  A quantile at p (linear interpolation) is 1 + 9,999 p, so the MCSE of a percentile,
  half the distance between the quantiles at p -/+ s, s = sqrt(p (1 - p) / n), is 9,999 s:
  P50: s = sqrt(0.25 / 10,000) = 0.005, MCSE = 49.995
  P5:  s = sqrt(0.0475 / 10,000) = 0.00217945, MCSE = 21.7923
"""

from __future__ import annotations

import json
from decimal import Decimal

import numpy as np

from pause_cost.uncertainty.contract_draws import spread
from tests.conftest import REPO, run


def test_spread_carries_its_standard_errors() -> None:
    found = spread(np.arange(1, 10_001, dtype=float))
    assert found.mean_gbp == Decimal("5000.5")
    assert found.mean_mcse is not None
    assert abs(found.mean_mcse - Decimal("28.87")) <= Decimal("0.005")
    assert found.p50_mcse is not None
    assert abs(found.p50_mcse - Decimal("49.995")) <= Decimal("0.005")
    assert found.p5_mcse is not None
    assert abs(found.p5_mcse - Decimal("21.79")) <= Decimal("0.005")


def test_contract_json_records_numpy_and_the_bit_generator() -> None:
    scenario = REPO / "tests" / "data" / "contracts" / "hand-worked.yaml"
    shown = run("contract", scenario, "--draws", "1000", "--seed", "3", "-f", "json")
    simulation = json.loads(shown.stdout)["simulation"]
    assert simulation["numpy"] == np.__version__
    assert simulation["bit_generator"] == "PCG64"
    assert simulation["total_paid"]["mean_mcse"] is not None
