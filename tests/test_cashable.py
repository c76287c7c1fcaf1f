"""Cash-releasing beside total, worked by hand on Rotherham's calendar.

Cashable per avoided birth (the published table): C1 = £67,325.26 in year 1, C2 = £10,363.40 in
each of years 2-5. Births fall over April 2019 - September 2020 (5/6 a month), so with
m = 5/72 a financial year's cashable avoidance is m x its month-shares (see
tests/test_economic_case.py): 2019/20 78 C1; 2020/21 123 C1 + 78 C2; 2021/22 15 C1 + 201 C2;
2022/23 and 2023/24 216 C2; 2024/25 138 C2; 2025/26 15 C2. The programme cost in 2016/17 prices
is £202,269.736 in 2018/19 and £197,069.946 in 2019/20.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from tests.conftest import SCENARIOS, run

C1, C2 = Fraction("67325.26"), Fraction("10363.40")
M = Fraction(5, 72)
COST = [Fraction("202269.736"), Fraction("197069.946")]


def test_cashable_net_payback_and_npv_beside_the_totals() -> None:
    result = estimate(*load_inputs(SCENARIOS / "rotherham-2020-calendar.yaml"))
    found = result.economics.cashable
    assert found is not None
    cashable = [
        Fraction(0),
        M * 78 * C1,
        M * (123 * C1 + 78 * C2),
        M * (15 * C1 + 201 * C2),
        M * 216 * C2,
        M * 216 * C2,
        M * 138 * C2,
        M * 15 * C2,
    ]
    # 15 x (C1 + 4 C2) = £1,631,682.90, less the cost £399,339.682.
    assert found.cost_avoided_gbp == Decimal("1631682.90")
    assert found.net_gbp == Decimal("1631682.90") - Decimal("399339.682")
    # Cumulative cashable net: 2018/19 -202,269.74; 2019/20 +364,678.49 - 197,069.95, still
    # -34,661.19; 2020/21 turns positive: payback on cashable alone is 2020/21 (on the total,
    # 2019/20).
    assert M * 78 * C1 - sum(COST) < 0 < M * 78 * C1 + cashable[2] - sum(COST)
    assert (found.payback, found.payback_basis) == ("2020/21", "financial year")
    r = Fraction(207, 200)
    nets = [amount - (COST[t] if t < 2 else 0) for t, amount in enumerate(cashable)]
    npv = sum((net / r**t for t, net in enumerate(nets)), Fraction(0))
    assert found.npv_gbp is not None
    assert abs(Fraction(found.npv_gbp) - npv) < Fraction(1, 10**9)
    assert round(npv) == 1098263  # the cashable-only NPV, against £1,515,658 on the total


def test_on_a_calendar_one_payback_is_shown_and_labels_say_cost_avoided() -> None:
    printed = run("estimate", str(SCENARIOS / "rotherham-2021-joint-funding.yaml")).stdout
    assert "Payback, financial year, total cost avoided" in printed
    assert "Payback, years after birth" not in printed
    assert "Cashable only: payback, financial year" in printed
    # Labels say cost avoided; a document cited by its title keeps its own words.
    assert "Savings" not in printed.replace("Savings from operational PFI contracts", "")


# Titles of documents cited by name keep their own words.
TITLES = ("Savings from operational PFI contracts", "Government efficiencies and savings")


def _read(printed: str) -> str:
    for title in TITLES:
        printed = printed.replace(title, "")
    return " ".join(printed.split()).lower()


@pytest.mark.parametrize(
    "name",
    [
        "rotherham-2021-joint-funding",
        "rotherham-2020-with-pilot-cost",
        "rotherham-2020-calendar",
        "rotherham-2020-bottom-up-business-case",
    ],
)
def test_no_rendered_label_says_savings(name: str) -> None:
    path = str(SCENARIOS / f"{name}.yaml")
    for args in ((), ("-f", "markdown"), ("--summary",)):
        printed = run("estimate", path, *args)
        assert printed.exit_code == 0, printed.stderr
        assert "saving" not in _read(printed.stdout), (name, args)


def test_the_routes_are_routes_to_the_cost_avoided() -> None:
    printed = run("estimate", str(SCENARIOS / "rotherham-2020-calendar.yaml")).stdout
    assert "two routes to the cost avoided" in _read(printed)


def test_the_refusal_names_the_unit_costs_prices(tmp_path: Path) -> None:
    """Cash with no calendar and discounting asked for is refused; the message says the unit
    costs' prices, not the savings'."""
    data = yaml.safe_load((SCENARIOS / "rotherham-2020-with-pilot-cost.yaml").read_text("utf-8"))
    data["discounting"] = {"schedule": "green-book-discount-rates"}
    path = tmp_path / "scenario.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    refused = run("estimate", str(path))
    assert refused.exit_code == 1
    said = _read(refused.stderr + refused.stdout)
    assert "in the unit costs' prices (2016/17)" in said
    assert "saving" not in said
