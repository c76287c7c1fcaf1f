"""Indices as published levels, and indices a council brings as its own file.

HM Treasury's GDP deflator is printed as index levels (2016-17 = 100), not as annual
increases; a council that has the current release can write it as an index file beside its
own table and name it by path.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_index, load_inputs, load_table
from pause_cost.model.indices import PriceIndex
from tests.conftest import REPO, SOURCE, line, scenario_data

D = Decimal
WriteYaml = Callable[[str, Any], Path]
HMT_EXTRACT = REPO / "tests" / "data" / "indices" / "hmt-gdp-deflator-1955-64.yaml"

# The same release's 'per cent change on previous year' column, 1956-57 to 1963-64.
HMT_PUBLISHED_PERCENT_CHANGES = [6.3, 4.68, 2.51, 0.47, 2.08, 3.32, 3.13, 1.58]


def index_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "local-index",
        "title": "A local index",
        "source": SOURCE,
        "index_levels": {"2014/15": 100.0, "2015/16": 102.0, "2016/17": 105.0},
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_fixture_agrees_with_its_release_s_own_percent_changes() -> None:
    # The release prints levels to 3 decimals and changes computed before rounding, so a
    # change recomputed from levels near 5 can differ by up to about 0.025 points.
    levels = list(load_index(HMT_EXTRACT).index_levels.values())  # type: ignore[union-attr]
    recomputed = [
        float((later / earlier - 1) * 100) for earlier, later in itertools.pairwise(levels)
    ]
    assert recomputed == pytest.approx(HMT_PUBLISHED_PERCENT_CHANGES, abs=0.025)


def test_levels_uprate_by_their_ratio(write_yaml: WriteYaml) -> None:
    # £1,000 at 1955-56 prices in 1963-64 prices: 1,000 x 5.472 / 4.321.
    shutil.copy(HMT_EXTRACT, write_yaml("dummy.yaml", "x: 1").parent / "gdp.yaml")
    write_yaml(
        "t.yaml",
        {
            "name": "old",
            "title": "Old",
            "price_index": "gdp.yaml",
            "lines": [line(amount_gbp=1000, price_year="1955/56")],
        },
    )
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml"], price_year="1963/64"))
    result = estimate(*load_inputs(path))
    entry = result.lines[0]
    assert entry.uprating_factor == D("5.472") / D("4.321")
    assert entry.per_avoided_birth_per_year_gbp == D(1000) * D("5.472") / D("4.321")
    assert entry.price_index == "hmt-gdp-deflator-1955-64"
    assert [index.name for index in result.price_indices] == ["hmt-gdp-deflator-1955-64"]
    assert result.price_indices[0].source.edition == (
        "CSV, updated 28 November 2017 (ONS outturn of 29 September 2017)"
    )


def test_levels_cover_their_first_year_increases_the_year_before() -> None:
    levels = PriceIndex.model_validate(index_data())
    assert (levels.first_year, levels.last_year) == ("2014/15", "2016/17")
    increases = PriceIndex.model_validate(
        index_data(index_levels=None, annual_increase_percent={"2015/16": 2.0, "2016/17": 3.0})
    )
    assert (increases.first_year, increases.last_year) == ("2014/15", "2016/17")
    # Both say prices rose 2% then 2.94...%: the same factor over the same years.
    assert levels.factor("2014/15", "2016/17") == D("1.05")
    assert increases.factor("2014/15", "2016/17") == D("1.02") * D("1.03")
    assert levels.factor("2016/17", "2014/15") == D(100) / D(105)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"annual_increase_percent": {"2015/16": 2.0}},
            "give either annual_increase_percent or index_levels (exactly one of them)",
        ),
        (
            {"index_levels": None},
            "give either annual_increase_percent or index_levels (exactly one of them)",
        ),
        (
            {"index_levels": {"2014/15": 100.0, "2016/17": 105.0}},
            "years must follow one another without gaps: 2014/15 is followed by 2016/17",
        ),
        (
            {"index_levels": {"2014/15": 100.0, "2015/16": 0.0}},
            "2015/16: an index level of 0 is not plausible; allowed: from 0.001 to 1,000,000",
        ),
    ],
)
def test_an_index_file_gives_one_well_formed_series(
    overrides: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        PriceIndex.model_validate(index_data(**overrides))


def test_an_index_path_is_found_from_the_table_that_names_it(write_yaml: WriteYaml) -> None:
    # Scenario in the top folder, table in local/, index in local/indices/: the path in the
    # table is relative to the table, not to the scenario or the working directory.
    write_yaml("local/indices/deflator.yaml", index_data())
    write_yaml(
        "local/table.yaml",
        {
            "name": "local",
            "title": "Local",
            "price_index": "indices/deflator.yaml",
            "lines": [line(amount_gbp=100, price_year="2014/15")],
        },
    )
    path = write_yaml(
        "s.yaml", scenario_data(unit_costs=["local/table.yaml"], price_year="2016/17")
    )
    result = estimate(*load_inputs(path))
    assert result.lines[0].per_avoided_birth_per_year_gbp == D(105)
    assert result.lines[0].price_index == "local-index"


def test_an_extension_keeps_its_base_s_index_path(write_yaml: WriteYaml) -> None:
    # The base table in base/ names base/deflator.yaml; an extension in ext/ inherits the
    # line, and the path still means the base's file.
    write_yaml("base/deflator.yaml", index_data())
    write_yaml(
        "base/table.yaml",
        {
            "name": "base",
            "title": "Base",
            "lines": [line(id="a", price_year="2014/15", price_index="deflator.yaml")],
        },
    )
    write_yaml(
        "ext/table.yaml",
        {
            "name": "ext",
            "title": "Extended",
            "extends": "../base/table.yaml",
            "add": [line(id="b", price_year="2016/17", price_index="pss-all-sectors")],
        },
    )
    path = write_yaml("s.yaml", scenario_data(unit_costs=["ext/table.yaml"], price_year="2016/17"))
    result = estimate(*load_inputs(path))
    assert [entry.uprating_factor for entry in result.lines] == [D("1.05"), D(1)]
    # b is priced in the scenario's year already: nothing uprates it, so no index is named.
    assert [entry.price_index for entry in result.lines] == ["local-index", None]


def test_a_missing_index_file_is_reported_at_the_price_year(write_yaml: WriteYaml) -> None:
    table = write_yaml(
        "t.yaml",
        {"name": "t", "title": "T", "price_index": "nowhere.yaml", "lines": [line()]},
    )
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml"], price_year="2016/17"))
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    (problem,) = caught.value.problems
    assert problem.key == "price_year"
    assert problem.message == (
        f"price index file {table.parent / 'nowhere.yaml'} does not exist (a path is taken "
        "from the folder of the file that names it)"
    )


def test_an_index_reference_is_a_name_or_a_yaml_path(write_yaml: WriteYaml) -> None:
    path = write_yaml(
        "t.yaml", {"name": "t", "title": "T", "price_index": "PSS All Sectors", "lines": [line()]}
    )
    with pytest.raises(InputError) as caught:
        load_table(path)
    (problem,) = caught.value.problems
    assert problem.key == "price_index"
    assert problem.message == (
        "a price index is a shipped name such as 'pss-all-sectors' (lower-case letters, "
        "digits, '-' and '_') or a path to a .yaml index file"
    )


def test_two_index_files_with_one_name_are_refused(write_yaml: WriteYaml) -> None:
    # Outputs name an index by its name; two files called the same would be ambiguous.
    write_yaml("one.yaml", index_data())
    write_yaml("two.yaml", index_data())
    write_yaml(
        "t.yaml",
        {
            "name": "t",
            "title": "T",
            "lines": [
                line(id="a", price_year="2015/16", price_index="one.yaml"),
                line(id="b", price_year="2015/16", price_index="two.yaml"),
            ],
        },
    )
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml"], price_year="2016/17"))
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    (problem,) = caught.value.problems
    assert problem.message == (
        "price indices 'one.yaml' and 'two.yaml' are both named 'local-index'; outputs name an "
        "index by its name, so give each index file its own name"
    )


def test_every_uncovered_line_is_named_with_its_own_table(write_yaml: WriteYaml) -> None:
    # Both lines are outside the index: each message names the table file and the line.
    table = write_yaml(
        "t.yaml",
        {
            "name": "t",
            "title": "T",
            "price_index": "pss-all-sectors",
            "lines": [line(id="a", price_year="2005/06"), line(id="b", price_year="2006/07")],
        },
    )
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml"], price_year="2016/17"))
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    starts = [problem.message.split(" is priced in ")[0] for problem in caught.value.problems]
    assert starts == [f"{table}: t/a", f"{table}: t/b"]


# The March 2020 release's own 'per cent change on previous year' column (D), rows 54-71,
# 2001-02 to 2018-19, as stored in the sheet (to 10 decimals): a column separate from the
# levels, so it checks their transcription.
HMT_MARCH_2020_PERCENT_CHANGES = [
    1.2466594873, 2.3215055816, 2.0110107945, 2.8299001803, 2.4378644751, 2.8396256442,
    2.6596147101, 2.5518848849, 1.6487375160, 1.7127307464, 1.5261825991, 2.0596639732,
    1.9293988642, 1.3964551815, 0.8611934090, 2.3676775047, 1.7276145853, 2.1365172009,
]  # fmt: skip


def test_the_shipped_deflator_agrees_with_its_release_s_percent_changes() -> None:
    index = load_index("gdp-deflator")
    assert (index.first_year, index.last_year) == ("2000/01", "2018/19")
    levels = list((index.index_levels or {}).values())
    assert levels[-1] == 100  # the release's base year, 2018-19 = 100
    recomputed = [
        float((later / earlier - 1) * 100) for earlier, later in itertools.pairwise(levels)
    ]
    assert recomputed == pytest.approx(HMT_MARCH_2020_PERCENT_CHANGES, abs=1e-7)


def test_the_cafcass_line_is_uprated_with_the_deflator() -> None:
    # GMCA SS4.1.4, £2,500 at 2005/06 prices, in 2016/17 prices for Rotherham's 15 births:
    # 2,500 x 76.0754 / 61.3576 (the March 2026 deflator's levels in those years) x 15.
    from tests.conftest import SCENARIOS

    result = estimate(*load_inputs(SCENARIOS / "rotherham-2020-bottom-up.yaml"))
    (cafcass,) = [entry for entry in result.lines if entry.id == "cafcass-care-order"]
    factor = D("76.0754") / D("61.3576")
    assert cafcass.price_index == "gdp-deflator-2026-03"
    assert cafcass.uprating_factor == factor
    assert cafcass.horizon_gbp == D(2500) * factor * 15
    assert cafcass.classification == "other_agency"
