"""Uprating to one price year, worked by hand from the PSSRU 2024 manual's published increases."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_index, load_inputs
from tests.conftest import line, scenario_data

D = Decimal
WriteYaml = Callable[[str, Any], Path]


def inputs_with(write_yaml: WriteYaml, *lines: dict[str, Any], **scenario: Any) -> Path:
    write_yaml(
        "local.yaml",
        {"name": "local", "title": "Local", "price_index": "pss-all-sectors", "lines": list(lines)},
    )
    return write_yaml("s.yaml", scenario_data(unit_costs=["local.yaml"], **scenario))


def test_uprating_matches_the_published_increases_chained_by_hand(write_yaml: WriteYaml) -> None:
    # PSSRU 2024 Table 12.1.2, all sectors, pay & prices excl. capital: 2017/18 +2.8%,
    # 2018/19 +3.1%. £1,000 at 2016/17 prices = 1,000 x 1.028 x 1.031 = £1,059.868 in 2018/19.
    path = inputs_with(write_yaml, line(amount_gbp=1000), price_year="2018/19")
    result = estimate(*load_inputs(path))
    entry = result.lines[0]
    assert entry.uprating_factor == D("1.028") * D("1.031") == D("1.059868")
    assert entry.per_avoided_birth_per_year_gbp == D("1059.868")
    # 10 women x 0.4 x 2.25 years = 9 births.
    assert result.horizon.cashable_gbp == D("9538.812")
    assert result.price_year == "2018/19"
    assert [index.name for index in result.price_indices] == ["pss-all-sectors"]
    assert entry.amount_gbp == D(1000)
    assert entry.price_year == "2016/17"


def test_uprating_backwards_divides(write_yaml: WriteYaml) -> None:
    # £1,059.868 at 2018/19 prices is £1,000 at 2016/17 prices.
    path = inputs_with(
        write_yaml, line(amount_gbp=1059.868, price_year="2018/19"), price_year="2016/17"
    )
    result = estimate(*load_inputs(path))
    assert result.lines[0].per_avoided_birth_per_year_gbp == pytest.approx(D(1000), abs=D("1e-20"))


def test_a_line_may_name_its_own_index(write_yaml: WriteYaml) -> None:
    # NHS Cost Inflation Index, pay and prices (Table 12.1.1): 2022/23 +7.32%, 2023/24 +4.31%.
    nhs = line(id="nhs", amount_gbp=100, price_year="2021/22", price_index="nhs-cost-inflation")
    path = inputs_with(write_yaml, nhs, price_year="2023/24")
    result = estimate(*load_inputs(path))
    assert result.lines[0].uprating_factor == D("1.0732") * D("1.0431")
    assert result.lines[0].price_index == "nhs-cost-inflation"


def test_same_year_is_factor_one_and_no_mixed_price_flag(write_yaml: WriteYaml) -> None:
    path = inputs_with(
        write_yaml,
        line(id="a", price_year="2016/17"),
        line(id="b", price_year="2019/20"),
        price_year="2016/17",
    )
    result = estimate(*load_inputs(path))
    assert result.lines[0].uprating_factor == 1
    assert "mixed_price_years" not in [flag.code for flag in result.flags]


def test_a_line_before_the_index_begins_is_refused(write_yaml: WriteYaml) -> None:
    path = inputs_with(write_yaml, line(id="old", price_year="2005/06"), price_year="2023/24")
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    (problem,) = caught.value.problems
    assert problem.key == "price_year"
    assert problem.message == (
        f"{path.parent / 'local.yaml'}: local/old is priced in 2005/06, which pss-all-sectors "
        "does not cover (it runs from 2007/08 to 2023/24); no figure is extrapolated: choose a "
        "covered price year or another index"
    )


def test_a_price_year_after_the_index_ends_is_refused(write_yaml: WriteYaml) -> None:
    path = inputs_with(write_yaml, line(), price_year="2030/31")
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    (problem,) = caught.value.problems
    assert problem.message.startswith(
        "2030/31 is outside pss-all-sectors (it runs from 2007/08 to 2023/24), so the 1 line(s) "
        "it uprates cannot be stated in 2030/31 prices"
    )


def test_one_cause_stopping_many_lines_is_said_once(write_yaml: WriteYaml) -> None:
    lines = [line(id=f"line-{number}") for number in range(19)]
    write_yaml(
        "many.yaml",
        {"name": "many", "title": "Many", "price_index": "pss-all-sectors", "lines": lines},
    )
    path = write_yaml("s.yaml", scenario_data(unit_costs=["many.yaml"], price_year="2030/31"))
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    (problem,) = caught.value.problems
    assert "so the 19 line(s) it uprates cannot be stated in 2030/31 prices (many/line-0, " in (
        problem.message
    )
    assert "many/line-4 and 14 more)" in problem.message


def test_a_table_without_an_index_cannot_be_uprated(write_yaml: WriteYaml) -> None:
    write_yaml("bare.yaml", {"name": "bare", "title": "Bare", "lines": [line()]})
    path = write_yaml("s.yaml", scenario_data(unit_costs=["bare.yaml"], price_year="2018/19"))
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    assert "neither the line nor its table names a price_index" in str(caught.value)


def test_an_unknown_index_lists_the_shipped_ones(write_yaml: WriteYaml) -> None:
    path = inputs_with(write_yaml, line(price_index="pss-all-sector"), price_year="2018/19")
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    assert (
        "unknown price index 'pss-all-sector'; did you mean 'pss-all-sectors'? shipped price "
        "indices: gdp-deflator, gdp-deflator-2026-03, gdp-deflator-2026-03-with-forecast, "
        "nhs-cost-inflation, "
        "nhs-cost-inflation-2025, pss-all-sectors, pss-independent-sector, pss-local-authority, "
        "pss-then-gdp-deflator-2026"
    ) in str(caught.value)


@pytest.mark.parametrize(
    ("name", "first", "last", "count"),
    [
        ("pss-all-sectors", "2007/08", "2023/24", 16),
        ("pss-local-authority", "2007/08", "2023/24", 16),
        ("pss-independent-sector", "2009/10", "2023/24", 14),
        ("nhs-cost-inflation", "2014/15", "2023/24", 9),
    ],
)
def test_shipped_indices_hold_the_manual_s_years(
    name: str, first: str, last: str, count: int
) -> None:
    index = load_index(name)
    assert (index.first_year, index.last_year) == (first, last)
    assert len(index.annual_increase_percent) == count
    assert index.source.location


def test_spot_values_from_the_manual() -> None:
    """A few cells typed from the reference note's copy of PSSRU 2024 Tables 12.1.1-12.1.4."""
    assert load_index("pss-all-sectors").annual_increase_percent["2022/23"] == Decimal("7.2")
    assert load_index("pss-local-authority").annual_increase_percent["2016/17"] == Decimal("0.9")
    assert load_index("pss-independent-sector").annual_increase_percent["2020/21"] == Decimal("4.1")
    assert load_index("nhs-cost-inflation").annual_increase_percent["2019/20"] == Decimal("2.14")


def test_the_special_guardianship_allowance_worked_by_hand() -> None:
    # £91.31 a week (Kinship 2021, priced 2020/21) x 52 weeks x 13% to family x 75% with an
    # allowance, taken back to 2016/17 through PSSRU 2024 Table 12.1.2's increases for 2017/18
    # to 2020/21 (2.8%, 3.1%, 3.3%, 3.8%), for Rotherham's 15 births in years 2 to 5.
    from tests.conftest import SCENARIOS

    result = estimate(*load_inputs(SCENARIOS / "rotherham-2020-bottom-up.yaml"))
    (allowance,) = [entry for entry in result.lines if entry.id == "special-guardianship-allowance"]
    back = D("1.028") * D("1.031") * D("1.033") * D("1.038")
    per_birth_per_year = D("91.31") * 52 * D("0.13") * D("0.75") / back
    assert allowance.per_avoided_birth_per_year_gbp == pytest.approx(
        per_birth_per_year, abs=D("1e-20")
    )
    assert allowance.horizon_gbp == pytest.approx(per_birth_per_year * 15 * 4, abs=D("1e-18"))
    assert allowance.immediate_gbp == 0


def test_a_line_already_in_the_price_year_needs_no_index(
    write_yaml: Callable[[str, Any], Path],
) -> None:
    # No price_index anywhere: a 2016/17 line stated in 2016/17 prices is stated as it is.
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=250)]})
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml"], price_year="2016/17"))
    result = estimate(*load_inputs(path))
    # 10 women x 0.4 x 2.25 years = 9 births x £250.
    assert result.horizon.total_gbp == Decimal(2250)
    assert [(entry.price_index, entry.uprating_factor) for entry in result.lines] == [
        (None, Decimal(1))
    ]
    assert result.price_indices == []
