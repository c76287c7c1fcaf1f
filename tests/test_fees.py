"""A statutory fee is used as in force in the price year, from its dated schedule, not uprated."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_inputs
from tests.conftest import line, scenario_data

WriteYaml = Callable[[str, Any], Path]

# The care order application fee (fee 2.2) as MORE-COSTS.md s.2 reads HMCTS's fee register.
CARE_ORDER_FEES = [
    {"in_force_from": "2014-04-22", "amount_gbp": 2055},
    {"in_force_from": "2021-09-30", "amount_gbp": 2215},
    {"in_force_from": "2024-05-01", "amount_gbp": 2437},
    {"in_force_from": "2025-04-08", "amount_gbp": 2515},
]


def fee_line(**overrides: Any) -> dict[str, Any]:
    data = line(
        id="care-order-fee",
        amount_gbp=2055,
        price_year="2016/17",
        fee_schedule=CARE_ORDER_FEES,
        unit="per application",
    )
    data.update(overrides)
    return data


def cost_in(write_yaml: WriteYaml, price_year: str | None) -> Any:
    write_yaml(
        "fees.yaml",
        {"name": "fees", "title": "Fees", "price_index": "pss-all-sectors", "lines": [fee_line()]},
    )
    extra = {"price_year": price_year} if price_year else {}
    path = write_yaml("s.yaml", scenario_data(unit_costs=["fees.yaml"], **extra))
    (result,) = estimate(*load_inputs(path)).lines
    return result


@pytest.mark.parametrize(
    ("price_year", "fee", "since"),
    [
        # 30 September 2016: the 2014 fee, £2,055.
        ("2016/17", 2055, "2014-04-22"),
        # 30 September 2024: the fee of 1 May 2024, £2,437 (not uprated from £2,055).
        ("2024/25", 2437, "2024-05-01"),
        # The change of 30 September 2021 is in force on that day: £2,215 for 2021/22.
        ("2021/22", 2215, "2021-09-30"),
    ],
)
def test_the_fee_in_force_in_the_price_year_is_used_as_it_stands(
    write_yaml: WriteYaml, price_year: str, fee: int, since: str
) -> None:
    result = cost_in(write_yaml, price_year)
    assert result.amount_gbp == Decimal(fee)
    assert result.uprating_factor == 1
    assert result.price_index is None
    assert result.fee_in_force_from == since
    # 10 women x 0.4 births x 2.25 years = 9 births, one application each.
    assert result.horizon_gbp == Decimal(fee) * 9


def test_without_a_price_year_the_line_s_own_fee_is_used(write_yaml: WriteYaml) -> None:
    assert cost_in(write_yaml, None).amount_gbp == Decimal(2055)


def test_a_price_year_before_the_first_fee_is_refused(write_yaml: WriteYaml) -> None:
    with pytest.raises(InputError) as caught:
        cost_in(write_yaml, "2012/13")
    (problem,) = caught.value.problems
    assert "is a fee first in force on 2014-04-22: there is no fee for 2012/13" in (problem.message)


def test_the_amount_must_be_the_fee_in_force_in_the_line_s_own_year(
    write_yaml: WriteYaml,
) -> None:
    write_yaml("fees.yaml", {"name": "fees", "title": "F", "lines": [fee_line(amount_gbp=2215)]})
    path = write_yaml("s.yaml", scenario_data(unit_costs=["fees.yaml"]))
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    assert "amount_gbp is the fee in force in price_year 2016/17: the schedule gives £2055" in (
        str(caught.value)
    )


def test_tables_validate_does_not_note_a_fee_as_beyond_its_table_s_index(
    write_yaml: WriteYaml,
) -> None:
    from tests.conftest import run

    late = fee_line(price_year="2025/26", amount_gbp=2515)
    table = write_yaml(
        "fees.yaml",
        {"name": "fees", "title": "Fees", "price_index": "pss-all-sectors", "lines": [late]},
    )
    result = run("tables", "validate", table)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not [line for line in lines if ": note: " in line]  # a fee is never noted
    assert lines[-1] == "1 table checked: 1 without problems, 0 with problems"
