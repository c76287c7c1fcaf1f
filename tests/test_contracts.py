"""Outcomes contracts: a hand-worked contract to the penny, the refusals, the Monte Carlo.

The hand-worked contract (tests/data/contracts/hand-worked.yaml): 10 women, all starting in
January 2020; a contract maximum of £20,000; payers sharing 0.4 (central) and 0.6 (council).

  metric engaged: £1,234.56 an outcome, share 0.35, paid 6 months on (July 2020, FY 2020/21)
      10 x 0.35 x 1,234.56 = £4,320.96
  metric no-proceedings: £2,500.05 an outcome, 2 outcomes per achiever, share 0.4, paid 18
      months on (July 2021, FY 2021/22): 10 x 0.4 x 2 x 2,500.05 = £20,000.40 before the cap
  the maximum: £4,320.96 paid first leaves £20,000 - 4,320.96 = £15,679.04 for the second
  by payer:  central 0.4 x 4,320.96 = £1,728.384 -> £1,728.38 (2020/21)
                     0.4 x 15,679.04 = £6,271.616 -> £6,271.62 (2021/22)
             council 0.6 x 4,320.96 = £2,592.576 -> £2,592.58 (2020/21)
                     0.6 x 15,679.04 = £9,407.424 -> £9,407.42 (2021/22)
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from pause_cost import api
from pause_cost.exit_codes import ExitCode
from pause_cost.money import round_half_up
from tests.conftest import REPO, run

HAND = REPO / "tests" / "data" / "contracts" / "hand-worked.yaml"


def pennies(value: Decimal) -> Decimal:
    return round_half_up(value, 2)


def test_hand_worked_payments_by_payer_and_year_to_the_penny() -> None:
    result = api.contract(HAND)
    paid = {(row.payer, row.financial_year): pennies(row.paid_gbp) for row in result.by_year}
    assert paid == {
        ("Central fund", "2020/21"): Decimal("1728.38"),
        ("Central fund", "2021/22"): Decimal("6271.62"),
        ("Example Council", "2020/21"): Decimal("2592.58"),
        ("Example Council", "2021/22"): Decimal("9407.42"),
    }
    metrics = {metric.id: metric for metric in result.metrics}
    assert metrics["engaged"].expected_paid_gbp == Decimal("4320.96")
    assert metrics["no-proceedings"].expected_uncapped_gbp == Decimal("20000.40")
    assert metrics["no-proceedings"].expected_paid_gbp == Decimal("15679.04")
    assert result.expected_paid_gbp == Decimal(20000)
    assert result.maximum_reached
    assert result.central_share_of_payments == Decimal("0.4")
    position = result.position
    assert position.contract_council_paid_gbp == Decimal(12000)
    assert position.contract_net_gbp == position.council_avoidance_gbp - 12000
    assert position.direct_net_gbp == position.council_avoidance_gbp - 30000


def test_breakeven_price_makes_the_council_pay_its_avoidance() -> None:
    """An invariant: at the break-even price (other metric at its price, before caps) the
    council's share of expected payments equals its avoidance."""
    result = api.contract(HAND)
    avoidance = result.position.council_avoidance_gbp
    engaged = next(m for m in result.metrics if m.id == "engaged")
    assert engaged.breakeven_price_gbp is not None
    other = Decimal("20000.40")  # no-proceedings before caps, from the docstring
    council = Decimal("0.6") * (10 * Decimal("0.35") * engaged.breakeven_price_gbp + other)
    assert abs(council - avoidance) < Decimal("1e-12")


def test_cap_per_woman_is_applied_combination_by_combination(tmp_path: Path) -> None:
    """With a cap of £3,000 a woman: one who achieves both metrics is paid 1,234.56 (due first)
    and the 3,000 - 1,234.56 = 1,765.44 left of the 5,000.10 due; one who achieves only
    no-proceedings is paid 3,000 of it. Expected per woman on no-proceedings
    = 0.35 x 0.4 x 1,765.44 + 0.65 x 0.4 x 3,000 = 247.1616 + 780 = 1,027.1616."""
    data = yaml.safe_load(HAND.read_text())
    data["contract"]["cap_per_woman_gbp"] = 3000
    data["contract"]["maximum_gbp"] = 100000
    path = tmp_path / "capped.yaml"
    path.write_text(yaml.safe_dump(data))
    result = api.contract(path)
    second = next(m for m in result.metrics if m.id == "no-proceedings")
    assert second.expected_per_woman_gbp == Decimal("1027.1616")
    assert second.expected_paid_gbp == Decimal("10271.616")


def test_linked_metric_takes_the_engagement_share_and_reports_the_counterfactual(
    tmp_path: Path,
) -> None:
    """The cohort's birth rate is 0.4 a year: without the programme exp(-0.4 x 18/12) =
    exp(-0.6) = 0.548812 of women have no birth-leading pregnancy in 18 months."""
    data = yaml.safe_load(HAND.read_text())
    metric = data["contract"]["metrics"][0]
    del metric["share_achieving"]
    metric["linked"] = {
        "no_pregnancy_months": 18,
        "engagement": {"value": 0.8, "source": {"document": "A made-up share"}},
    }
    path = tmp_path / "linked.yaml"
    path.write_text(yaml.safe_dump(data))
    result = api.contract(path)
    first = result.metrics[0]
    assert first.share_achieving == Decimal("0.8")
    assert first.counterfactual_share is not None
    assert abs(first.counterfactual_share - Decimal("0.5488116361")) < Decimal("1e-10")
    metric["linked"]["no_pregnancy_months"] = 24
    path.write_text(yaml.safe_dump(data))
    refused = run("contract", path, "--draws", "0")
    assert refused.exit_code == ExitCode.INVALID_INPUT
    assert "beyond the programme's 18 months" in refused.stderr


def _refused(tmp_path: Path, change: Any) -> str:
    data = yaml.safe_load(HAND.read_text())
    change(data["contract"])
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outcome = run("contract", path, "--draws", "0")
    assert outcome.exit_code == ExitCode.INVALID_INPUT, outcome.stdout
    assert outcome.stdout == ""
    assert "Traceback" not in outcome.stderr
    return outcome.stderr


def test_a_price_without_a_source_is_refused(tmp_path: Path) -> None:
    message = _refused(tmp_path, lambda c: c["metrics"][0].pop("price_source"))
    assert "contract.metrics.0.price_source" in message


def test_a_share_above_one_is_refused(tmp_path: Path) -> None:
    message = _refused(
        tmp_path, lambda c: c["metrics"][1]["share_achieving"].__setitem__("value", 1.2)
    )
    assert "contract.metrics.1.share_achieving.value" in message


def test_commitments_above_the_maximum_are_refused(tmp_path: Path) -> None:
    message = _refused(
        tmp_path, lambda c: c["payers"][0].__setitem__("committed_maximum_gbp", 9000)
    )
    assert "above the contract's maximum 20000" in message


def test_payers_shares_must_cover_every_payment(tmp_path: Path) -> None:
    message = _refused(tmp_path, lambda c: c["payers"][0].__setitem__("share_of_payments", 0.5))
    assert "add up to 1.1, not 1" in message


def test_monte_carlo_is_seeded_and_bounded() -> None:
    first = run("contract", HAND, "--draws", "2000", "--seed", "7", "-f", "json")
    second = run("contract", HAND, "--draws", "2000", "--seed", "7", "-f", "json")
    assert first.exit_code == 0
    assert first.stdout == second.stdout
    simulation = json.loads(first.stdout)["simulation"]
    assert simulation["seed"] == 7
    assert 0 < simulation["maximum_reached_share"] < 1
    # No draw pays more than the maximum; the council pays 0.6 of every draw.
    assert simulation["total_paid"]["p95_gbp"] <= 20000
    assert simulation["council_paid"]["p50_gbp"] == pytest.approx(
        0.6 * simulation["total_paid"]["p50_gbp"], abs=0.01
    )


def test_every_format_is_written() -> None:
    for output_format in ("table", "json", "csv", "markdown"):
        outcome = run("contract", HAND, "--draws", "100", "-f", output_format)
        assert outcome.exit_code == 0, outcome.stderr
        assert "Example Council" in outcome.stdout


PLYMOUTH = REPO / "scenarios" / "plymouth-2019-outcomes-contract.yaml"


def test_plymouth_expected_payments_by_hand() -> None:
    """48 women x (0.8293 metric-1 outcomes + 6 x 0.9756 metric-2 outcomes + 6 x 0.0244 x 0.5
    pro rata) = 48 x 6.7561 = 324.2928 outcomes, at the derived £4,897.81 each
    = £1,588,324.52, below the £1.62m maximum. Against what was paid (£1,598,983 by June
    2023, second-hand) the model expects £10,658 less: docs/contracts.md explains the gap."""
    result = api.contract(PLYMOUTH)
    assert pennies(result.expected_paid_gbp) == Decimal("1588324.52")
    assert not result.maximum_reached
    council = next(payer for payer in result.payers if payer.kind == "council")
    assert pennies(council.expected_paid_gbp) == pennies(Decimal("1588324.52") * Decimal("0.5955"))
    assert council.above_commitment  # £945,847 against £790,200 committed
    linked = result.metrics[0]
    # Rotherham's 0.33 births a year, borrowed: exp(-0.33 x 1.5) = exp(-0.495) = 0.60957
    assert linked.counterfactual_share is not None
    assert abs(linked.counterfactual_share - Decimal("0.6095709")) < Decimal("1e-7")


def test_a_repeatable_metric_paid_one_outcome_at_a_time(tmp_path: Path) -> None:
    """no-proceedings paid one outcome every 12 months from month 18: 10 x 0.4 x 2,500.05 =
    £10,000.20 in July 2021 (2021/22) and again in July 2022 (2022/23). After engaged's
    £4,320.96 and the first £10,000.20, the £20,000 maximum leaves 20,000 - 14,321.16 =
    £5,678.84 of the second. Council (0.6): £2,592.58, £6,000.12, £3,407.30."""
    data = yaml.safe_load(HAND.read_text())
    data["contract"]["metrics"][1]["paid_every_months"] = 12
    path = tmp_path / "instalments.yaml"
    path.write_text(yaml.safe_dump(data))
    result = api.contract(path)
    council = {
        row.financial_year: pennies(row.paid_gbp)
        for row in result.by_year
        if row.payer == "Example Council"
    }
    assert council == {
        "2020/21": Decimal("2592.58"),
        "2021/22": Decimal("6000.12"),
        "2022/23": Decimal("3407.30"),
    }
    data["contract"]["metrics"][0]["paid_every_months"] = 3  # engaged is not repeatable
    path.write_text(yaml.safe_dump(data))
    refused = run("contract", path, "--draws", "0")
    assert refused.exit_code == ExitCode.INVALID_INPUT
    assert "paid_every_months pays a repeatable metric" in refused.stderr


def test_a_scenario_without_a_contract_is_told_so() -> None:
    outcome = run("contract", REPO / "scenarios" / "rotherham-2020.yaml")
    assert outcome.exit_code == ExitCode.INVALID_INPUT
    assert "has no contract: add a contract: section" in outcome.stderr


def test_a_maximum_no_draw_reaches_is_a_bound_not_a_zero(tmp_path: Path) -> None:
    """The honest-probability rule in the contract's Monte Carlo: with the maximum (and each
    payer's commitment) raised a hundredfold no draw reaches it, and the chance is stated as
    below 1 - 0.05^(1/2000) = 0.0015, never as 0."""
    data = yaml.safe_load(HAND.read_text())
    data["contract"]["maximum_gbp"] *= 100
    for payer in data["contract"]["payers"]:
        payer["committed_maximum_gbp"] *= 100
    path = tmp_path / "high-cap.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    outcome = run("contract", path, "--draws", "2000", "--seed", "7")
    assert outcome.exit_code == 0, outcome.stderr
    said = " ".join(outcome.stdout.split())  # the terminal wraps at 80 columns
    assert "P(contract maximum reached): none of 2000 draws reached it" in said
    assert "the chance is below about 0.0015 (95%)" in said
    assert "P(contract maximum reached) = 0" not in said
