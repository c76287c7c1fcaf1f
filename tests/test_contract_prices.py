"""The contract's payments and the programme bought directly on one price base.

The hand-worked contract (tests/data/contracts/hand-worked.yaml, see tests/test_contracts.py)
with its programme cost of £30,000 stated in cash. The savings are in 2016/17 prices; the
shipped GDP deflator (price_indices/gdp-deflator-2026-03.yaml) has 2016/17 = 76.0754,
2019/20 = 80.8738, 2020/21 = 85.1002, 2021/22 = 85.3036, so the factors, rounded to six places:
  2019/20: 76.0754 / 80.8738 = 0.940668
  2020/21: 76.0754 / 85.1002 = 0.893951
  2021/22: 76.0754 / 85.3036 = 0.891819

The council's payments (cash): £2,592.576 in 2020/21 and £9,407.424 in 2021/22 = £12,000.
At 2016/17 prices:
  2,592.576 x 0.893951 = 2,317.635907776
  9,407.424 x 0.891819 = 8,389.719464256
  total                 = 10,707.355372032

The programme (bought directly): 10 women from January 2020 for 18 months, £30,000 spread
evenly over the months: 3 in 2019/20, 12 in 2020/21, 3 in 2021/22:
  30,000 / 18 x (3 x 0.940668 + 12 x 0.893951 + 3 x 0.891819)
  = 1,666.666... x (2.822004 + 10.727412 + 2.675457) = 1,666.666... x 16.224873 = 27,041.455

Both are set against the same avoidance, so the nets differ by 27,041.455 - 10,707.355372032.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

from pause_cost import api
from tests.conftest import REPO

HAND = REPO / "tests" / "data" / "contracts" / "hand-worked.yaml"


def _cash(tmp_path: Path) -> Path:
    data = yaml.safe_load(HAND.read_text())
    data["programme_cost"]["prices"] = "cash"
    path = tmp_path / "cash.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_payments_and_programme_cost_share_one_price_base(tmp_path: Path) -> None:
    position = api.contract(_cash(tmp_path)).position
    assert position.price_year == "2016/17"
    assert [(f.period, f.factor) for f in position.payment_factors] == [
        ("2020/21", Decimal("0.893951")),
        ("2021/22", Decimal("0.891819")),
    ]
    assert position.contract_council_paid_cash_gbp == Decimal(12000)
    assert position.contract_council_paid_gbp == Decimal("10707.355372032")
    assert position.direct_programme_cost_gbp == Decimal("27041.455")
    avoidance = position.council_avoidance_gbp
    assert position.contract_net_gbp == avoidance - Decimal("10707.355372032")
    assert position.direct_net_gbp == avoidance - Decimal("27041.455")
    assert position.one_base
    assert "0.893951" in position.price_base


def test_breakeven_price_is_on_the_same_base(tmp_path: Path) -> None:
    """An invariant: at the break-even price the council's payments, each metric's cash x its
    year's factor, equal its avoidance: 0.6 x (10 x 0.35 x p x 0.893951 + 20,000.40 x
    0.891819) = avoidance."""
    result = api.contract(_cash(tmp_path))
    engaged = next(m for m in result.metrics if m.id == "engaged")
    assert engaged.breakeven_price_gbp is not None
    council = Decimal("0.6") * (
        Decimal("3.5") * engaged.breakeven_price_gbp * Decimal("0.893951")
        + Decimal("20000.40") * Decimal("0.891819")
    )
    assert abs(council - result.position.council_avoidance_gbp) < Decimal("1e-9")


def test_no_deflator_leaves_cash_and_says_the_bases_mix() -> None:
    """The hand-worked scenario states no prices for its cost: no deflator is read, payments
    stay in cash (£12,000) and a flag says the position mixes price bases."""
    result = api.contract(HAND)
    assert result.position.contract_council_paid_gbp == Decimal(12000)
    assert not result.position.one_base
    assert "contract_prices_mixed" in {flag.code for flag in result.flags}
