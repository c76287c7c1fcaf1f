"""A linked metric (engaged and no pregnancy for 18 months) follows from the birth rate.

The hand-worked contract (tests/data/contracts/hand-worked.yaml): 10 women, birth rate 0.4 a
year, the default window of 18 + 9 = 27 months, so 10 x 0.4 x 27/12 = 9 births expected
without the programme. Its first metric is made linked, engagement share 0.8.

Without the programme: exp(-0.4 x 18/12) = exp(-0.6) = 0.548812 have no pregnancy in 18 months.
With 3 births observed on the programme, the pregnancies left are 3 / 9 = 1/3 of those
expected, so on the programme 1 - (1 - 0.548812) x 1/3 = 1 - 0.150396 = 0.849604 have none,
and the share achieving is 0.8 x 0.849604 = 0.679683.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from pause_cost import api
from tests.conftest import REPO, run

HAND = REPO / "tests" / "data" / "contracts" / "hand-worked.yaml"


def _linked(tmp_path: Path, **cohort: Any) -> Path:
    data = yaml.safe_load(HAND.read_text())
    metric = data["contract"]["metrics"][0]
    del metric["share_achieving"]
    metric["linked"] = {
        "no_pregnancy_months": 18,
        "engagement": {"value": 0.8, "source": {"document": "A made-up share"}},
    }
    data["cohort"].update(cohort)
    path = tmp_path / "linked.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_the_share_follows_from_the_birth_rate_and_the_births_left(tmp_path: Path) -> None:
    observed = {"births": 3, "source": {"document": "Made-up births on the programme"}}
    first = api.contract(_linked(tmp_path, observed=observed)).metrics[0]
    assert first.counterfactual_share is not None
    assert abs(first.counterfactual_share - Decimal("0.548812")) < Decimal("5e-7")
    assert abs(first.share_achieving - Decimal("0.679683")) < Decimal("5e-7")
    assert "exp(-0.4 x 18/12)" in first.share_how


def test_no_births_left_the_share_is_the_engagement_share(tmp_path: Path) -> None:
    """None observed: the model avoids every birth in the window, so 0.8 x 1 = 0.8."""
    first = api.contract(_linked(tmp_path)).metrics[0]
    assert first.share_achieving == Decimal("0.8")


def test_a_share_below_the_counterfactual_is_flagged(tmp_path: Path) -> None:
    """At 0.05 a year exp(-0.05 x 1.5) = exp(-0.075) = 0.927743 exceeds the 0.8 expected."""
    result = api.contract(_linked(tmp_path, birth_rate_per_woman_per_year=0.05))
    assert "contract_linked_below_counterfactual" in {flag.code for flag in result.flags}
    result = api.contract(_linked(tmp_path))
    assert "contract_linked_below_counterfactual" not in {flag.code for flag in result.flags}


def test_a_negative_breakeven_price_is_never_printed(tmp_path: Path) -> None:
    """At 0.001 births a woman a year the council avoids little: the other metric alone costs
    it 0.6 x 20,000.40 = £12,000.24 before caps, more than its avoidance, so the break-even
    price on 'engaged' would be below zero: none exists, and the output says so."""
    data = yaml.safe_load(HAND.read_text())
    data["cohort"]["birth_rate_per_woman_per_year"] = 0.001
    path = tmp_path / "low.yaml"
    path.write_text(yaml.safe_dump(data))
    result = api.contract(path)
    assert result.position.council_avoidance_gbp < Decimal("12000.24")
    engaged = next(m for m in result.metrics if m.id == "engaged")
    assert engaged.breakeven_price_gbp is None
    assert engaged.breakeven_note is not None
    assert "none exists" in engaged.breakeven_note
    shown = run("contract", path, "--draws", "0")
    assert "none exists" in shown.stdout
    assert "break-even price: -£" not in shown.stdout
