"""The calendar against hand-worked cases, and the sums any spread must keep exactly."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pause_cost.core import timing
from pause_cost.core.compile import CostShape
from pause_cost.core.exact import ExactOps
from pause_cost.economics.calendar import (
    BIRTH_PLACES,
    FinancialYearRow,
    Month,
    births_by_financial_year,
    cash_by_financial_year,
    cash_flow,
    financial_year,
    financial_year_start,
    payback_financial_year,
    spread_amount,
    spread_births,
)

D = Decimal
JULY_2018 = Month(2018, 7)


# Months and financial years


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2018-07", "2018/19"),
        ("2019-03", "2018/19"),  # March is the last month of the year that began in April
        ("2019-04", "2019/20"),  # April starts the next
        ("2000-01", "1999/00"),  # the century turns inside a financial year
        ("1999-04", "1999/00"),
        ("2099-12", "2099/00"),
    ],
)
def test_financial_year_a_month_falls_in(text: str, label: str) -> None:
    assert financial_year(Month.parse(text)) == label
    assert financial_year_start(label) == int(label[:4])


def test_month_reads_back_and_counts_on() -> None:
    assert Month.parse("2018-07") == JULY_2018
    assert str(JULY_2018) == "2018-07"
    assert JULY_2018.plus(6) == Month(2019, 1)
    assert JULY_2018.plus(26) == Month(2020, 9)  # the 27th month of Rotherham's window
    assert JULY_2018.plus(-7) == Month(2017, 12)
    assert Month(2018, 12) < Month(2019, 1) < Month(2019, 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2018-7", "written YYYY-MM"),
        ("18-07", "written YYYY-MM"),
        (" 2018-07", "written YYYY-MM"),
        ("2018/07", "written YYYY-MM"),
        ("\uff12\uff10\uff11\uff18-07", "written YYYY-MM"),  # full-width digits
        ("", "written YYYY-MM"),
        ("2018-13", "has no month 13"),
        ("2018-00", "has no month 0"),
    ],
)
def test_month_text_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Month.parse(text)


@pytest.mark.parametrize(
    ("year", "month", "message"),
    [
        (2018, 0, "a month is 1 to 12"),
        (2018, 13, "a month is 1 to 12"),
        (999, 1, "a year is four digits"),
        (10000, 1, "a year is four digits"),
    ],
)
def test_month_out_of_range_refused(year: int, month: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Month(year, month)


@pytest.mark.parametrize("label", ["2018/20", "2018-19", "18/19", "2018/2019", "1999/01", ""])
def test_financial_year_label_refused(label: str) -> None:
    with pytest.raises(ValueError, match="YYYY/YY for two consecutive years"):
        financial_year_start(label)


# Births over the window


# Each hand-worked case below holds for the month-by-month walk (economics/calendar.py, the
# reference) and for the weights the estimate compiles once (core/timing.py) alike.


def walked_births(
    births: Decimal, start: Month, months: int, profile: list[Decimal] | None = None
) -> dict[str, Decimal]:
    return births_by_financial_year(spread_births(births, start, months, profile))


def compiled_births(
    births: Decimal, start: Month, months: int, profile: list[Decimal] | None = None
) -> dict[str, Decimal]:
    return timing.births_by_financial_year(
        [(timing.cohort_timing(start, months, 1, profile), births)]
    )


def walked_cash(
    births: Decimal, start: Month, months: int, per_birth: list[Decimal]
) -> dict[str, Decimal]:
    return cash_by_financial_year(spread_births(births, start, months), per_birth)


def compiled_cash(
    births: Decimal, start: Month, months: int, per_birth: list[Decimal]
) -> dict[str, Decimal]:
    weights = timing.cohort_timing(start, months, max(len(per_birth), 1))
    return timing.cash_by_financial_year([(weights, births)], per_birth)


def compiled_spread(start: Month, total: Decimal, months: int) -> dict[str, Decimal]:
    counts = timing.months_by_financial_year(start, months)
    shape = CostShape(
        path="programme_cost.total_gbp",
        value=total,
        weights=tuple(Decimal(count) for _, count in counts),
        divisor=months,
        rounded=True,
        total_weight=Decimal(1),
        present=(True,) * len(counts),
    )
    parts = ExactOps().spread(total, shape)
    return {timing.label(year): part for (year, _), part in zip(counts, parts, strict=True)}


BIRTHS = pytest.mark.parametrize("births_by_year", [walked_births, compiled_births])
CASH = pytest.mark.parametrize("cash_by_year", [walked_cash, compiled_cash])
SPREAD = pytest.mark.parametrize("spread", [spread_amount, compiled_spread])


@BIRTHS
def test_rotherham_window_births_by_financial_year_either_way(
    births_by_year: Callable[..., dict[str, Decimal]],
) -> None:
    # 2018/19: Jul-Mar, 9 months -> 15 x 9/27 = 5; 2019/20: 12 months -> 6.666...;
    # 2020/21: Apr-Sep, 6 months -> 3.333..., each the running total rounded to 20 places.
    assert births_by_year(D(15), JULY_2018, 27) == {
        "2018/19": D(5),
        "2019/20": D("6.66666666666666666667"),
        "2020/21": D("3.33333333333333333333"),
    }


@BIRTHS
def test_a_profile_places_births_by_its_weights_either_way(
    births_by_year: Callable[..., dict[str, Decimal]],
) -> None:
    # Weights 1, 2, 1 over February to April 2020: 8 births -> 2 + 4 in 2019/20, 2 in 2020/21;
    # only the ratios matter.
    expected = {"2019/20": D(6), "2020/21": D(2)}
    assert births_by_year(D(8), Month(2020, 2), 3, [D(1), D(2), D(1)]) == expected
    assert births_by_year(D(8), Month(2020, 2), 3, [D("0.25"), D("0.5"), D("0.25")]) == expected


def test_rotherham_window_births_by_financial_year() -> None:
    # 15 births over the 27 months from July 2018 (Rotherham opened then): 15/27 a month.
    months = spread_births(D(15), JULY_2018, 27)
    assert [month for month, _ in months] == [JULY_2018.plus(n) for n in range(27)]
    assert months[-1][0] == Month(2020, 9)
    assert sum(births for _, births in months) == D(15)
    for _, births in months:
        assert abs(births - D(15) / 27) <= D("1e-20")
    # 2018/19: Jul-Mar, 9 months -> 15 x 9/27 = 5.
    # 2019/20: Apr-Mar, 12 months -> 15 x 12/27 = 6.666...
    # 2020/21: Apr-Sep, 6 months -> 15 x 6/27 = 3.333...
    # The running total is rounded to 20 places, so each year is its exact share rounded once:
    # 5 exactly, 35/3 - 5 = 11.66666666666666666667 - 5, and 15 - 11.66666666666666666667.
    assert births_by_financial_year(months) == {
        "2018/19": D(5),
        "2019/20": D("6.66666666666666666667"),
        "2020/21": D("3.33333333333333333333"),
    }
    by_year = births_by_financial_year(months)
    assert abs(by_year["2019/20"] - D(20) / 3) < D("1e-20")
    assert abs(by_year["2020/21"] - D(10) / 3) < D("1e-20")


def test_profile_weights_are_normalised() -> None:
    # Weights 1, 2, 1 (sum 4) over three months from January 2020: 8 births -> 2, 4, 2.
    months = spread_births(D(8), Month(2020, 1), 3, [D(1), D(2), D(1)])
    assert months == [(Month(2020, 1), D(2)), (Month(2020, 2), D(4)), (Month(2020, 3), D(2))]
    # Only the ratios matter: 0.25, 0.5, 0.25 give the same; a zero weight gives no births.
    assert spread_births(D(8), Month(2020, 1), 3, [D("0.25"), D("0.5"), D("0.25")]) == months
    assert [births for _, births in spread_births(D(8), Month(2020, 1), 2, [D(0), D(3)])] == [
        D(0),
        D(8),
    ]


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ([], "the birth profile is empty"),
        ([D(1), D(1)], "has 2 weights for a 3-month window"),
        ([D(1), D(1), D(1), D(1)], "has 4 weights for a 3-month window"),
        ([D(1), D(-1), D(1)], r"month 2 \(2020-02\) is negative \(-1\)"),
        ([D(0), D(0), D(0)], "add up to 0"),
        ([D(1), D("NaN"), D(1)], "must be a finite number"),
    ],
)
def test_bad_profile_refused(profile: list[Decimal], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        spread_births(D(8), Month(2020, 1), 3, profile)
    with pytest.raises(ValueError, match=message):
        timing.cohort_timing(Month(2020, 1), 3, 1, profile)


@pytest.mark.parametrize("window_months", [0, -1])
def test_empty_window_refused(window_months: int) -> None:
    with pytest.raises(ValueError, match="at least one month"):
        spread_births(D(8), Month(2020, 1), window_months)
    with pytest.raises(ValueError, match="at least one month"):
        timing.cohort_timing(Month(2020, 1), window_months, 1)


# Costs in the years after each birth


@CASH
def test_one_birth_costs_by_financial_year(cash_by_year: Callable[..., dict[str, Decimal]]) -> None:
    # One birth in January 2020; £1,200 in year 1, £600 in year 2.
    # Year 1 = Jan 2020..Dec 2020, £100 a month: 2019/20 gets Jan-Mar = £300, 2020/21 Apr-Dec £900.
    # Year 2 = Jan 2021..Dec 2021, £50 a month: 2020/21 gets Jan-Mar £150, 2021/22 Apr-Dec £450.
    cash = cash_by_year(D(1), Month(2020, 1), 1, [D(1200), D(600)])
    assert cash == {"2019/20": D(300), "2020/21": D(1050), "2021/22": D(450)}
    assert list(cash) == ["2019/20", "2020/21", "2021/22"]
    assert sum(cash.values()) == D(1800)


@CASH
def test_birth_in_april_keeps_each_year_in_one_financial_year(
    cash_by_year: Callable[..., dict[str, Decimal]],
) -> None:
    # Years after a birth in April coincide with financial years: £1,200 then £600.
    cash = cash_by_year(D(2), Month(2020, 4), 1, [D(1200), D(600)])
    assert cash == {"2020/21": D(2400), "2021/22": D(1200)}


@CASH
def test_zero_years_are_kept_so_classifications_line_up(
    cash_by_year: Callable[..., dict[str, Decimal]],
) -> None:
    # Nothing in year 1, £120 in year 2: year 1's financial years are still listed, as zero.
    cash = cash_by_year(D(1), Month(2020, 1), 1, [D(0), D(120)])
    assert cash == {"2019/20": D(0), "2020/21": D(30), "2021/22": D(90)}
    assert cash_by_year(D(1), Month(2020, 1), 1, []) == {}


def test_nothing_to_spread_is_no_cash() -> None:
    assert cash_by_financial_year([], [D(1)]) == {}
    assert timing.cash_by_financial_year([], [D(1)]) == {}


@CASH
def test_rotherham_window_one_year_cost(cash_by_year: Callable[..., dict[str, Decimal]]) -> None:
    # 15 births over 27 months from July 2018, £27 per birth in year 1 only: £405 in all.
    # Each month's 15/27 births cost 15/27 x £27 = £15 over the next 12 months, £1.25 a month.
    # 2018/19 holds Jul-Mar of the births' months: months 1..9 of the window.
    #   A birth in month k (1..9) has 9 - k + 1 = 10 - k of its year-1 months in 2018/19:
    #   sum over k of (10 - k) = 9 + 8 + ... + 1 = 45 months x £1.25 = £56.25.
    # 2020/21 and 2021/22: the last birth (Sep 2020) costs until Aug 2021.
    cash = cash_by_year(D(15), JULY_2018, 27, [D(27)])
    assert list(cash) == ["2018/19", "2019/20", "2020/21", "2021/22"]
    assert cash["2018/19"] == D("56.25")
    assert sum(cash.values()) == D(405)
    # 2021/22 starts in April 2021, month 34 of the window's count. A birth in month k runs
    # to month k + 11, so the births of months 23..27 (May..Sep 2020) reach into it, by
    # k + 11 - 34 + 1 = k - 22 months: 1 + 2 + 3 + 4 + 5 = 15 months x £1.25 = £18.75.
    assert cash["2021/22"] == D("18.75")


# The programme's cost


@SPREAD
def test_programme_cost_by_financial_year(spread: Callable[..., dict[str, Decimal]]) -> None:
    # £180,000 over 18 months from July 2018 is £10,000 a month:
    # 2018/19 Jul-Mar = 9 months = £90,000; 2019/20 Apr-Dec 2019 = 9 months = £90,000.
    cost = spread(JULY_2018, D(180000), 18)
    assert cost == {"2018/19": D(90000), "2019/20": D(90000)}
    assert sum(cost.values()) == D(180000)


@SPREAD
def test_programme_cost_across_three_years(spread: Callable[..., dict[str, Decimal]]) -> None:
    # £2,400.24 over 24 months is £100.01 a month from March 2019:
    # 2018/19 Mar = 1 month, 2019/20 12, 2020/21 11.
    cost = spread(Month(2019, 3), D("2400.24"), 24)
    assert cost == {"2018/19": D("100.01"), "2019/20": D("1200.12"), "2020/21": D("1100.11")}


@SPREAD
def test_a_total_not_a_whole_number_of_pence_a_month_still_adds_up(
    spread: Callable[..., dict[str, Decimal]],
) -> None:
    # Rotherham's pilot, £419,000 over 18 months from July 2018: £23,277.77... a month,
    # 9 months in 2018/19 and 9 in 2019/20, so exactly half, £209,500, in each.
    cost = spread(JULY_2018, D(419000), 18)
    assert cost == {"2018/19": D(209500), "2019/20": D(209500)}


@SPREAD
def test_programme_must_run(spread: Callable[..., dict[str, Decimal]]) -> None:
    with pytest.raises(ValueError, match="at least one month"):
        spread(JULY_2018, D(10000), 0)


# Cash flow and payback


def test_cash_flow_rows_and_payback() -> None:
    # 2018/19: avoided 0, cost 50 -> net -50, cumulative -50.
    # 2019/20: avoided 100, cost 60 -> net 40, cumulative -10.
    # 2020/21: avoided 15, cost 0 -> net 15, cumulative 5: paid back.
    rows = cash_flow(
        {"2019/20": D(100), "2020/21": D(15)},
        {"2018/19": D(50), "2019/20": D(60)},
    )
    assert rows == [
        FinancialYearRow("2018/19", D(0), D(50), D(-50), D(-50)),
        FinancialYearRow("2019/20", D(100), D(60), D(40), D(-10)),
        FinancialYearRow("2020/21", D(15), D(0), D(15), D(5)),
    ]
    assert payback_financial_year(rows) == "2020/21"


def test_never_paid_back() -> None:
    # Cost 100 a year, avoided 10 a year: cumulative -90, -180.
    rows = cash_flow({"2018/19": D(10), "2019/20": D(10)}, {"2018/19": D(100), "2019/20": D(100)})
    assert [row.cumulative_net_gbp for row in rows] == [D(-90), D(-180)]
    assert payback_financial_year(rows) is None
    assert payback_financial_year([]) is None
    # Nothing spent at all: nothing to pay back, however much is avoided.
    assert payback_financial_year(cash_flow({"2018/19": D(10)}, {})) is None


def test_avoided_before_any_cost_is_not_payback_but_counts() -> None:
    # 2018/19: avoided 30, no cost -> cumulative +30, but nothing spent yet: not payback.
    # 2019/20: cost 20 -> cumulative +10 with money spent: payback at once.
    rows = cash_flow({"2018/19": D(30)}, {"2019/20": D(20)})
    assert [row.cumulative_net_gbp for row in rows] == [D(30), D(10)]
    assert payback_financial_year(rows) == "2019/20"
    # 2019/20's cost of 50 takes it to -20; 2020/21 avoids 25 -> +5: payback then.
    rows = cash_flow({"2018/19": D(30), "2020/21": D(25)}, {"2019/20": D(50)})
    assert [row.cumulative_net_gbp for row in rows] == [D(30), D(-20), D(5)]
    assert payback_financial_year(rows) == "2020/21"


def test_cash_flow_fills_gaps_in_order_across_the_century() -> None:
    rows = cash_flow({"2000/01": D(5)}, {"1998/99": D(1)})
    assert [row.financial_year for row in rows] == ["1998/99", "1999/00", "2000/01"]
    assert [row.net_gbp for row in rows] == [D(-1), D(0), D(5)]
    assert cash_flow({}, {}) == []


def test_cash_flow_refuses_a_bad_label() -> None:
    with pytest.raises(ValueError, match="YYYY/YY"):
        cash_flow({"2018-19": D(1)}, {})


def test_calendar_end_to_end() -> None:
    # One birth in January 2020, £1,200 then £600 (above: £300, £1,050, £450), against a
    # programme of £100 a month for 12 months from April 2019 (£1,200, all in 2019/20).
    avoided = cash_by_financial_year([(Month(2020, 1), D(1))], [D(1200), D(600)])
    cost = spread_amount(Month(2019, 4), D(1200), 12)
    rows = cash_flow(avoided, cost)
    # 2019/20: 300 - 1,200 = -900; 2020/21: +1,050 -> 150; 2021/22: +450 -> 600.
    assert [(row.net_gbp, row.cumulative_net_gbp) for row in rows] == [
        (D(-900), D(-900)),
        (D(1050), D(150)),
        (D(450), D(600)),
    ]
    assert payback_financial_year(rows) == "2020/21"


# Properties: the spreads never gain or lose a penny or a birth


@st.composite
def birth_profiles(draw: st.DrawFn, window_months: int) -> list[Decimal] | None:
    if draw(st.booleans()):
        return None
    weights = draw(st.lists(st.integers(0, 9), min_size=window_months, max_size=window_months))
    if sum(weights) == 0:
        weights[draw(st.integers(0, window_months - 1))] = 1
    return [D(weight) for weight in weights]


@st.composite
def windows(draw: st.DrawFn) -> tuple[int, list[Decimal] | None]:
    window_months = draw(st.integers(1, 60))
    return window_months, draw(birth_profiles(window_months))


def spreads(test: Callable[..., None]) -> Callable[..., None]:
    """Any births, start, window (with or without a profile) and costs by year."""
    return settings(max_examples=150, deadline=None)(
        given(
            births=st.decimals(min_value=0, max_value=100, places=2),
            start=st.builds(Month, st.integers(1990, 2100), st.integers(1, 12)),
            window=windows(),
            per_birth_by_year=st.lists(
                st.decimals(min_value=0, max_value=200_000, places=2), min_size=1, max_size=10
            ),
        )(test)
    )


@spreads
def test_spreads_keep_every_birth_and_penny(
    births: Decimal,
    start: Month,
    window: tuple[int, list[Decimal] | None],
    per_birth_by_year: list[Decimal],
) -> None:
    window_months, profile = window
    months = spread_births(births, start, window_months, profile)
    assert [month for month, _ in months] == [start.plus(n) for n in range(window_months)]
    assert sum(amount for _, amount in months) == births
    # Each month is within one unit of the 20th place of its exact share, and never negative.
    weights = [Fraction(1)] * window_months if profile is None else [*map(Fraction, profile)]
    quantum = Fraction(1, 10**BIRTH_PLACES)
    for (_, amount), weight in zip(months, weights, strict=True):
        assert amount >= 0
        assert abs(Fraction(amount) - Fraction(births) * weight / sum(weights)) <= quantum
    assert sum(births_by_financial_year(months).values()) == births

    cash = cash_by_financial_year(months, per_birth_by_year)
    assert sum(cash.values()) == births * sum(per_birth_by_year)
    starts = [financial_year_start(label) for label in cash]
    assert starts == list(range(starts[0], starts[0] + len(starts)))
    assert starts[0] == financial_year_start(financial_year(start))
    last_month = start.plus(window_months - 1 + 12 * len(per_birth_by_year) - 1)
    assert starts[-1] == financial_year_start(financial_year(last_month))
    assert all(amount >= 0 for amount in cash.values())


@spreads
def test_compiled_timing_weights_agree_with_walking_the_months(
    births: Decimal,
    start: Month,
    window: tuple[int, list[Decimal] | None],
    per_birth_by_year: list[Decimal],
) -> None:
    """The weights compiled once (whole numbers per start, window, profile and horizon) give
    what walking every month of every year after every birth gives: births by financial year
    exactly (cumulative rounding telescopes over a year's months), cash to within a unit of
    the 12th place in each year (the walk rounds each month's births to 20 places first; the
    weights keep them exact) and the same total to the penny's last place."""
    window_months, profile = window
    walked_months = spread_births(births, start, window_months, profile)
    compiled = timing.cohort_timing(start, window_months, len(per_birth_by_year), profile)
    assert timing.births_by_financial_year([(compiled, births)]) == births_by_financial_year(
        walked_months
    )
    walked = cash_by_financial_year(walked_months, per_birth_by_year)
    found = timing.cash_by_financial_year([(compiled, births)], per_birth_by_year)
    assert list(found) == list(walked)
    for label, amount in found.items():
        assert abs(amount - walked[label]) <= D("2e-12")
    assert sum(found.values()) == births * sum(per_birth_by_year)
