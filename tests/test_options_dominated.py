"""A hand-worked options table whose options differ: three options, two inputs (the birth
rate r, drawn; the programme cost, ranged and held), one option dominated.

One table line: £10,000 per avoided birth in each of years 1 and 2 after it (cashable), so
PV benefits = births x 10,000 x (1 + 1/1.035) = births x 19,661.835749, and births = women x r
x 2.25 (18 + 9 months) at the point r = 0.4; the cost is paid in year 1 (PV costs = the cost).

| option  | women | cost    | births | PV benefits  | NPV          | BCR      |
|---------|-------|---------|--------|--------------|--------------|----------|
| lean    | 10    | 50,000  | 9      | 176,956.5217 | 126,956.5217 | 3.539130 |
| costly  | 8     | 60,000  | 7.2    | 141,565.2174 | 81,565.2174  | 2.359420 |
| broad   | 12    | 100,000 | 10.8   | 212,347.8261 | 112,347.8261 | 2.123478 |

By PV costs: lean, costly, broad. Each against the next smaller:
- lean against doing nothing: +176,956.5217 benefits, +50,000 costs, NPV +126,956.5217, BCR
  3.539130.
- costly against lean: -35,391.3043 benefits, +10,000 costs, NPV -45,391.3043, BCR -3.539130:
  costly is dominated (it costs more than lean and saves less).
- broad against costly: +70,782.6087 benefits, +40,000 costs, NPV +30,782.6087, BCR 1.769565.
  (Against lean, the option that dominates costly, broad adds 35,391.3043 for 50,000: NPV
  -14,608.6957; lean is the choice. The table sets each against the next smaller, so a reader
  drops a dominated option and compares again.)

Switching values (NPV = 0, the rest held):
- r: women x r x 2.25 x 19,661.835749 = cost, r = cost / (women x 44,239.130435): lean
  50,000 / 442,391.3043 = 0.113022; costly 60,000 / 353,913.0435 = 0.169533; broad
  100,000 / 530,869.5652 = 0.188370.
- the cost: equal to PV benefits: 176,956.52, 141,565.22, 212,347.83.

P(NPV > 0) with r uniform on 0.1 to 0.5: P(r > r*) = (0.5 - r*) / 0.4: lean 0.967445, costly
0.826167, broad 0.779075.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pause_cost import api
from tests.conftest import SOURCE, dump_yaml, line
from tests.test_options import _option

RATE = {
    "input": "cohort.birth_rate_per_woman_per_year",
    "low": 0.1,
    "high": 0.5,
    "distribution": {"kind": "uniform", "low": 0.1, "high": 0.5},
    "source": SOURCE,
}


def _options(folder: Path) -> list[Path]:
    table = [line(id="a", amount_gbp=10_000, first_year=1, last_year=2)]
    (folder / "t.yaml").write_text(dump_yaml({"name": "t", "title": "T", "lines": table}))
    made = []
    for name, women, cost in (("broad", 12, 100_000), ("lean", 10, 50_000), ("costly", 8, 60_000)):
        cost_range = {"input": "programme_cost.total_gbp", "low": cost // 2, "high": cost * 4}
        made.append(
            _option(folder, name, women, cost, uncertainty=[RATE, {**cost_range, "source": SOURCE}])
        )
    return made


def _near(value: Decimal | None, expected: str, places: str = "1e-4") -> bool:
    assert value is not None
    return abs(value - Decimal(expected)) <= Decimal(places)


def test_three_options_one_dominated_worked_by_hand(tmp_path: Path) -> None:
    found = api.appraise(_options(tmp_path), draws=20_000, seed=4)
    assert [option.option for option in found.options] == ["lean", "costly", "broad"]
    lean, costly, broad = found.options
    for option, benefits, npv, bcr in (
        (lean, "176956.5217", "126956.5217", "3.539130"),
        (costly, "141565.2174", "81565.2174", "2.359420"),
        (broad, "212347.8261", "112347.8261", "2.123478"),
    ):
        assert _near(option.pv_benefits, benefits)
        assert _near(option.npv, npv)
        assert _near(option.bcr, bcr, "1e-6")
    first, second, third = found.increments
    assert first.against == found.baseline
    assert _near(first.npv, "126956.5217")
    assert _near(first.bcr, "3.539130", "1e-6")
    assert second.against == "lean"
    assert _near(second.pv_benefits, "-35391.3043")
    assert second.pv_costs == 10_000
    assert _near(second.npv, "-45391.3043")
    assert _near(second.bcr, "-3.539130", "1e-6")
    assert third.against == "costly"
    assert _near(third.pv_benefits, "70782.6087")
    assert third.pv_costs == 40_000
    assert _near(third.npv, "30782.6087")
    assert _near(third.bcr, "1.769565", "1e-6")
    rows = {row.input: row for row in found.switching}
    rate = rows["cohort.birth_rate_per_woman_per_year"].values
    assert [float(value or 0) for value in rate] == pytest.approx(
        [0.113022, 0.169533, 0.188370], abs=1e-6
    )
    cost = rows["programme_cost.total_gbp"].values
    assert [float(value or 0) for value in cost] == pytest.approx(
        [176_956.52, 141_565.22, 212_347.83], abs=0.01
    )
    # Binomial sd at 20,000 draws is at most 0.0036: within 0.015 is four of them.
    chances = [option.chance for option in found.options]
    assert all(chance is not None for chance in chances)
    assert [float(chance.probability) for chance in chances if chance] == pytest.approx(
        [0.967445, 0.826167, 0.779075], abs=0.015
    )
