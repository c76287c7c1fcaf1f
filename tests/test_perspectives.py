"""Each perspective named, and reconciled to the penny: funders' nets and NPVs, the public
sector's with a transfer netted out. Worked by hand.

The table: a council line of £1,000 in year 1; a court fee of £2,000 in year 1 that the council
pays HMCTS (transfer_to: HMCTS); an NHS line of £500 in year 2. 10 women x 0.4 x 27/12 = 9
births. Programme cost £10,000 (real, 2016/17, the lines' year), the council paying 60% and the
NHS 40%; discounted at 3.5% from year 1 (year 0), so year 2 is divided by 1.035.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from tests.conftest import SOURCE, line

D = Decimal
WriteYaml = Callable[[str, Any], Path]
R = Fraction(207, 200)


def scenario(write_yaml: WriteYaml) -> Path:
    lines = [
        line(id="council", amount_gbp=1000),
        line(id="fee", amount_gbp=2000, transfer_to="HMCTS"),
        # The receiver's own line (a transfer goes to an agency a line names); nothing costed.
        line(id="court", amount_gbp=0, classification="other_agency", agency="HMCTS"),
        line(id="nhs", amount_gbp=500, classification="other_agency", agency="NHS", first_year=2),
    ]
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": lines})
    funders = [
        {"name": "Council", "kind": "council", "share_of_programme_cost": 0.6, "source": SOURCE},
        {
            "name": "NHS",
            "kind": "nhs",
            "share_of_programme_cost": 0.4,
            "agencies": ["NHS"],
            "source": SOURCE,
        },
    ]
    data = {
        "name": "s",
        "council": "C",
        "cohort": {"women_open": 10, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE},
        "unit_costs": ["t.yaml"],
        "programme_cost": {
            "total_gbp": 10000,
            "prices": "real",
            "price_year": "2016/17",
            "source": SOURCE,
        },
        "funders": funders,
        "discounting": {"schedule": "green-book-discount-rates"},
    }
    return write_yaml("s.yaml", data)


def close(value: Decimal | None, exact: Fraction) -> bool:
    assert value is not None
    return abs(Fraction(value) - exact) < Fraction(1, 10**9)


def test_funders_and_the_public_sector_reconcile_with_a_transfer(write_yaml: WriteYaml) -> None:
    result = estimate(*load_inputs(scenario(write_yaml)))
    funders = result.economics.funders
    public = result.economics.public_sector
    assert funders is not None
    assert public is not None
    council, nhs = funders.positions[:2]  # then the court's, which no funder pays for
    # Council: 9 x (1,000 + 2,000) = £27,000 saved, 60% of £10,000 = £6,000 paid: net £21,000,
    # £4.50 per £1 of its own share. NHS: 9 x 500 = £4,500 saved, £4,000 paid: net £500.
    assert (council.savings_gbp, council.cost_gbp, council.net_gbp) == (27000, 6000, 21000)
    assert council.return_per_pound == D("4.5")
    assert (nhs.savings_gbp, nhs.cost_gbp, nhs.net_gbp) == (4500, 4000, 500)
    # Public sector: the fee is a transfer (9 x 2,000 = £18,000), cancelled; 9 x (1,000 + 500)
    # = £13,500 saved against the whole £10,000: net £3,500 = 21,000 + 500 - 18,000.
    assert public.transfers_gbp == 18000
    assert (public.savings_gbp, public.cost_gbp, public.net_gbp) == (13500, 10000, 3500)
    assert council.net_gbp + nhs.net_gbp - public.transfers_gbp == public.net_gbp
    # Present values: year 1 is year 0; the NHS line falls in year 2, / 1.035.
    assert close(council.npv_gbp, Fraction(27000) - 6000)
    assert close(nhs.npv_gbp, Fraction(4500) / R - 4000)
    assert close(public.npv_gbp, 9000 + Fraction(4500) / R - 10000)
    assert close(public.bcr, (9000 + Fraction(4500) / R) / 10000)
    assert council.npv_gbp is not None
    assert nhs.npv_gbp is not None
    assert council.npv_gbp + nhs.npv_gbp - public.transfers_gbp == public.npv_gbp


def test_optimism_bias_is_an_uplift_on_costs(write_yaml: WriteYaml) -> None:
    # The Green Book's optimism bias: the £10,000 cost x (1 + 0.25) = £12,500, split 60/40
    # (£7,500 and £5,000); benefits untouched (council £27,000, NHS £4,500).
    path = scenario(write_yaml)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text
        + "adjustments:\n  cost_optimism_bias:\n    uplift: 0.25\n    mitigation: costs agreed\n"
        + "    assumption: a judgement for the test\n",
        encoding="utf-8",
    )
    result = estimate(*load_inputs(path))
    assert result.programme.cost_gbp == 12500
    funders = result.economics.funders
    assert funders is not None
    council, nhs = funders.positions[:2]  # then the court's, which no funder pays for
    assert (council.cost_gbp, nhs.cost_gbp) == (7500, 5000)
    assert (council.savings_gbp, nhs.savings_gbp) == (27000, 4500)
    assert result.programme.net_gbp == 27000 - 12500
    flags = {flag.code: flag.message for flag in result.flags}
    assert "uplifted by 25% for optimism bias" in flags["optimism_bias_on_costs"]
