"""Rotherham's first cohort reproduces the figures its impact report published (March 2020).

Every expected value here is typed from the report (seeds/002, section 2.5), not taken from
our output: 20 women x 0.33 births a year x 2.25 years = 14.85, costed as 15 births;
immediate £1,292,599; five-year £2,088,480, of which cashable £1,631,683; so internal
£2,088,480 - £1,631,683 = £456,797.

What this proves, and what it does not: the table it costs with,
``unit_costs/rotherham-2020-published.yaml``, is itself derived from these published totals
(each line is a total divided by the 15 births; the report does not publish its unit costs).
So these tests prove the arithmetic's round trip (published totals -> per-birth lines ->
births x lines -> the same totals, with births counted and rounded as Pause's tool did), not
that any unit cost is right. The bottom-up reconciliation in the README is where the unit
costs are set against the published figures, and it does not match them.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from tests.conftest import ROTHERHAM, SCENARIOS, run


def pounds(value: float) -> int:
    return int(Decimal(repr(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    outcome = run("estimate", ROTHERHAM, "--format", "json")
    assert outcome.exit_code == 0, outcome.stderr
    return json.loads(outcome.stdout)  # type: ignore[no-any-return]


def test_avoided_births_are_14_85_counted_as_15(result: dict[str, Any]) -> None:
    assert result["avoided_births"]["exact"] == pytest.approx(20 * 0.33 * 2.25)
    assert result["avoided_births"]["exact"] == 14.85
    assert result["avoided_births"]["counted"] == 15


def test_immediate_total_is_the_published_1_292_599(result: dict[str, Any]) -> None:
    assert pounds(result["immediate"]["total_gbp"]) == 1_292_599
    assert result["immediate"]["years"] == 1


def test_five_year_figures_are_the_published_ones(result: dict[str, Any]) -> None:
    horizon = result["horizon"]
    assert horizon["years"] == 5
    assert pounds(horizon["total_gbp"]) == 2_088_480
    assert pounds(horizon["cashable_gbp"]) == 1_631_683
    assert pounds(horizon["internal_gbp"]) == 2_088_480 - 1_631_683 == 456_797


def test_each_published_figure_is_shown_beside_ours_with_no_difference(
    result: dict[str, Any],
) -> None:
    checks = {check["figure"]: check for check in result["published"]["checks"]}
    assert {name: check["published"] for name, check in checks.items()} == {
        "avoided_births": 15,
        "immediate_total_gbp": 1_292_599,
        "horizon_total_gbp": 2_088_480,
        "horizon_cashable_gbp": 1_631_683,
    }
    assert all(check["difference"] == 0 for check in checks.values())


def test_the_output_says_what_the_figures_rest_on(result: dict[str, Any]) -> None:
    codes = {flag["code"] for flag in result["flags"]}
    assert codes == {"births_rounded", "assumption", "gross_not_net", "removal_share_assumed"}
    assert result["programme"] == {
        "cost_gbp": None,
        "net_gbp": None,
        "return_per_pound": None,
        "payback_year": None,
        "cost_by_year_gbp": [],
        "source": None,
    }
    assert all(line["assumption"] for line in result["lines"])
    assert {line["price_year"] for line in result["lines"]} == {"2016/17"}


def test_net_of_the_reported_pilot_cost() -> None:
    """£2,088,480 avoided less the £419,000 pilot = £1,669,480; £2,088,480 / £419,000 = 4.98."""
    outcome = run("estimate", SCENARIOS / "rotherham-2020-with-pilot-cost.yaml", "-f", "json")
    assert outcome.exit_code == 0, outcome.stderr
    programme = json.loads(outcome.stdout)["programme"]
    assert programme["cost_gbp"] == 419_000
    assert pounds(programme["net_gbp"]) == 2_088_480 - 419_000 == 1_669_480
    assert round(programme["return_per_pound"], 2) == 4.98
    # £1,292,599 avoided in year 1 already exceeds the £419,000 taken as spent in year 1.
    assert programme["payback_year"] == 1


def test_table_output_shows_the_published_figures_to_the_pound() -> None:
    outcome = run("estimate", ROTHERHAM)
    assert outcome.exit_code == 0, outcome.stderr
    for figure in ("£1,292,599", "£2,088,480", "£1,631,683", "£456,797", "14.85", "2016/17"):
        assert figure in outcome.stdout
    assert outcome.stderr == ""
