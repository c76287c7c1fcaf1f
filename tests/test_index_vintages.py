"""The second-hand index vintages against the cross-checks their notes record.

Each expected figure here is typed from the reference note (shared/reference/CURRENT-PRICES.md
s.1b and s.2b), from columns the note's author computed or read independently of the levels
shipped: a slip in typing a shipped level shows up as a disagreement with them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pause_cost.load.inputs import load_index

D = Decimal

# s.2b, "March 2026 rebased to 2018-19 = 100 (derived)", to 4 dp.
REBASED_2018_19 = {
    "2000/01": "69.0016", "2001/02": "70.3850", "2002/03": "71.8322", "2003/04": "73.5943",
    "2004/05": "75.7882", "2005/06": "77.8701", "2006/07": "80.2105", "2007/08": "81.7795",
    "2008/09": "84.8276", "2009/10": "85.9247", "2010/11": "87.3866", "2011/12": "89.2522",
    "2012/13": "90.7996", "2013/14": "92.6885", "2014/15": "93.9988", "2015/16": "94.6514",
    "2016/17": "96.5488", "2017/18": "97.7714", "2018/19": "100.0000", "2019/20": "102.6385",
    "2020/21": "108.0023", "2021/22": "108.2604", "2022/23": "115.8701", "2023/24": "121.9772",
    "2024/25": "126.9119",
}  # fmt: skip

# s.2b cross-check A: an independent extraction of the same release, six levels.
INDEPENDENT_EXTRACTION = {
    "2008/09": "66.8397", "2015/16": "74.5804", "2018/19": "78.7948",
    "2019/20": "80.8738", "2022/23": "91.2996", "2024/25": "100.0000",
}  # fmt: skip

# s.2b cross-check B: ONS YBGB averaged over financial years, rebased to 2024-25 = 100 (another
# vintage, one decimal): it confirms shape and level, not the fourth digit.
ONS_QUARTERLY_MEAN = {
    "2000/01": "54.66", "2005/06": "61.51", "2010/11": "69.21", "2015/16": "74.53",
    "2020/21": "85.27", "2021/22": "84.76", "2022/23": "90.77", "2023/24": "96.08",
}  # fmt: skip

# s.2b "derived uprating factors ... to 2024-25 prices".
FACTORS_TO_2024_25 = {
    "2013/14": "1.3692", "2016/17": "1.3145", "2018/19": "1.2691", "2019/20": "1.2365",
    "2020/21": "1.1751", "2022/23": "1.0953", "2023/24": "1.0405",
}  # fmt: skip


@pytest.fixture(scope="module")
def levels() -> dict[str, Decimal]:
    index = load_index("gdp-deflator-2026-03")
    assert index.index_levels is not None
    return dict(index.index_levels)


def test_the_march_2026_levels_rebase_to_the_note_s_derived_column(
    levels: dict[str, Decimal],
) -> None:
    base = levels["2018/19"]
    for year, expected in REBASED_2018_19.items():
        assert abs(levels[year] / base * 100 - D(expected)) <= D("0.00006"), year
    assert set(levels) == set(REBASED_2018_19)


def test_the_march_2026_levels_agree_with_an_independent_extraction(
    levels: dict[str, Decimal],
) -> None:
    for year, expected in INDEPENDENT_EXTRACTION.items():
        assert levels[year] == D(expected), year


def test_the_march_2026_levels_agree_with_the_ons_quarterly_series_within_the_note_s_band(
    levels: dict[str, Decimal],
) -> None:
    for year, mean in ONS_QUARTERLY_MEAN.items():
        gap = (D(mean) / levels[year] - 1) * 100
        assert D("-0.65") <= gap <= D("0.55"), (year, gap)


def test_the_march_2026_factors_to_2024_25_are_the_note_s() -> None:
    index = load_index("gdp-deflator-2026-03")
    for year, expected in FACTORS_TO_2024_25.items():
        factor = index.factor(year, "2024/25")
        assert factor.quantize(D("0.0001")) == D(expected), year


def test_the_nhs_index_2025_vintage_chains_to_the_note_s_levels() -> None:
    # s.1b, "derived level, pay&prices, 2014/15 = 100".
    expected = {
        "2015/16": "100.40", "2016/17": "102.50", "2017/18": "103.77", "2018/19": "105.43",
        "2019/20": "107.69", "2020/21": "110.37", "2021/22": "113.21", "2022/23": "121.50",
        "2023/24": "124.50", "2024/25": "129.51",
    }  # fmt: skip
    index = load_index("nhs-cost-inflation-2025")
    for year, level in expected.items():
        chained = index.factor("2014/15", year) * 100
        assert abs(chained - D(level)) <= D("0.006"), year
    assert index.source.note is not None
    assert "provisional" in index.source.note
    assert "Second-hand" in index.source.note
