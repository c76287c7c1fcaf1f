"""The economic case, each figure worked by hand from the inputs (never pasted from output).

Rotherham's published table gives, per avoided birth, £67,325.26 + £18,848.01 = £86,173.27
in year 1 (Y1) and £10,363.40 + £2,901.28 = £13,264.68 in each of years 2-5 (Y2).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from pause_cost.results.estimate import Estimate
from tests.conftest import SCENARIOS, SOURCE, dump_yaml, line, run

D = Decimal
Y1 = Fraction("67325.26") + Fraction("18848.01")
Y2 = Fraction("10363.40") + Fraction("2901.28")
WriteYaml = Callable[[str, Any], Path]
COHORT: dict[str, Any] = {"women_open": 10, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE}
"""10 women x 0.4 births a year x 2.25 years: 9 births."""
TEN_WOMEN: dict[str, Any] = {
    "name": "s",
    "council": "C",
    "cohort": COHORT,
    "unit_costs": ["t.yaml"],
}
"""A scenario of that cohort on a table file t.yaml beside it."""


def shipped(name: str) -> Estimate:
    return estimate(*load_inputs(SCENARIOS / f"{name}.yaml"))


def close(value: Decimal, exact: Fraction, within: Fraction = Fraction(1, 10**9)) -> bool:
    return abs(Fraction(value) - exact) <= within


# The calendar -------------------------------------------------------------------------------


def test_births_fall_from_month_9_to_the_windows_end_by_financial_year() -> None:
    # Open in July 2018 (month 0) with contraception in place, no woman is pregnant at month 0:
    # a conception prevented in programme month k (0-17) is a birth prevented in month k + 9.
    # So the 15 births fall over months 9-26, April 2019 - September 2020, 15/18 = 5/6 a
    # month: none in 2018/19, 12 months in 2019/20 (10 births), 6 in 2020/21 (5).
    calendar = shipped("rotherham-2020-calendar").economics.calendar
    assert calendar is not None
    births = {year.financial_year: year.avoided_births for year in calendar.years}
    assert births["2018/19"] == 0
    assert births["2019/20"] == 10
    assert births["2020/21"] == 5
    assert all(births[label] == 0 for label in ("2021/22", "2022/23", "2023/24"))


def test_each_financial_year_of_avoidance_worked_by_hand() -> None:
    # A birth in month i (0 = April 2019, i = 0..17) has year y over months i + 12(y - 1) to
    # i + 12(y - 1) + 11, a twelfth of the year's cost a month; 5/6 of a birth in each month.
    # Year 1's month-shares by financial year, summed over i:
    #   2019/20: births of i = 0..11 give 12 - i months: 12 + 11 + ... + 1 = 78
    #   2020/21: births of i = 0..11 give i months (0 + ... + 11 = 66); of i = 12..17,
    #            24 - i months (12 + 11 + 10 + 9 + 8 + 7 = 57): 123
    #   2021/22: births of i = 12..17 give i - 12 months: 0 + 1 + ... + 5 = 15
    # (78 + 123 + 15 = 216 = 18 months x 12). Year y's shares are year 1's moved y - 1 years on.
    # So with m = (5/6)/12 = 5/72 of a birth-year's cost per month-share:
    #   2019/20 78 Y1; 2020/21 123 Y1 + 78 Y2; 2021/22 15 Y1 + (123 + 78) Y2;
    #   2022/23 and 2023/24 (15 + 123 + 78) Y2 = 216 Y2; 2024/25 (15 + 123) Y2; 2025/26 15 Y2.
    calendar = shipped("rotherham-2020-calendar").economics.calendar
    assert calendar is not None
    by_year = {year.financial_year: year.total_gbp for year in calendar.years}
    m = Fraction(5, 72)
    expected = {
        "2018/19": Fraction(0),
        "2019/20": m * 78 * Y1,
        "2020/21": m * (123 * Y1 + 78 * Y2),
        "2021/22": m * (15 * Y1 + 201 * Y2),
        "2022/23": m * 216 * Y2,
        "2023/24": m * 216 * Y2,
        "2024/25": m * 138 * Y2,
        "2025/26": m * 15 * Y2,
    }
    assert list(by_year) == list(expected)
    for label, value in expected.items():
        assert close(by_year[label], value), label
    # The years add up to the horizon total exactly: 15 x (Y1 + 4 Y2).
    assert sum(by_year.values(), D(0)) == D(15) * (D("86173.27") + 4 * D("13264.68"))


def test_payback_is_the_year_cumulative_net_turns_positive() -> None:
    # The £419,000 pilot, cash over 18 months from July 2018: £209,500 in each of 2018/19 and
    # 2019/20 (nine months each), brought to the savings' 2016/17 prices with the GDP deflator
    # (March 2026: 2016/17 76.0754, 2018/19 78.7948, 2019/20 80.8738): x 0.965488 = £202,269.736
    # and x 0.940668 = £197,069.946. 2018/19: nothing avoided (no birth yet); 2019/20:
    # 78 x 5/72 x Y1 = £466,771.88 avoided, so the cumulative net turns positive.
    calendar = shipped("rotherham-2020-calendar").economics.calendar
    assert calendar is not None
    rows = calendar.years
    first, second = D("209500") * D("0.965488"), D("209500") * D("0.940668")
    assert (first, second) == (D("202269.736"), D("197069.946"))
    assert [row.programme_cost_gbp for row in rows[:3]] == [first, second, D(0)]
    assert rows[0].cumulative_net_gbp == -first
    assert close(
        rows[1].cumulative_net_gbp, Fraction(5, 72) * 78 * Y1 - Fraction(first) - Fraction(second)
    )
    assert rows[0].cumulative_net_gbp < 0 < rows[1].cumulative_net_gbp
    assert calendar.payback_financial_year == "2019/20"


def test_present_values_at_3_5_percent_from_the_first_financial_year() -> None:
    # Year 0 is 2018/19; each year's amount over 1.035^t (rate 207/200). Benefits, with
    # m = 5/72 (above): t=1 78m Y1; t=2 m(123 Y1 + 78 Y2); t=3 m(15 Y1 + 201 Y2); t=4 and
    # t=5 216m Y2; t=6 138m Y2; t=7 15m Y2. Costs, in 2016/17 prices (above): £202,269.736 at
    # t=0 and £197,069.946 at t=1.
    result = shipped("rotherham-2020-calendar")
    case = result.economics
    assert case.appraisal is not None
    appraisal = case.appraisal
    r = Fraction(207, 200)
    m = Fraction(5, 72)
    benefits = (
        m * 78 * Y1 / r
        + m * (123 * Y1 + 78 * Y2) / r**2
        + m * (15 * Y1 + 201 * Y2) / r**3
        + m * 216 * Y2 / r**4
        + m * 216 * Y2 / r**5
        + m * 138 * Y2 / r**6
        + m * 15 * Y2 / r**7
    )
    costs = Fraction("202269.736") + Fraction("197069.946") / r
    assert close(appraisal.pv_costs_gbp, costs)
    assert close(appraisal.pv_benefits_gbp, benefits)
    assert close(appraisal.npv_gbp, benefits - costs)
    assert appraisal.bcr is not None
    assert close(appraisal.bcr, benefits / costs, Fraction(1, 10**11))
    assert appraisal.year_zero.startswith("2018/19")
    assert appraisal.benefits_gbp == result.horizon.total_gbp
    assert appraisal.net_gbp == result.horizon.total_gbp - D("399339.682")


def test_without_a_calendar_payback_is_flagged_as_per_birth_timing() -> None:
    result = shipped("rotherham-2020-with-pilot-cost")
    assert result.economics.calendar is None
    assert result.economics.timing == "year_after_birth"
    assert "payback_per_birth_timing" in [flag.code for flag in result.flags]
    calendar = shipped("rotherham-2020-calendar")
    assert "payback_per_birth_timing" not in [flag.code for flag in calendar.flags]


# Cohorts, practices and the outturn ---------------------------------------------------------


def test_an_observed_birth_is_netted_off_and_the_forecast_kept_beside_it() -> None:
    result = shipped("rotherham-2021-ex-post")
    assert result.avoided_births.counted == 14  # 15 expected, less 1 observed
    assert result.avoided_births.observed == 1
    post = result.economics.ex_post
    assert post is not None
    assert (post.forecast_births, post.observed_births, post.outturn_births) == (15, 1, 14)
    per_birth = D("86173.27") + 4 * D("13264.68")
    assert post.forecast_total_gbp == 15 * per_birth
    assert post.outturn_total_gbp == 14 * per_birth == result.horizon.total_gbp
    assert "observed_births_netted" in [flag.code for flag in result.flags]


def practice_scenario(write_yaml: WriteYaml, **extra: Any) -> Path:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=1200)]})
    data: dict[str, Any] = {
        "name": "practice",
        "council": "Test Council",
        "practice": {
            "practices": 2,
            "capacity_women": 20,
            "first_start": "2019-04",
            "cohorts": 3,
            "ramp_up_women": [10],
            "birth_rate_per_woman_per_year": 0.4,
            "source": SOURCE,
        },
        "unit_costs": ["t.yaml"],
        "horizon_years": 2,
        **extra,
    }
    return write_yaml("s.yaml", data)


def test_a_practice_gives_cohorts_one_after_another(write_yaml: WriteYaml) -> None:
    # 2 practices x 20 women, the first cohort ramping up with 10; cohorts 18 months apart.
    # Births: women x 0.4 x 27/12 = 0.9 x women: 9, then 36, then 36.
    result = estimate(*load_inputs(practice_scenario(write_yaml)))
    cohorts = result.economics.cohorts
    assert [(c.start, c.women_open) for c in cohorts] == [
        ("2019-04", 10),
        ("2020-10", 40),
        ("2022-04", 40),
    ]
    assert [c.expected_births_exact for c in cohorts] == [D(9), D(36), D(36)]
    assert result.avoided_births.counted == 81
    # One £1,200 line in year 1 only: 81 births x £1,200.
    assert result.horizon.total_gbp == 81 * 1200


def test_a_per_practice_cost_is_paid_for_every_practice(write_yaml: WriteYaml) -> None:
    cost = {"per_year_gbp": 100000, "years": 4.5, "per_practice": True, "source": SOURCE}
    result = estimate(*load_inputs(practice_scenario(write_yaml, programme_cost=cost)))
    assert result.programme.cost_gbp == 2 * 100000 * D("4.5")
    calendar = result.economics.calendar
    assert calendar is not None
    # £200,000 a year from April 2019 for 54 months: £200,000 in each of 2019/20 to
    # 2022/23 and half a year, £100,000, in 2023/24.
    costs = {year.financial_year: year.programme_cost_gbp for year in calendar.years}
    assert [costs[f"{y}/{(y + 1) % 100:02d}"] for y in range(2019, 2024)] == [
        D(200000),
        D(200000),
        D(200000),
        D(200000),
        D(100000),
    ]


# Funders ------------------------------------------------------------------------------------


def test_joint_funders_shares_add_up_to_the_whole_to_the_penny() -> None:
    result = shipped("rotherham-2021-joint-funding")
    funders = result.economics.funders
    assert funders is not None
    council, nhs = funders.positions
    # £838,000 cash over 36 months from April 2020, a third in each of 2020/21 to 2022/23,
    # brought to 2016/17 prices (GDP deflator, March 2026: 76.0754 over 85.1002, 85.3036 and
    # 91.2996, to six places 0.893951, 0.891819, 0.833250): 838000/3 x 2.619020, carried to
    # 12 places; each funder pays half.
    real = Fraction(838000, 3) * Fraction("2.619020")
    assert close(result.programme.cost_gbp, real, Fraction(1, 10**12))
    assert council.cost_gbp + nhs.cost_gbp == result.programme.cost_gbp
    assert council.cost_gbp == nhs.cost_gbp
    calendar = result.economics.calendar
    assert calendar is not None
    for year in calendar.years:
        paid = [
            period.cost_gbp
            for position in funders.positions
            for period in position.by_period
            if period.period == year.financial_year
        ]
        assert sum(paid, D(0)) == year.programme_cost_gbp
    # The council's own lines fall to it; no line here is the NHS's.
    assert council.savings_gbp == result.horizon.total_gbp
    assert nhs.savings_gbp == 0
    assert nhs.net_gbp == -nhs.cost_gbp


def test_other_agencies_savings_fall_to_the_funder_that_names_them(write_yaml: WriteYaml) -> None:
    lines = [
        line(id="placement", amount_gbp=1000),
        line(id="court", amount_gbp=300, classification="other_agency", agency="HMCTS"),
        line(id="aid", amount_gbp=200, classification="other_agency", agency="Legal Aid"),
        line(id="dfe", amount_gbp=50, classification="other_agency", agency="DfE"),
    ]
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": lines})
    path = write_yaml(
        "s.yaml",
        {
            **TEN_WOMEN,
            "programme_cost": {"total_gbp": 1000.03, "source": SOURCE},
            "funders": [
                {
                    "name": "Council",
                    "kind": "council",
                    "share_of_programme_cost": 0.7,
                    "source": SOURCE,
                },
                {
                    "name": "MoJ",
                    "kind": "central_government",
                    "share_of_programme_cost": 0.3,
                    "agencies": ["HMCTS", "Legal Aid"],
                    "source": SOURCE,
                },
            ],
        },
    )
    result = estimate(*load_inputs(path))
    funders = result.economics.funders
    assert funders is not None
    council, moj, others = funders.positions
    births = D(10) * D("0.4") * D("2.25")  # 9
    assert council.savings_gbp == births * 1000
    assert moj.savings_gbp == births * (300 + 200)
    assert (others.kind, others.agencies, others.savings_gbp) == (
        "not_funding",
        ["DfE"],
        births * 50,
    )
    assert council.cost_gbp == D("700.021")
    assert moj.cost_gbp == D("300.009")
    assert council.cost_gbp + moj.cost_gbp == D("1000.03")


def test_funders_shares_must_cover_the_whole_cost(write_yaml: WriteYaml) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line()]})
    funder = {"kind": "council", "share_of_programme_cost": 0.6, "source": SOURCE}
    path = write_yaml(
        "s.yaml",
        {
            **TEN_WOMEN,
            "programme_cost": {"total_gbp": 1000, "source": SOURCE},
            "funders": [{"name": "A", **funder}, {"name": "B", **funder, "kind": "nhs"}],
        },
    )
    result = run("estimate", str(path))
    assert result.exit_code == 1
    assert "funders' shares of the programme cost add up to 1.2, not 1" in result.stderr
    assert result.stdout == ""


# The bridge, persistence, routes and scale --------------------------------------------------


def test_the_bridge_takes_each_adjustment_off_in_turn(write_yaml: WriteYaml) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=1000)]})
    adjustments = {
        "removal_share": {"share": 0.5, "source": SOURCE},
        "optimism_bias": {"share": 0.2, "assumption": "data of middling confidence"},
    }
    path = write_yaml(
        "s.yaml",
        {
            **TEN_WOMEN,
            "adjustments": adjustments,
        },
    )
    result = estimate(*load_inputs(path))
    bridge = result.economics.bridge
    assert bridge is not None
    # Gross: 9 births x £1,000 = £9,000; half would have led to a removal: £4,500 (-£4,500);
    # optimism bias of 20% takes £900 more: £3,600, 0.4 of gross.
    assert bridge.gross_gbp == 9000
    assert [(step.name, step.factor, step.change_gbp) for step in bridge.steps] == [
        ("removal_share", D("0.5"), D(-4500)),
        ("optimism_bias", D("0.8"), D(-900)),
    ]
    assert bridge.net_gbp == result.horizon.total_gbp == 3600
    assert result.avoided_births.counted == 9
    # The removal share acts on the lines (here the one line, at the removal decision), not
    # on the births: births costed are 9 x (1 - 0.2) = 7.2, each at £1,000 x 0.5 = £500.
    assert result.avoided_births.costed == D("7.2")
    codes = [flag.code for flag in result.flags]
    assert "adjustments_applied" in codes
    assert "removal_share_assumed" not in codes


def test_persistence_lengthens_the_window_and_is_flagged(write_yaml: WriteYaml) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line()]})
    path = write_yaml(
        "s.yaml",
        {
            "name": "s",
            "council": "C",
            "cohort": {"women_open": 20, "birth_rate_per_woman_per_year": 0.33, "source": SOURCE},
            "unit_costs": ["t.yaml"],
            "persistence": {"months": 6, "assumption": "a test"},
        },
    )
    result = estimate(*load_inputs(path))
    # (18 + 9 + 6) / 12 = 2.75 years: 20 x 0.33 x 2.75 = 18.15 births.
    assert result.scenario.window_years == D("2.75")
    assert result.avoided_births.exact == D("18.15")
    assert "persistence_beyond_evidence" in [flag.code for flag in result.flags]


def test_the_evaluation_route_for_two_practices_over_three_years(write_yaml: WriteYaml) -> None:
    path = write_yaml(
        "s.yaml",
        {
            "name": "s",
            "council": "C",
            "cohort": {"women_open": 20, "birth_rate_per_woman_per_year": 0.33, "source": SOURCE},
            "avoided_births_counting": "round_half_up",
            "unit_costs": ["rotherham-2020-published"],
            "programme_cost": {"total_gbp": 1000000, "source": SOURCE},
            "evaluation_route": {
                "practices": 2,
                "years_open": 3,
                "months_before_effect": 12,
                "infants_per_practice_per_year": 14.4,
                "published_return_per_pound": 4.5,
                "published_return_years": 4,
                "source": SOURCE,
            },
        },
    )
    routes = estimate(*load_inputs(path)).economics.routes
    assert routes is not None
    # 2 practices x (3 - 1) years after the first 12 months x 14.4 = 57.6 fewer infants,
    # each costed at Y1 + 4 Y2 = £139,231.99; the per-woman route costs 15 births.
    per_child = D("86173.27") + 4 * D("13264.68")
    assert routes.evaluation.units == D("57.6")
    assert routes.evaluation.avoided_gbp == D("57.6") * per_child
    assert routes.per_woman.units == 15
    # 36 months open against the per-woman 39 (27-month window + the infant year): spans
    # differ, so no ratio between the routes.
    assert routes.ratio is None
    # Its cost: £1,000,000 over one 18-month cohort is £666,666.67 a practice-year, x 2
    # practices x 3 years = £4,000,000.
    assert routes.evaluation.programme_cost_gbp == D(1000000) / D("1.5") * 6
    assert routes.evaluation.return_per_pound == (
        D("57.6") * per_child / (D(1000000) / D("1.5") * 6)
    )
    assert routes.published_return_per_pound == D("4.5")


def test_the_scale_of_need_in_rotherham() -> None:
    scale = shipped("rotherham-2020-calendar").economics.scale
    assert scale is not None
    # 270 eligible women at 24 a practice: ceil(11.25) = 12 practice-cohorts;
    # 270 x 0.33 x 2.25 = 200.475 births, rounded half up as the scenario counts: 200.
    assert scale.practice_cohorts_needed == 12
    assert scale.avoided_births == 200
    assert scale.avoided_gbp == 200 * (D("86173.27") + 4 * D("13264.68"))
    # The pilot's £419,000 cash, 9 months in 2018/19 and 9 in 2019/20, brought to 2016/17
    # prices: 209,500 x (0.965488 + 0.940668) = 399,339.682 a practice-cohort, not the cash.
    cost = 12 * D(209500) * (D("0.965488") + D("0.940668"))
    assert scale.programme_cost_gbp == cost == D("4792076.184")
    assert scale.net_gbp == scale.avoided_gbp - cost
    # An undated illustration, shown to the nearest £1,000.
    assert (scale.avoided_rounded_gbp, scale.programme_cost_rounded_gbp) == (27846000, 4792000)


# Nominal cash -------------------------------------------------------------------------------


def test_nominal_cash_inflates_each_year_from_the_price_year(write_yaml: WriteYaml) -> None:
    write_yaml(
        "t.yaml",
        {"name": "t", "title": "T", "lines": [line(amount_gbp=1200, price_year="2019/20")]},
    )
    write_yaml(
        "forecast.yaml",
        {
            "name": "forecast",
            "title": "A test index",
            "source": SOURCE,
            "index_levels": {"2019/20": 100, "2020/21": 102, "2021/22": 105},
            "forecast_from": "2021/22",
        },
    )
    path = write_yaml(
        "s.yaml",
        {
            "name": "s",
            "council": "C",
            "cohort": {
                "women_open": 10,
                "birth_rate_per_woman_per_year": 0.4,
                "source": SOURCE,
                "start": "2019-04",
            },
            "unit_costs": ["t.yaml"],
            "price_year": "2019/20",
            "horizon_years": 1,
            "nominal_cash": {"index": "forecast.yaml"},
        },
    )
    result = estimate(*load_inputs(path))
    calendar = result.economics.calendar
    assert calendar is not None
    assert calendar.prices == "nominal"
    nominal = {year.financial_year: year for year in calendar.nominal_years}
    real = {year.financial_year: year for year in calendar.years}
    assert nominal["2020/21"].inflation_factor == D("1.02")
    assert nominal["2020/21"].total_gbp == real["2020/21"].total_gbp * D("1.02")
    assert nominal["2021/22"].forecast
    assert not nominal["2020/21"].forecast
    assert "nominal_forecast" in [flag.code for flag in result.flags]


# Outputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["table", "markdown", "csv", "json"])
def test_every_new_table_reaches_every_format(output_format: str) -> None:
    result = run("estimate", SCENARIOS / "rotherham-2020-calendar.yaml", "-f", output_format)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    if output_format == "json":
        case = json.loads(text)["economics"]
        assert {"calendar", "appraisal", "routes", "scale"} <= {k for k, v in case.items() if v}
    elif output_format == "csv":
        for section in ("financial_year,", "appraisal,", "route,", "scale,"):
            assert f"\n{section}" in text
    else:
        for title in ("financial year", "Present values", "Two routes", "Scale of need"):
            assert title in text


def test_a_scenario_names_no_schedule_it_does_not_have(write_yaml: WriteYaml) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line()]})
    data = {
        **TEN_WOMEN,
        "discounting": {"schedule": "green-book-discount-rate"},
    }
    path = write_yaml("s.yaml", dump_yaml(data))
    result = run("estimate", str(path))
    assert result.exit_code == 1
    assert "discounting.schedule: unknown discount schedule 'green-book-discount-rate'" in (
        result.stderr
    )
    assert "did you mean 'green-book-discount-rates'?" in result.stderr


def test_uprating_into_a_forecast_year_is_flagged(write_yaml: WriteYaml) -> None:
    priced = line(price_year="2024/25", price_index="gdp-deflator-2026-03-with-forecast")
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [priced]})
    path = write_yaml(
        "s.yaml",
        {
            **TEN_WOMEN,
            "price_year": "2026/27",
        },
    )
    result = estimate(*load_inputs(path))
    # The shipped forecast levels: 2024/25 = 100, 2026/27 = 105.3095 (a forecast).
    assert result.lines[0].uprating_factor == D("1.053095")
    flags = {flag.code: flag for flag in result.flags}
    assert flags["forecast_uprating"].lines == ["t/a-line"]
    assert result.price_indices[0].forecast_from == "2025/26"


def test_a_cost_profile_falls_in_the_years_it_names(write_yaml: WriteYaml) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=1000)]})
    profile = [
        {"financial_year": "2019/20", "amount_gbp": 50000, "kind": "set_up"},
        {"financial_year": "2020/21", "amount_gbp": 200000},
    ]
    cohort = dict(COHORT)
    base = {
        "name": "s",
        "council": "C",
        "unit_costs": ["t.yaml"],
        "programme_cost": {"profile": profile, "source": SOURCE},
    }
    on_calendar = write_yaml("a.yaml", {**base, "cohort": {**cohort, "start": "2019-10"}})
    result = estimate(*load_inputs(on_calendar))
    assert result.programme.cost_gbp == 250000
    calendar = result.economics.calendar
    assert calendar is not None
    costs = {year.financial_year: year.programme_cost_gbp for year in calendar.years}
    assert (costs["2019/20"], costs["2020/21"], costs["2021/22"]) == (50000, 200000, 0)
    # Without a calendar the profile's years are years 1, 2, ... in its order.
    plain = estimate(*load_inputs(write_yaml("b.yaml", {**base, "cohort": cohort})))
    assert plain.programme.cost_by_year_gbp[:3] == [D(50000), D(200000), D(0)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"pause_window": {"programme_months": 18.5}},
            "pause_window.programme_months is 18.5: a calendar (a start month) counts whole months",
        ),
        (
            {"cohort_extra": {"birth_profile": [1, 2, 3]}},
            "cohort.birth_profile has 3 weights for a 27-month window: give one weight per month",
        ),
        (
            {"cohort": None, "practice": None},
            "give exactly one of cohort, cohorts or practice",
        ),
    ],
)
def test_a_calendar_that_cannot_be_kept_is_refused_when_read(
    write_yaml: WriteYaml, change: dict[str, Any], message: str
) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line()]})
    cohort = {
        "women_open": 10,
        "birth_rate_per_woman_per_year": 0.4,
        "source": SOURCE,
        "start": "2019-04",
        **change.pop("cohort_extra", {}),
    }
    data: dict[str, Any] = {"name": "s", "council": "C", "cohort": cohort, "unit_costs": ["t.yaml"]}
    data.update(change)
    data = {key: value for key, value in data.items() if value is not None}
    result = run("estimate", str(write_yaml("s.yaml", data)))
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stdout == ""


def test_a_cost_running_past_the_horizon_is_all_counted_by_funders_and_present_values(
    write_yaml: WriteYaml,
) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=1000)]})
    path = write_yaml(
        "s.yaml",
        {
            **TEN_WOMEN,
            "programme_cost": {
                "per_year_gbp": 100000,
                "years": 8,
                "prices": "real",
                "price_year": "2016/17",
                "source": SOURCE,
            },
            "funders": [
                {"name": "C", "kind": "council", "share_of_programme_cost": 1, "source": SOURCE}
            ],
            "discounting": {"schedule": "green-book-discount-rates"},
        },
    )
    result = estimate(*load_inputs(path))
    # Eight years of £100,000, though the horizon is five.
    assert result.programme.cost_gbp == 800000
    assert result.economics.appraisal is not None
    assert result.economics.appraisal.costs_gbp == 800000
    rate = Fraction(207, 200)
    pv = sum((Fraction(100000) / rate**t for t in range(8)), Fraction(0))
    assert close(result.economics.appraisal.pv_costs_gbp, pv)
    assert result.economics.funders is not None
    assert result.economics.funders.positions[0].cost_gbp == 800000


def test_compare_counts_the_births_costed_after_adjustments(write_yaml: WriteYaml) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=1000)]})
    cohort = dict(COHORT)
    base = {"name": "a", "council": "C", "cohort": cohort, "unit_costs": ["t.yaml"]}
    plain = write_yaml("a.yaml", base)
    halved = write_yaml(
        "b.yaml",
        {**base, "name": "b", "adjustments": {"removal_share": {"share": 0.5, "source": SOURCE}}},
    )
    result = run("compare", plain, halved, "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    # The removal share acts on the lines at or after the removal decision (this one line),
    # not on the births costed: 9 births each side, b's avoidance 9 x £1,000 x 0.5 = £4,500.
    assert (document["a_basis"]["births"], document["b_basis"]["births"]) == (9, 9)
    assert (document["horizon"]["a"]["total_gbp"], document["horizon"]["b"]["total_gbp"]) == (
        9000,
        4500,
    )


def test_the_rounding_flag_speaks_of_the_rounding_not_the_netting() -> None:
    flags = {flag.code: flag.message for flag in shipped("rotherham-2021-ex-post").flags}
    assert "rounded from 14.85 to 15 before costing" in flags["births_rounded"]
    assert "1 birth(s) observed" in flags["observed_births_netted"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": "1000-03"}, "'1000-03' is outside the months allowed (1950-01 to 2100-12)"),
        ({"nominal": True}, "nominal_cash states cash by financial year, which needs a calendar"),
    ],
)
def test_calendars_out_of_reach_are_refused(
    write_yaml: WriteYaml, change: dict[str, Any], message: str
) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line()]})
    cohort: dict[str, Any] = {
        "women_open": 10,
        "birth_rate_per_woman_per_year": 0.4,
        "source": SOURCE,
    }
    data: dict[str, Any] = {"name": "s", "council": "C", "unit_costs": ["t.yaml"]}
    if "start" in change:
        cohort["start"] = change["start"]
    else:
        data["price_year"] = "2016/17"
        data["nominal_cash"] = {"index": "gdp-deflator-2026-03-with-forecast"}
    data["cohort"] = cohort
    result = run("estimate", str(write_yaml("s.yaml", data)))
    assert result.exit_code == 1
    assert message in result.stderr


def test_a_cost_in_a_year_when_no_cohort_runs_is_flagged(write_yaml: WriteYaml) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=1000)]})
    profile = [{"financial_year": "2030/31", "amount_gbp": 50000}]
    cohort = dict(COHORT)
    path = write_yaml(
        "s.yaml",
        {
            "name": "s",
            "council": "C",
            "cohort": {**cohort, "start": "2019-10"},
            "unit_costs": ["t.yaml"],
            "programme_cost": {"profile": profile, "source": SOURCE},
        },
    )
    flags = {flag.code: flag.message for flag in estimate(*load_inputs(path)).flags}
    # The cohort runs October 2019 to March 2021: financial years 2019/20 and 2020/21.
    assert "2030/31" in flags["cost_outside_programme"]
    assert "cost_outside_programme" not in {
        flag.code for flag in shipped("rotherham-2020-calendar").flags
    }
