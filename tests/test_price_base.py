"""One price base: a programme cost in cash brought to the savings' price year with the GDP
deflator, money of the day inflating only real figures, and present values refused over mixed
price years. Each figure worked by hand from the shipped deflator's levels.

HM Treasury GDP deflator, March 2026 vintage (gdp-deflator-2026-03, 2024-25 = 100):
2016/17 76.0754, 2018/19 78.7948, 2019/20 80.8738.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from tests.conftest import SOURCE, line, run

D = Decimal
WriteYaml = Callable[[str, Any], Path]
LEVEL = {"2016/17": D("76.0754"), "2018/19": D("78.7948"), "2019/20": D("80.8738")}


def scenario(write_yaml: WriteYaml, cost: dict[str, Any], **extra: Any) -> Path:
    """10 women at 0.4 births a year from April 2019; £120,000 spent over 12 months, all in
    2019/20; one £1,000 year-1 line priced 2016/17 (or as ``line_extra`` says)."""
    priced = line(amount_gbp=1000, **extra.pop("line_extra", {}))
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [priced]})
    cohort = {
        "women_open": 10,
        "birth_rate_per_woman_per_year": 0.4,
        "source": SOURCE,
        "start": "2019-04",
    }
    data = {
        "name": "s",
        "council": "C",
        "cohort": cohort,
        "pause_window": {"programme_months": 12},
        "unit_costs": ["t.yaml"],
        "programme_cost": {"total_gbp": 120000, "source": SOURCE, **cost},
        **extra,
    }
    return write_yaml("s.yaml", data)


def test_a_cash_programme_cost_is_brought_to_the_savings_price_year(
    write_yaml: WriteYaml,
) -> None:
    # The savings are in 2016/17 prices (the line's year). The £120,000 is cash spent in
    # 2019/20: x 76.0754 / 80.8738 = 0.94066805..., rounded to six places 0.940668, gives
    # £112,880.16 in 2016/17 prices.
    path = scenario(
        write_yaml, {"prices": "cash"}, discounting={"schedule": "green-book-discount-rates"}
    )
    result = estimate(*load_inputs(path))
    exact = Fraction(LEVEL["2016/17"]) / Fraction(LEVEL["2019/20"])
    assert abs(exact - Fraction("0.940668")) < Fraction(1, 2 * 10**6)
    base = result.economics.price_base
    assert base is not None
    assert (base.price_year, base.cost_prices, base.deflator) == (
        "2016/17",
        "cash",
        "gdp-deflator-2026-03",
    )
    assert [(f.period, f.factor) for f in base.factors] == [("2019/20", D("0.940668"))]
    assert result.programme.cost_gbp == D("112880.16")
    # 10 x 0.4 x 21/12 = 7 births x £1,000 = £7,000 avoided, net of the real cost.
    assert result.programme.net_gbp == 7000 - D("112880.16")
    appraisal = result.economics.appraisal
    assert appraisal is not None
    assert appraisal.costs_gbp == D("112880.16")
    assert "2016/17 prices" in appraisal.convention
    assert "2019/20 x0.940668" in appraisal.convention


def test_a_real_cost_at_another_price_year_takes_one_factor(write_yaml: WriteYaml) -> None:
    # Stated at 2018/19 prices: x 76.0754 / 78.7948 = 0.96548757... -> 0.965488.
    path = scenario(write_yaml, {"prices": "real", "price_year": "2018/19"})
    result = estimate(*load_inputs(path))
    assert result.programme.cost_gbp == 120000 * D("0.965488")


def test_money_of_the_day_inflates_real_figures_only(write_yaml: WriteYaml) -> None:
    # Everything in 2018/19 prices. The cash £120,000 (2019/20) becomes real x 78.7948 /
    # 80.8738 = 0.97429328... -> 0.974293: £116,915.16. Money of the day inflates that real
    # figure back by 80.8738 / 78.7948 = 1.02638499...: £120,000.00 to within the six-place
    # rounding of the factor (0.974293 x 1.02638499 = 0.99999966), never £120,000 x 1.026 a
    # second time (£123,166).
    path = scenario(
        write_yaml,
        {"prices": "cash"},
        price_year="2018/19",
        line_extra={"price_year": "2018/19", "price_index": "gdp-deflator-2026-03"},
        nominal_cash={"index": "gdp-deflator-2026-03"},
    )
    result = estimate(*load_inputs(path))
    assert result.programme.cost_gbp == D("116915.16")
    calendar = result.economics.calendar
    assert calendar is not None
    nominal = {year.financial_year: year for year in calendar.nominal_years}
    cost = nominal["2019/20"].programme_cost_gbp
    expected = Fraction("116915.16") * Fraction(LEVEL["2019/20"]) / Fraction(LEVEL["2018/19"])
    assert abs(Fraction(cost) - expected) < Fraction(1, 100)
    assert abs(cost - 120000) < D("0.05")


def test_present_values_over_a_cost_without_prices_are_refused(write_yaml: WriteYaml) -> None:
    path = scenario(write_yaml, {}, discounting={"schedule": "green-book-discount-rates"})
    result = run("estimate", str(path))
    assert result.exit_code == 1
    assert (
        "s.yaml:15:3: programme_cost: present values need the programme cost in the unit costs' "
        "prices (2016/17), but it states none: give programme_cost.prices: cash"
    ) in result.stderr.replace("\n", " ")
    assert "Traceback" not in result.stderr


def test_present_values_over_lines_in_several_price_years_are_refused(
    write_yaml: WriteYaml,
) -> None:
    path = scenario(
        write_yaml, {"prices": "cash"}, discounting={"schedule": "green-book-discount-rates"}
    )
    # scenario() writes a one-line table: write one with lines in two price years over it.
    write_yaml(
        "t.yaml",
        {
            "name": "t",
            "title": "T",
            "lines": [line(id="a", price_year="2016/17"), line(id="b", price_year="2019/20")],
        },
    )
    result = run("estimate", str(path))
    assert result.exit_code == 1
    assert (
        "present values need every figure in one price year, but the lines are priced in "
        "2016/17, 2019/20: give price_year"
    ) in result.stderr.replace("\n", " ")


def test_a_cost_without_stated_prices_is_flagged_prominently(write_yaml: WriteYaml) -> None:
    result = estimate(*load_inputs(scenario(write_yaml, {})))
    flags = {flag.code: flag for flag in result.flags}
    assert flags["programme_cost_prices_unstated"].prominent
    assert result.programme.cost_gbp == 120000


def test_cash_spent_in_years_the_deflator_does_not_reach_is_bad_input_not_a_bug(
    write_yaml: WriteYaml,
) -> None:
    """A cohort starting in April 2030 spends its cash in 2030/31, past the shipped deflator's
    last year (2024/25): one line saying which year and what to do, exit 1, never exit 3."""
    path = scenario(write_yaml, {"prices": "cash"})
    text = path.read_text(encoding="utf-8").replace("2019-04", "2030-04")
    path.write_text(text, encoding="utf-8")
    result = run("estimate", path)
    assert result.exit_code == 1, result.stderr
    (message,) = result.stderr.splitlines()
    assert "does not reach 2030/31" in message
    assert "name a deflator that does (deflator:)" in message
