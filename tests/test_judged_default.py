"""The analyses judge the NPV by default where the scenario discounts, and net where it does
not; simulate's --outcome lists only what simulate reports."""

from __future__ import annotations

from pause_cost import api
from tests.conftest import SCENARIOS, UNCERTAIN_WITHOUT_CALENDAR, run

UNCERTAIN = SCENARIOS / "rotherham-2020-uncertain.yaml"  # discounts at the Green Book's rates


def test_a_discounting_scenario_is_judged_on_its_npv() -> None:
    tornado = api.sensitivity(UNCERTAIN)
    assert tornado.outcome == "npv"
    # The NPV with every input at its point is the estimate's own.
    appraisal = api.estimate(UNCERTAIN).economics.appraisal
    assert appraisal is not None
    assert tornado.base is not None
    assert round(tornado.base, 2) == round(appraisal.npv_gbp, 2)
    found = api.breakeven(UNCERTAIN)
    assert (found.target, found.outcome) == ("npv>=0", "npv")
    assert api.simulate(UNCERTAIN, draws=200, seed=1).outcome == "npv"


def test_a_scenario_that_does_not_discount_is_judged_on_net() -> None:
    assert api.sensitivity(UNCERTAIN_WITHOUT_CALENDAR).outcome == "net"
    assert api.breakeven(SCENARIOS / "rotherham-2020-with-pilot-cost.yaml").target == "net>=0"


def test_an_outcome_named_is_judged_whatever_the_scenario() -> None:
    assert api.sensitivity(UNCERTAIN, outcome="net").outcome == "net"
    assert api.breakeven(UNCERTAIN, target="net>=0").target == "net>=0"


def test_simulate_help_lists_only_the_outcomes_it_accepts() -> None:
    shown = " ".join(run("simulate", "--help").stdout.split())
    said = shown[shown.index("--outcome") :]
    assert "immediate_total, horizon_total, horizon_cashable, net, cashable_net, npv." in said
    for refused in ("return_per_pound", "payback", "avoided_births"):
        assert refused not in said
    done = run("simulate", str(UNCERTAIN), "--outcome", "payback")
    assert done.exit_code == 2
    assert "not an outcome simulate reports" in done.stderr
