"""Discounting for the economic case: the Green Book schedule as data, and the arithmetic on it.

Every expected figure is worked by hand in a comment beside it, from the rates in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from pause_cost.core.discounting import (
    FACTOR_PLACES,
    MONEY_PLACES,
    PresentValues,
    appraisal,
    discount_factor,
    present_value,
)
from pause_cost.errors import InputError
from pause_cost.load.discounting import load_schedule, shipped_schedule_path
from pause_cost.model.discounting import DiscountSchedule
from pause_cost.money import round_half_up
from tests.conftest import REPO, SOURCE

SHIPPED = REPO / "pause_cost" / "discount_rates" / "green-book-discount-rates.yaml"

WriteYaml = Callable[[str, Any], Path]


@pytest.fixture(scope="module")
def green_book() -> DiscountSchedule:
    return load_schedule(SHIPPED)


def flat(rate_percent: str) -> DiscountSchedule:
    """One open band: the same rate for every year."""
    return DiscountSchedule.model_validate(
        {
            "name": "flat",
            "title": f"{rate_percent}% a year",
            "source": SOURCE,
            "bands": [{"from_year": 0, "rate_percent": Decimal(rate_percent)}],
        }
    )


def shipped_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    return data


def d(text: str) -> Decimal:
    return Decimal(text)


# --- the arithmetic -------------------------------------------------------------------------


def test_five_years_of_1000_at_3_5_percent(green_book: DiscountSchedule) -> None:
    # £1,000 a year in years 0 to 4, all in the first band (3.5%):
    #   1000 x 1                 = 1000
    #   1000 / 1.035             =  966.183574879227...
    #   1000 / 1.035^2 = /1.071225  =  933.510700366402...
    #   1000 / 1.035^3 = /1.108717875  =  901.942705668022...
    #   1000 / 1.035^4 = /1.147523000625  =  871.442227698572...
    #   sum                      = 4673.079208612224...  -> £4,673.08 to the penny
    amounts = [(year, d("1000")) for year in range(5)]
    pv = present_value(amounts, green_book)
    assert pv == d("4673.079208612224")  # the exact value, to MONEY_PLACES (12) places
    assert round_half_up(pv, 2) == d("4673.08")


def test_year_0_is_not_discounted_and_each_later_year_by_its_full_years(
    green_book: DiscountSchedule,
) -> None:
    assert discount_factor(green_book, 0) == 1
    # 1/1.035 = 200/207 = 0.966183574879227053140096618..., to 24 places (half up):
    assert discount_factor(green_book, 1) == d("0.966183574879227053140097")
    # An amount in year 0 is its own present value; in year 1, one year's discount.
    assert present_value([(0, d("250"))], green_book) == 250
    assert present_value([(1, d("207"))], green_book) == 200  # 207 x 200/207, exactly


def test_the_factor_across_year_30_compounds_each_year_at_its_own_band(
    green_book: DiscountSchedule,
) -> None:
    # 1.035^30 = 2.806793704702633616983891832...
    # year 30: 1/1.035^30           = 0.356278410602301540471615904881...
    # year 31: 1/1.035^30 x 1/1.03  = 0.356278410602301540471615904881... / 1.03
    #                               = 0.345901369516797612108364956195...
    assert discount_factor(green_book, 30) == d("0.356278410602301540471616")
    assert discount_factor(green_book, 31) == d("0.345901369516797612108365")
    # Not 1/1.03^31 (the whole period at the later band's rate) = 0.400 and more:
    assert discount_factor(green_book, 31) < d("0.35")
    assert green_book.rate_percent(30) == d("3.5")
    assert green_book.rate_percent(31) == d("3.0")


def test_the_factor_across_year_75_does_the_same_at_the_next_band(
    green_book: DiscountSchedule,
) -> None:
    # year 75: 1/1.035^30 x 1/1.03^45                = 0.094213772576691404851199788...
    # year 76: 1/1.035^30 x 1/1.03^45 x 1/1.025      = 0.091915875684576980342633940...
    assert discount_factor(green_book, 75) == d("0.094213772576691404851200")
    assert discount_factor(green_book, 76) == d("0.091915875684576980342634")
    exact_76 = 1 / (Fraction("1.035") ** 30 * Fraction("1.03") ** 45 * Fraction("1.025"))
    assert abs(Fraction(discount_factor(green_book, 76)) - exact_76) < Fraction(
        1, 10**FACTOR_PLACES
    )


def test_npv_and_bcr_of_a_small_case(green_book: DiscountSchedule) -> None:
    # Costs: 100 in year 0 -> PV costs = 100 (year 0 is not discounted).
    # Benefits: 60 in years 1 and 2:
    #   60 / 1.035   = 57.971014492753623188...
    #   60 / 1.035^2 = 56.010642021984176993...
    #   PV benefits  = 113.981656514737800182...  -> 113.981656514738 (12 places)
    # NPV = 113.981656514738 - 100 = 13.981656514738
    # BCR = 113.9816565147378... / 100 = 1.139816565147 (12 places)
    result = appraisal([(1, d("60")), (2, d("60"))], [(0, d("100"))], green_book)
    assert result == PresentValues(
        schedule="green-book-discount-rates",
        undiscounted_benefits_gbp=d("120"),
        undiscounted_costs_gbp=d("100"),
        pv_benefits_gbp=d("113.981656514738"),
        pv_costs_gbp=d("100"),
        npv_gbp=d("13.981656514738"),
        bcr=d("1.139816565147"),
    )
    assert result.undiscounted_net_gbp == 20
    assert result.npv_gbp == result.pv_benefits_gbp - result.pv_costs_gbp
    assert round_half_up(result.npv_gbp, 2) == d("13.98")
    assert round_half_up(result.bcr or d(0), 2) == d("1.14")


def test_an_appraisal_with_no_costs_has_no_ratio(green_book: DiscountSchedule) -> None:
    result = appraisal([(0, d("10"))], [], green_book)
    assert result.pv_costs_gbp == 0
    assert result.npv_gbp == 10
    assert result.bcr is None


def test_amounts_in_the_same_year_add(green_book: DiscountSchedule) -> None:
    split = present_value([(3, d("400")), (3, d("600"))], green_book)
    assert split == present_value([(3, d("1000"))], green_book)
    assert present_value([], green_book) == 0


def test_a_flat_schedule_is_plain_compounding() -> None:
    # 1/1.05^2 = 1/1.1025 = 0.907029478458049886621315...
    assert discount_factor(flat("5"), 2) == d("0.907029478458049886621315")
    assert discount_factor(flat("0"), 40) == 1
    assert present_value([(2, d("1102.5"))], flat("5")) == 1000


def test_present_values_keep_their_places_and_round_half_up() -> None:
    # 10 in year 1 at 3.5% = 10 x 200/207 = 9.661835748792|2705... -> 9.661835748792 (12 places)
    # 5 in year 1 at 3.5%  =  5 x 200/207 = 4.830917874396|1352... -> 4.830917874396
    # 1000/207 = 4.830917874396135... (a half-up case is in the factors: ...140096|618 -> 097)
    pv = present_value([(1, d("10"))], flat("3.5"))
    assert pv == d("9.661835748792")
    assert -pv.as_tuple().exponent == MONEY_PLACES
    assert present_value([(1, d("-10"))], flat("3.5")) == -pv


@pytest.mark.parametrize(
    ("amounts", "error"),
    [
        ([(-1, Decimal(1))], ValueError),
        ([(1001, Decimal(1))], ValueError),
        ([(True, Decimal(1))], TypeError),
        ([(1, Decimal("NaN"))], ValueError),
        ([(1, Decimal("Infinity"))], ValueError),
    ],
    ids=["before-year-0", "beyond-1000-years", "a-truth-value", "nan", "infinity"],
)
def test_years_and_amounts_that_make_no_sense_are_refused(
    green_book: DiscountSchedule, amounts: list[tuple[int, Decimal]], error: type[Exception]
) -> None:
    with pytest.raises(error):
        present_value(amounts, green_book)


def test_a_factor_before_year_0_is_refused(green_book: DiscountSchedule) -> None:
    with pytest.raises(ValueError, match="year -1"):
        discount_factor(green_book, -1)


# --- the shipped schedule -------------------------------------------------------------------


def test_the_shipped_schedule_is_installed_with_the_package() -> None:
    assert shipped_schedule_path().resolve() == SHIPPED.resolve()
    assert load_schedule(shipped_schedule_path()).name == "green-book-discount-rates"


def test_the_shipped_bands_are_the_green_books(green_book: DiscountSchedule) -> None:
    # As read (second-hand) in DfT's reproduction of the February 2026 Green Book's table, and
    # in the 2003 edition's Annex 6, Table 6.1: 0-30 3.5%, 31-75 3.0%, 76-125 2.5%,
    # 126-200 2.0%, 201-300 1.5%, 301 and over 1.0%.
    assert [(band.from_year, band.to_year, band.rate_percent) for band in green_book.bands] == [
        (0, 30, d("3.5")),
        (31, 75, d("3.0")),
        (76, 125, d("2.5")),
        (126, 200, d("2.0")),
        (201, 300, d("1.5")),
        (301, None, d("1.0")),
    ]


def test_the_shipped_schedule_cites_the_green_book_and_says_it_is_second_hand(
    green_book: DiscountSchedule,
) -> None:
    source = green_book.source
    assert "Green Book" in source.document
    assert "HM Treasury" in source.document
    assert source.edition == "February 2026"
    assert source.location
    assert source.url
    assert source.note
    assert source.note.startswith("Second-hand")
    assert "gov.uk" in source.note  # where it was read
    cited = " ".join(other.cite() for other in green_book.other_sources)
    assert "Terms of Reference" in cited
    assert "Table 6.1" in cited


def test_the_health_rates_are_kept_for_reference_and_marked_not_for_this_use(
    green_book: DiscountSchedule,
) -> None:
    health = next(s for s in green_book.reference_schedules if s.name == "health-and-life-values")
    assert health.bands[0].rate_percent == d("1.5")
    assert [band.rate_percent for band in health.bands] == [
        d(rate) for rate in ("1.50", "1.29", "1.07", "0.86", "0.64", "0.43")
    ]
    assert "never applied" in health.not_for_this_use
    assert all("never applied" in s.not_for_this_use for s in green_book.reference_schedules)


# --- files refused, with the place to look ---------------------------------------------------


def refused(write_yaml: WriteYaml, data: dict[str, Any]) -> InputError:
    path = write_yaml("schedule.yaml", data)
    with pytest.raises(InputError) as caught:
        load_schedule(path)
    return caught.value


def test_a_gap_between_bands_is_refused_with_a_located_message(write_yaml: WriteYaml) -> None:
    data = shipped_data()
    data["bands"][1]["from_year"] = 32
    (problem,) = refused(write_yaml, data).problems
    assert problem.path.endswith("schedule.yaml")
    assert problem.line is not None
    assert problem.column is not None
    assert problem.key == "bands"
    assert "leaving a gap" in problem.message
    assert "year 31" in problem.message
    assert str(problem).startswith(f"{problem.path}:{problem.line}:{problem.column}: bands: ")


def test_a_negative_rate_is_refused_with_a_located_message(write_yaml: WriteYaml) -> None:
    data = shipped_data()
    data["bands"][0]["rate_percent"] = -1
    (problem,) = refused(write_yaml, data).problems
    assert problem.key == "bands.0.rate_percent"
    assert problem.line is not None
    assert problem.message == "-1 is too small; allowed: from 0 to 20"


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (lambda data: data["bands"][1].update(from_year=30), "bands", "overlap"),
        (lambda data: data["bands"][0].update(from_year=1), "bands", "must start at year 0"),
        (lambda data: data["bands"][-1].update(to_year=400), "bands", "leave out its to_year"),
        (lambda data: data["bands"][1].pop("to_year"), "bands", "only the last band"),
        (lambda data: data["bands"][1].update(to_year=20), "bands.1", "end before it starts"),
        (lambda data: data["bands"][0].update(rate_percent=21), "bands.0.rate_percent", "20"),
        (
            lambda data: data["bands"][0].update(rate_percent="3.5%"),
            "bands.0.rate_percent",
            "without '%': 3.5 ",
        ),
        (lambda data: data.update(bands=[]), "bands", "at least 1"),
        (
            lambda data: data["reference_schedules"][0]["bands"][2].update(from_year=80),
            "reference_schedules.0.bands",
            "leaving a gap",
        ),
    ],
    ids=[
        "overlap",
        "not-from-year-0",
        "last-band-closed",
        "open-band-in-the-middle",
        "band-ends-before-it-starts",
        "rate-above-20",
        "percent-sign",
        "no-bands",
        "gap-in-a-reference-schedule",
    ],
)
def test_schedules_that_do_not_give_each_year_one_plausible_rate_are_refused(
    write_yaml: WriteYaml, change: Callable[[dict[str, Any]], object], key: str, words: str
) -> None:
    data = shipped_data()
    change(data)
    (problem,) = refused(write_yaml, data).problems
    assert problem.key == key
    assert problem.line is not None
    assert words in problem.message
