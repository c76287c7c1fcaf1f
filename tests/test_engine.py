"""The engine against hand-worked cases, and the properties any estimate must have."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pause_cost.engine import estimate
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import UnitCostTable
from pause_cost.results.data import to_json
from tests.conftest import line, scenario, scenario_data, table

D = Decimal


def hand_worked_table() -> UnitCostTable:
    return table(
        # £1,000 x 2 per child x half of children = £1,000 per avoided birth, in year 1.
        line(id="proceedings", amount_gbp=1000, quantity_per_child=2, share_of_children=0.5),
        # £300 a year in years 2 to 4, every child, internal.
        line(
            id="reviews",
            amount_gbp=300,
            classification="internal",
            first_year=2,
            last_year=4,
        ),
    )


def test_hand_worked_case() -> None:
    # 10 women x 0.4 births a year x (12 + 6) / 12 = 1.5 years = 6 births.
    result = estimate(
        scenario(pause_window={"programme_months": 12, "gestation_months": 6}, horizon_years=3),
        [hand_worked_table()],
    )
    assert result.avoided_births.exact == D(6)
    # Year 1: 6 x £1,000 cashable. Years 2 and 3: 6 x £300 internal (year 4 is past the horizon).
    assert [(y.cashable_gbp, y.internal_gbp) for y in result.by_year] == [
        (D(6000), D(0)),
        (D(0), D(1800)),
        (D(0), D(1800)),
    ]
    assert (result.immediate.cashable_gbp, result.immediate.internal_gbp) == (D(6000), D(0))
    assert result.horizon.cashable_gbp == D(6000)
    assert result.horizon.internal_gbp == D(3600)
    assert result.horizon.total_gbp == D(9600)
    lines = {entry.id: entry for entry in result.lines}
    assert lines["reviews"].per_avoided_birth_per_year_gbp == D(300)
    assert lines["reviews"].immediate_gbp == D(0)
    assert lines["reviews"].horizon_gbp == D(3600)
    codes = [flag.code for flag in result.flags]
    assert "costs_beyond_horizon" in codes
    assert "gross_not_net" in codes


def test_births_rounded_half_up_before_costing() -> None:
    # 20 x 0.33 x 2.25 = 14.85 -> 15 whole births; £100 each.
    rounded = estimate(
        scenario(
            cohort={"women_open": 20, "birth_rate_per_woman_per_year": 0.33},
            avoided_births_counting="round_half_up",
        ),
        [table()],
    )
    assert rounded.avoided_births.exact == D("14.85")
    assert rounded.avoided_births.counted == D(15)
    assert rounded.horizon.total_gbp == D(1500)
    assert rounded.flags[0].code == "births_rounded"


def test_exact_births_are_costed_as_fractions() -> None:
    exact = estimate(
        scenario(cohort={"women_open": 20, "birth_rate_per_woman_per_year": 0.33}), [table()]
    )
    assert exact.avoided_births.counted == D("14.85")
    assert exact.horizon.total_gbp == D("1485")


def test_half_a_birth_rounds_up_not_to_even() -> None:
    # 5 women x 0.2 x 2.5 years (21 + 9 months) = 2.5 births -> 3, not 2 (banker's rounding).
    result = estimate(
        scenario(
            cohort={"women_open": 5, "birth_rate_per_woman_per_year": 0.2},
            pause_window={"programme_months": 21, "gestation_months": 9},
            avoided_births_counting="round_half_up",
        ),
        [table()],
    )
    assert result.avoided_births.exact == D("2.5")
    assert result.avoided_births.counted == D(3)


def test_programme_cost_gives_net_return_and_payback() -> None:
    # Avoidance by year (hand-worked table, 6 births, horizon 3): 6,000; 1,800; 1,800.
    # Programme: £5,000 a year for 2 years = £10,000; cumulative cost 5,000 then 10,000.
    # Cumulative avoidance 6,000 (>= 5,000) in year 1: payback in year 1.
    result = estimate(
        scenario(
            pause_window={"programme_months": 12, "gestation_months": 6},
            horizon_years=3,
            programme_cost={"per_year_gbp": 5000, "years": 2, "source": line()["source"]},
        ),
        [hand_worked_table()],
    )
    assert result.programme.cost_gbp == D(10000)
    assert result.programme.net_gbp == D(9600 - 10000)
    assert result.programme.return_per_pound == D("0.96")
    assert result.programme.payback_year == 1
    assert result.programme.cost_by_year_gbp == [D(5000), D(5000), D(0)]


def test_no_payback_within_horizon_is_flagged() -> None:
    # Cost £20,000 up front against 6,000 + 1,800 + 1,800 = 9,600: never covered.
    result = estimate(
        scenario(
            pause_window={"programme_months": 12, "gestation_months": 6},
            horizon_years=3,
            programme_cost={"total_gbp": 20000, "source": line()["source"]},
        ),
        [hand_worked_table()],
    )
    assert result.programme.payback_year is None
    assert result.programme.net_gbp == D(-10400)
    assert "no_payback_within_horizon" in [flag.code for flag in result.flags]


def test_part_year_of_programme_cost_falls_in_the_last_year() -> None:
    # £4,000 a year for 1.5 years: £4,000 in year 1 and £2,000 in year 2.
    result = estimate(
        scenario(programme_cost={"per_year_gbp": 4000, "years": 1.5, "source": line()["source"]}),
        [table()],
    )
    assert result.programme.cost_by_year_gbp[:3] == [D(4000), D(2000), D(0)]
    assert result.programme.cost_gbp == D(6000)


def test_lines_from_several_tables_add_up_and_mixed_price_years_are_flagged() -> None:
    first = table(line(id="x", amount_gbp=10), name="first")
    second = table(line(id="x", amount_gbp=5, price_year="2019/20"), name="second")
    result = estimate(scenario(unit_costs=["first", "second"]), [first, second])
    # 10 x 0.4 x 2.25 = 9 births x (£10 + £5).
    assert result.horizon.total_gbp == D(135)
    assert [f"{entry.table}/{entry.id}" for entry in result.lines] == ["first/x", "second/x"]
    assert "mixed_price_years" in [flag.code for flag in result.flags]


def test_the_same_inputs_give_the_same_bytes() -> None:
    first = to_json(estimate(scenario(), [hand_worked_table()]))
    second = to_json(estimate(scenario(), [hand_worked_table()]))
    assert first == second


# Properties ---------------------------------------------------------------------------------

amounts = st.floats(min_value=0, max_value=1_000_000, allow_nan=False).map(lambda x: round(x, 2))
shares = st.floats(min_value=0, max_value=1).map(lambda x: round(x, 4))


@st.composite
def line_data(draw: st.DrawFn, index: int) -> dict[str, Any]:
    first_year = draw(st.integers(1, 8))
    return line(
        id=f"line-{index}",
        amount_gbp=draw(amounts),
        quantity_per_child=draw(st.sampled_from([0, 0.5, 1, 2, 26, 52])),
        share_of_children=draw(shares),
        first_year=first_year,
        last_year=first_year + draw(st.integers(0, 6)),
        classification=draw(st.sampled_from(["cashable", "internal"])),
    )


@st.composite
def tables(draw: st.DrawFn) -> UnitCostTable:
    count = draw(st.integers(1, 6))
    return table(*(draw(line_data(index)) for index in range(count)))


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    horizon = draw(st.integers(1, 10))
    return scenario_data(
        cohort={
            "women_open": draw(st.integers(0, 200)),
            "birth_rate_per_woman_per_year": draw(st.floats(0, 2).map(lambda x: round(x, 3))),
        },
        pause_window={
            "programme_months": draw(st.integers(1, 36)),
            "gestation_months": draw(st.integers(0, 12)),
        },
        avoided_births_counting="exact",
        horizon_years=horizon,
        immediate_years=draw(st.integers(1, horizon)),
    )


def with_changes(data: dict[str, Any], **changes: Any) -> Scenario:
    updated = dict(data)
    for key, value in changes.items():
        updated[key] = {**updated[key], **value}
    return Scenario.model_validate(updated)


@given(scenarios(), tables(), st.sampled_from(["exact", "round_half_up"]))
def test_zero_women_avoid_nothing(
    data: dict[str, Any], unit_costs: UnitCostTable, counting: str
) -> None:
    data = {**data, "avoided_births_counting": counting}
    result = estimate(with_changes(data, cohort={"women_open": 0}), [unit_costs])
    assert result.avoided_births.counted == 0
    assert result.horizon.total_gbp == 0
    assert all(year.total_gbp == 0 for year in result.by_year)


@given(scenarios(), tables(), st.integers(2, 10))
def test_exact_estimate_is_linear_in_women(
    data: dict[str, Any], unit_costs: UnitCostTable, factor: int
) -> None:
    women = data["cohort"]["women_open"]
    base = estimate(with_changes(data, cohort={"women_open": women}), [unit_costs])
    scaled = estimate(with_changes(data, cohort={"women_open": women * factor}), [unit_costs])
    for ours, theirs in ((base.horizon, scaled.horizon), (base.immediate, scaled.immediate)):
        assert theirs.total_gbp == pytest.approx(ours.total_gbp * factor, rel=D("1e-20"))
        assert theirs.cashable_gbp == pytest.approx(ours.cashable_gbp * factor, rel=D("1e-20"))


@given(scenarios(), tables(), st.integers(1, 24), st.sampled_from(["exact", "round_half_up"]))
def test_more_programme_months_never_avoid_less(
    data: dict[str, Any], unit_costs: UnitCostTable, extra: int, counting: str
) -> None:
    data = {**data, "avoided_births_counting": counting}
    months = data["pause_window"]["programme_months"]
    shorter = estimate(with_changes(data, pause_window={"programme_months": months}), [unit_costs])
    longer = estimate(
        with_changes(data, pause_window={"programme_months": months + extra}), [unit_costs]
    )
    assert longer.avoided_births.counted >= shorter.avoided_births.counted
    assert longer.horizon.total_gbp >= shorter.horizon.total_gbp


@given(scenarios(), tables(), st.floats(0, 1).map(lambda x: round(x, 3)))
def test_higher_birth_rate_never_avoids_less(
    data: dict[str, Any], unit_costs: UnitCostTable, extra: float
) -> None:
    rate = data["cohort"]["birth_rate_per_woman_per_year"]
    lower = estimate(
        with_changes(data, cohort={"birth_rate_per_woman_per_year": rate}), [unit_costs]
    )
    higher = estimate(
        with_changes(data, cohort={"birth_rate_per_woman_per_year": min(2.0, rate + extra)}),
        [unit_costs],
    )
    assert higher.horizon.total_gbp >= lower.horizon.total_gbp
    assert higher.immediate.total_gbp >= lower.immediate.total_gbp


@settings(max_examples=200)
@given(scenarios(), tables())
def test_totals_are_consistent(data: dict[str, Any], unit_costs: UnitCostTable) -> None:
    result = estimate(Scenario.model_validate(data), [unit_costs])
    for amounts_ in (result.immediate, result.horizon, *result.by_year):
        assert amounts_.cashable_gbp + amounts_.internal_gbp == amounts_.total_gbp
    assert result.immediate.total_gbp <= result.horizon.total_gbp
    assert result.immediate.cashable_gbp <= result.horizon.cashable_gbp
    # Years, lines and classifications add the same amounts in different orders; a window
    # such as 13 / 12 years is not a finite decimal, so sums may differ in the 28th digit only.
    within = Decimal("1e-15")
    assert abs(sum(year.total_gbp for year in result.by_year) - result.horizon.total_gbp) < within
    assert abs(sum(entry.horizon_gbp for entry in result.lines) - result.horizon.total_gbp) < within
    assert (
        abs(sum(entry.immediate_gbp for entry in result.lines) - result.immediate.total_gbp)
        < within
    )
