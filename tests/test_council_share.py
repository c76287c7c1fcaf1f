"""The council's cashable case counts the council's share of the cost, not the whole.

rotherham-2021-joint-funding: two cohorts at the pilot's £419,000 each, £838,000 in cash,
brought to 2016/17 prices is £731,580 (the estimate's programme cost); the council and the CCG
pay half each, so the council's cost is £731,580 / 2 = £365,790. Its cashable cost avoided is
the council's own (not shared): 2020/21 £28,052, 2021/22 £509,258 (whole pounds). The
council's cost by year is half the programme's: 2020/21 £249,710 / 2 = £124,855, 2021/22
£249,114 / 2 = £124,557. Cumulative net: 2020/21 28,052 - 124,855 = -96,803; 2021/22
-96,803 + 509,258 - 124,557 = +287,898, so payback is 2021/22 (year 2).
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from pause_cost.results.business_case import InvestToSave
from pause_cost.results.estimate import Estimate
from tests.conftest import SCENARIOS, run


def _case() -> tuple[Estimate, InvestToSave]:
    result = estimate(*load_inputs(SCENARIOS / "rotherham-2021-joint-funding.yaml"))
    case = result.economics.business_case
    assert case is not None
    return result, case.invest_to_save


def test_the_council_pays_its_share_not_the_whole_cost() -> None:
    result, table = _case()
    assert result.programme.cost_gbp is not None
    assert round(result.programme.cost_gbp) == 731580
    assert table.council_share_of_cost == Decimal("0.5")
    assert round(table.total.total_costs_gbp) == 365790
    first, second = table.years[:2]
    assert round(first.total_costs_gbp) == 124855
    assert round(second.total_costs_gbp) == 124557
    assert round(first.cumulative_net_gbp or 0) == 28052 - 124855
    assert round(second.cumulative_net_gbp or 0) in (287897, 287898)  # pence round either way
    assert (table.payback, table.payback_years) == ("2021/22", 2)
    assert "the council's share of the programme's cost (50%)" in table.statement


def test_without_funders_the_council_pays_the_whole_cost() -> None:
    result = estimate(*load_inputs(SCENARIOS / "rotherham-2020-calendar.yaml"))
    case = result.economics.business_case
    assert case is not None
    assert result.programme.cost_gbp is not None
    table = case.invest_to_save
    assert table.council_share_of_cost is None
    # Every cost falls within the five years shown: the council's costs are the whole cost.
    assert table.total.total_costs_gbp + table.later_costs_gbp == result.programme.cost_gbp


def test_the_case_printed_says_its_share() -> None:
    printed = run("estimate", str(SCENARIOS / "rotherham-2021-joint-funding.yaml")).stdout
    assert "Invest to save: the council's cashable case, years 1-5, its share of the cost" in (
        " ".join(printed.split())
    )
    assert "£365,790" in printed
