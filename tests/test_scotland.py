"""Scotland: the Scottish journey table, and the flag for a table from another nation."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_inputs, load_table
from pause_cost.results.estimate import Estimate
from tests.conftest import UNIT_COSTS, line, run, scenario_data

WriteYaml = Callable[[str, Any], Path]

SCOTLAND = UNIT_COSTS / "care-journey-scotland.yaml"


def small_table(name: str, nation: str | None) -> dict[str, Any]:
    """A one-line journey table, priced in 2024/25 so it needs no index."""
    data: dict[str, Any] = {
        "name": name,
        "title": f"A small table ({nation or 'no nation'})",
        "lines": [line(id="placement", stage="accommodation", price_year="2024/25")],
    }
    if nation is not None:
        data["nation"] = nation
    return data


def estimate_of(write_yaml: WriteYaml, unit_costs: list[str], **extra: Any) -> Estimate:
    path = write_yaml(
        "scenario.yaml", scenario_data(unit_costs=unit_costs, price_year="2024/25", **extra)
    )
    return estimate(*load_inputs(path))


def codes(result: Estimate) -> list[str]:
    return [flag.code for flag in result.flags]


# ---------------------------------------------------------------- the table


def test_the_scottish_table_loads_and_states_its_nation() -> None:
    table = load_table(SCOTLAND)
    assert table.name == "care-journey-scotland"
    assert table.nation == "scotland"
    assert table.price_index == "gdp-deflator-2026-03"
    assert table.description is not None
    assert "Left out" in table.description
    for each in table.lines:
        assert each.source.note is not None
        assert each.source.note.startswith(("Second-hand", "First-hand")), each.id
        assert each.assumption, f"{each.id}: shares, weeks and borrowed figures are judgements"


def test_the_other_agencies_are_scotland_s_own() -> None:
    """The Reporter, the panel and legal aid, reported apart; no English body appears."""
    agencies = {
        each.agency for each in load_table(SCOTLAND).lines if each.classification == "other_agency"
    }
    assert agencies == {
        "Scottish Children's Reporter Administration",
        "Children's Hearings Scotland",
        "Scottish Legal Aid Board",
    }


def test_the_scottish_table_validates() -> None:
    result = run("tables", "validate", SCOTLAND, "care-journey-scotland")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert not [line for line in lines if ": note: " in line]
    assert lines[-1] == "2 tables checked: 2 without problems, 0 with problems"


def test_a_small_scottish_scenario_estimates_at_2024_25(write_yaml: WriteYaml) -> None:
    """10 women x 0.4 births a year x (18 + 9) / 12 years = 9 avoided births."""
    result = estimate_of(write_yaml, ["care-journey-scotland"], nation="scotland")
    assert result.avoided_births.counted == 9
    assert result.price_year == "2024/25"
    assert [(table.name, table.nation) for table in result.tables] == [
        ("care-journey-scotland", "scotland")
    ]
    assert not {"nation_mismatch", "nation_unstated"} & set(codes(result))
    assert result.horizon.total_gbp > 0
    assert result.horizon.other_agencies_gbp > 0  # the Reporter, the panel, legal aid

    # LGBF CHN8b, Scotland, 2021-22: 236,780 (£000) x 1000 / 52 / 11,312 children = £402.53 a
    # week; 39 weeks (nine months) for every child; uprated by the March 2026 GDP deflator,
    # 100 / 85.3036.
    assert round(Decimal(236_780_000) / 52 / 11_312, 2) == Decimal("402.53")
    lines = {item.id: item for item in result.lines}
    first = lines["looked-after-community-first-39-weeks"]
    factor = Decimal("100.0000") / Decimal("85.3036")
    assert first.uprating_factor == factor
    by_hand = Decimal("402.53") * 39 * factor * 9
    assert round(first.horizon_gbp, 2) == round(by_hand, 2)
    assert round(first.horizon_gbp) == 165_630

    # SCRA: £26.86m / 21,613 hearings = £1,242.77 a hearing (2022-23 prices); 30,363 / 13,316 =
    # 2.2802 hearings a year; every child in year 1; GDP deflator 100 / 91.2996.
    scra = lines["reporter-scra-year-1"]
    by_hand = Decimal("1242.77") * Decimal("2.2802") * Decimal(100) / Decimal("91.2996") * 9
    assert round(scra.horizon_gbp, 2) == round(by_hand, 2)

    # The kinship allowance: £168.31 a week (2023-24) x 52 x 13 / 71 infants (0.1831), years 2
    # to 5 (four years in the five), GDP deflator 100 / 96.1117.
    kinship = lines["kinship-allowance-ages-1-4"]
    by_hand = Decimal("168.31") * 52 * Decimal("0.1831") * 4 * 100 / Decimal("96.1117") * 9
    assert round(kinship.horizon_gbp, 2) == round(by_hand, 2)


# ---------------------------------------------------------------- nation_mismatch


@pytest.mark.parametrize("with_overlap", [False, True], ids=["alone", "after-overlap"])
def test_an_english_table_in_a_scottish_scenario_is_flagged(
    write_yaml: WriteYaml, with_overlap: bool
) -> None:
    write_yaml("english.yaml", small_table("english", "england"))
    unit_costs = ["english.yaml"]
    if with_overlap:  # a whole-journey table beside a staged one: overlapping_tables first
        unit_costs.append("rotherham-2020-published")
    result = estimate_of(write_yaml, unit_costs, nation="scotland")
    flags = codes(result)
    expected = ["overlapping_tables", "nation_mismatch"] if with_overlap else ["nation_mismatch"]
    assert flags[: len(expected)] == expected
    mismatch = result.flags[len(expected) - 1]
    assert "The scenario is in Scotland, but english" in mismatch.message
    # The shipped published table is England's too: its lines are flagged with the other's.
    assert mismatch.lines[0] == "english/placement"
    assert all(
        line.startswith(("english/", "rotherham-2020-published/")) for line in mismatch.lines
    )


def test_a_scottish_table_in_an_english_scenario_is_flagged(write_yaml: WriteYaml) -> None:
    result = estimate_of(write_yaml, ["care-journey-scotland"], nation="england")
    assert codes(result)[0] == "nation_mismatch"
    message = result.flags[0].message
    assert "The scenario is in England, but care-journey-scotland is for Scotland" in message
    assert len(result.flags[0].lines) == len(load_table(SCOTLAND).lines)


def test_the_mismatch_is_a_warning_above_the_figures(write_yaml: WriteYaml) -> None:
    write_yaml("english.yaml", small_table("english", "england"))
    path = write_yaml(
        "scenario.yaml", scenario_data(unit_costs=["english.yaml"], nation="scotland")
    )
    result = run("estimate", path)
    assert result.exit_code == 0, result.stderr
    warning = result.stdout.index("WARNING: The scenario is in Scotland")
    assert warning < result.stdout.index("Cost avoidance")


def test_no_flag_when_the_nations_agree(write_yaml: WriteYaml) -> None:
    write_yaml("scottish.yaml", small_table("scottish", "scotland"))
    result = estimate_of(write_yaml, ["care-journey-scotland", "scottish.yaml"], nation="scotland")
    assert not {"nation_mismatch", "nation_unstated"} & set(codes(result))


def test_no_flag_when_the_scenario_states_no_nation(write_yaml: WriteYaml) -> None:
    result = estimate_of(write_yaml, ["care-journey-scotland"])
    assert not {"nation_mismatch", "nation_unstated"} & set(codes(result))


def test_tables_for_two_nations_together_are_flagged_without_a_scenario_nation(
    write_yaml: WriteYaml,
) -> None:
    write_yaml("english.yaml", small_table("english", "england"))
    result = estimate_of(write_yaml, ["care-journey-scotland", "english.yaml"])
    assert codes(result)[0] == "nation_mismatch"
    assert "Tables for different nations are added together" in result.flags[0].message


# ---------------------------------------------------------------- nation_unstated


def test_a_table_stating_no_nation_is_unknown_not_a_mismatch(write_yaml: WriteYaml) -> None:
    write_yaml("unstated.yaml", small_table("unstated", None))
    result = estimate_of(write_yaml, ["unstated.yaml"], nation="scotland")
    assert "nation_mismatch" not in codes(result)
    (unstated,) = [flag for flag in result.flags if flag.code == "nation_unstated"]
    assert unstated.message == (
        "The scenario is in Scotland, but unstated does not say which nation's costs it holds "
        "(no nation: in the table): check that it fits Scotland."
    )


# ---------------------------------------------------------------- refused values


def test_an_unknown_nation_is_refused_with_the_nations_allowed(write_yaml: WriteYaml) -> None:
    write_yaml("scottish.yaml", small_table("scottish", "scotland"))
    path = write_yaml(
        "scenario.yaml", scenario_data(unit_costs=["scottish.yaml"], nation="Scotland")
    )
    with pytest.raises(InputError) as raised:
        load_inputs(path)
    assert (
        "nation: 'Scotland' is not allowed; choose one of: england, scotland, wales, "
        "northern_ireland"
    ) in str(raised.value)


def test_a_table_with_an_unknown_nation_is_refused(write_yaml: WriteYaml) -> None:
    table = write_yaml("uk.yaml", small_table("uk", "uk"))
    result = run("tables", "validate", table)
    assert result.exit_code == 1
    assert (
        "nation: 'uk' is not allowed; choose one of: england, scotland, wales, northern_ireland"
        in result.stderr
    )
