"""A cash programme cost whose financial years are not known cannot be brought to the savings'
price year: the undiscounted net and ratio are kept, flagged prominently beside them, and present
values (NPV, BCR) are refused with a message that says how to date the cost."""

from __future__ import annotations

import json
from decimal import Decimal

from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from tests.conftest import SCENARIOS, run
from tests.test_economic_case import WriteYaml

D = Decimal
PILOT = SCENARIOS / "rotherham-2020-with-pilot-cost.yaml"


def test_undated_cash_keeps_the_undiscounted_figures_flagged_beside_them() -> None:
    found = estimate(*load_inputs(PILOT))
    # 15 births x 139,231.99 = 2,088,479.85 less the £419,000 as given: 1,669,479.85.
    assert found.programme.net_gbp == D("1669479.85")
    base = found.economics.price_base
    assert base is not None
    assert base.one_base is False
    (flag,) = [flag for flag in found.flags if flag.code == "programme_cost_cash_not_converted"]
    assert flag.prominent
    text = run("estimate", str(PILOT)).stdout
    assert text.index("WARNING: The programme cost is cash") < text.index("Inputs")
    assert "Net of cost, 5 years (PRICES MIXED)" in text
    assert "per £1 of total cost (PRICES MIXED)" in text
    data = json.loads(run("estimate", str(PILOT), "-f", "json").stdout)
    assert data["economics"]["price_base"]["one_base"] is False


def test_a_dated_cash_cost_is_in_one_price_base() -> None:
    found = estimate(*load_inputs(SCENARIOS / "rotherham-2020-calendar.yaml"))
    base = found.economics.price_base
    assert base is not None
    assert base.one_base is True
    assert (
        "PRICES MIXED"
        not in run("estimate", str(SCENARIOS / "rotherham-2020-calendar.yaml")).stdout
    )


def test_present_values_over_undated_cash_are_refused_saying_how(write_yaml: WriteYaml) -> None:
    path = write_yaml(
        "s.yaml",
        {"extends": str(PILOT), "discounting": {"schedule": "green-book-discount-rates"}},
    )
    done = run("estimate", str(path))
    assert done.exit_code == 1
    message = " ".join(done.stderr.split())
    assert "present values (the NPV and the BCR) are refused" in message
    assert "Give the cohort a start month, or the cost as a profile by financial year" in message
    assert done.stdout == ""
