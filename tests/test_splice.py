"""A spliced index uprates by each of its parts over the years it carries, and says so."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_index, load_inputs, shipped_table_names
from tests.conftest import SCENARIOS, SOURCE, line, scenario_data

WriteYaml = Callable[[str, Any], Path]
D = Decimal

# PSSRU 2024 Table 12.1.2 (all sectors, pay and prices excl. capital), 2017/18 to 2023/24.
PSS_INCREASES = ["2.8", "3.1", "3.3", "3.8", "3.9", "7.2", "7.4"]
# HM Treasury GDP deflator, March 2026, 2024-25 = 100: 2023-24 and 2024-25.
GDP_2023_24, GDP_2024_25 = D("96.1117"), D("100.0000")


def test_a_splice_uprates_across_its_join_as_worked_by_hand() -> None:
    # £1,000 at 2016/17 prices: x (1 + each PSS increase) to 2023/24, then x 100 / 96.1117.
    expected = D(1000)
    for percent in PSS_INCREASES:
        expected *= 1 + D(percent) / 100
    expected *= GDP_2024_25 / GDP_2023_24
    spliced = load_index("pss-then-gdp-deflator-2026")
    assert abs(1000 * spliced.factor("2016/17", "2024/25") - expected) < D("1e-20")
    # About £1,414.45: PSS carries 2016/17 to 2023/24 (x 1.3595), the deflator the last year.
    assert round(expected, 2) == D("1414.45")


def test_within_one_part_a_splice_is_that_part() -> None:
    spliced = load_index("pss-then-gdp-deflator-2026")
    pss = load_index("pss-all-sectors")
    assert spliced.factor("2016/17", "2023/24") == pss.factor("2016/17", "2023/24")
    assert spliced.factor("2024/25", "2016/17") == 1 / spliced.factor("2016/17", "2024/25")


def test_an_estimate_across_the_join_names_the_splice_and_flags_it(
    write_yaml: WriteYaml,
) -> None:
    write_yaml(
        "t.yaml",
        {
            "name": "t",
            "title": "T",
            "price_index": "pss-then-gdp-deflator-2026",
            "lines": [line(id="across", amount_gbp=1000), line(id="within", price_year="2023/24")],
        },
    )
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml"], price_year="2024/25"))
    result = estimate(*load_inputs(path))
    (summary,) = result.price_indices
    assert summary.name == "pss-then-gdp-deflator-2026"
    assert summary.spliced_from == ["pss-all-sectors", "gdp-deflator-2026-03"]
    assert summary.joins == ["2023/24"]
    (flag,) = [flag for flag in result.flags if flag.code == "spliced_index"]
    # 2023/24 to 2024/25 lies wholly in the deflator's part: only the other line crosses.
    assert flag.lines == ["t/across"]


def test_a_part_that_does_not_reach_its_join_is_refused(write_yaml: WriteYaml) -> None:
    path = write_yaml(
        "bad-splice.yaml",
        {
            "name": "bad-splice",
            "title": "Bad",
            "source": SOURCE,
            "splice": [
                {"index": "gdp-deflator", "until": "2023/24"},
                {"index": "gdp-deflator-2026-03"},
            ],
        },
    )
    with pytest.raises(InputError) as caught:
        load_index(path)
    (problem,) = caught.value.problems
    assert problem.key == "splice.0"
    assert problem.message == (
        "gdp-deflator runs from 2000/01 to 2018/19, so it cannot carry the splice from 2000/01 "
        "to 2023/24"
    )


@pytest.mark.parametrize("name", shipped_table_names())
def test_every_shipped_table_can_be_stated_in_2024_25_prices(
    name: str, write_yaml: WriteYaml
) -> None:
    path = write_yaml("s.yaml", scenario_data(unit_costs=[name], price_year="2024/25"))
    result = estimate(*load_inputs(path))
    assert result.price_year == "2024/25"
    assert result.horizon.total_gbp > 0


@pytest.mark.parametrize("name", sorted(path.stem for path in SCENARIOS.glob("*.yaml")))
def test_every_shipped_scenario_can_be_stated_in_2024_25_prices(
    name: str, write_yaml: WriteYaml
) -> None:
    import yaml

    data = yaml.safe_load((SCENARIOS / f"{name}.yaml").read_text(encoding="utf-8"))
    data["price_year"] = "2024/25"
    data.pop("published", None)  # published figures are in the report's own price base
    data["unit_costs"] = [
        str(SCENARIOS / reference) if reference.endswith(".yaml") else reference
        for reference in data["unit_costs"]
    ]
    result = estimate(*load_inputs(write_yaml("s.yaml", data)))
    assert result.price_year == "2024/25"
    assert result.horizon.total_gbp > 0


def test_a_journey_line_in_2024_25_prices_as_worked_by_hand() -> None:
    # prebirth-referral: GMCA SS5.0.1, £186 at 2008/09 prices, once per avoided birth, for the
    # bottom-up cohort's 15 births. Uprated with the PSS increases (PSSRU 2024 Table 12.1.2)
    # from 2009/10 to 2023/24, then the March 2026 deflator from 2023/24 to 2024/25.
    increases = ["2.4", "2.5", "0.9", "0.8", "1.1", "1.0", "1.7", "3.1"]  # 2009/10-2016/17
    increases += ["2.8", "3.1", "3.3", "3.8", "3.9", "7.2", "7.4"]  # 2017/18-2023/24
    expected = D(186) * 15
    for percent in increases:
        expected *= 1 + D(percent) / 100
    expected *= GDP_2024_25 / GDP_2023_24
    result = estimate(*load_inputs(SCENARIOS / "rotherham-2020-bottom-up-2024-25.yaml"))
    (referral,) = [line for line in result.lines if line.id == "prebirth-referral"]
    assert abs(referral.horizon_gbp - expected) < D("1e-18")
    assert round(expected) == 4510  # about £301 a birth in 2024/25 prices
