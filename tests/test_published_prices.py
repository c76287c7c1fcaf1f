"""Published figures are compared like with like: at their own price year, never across one.

rotherham-2020-calendar reproduces Rotherham's published five-year total, £2,088,480, in
2016/17 prices (the unit costs' own; the run without a price year shows a £0 difference).
Uprated to 2024/25 every line is multiplied by the one factor of pss-then-gdp-deflator-2026,
x 1.4145, giving £2,954,052; £2,954,052 - £2,088,480 = £865,572 is that inflation, not a
difference. Divided by the same factor the estimate is again the 2016/17 one, so every
published figure is reproduced (difference 0) and the £865,572 is not shown. Where lines are
uprated by different factors no one factor brings the estimate back, so the sums of money are
refused and only the births are compared.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from pause_cost.core.published import check_published
from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from tests.conftest import SCENARIOS, run

CALENDAR = SCENARIOS / "rotherham-2020-calendar.yaml"


def _uprated(tmp_path: Path) -> Path:
    path = tmp_path / "uprated.yaml"
    base = os.path.relpath(CALENDAR, tmp_path)
    path.write_text(f"extends: {base}\nname: uprated\nprice_year: 2024/25\n", encoding="utf-8")
    return path


def test_an_uprated_estimate_is_compared_at_the_published_price_year(tmp_path: Path) -> None:
    path = _uprated(tmp_path)
    data = json.loads(run("estimate", str(path), "-f", "json").stdout)
    published = data["published"]
    assert published["price_year"] == "2016/17"
    factors = {line["uprating_factor"] for line in data["lines"]}
    assert len(factors) == 1
    assert published["deflated_by"] == next(iter(factors))
    assert round(published["deflated_by"], 4) == 1.4145
    checks = {check["figure"]: check for check in published["checks"]}
    assert checks["horizon_total_gbp"]["published"] == 2088480
    assert all(check["difference"] == 0 for check in published["checks"])
    # The uprated total itself is still the estimate's, in 2024/25 prices.
    assert round(data["horizon"]["total_gbp"]) == 2954052
    printed = run("estimate", str(path)).stdout
    assert "£865,572" not in printed
    assert "Compared in 2016/17 prices" in " ".join(printed.split())
    summary = run("estimate", str(path), "--summary").stdout
    assert "all 4 reproduced, compared in 2016/17 prices" in " ".join(summary.split())


def test_without_uprating_nothing_is_deflated() -> None:
    data = json.loads(run("estimate", str(CALENDAR), "-f", "json").stdout)
    assert data["published"]["deflated_by"] is None
    assert data["published"]["prices"] is None


def test_lines_uprated_by_several_factors_refuse_the_sums_of_money(tmp_path: Path) -> None:
    inputs = load_inputs(_uprated(tmp_path))
    result = estimate(*inputs)
    lines = [*result.lines]
    lines[0] = replace(lines[0], uprating_factor=lines[0].uprating_factor + Decimal(1))
    found = check_published(
        inputs.scenario.published,
        result.avoided_births,
        result.immediate,
        result.horizon,
        result.by_year,
        result.economics.calendar,
        "uprated",
        lines,
        "2024/25",
    )
    assert found is not None
    assert [check.figure for check in found.checks] == ["avoided_births"]
    assert found.deflated_by is None
    assert found.prices is not None
    assert "inflation, not a difference" in found.prices


def test_published_in_the_estimates_own_price_year_is_compared_as_it_is() -> None:
    """rotherham-2020-bottom-up states its figures in 2016/17 prices and its published figures'
    price year as 2016/17; its lines come from many years, uprated to 2016/17, but the two
    price years are the same, so nothing is deflated."""
    data = json.loads(
        run("estimate", str(SCENARIOS / "rotherham-2020-bottom-up.yaml"), "-f", "json").stdout
    )
    published = data["published"]
    assert published["price_year"] == "2016/17"
    assert published["deflated_by"] is None
    assert published["prices"] is None
    assert len(published["checks"]) == 4
