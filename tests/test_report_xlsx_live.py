"""The workbook is live everywhere: every formula's cached value is what LibreOffice's Calc
recalculates, every figure with a place in the estimate's JSON equals it, and changing women,
birth rate, programme cost or discount rate in Calc moves every such figure (NPV and payback
included) to what ``pause-cost estimate --set`` gives.

Calc keeps an xlsx file's cached values on load, so the cached workbook is compared with a
copy written without them (every formula 0) that Calc recalculates (tests/spreadsheet.py).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from pause_cost.api import pack as build_pack
from pause_cost.report import xlsx
from pause_cost.report.book import Check
from tests.conftest import REPO, SCENARIOS, run
from tests.spreadsheet import recalculated_all
from tests.test_report_xlsx import close

CASES = (
    "rotherham-2020-calendar",
    "rotherham-2021-joint-funding",
    "rotherham-2021-ex-post",
    "rotherham-2020-bottom-up-2024-25",
    "rotherham-2020-with-pilot-cost",
    "rotherham-2020-bottom-up-business-case",
)
"""Calendars with discounting (one cohort, two cohorts, observed births), a bottom-up table
uprated to 2024/25, a cost without a calendar, and a business case with a payback threshold
(its Business case sheet tests payback against it in a formula)."""
DERIVED = ("calendar-without-discounting", "discounted-without-calendar", "calendar-set-up")
"""Two shipped scenarios varied (written by :func:`scenarios`): the calendar case with no
discounting; the pilot-cost case discounted on years after birth, its cost an illustrative
£200,000 a year for 3 years in 2016/17 prices (the savings' price year, so no deflator); the
calendar case with its cost as an illustrative profile, a set-up year then two running years, so
the Business case sheet has a one-off cost."""
BRIDGE = REPO / "tests" / "data" / "bridge"
BRIDGED = {
    "rotherham-2020-postponed": "rotherham-2020-postponed.yaml",
    "bottom-up-bridge": "bottom-up-bridge.yaml",
}
"""Bridges that act on the lines (tests/data/bridge): the calendar case with three in ten
births postponed 18 months (the Timing sheet's cost per birth carries the moved parts), and the
bottom-up table with a removal share by stage and every other step."""
ALL = CASES + DERIVED + tuple(BRIDGED)

NONE_READS = {
    "programme.payback_year": "not within the horizon",
    "economics.calendar.payback_financial_year": "not within the cash flow",
    "economics.appraisal.bcr": "no cost",
    "economics.business_case.invest_to_save.payback": "not within the cash flow",
    "economics.cashable.payback": "not within the cash flow",
}
"""What a cell shows where the JSON has null."""

CALENDAR = "rotherham-2020-calendar"
JOINT = "rotherham-2021-joint-funding"
YEARS = "discounted-without-calendar"
EDITS: dict[str, tuple[str, dict[str, float], str]] = {
    "women_open": (CALENDAR, {"women_open": 24}, "cohort.women_open=24"),
    "birth_rate": (CALENDAR, {"birth_rate": 0.45}, "cohort.birth_rate_per_woman_per_year=0.45"),
    "programme_cost_given": (
        CALENDAR,
        {"programme_cost_given": 600000},
        "programme_cost.total_gbp=600000",
    ),
    "discount_rate": (CALENDAR, {"discount_rate": 7}, "discounting.rate_percent=7"),
    "joint women": (
        JOINT,
        {"women_open_1": 24, "women_open_2": 24},
        "practice.capacity_women=24",
    ),
    "years discount_rate": (YEARS, {"discount_rate": 7}, "discounting.rate_percent=7"),
    "years programme_cost_given": (
        YEARS,
        {"programme_cost_given": 250000},
        "programme_cost.per_year_gbp=250000",
    ),
}
"""Per edit: the scenario, the named input cells and the values typed into them in Calc, and
the same edit as ``--set``. A cost of £600,000 moves payback a financial year later (2020/21,
from 2019/20); the jointly funded case's two cohorts both take the practice's capacity, so
each funder's cost avoided and net move too."""


def in_json(document: dict[str, Any], key: str) -> Any:
    """The figure at a dotted path (``economics.calendar.years.0.net_gbp``)."""
    found: Any = document
    for part in key.split("."):
        found = found[int(part)] if isinstance(found, list) else found[part]
    return found


def expected_from_json(document: dict[str, Any], check: Check) -> Decimal | str:
    value = in_json(document, check.key)
    if value is None:
        return NONE_READS[check.key]
    return value if isinstance(value, str) else Decimal(str(value))


def cell_value(book: Any, check: Check) -> Any:
    return book[check.sheet].cell(check.row + 1, check.column + 1).value


def formula_cells(path: Path) -> list[tuple[str, int, int]]:
    """Every cell of the workbook holding a formula: (sheet, row, column), 1-based."""
    book = openpyxl.load_workbook(path)
    return [
        (sheet.title, found.row, found.column)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for found in row
        if isinstance(found.value, str) and found.value.startswith("=")
    ]


@pytest.fixture(scope="module")
def scenarios(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each case's scenario file: the shipped ones, and the two varied ones written here."""
    folder = tmp_path_factory.mktemp("scenarios")
    found = {name: SCENARIOS / f"{name}.yaml" for name in CASES}
    found.update({name: BRIDGE / file for name, file in BRIDGED.items()})
    calendar = yaml.safe_load(found[CALENDAR].read_text(encoding="utf-8"))
    del calendar["discounting"]
    pilot = yaml.safe_load(
        (SCENARIOS / "rotherham-2020-with-pilot-cost.yaml").read_text(encoding="utf-8")
    )
    pilot["discounting"] = {"schedule": "green-book-discount-rates"}
    source = pilot["programme_cost"]["source"]
    pilot["programme_cost"] = {
        "per_year_gbp": 200000,
        "years": 3,
        "prices": "real",
        "price_year": "2016/17",
        "source": {**source, "note": "An illustration for the tests, not a published cost."},
    }
    set_up = yaml.safe_load(found[CALENDAR].read_text(encoding="utf-8"))
    set_up["programme_cost"] = {
        "profile": [
            {"financial_year": "2018/19", "amount_gbp": 150000, "kind": "set_up"},
            {"financial_year": "2019/20", "amount_gbp": 150000},
            {"financial_year": "2020/21", "amount_gbp": 119000},
        ],
        "prices": "cash",
        "source": {**source, "note": "An illustration for the tests, not a published cost."},
    }
    for name, data in zip(DERIVED, (calendar, pilot, set_up), strict=True):
        data["name"] = name
        found[name] = folder / f"{name}.yaml"
        found[name].write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return found


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory, scenarios: dict[str, Path]) -> dict[str, Any]:
    """Per case: its checks, the workbook as shipped (values cached), the same written with
    no cached values, Calc's recalculation of that, and the estimate's JSON."""
    folder = tmp_path_factory.mktemp("live")
    written: dict[str, Any] = {}
    for name in ALL:
        pack = build_pack(scenarios[name])
        cached = folder / f"{name}-cached.xlsx"
        cached.write_bytes(xlsx.write(pack))
        data, checks = xlsx.build(pack, cache=False)
        bare = folder / f"{name}.xlsx"
        bare.write_bytes(data)
        document = json.loads(run("estimate", scenarios[name], "-f", "json").stdout)
        written[name] = (checks, cached, bare, document)
    calculated = recalculated_all([parts[2] for parts in written.values()], folder)
    return {
        name: (*parts, result)
        for (name, parts), result in zip(written.items(), calculated, strict=True)
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL)
def test_every_formula_is_written_with_its_check(books: dict[str, Any], name: str) -> None:
    """No formula escapes the one writer: every formula cell has a recorded value."""
    checks, _, bare, _, _ = books[name]
    checked = {(check.sheet, check.row + 1, check.column + 1) for check in checks}
    assert set(formula_cells(bare)) == checked
    assert len(checked) == len(checks)


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL)
def test_every_cached_value_is_what_calc_recalculates(books: dict[str, Any], name: str) -> None:
    """The value a viewer shows without calculating (LibreOffice's default on load) is the
    value Calc computes, for every formula cell: none caches 0 where it means 5."""
    checks, cached, _, _, calculated = books[name]
    shown = openpyxl.load_workbook(cached, data_only=True)
    computed = openpyxl.load_workbook(calculated, data_only=True)
    wrong = [
        (check.sheet, check.row + 1, check.column + 1, check.what, before, after)
        for check in checks
        if not (
            (before := cell_value(shown, check)) is not None
            and close(after := cell_value(computed, check), before, check.kind)
        )
    ]
    assert wrong == []


@pytest.mark.slow
@pytest.mark.parametrize("name", ALL)
def test_every_figure_with_a_place_in_the_json_equals_it(books: dict[str, Any], name: str) -> None:
    checks, _, _, document, calculated = books[name]
    computed = openpyxl.load_workbook(calculated, data_only=True)
    keyed = [check for check in checks if check.key]
    wrong = [
        (check.key, found, wanted)
        for check in keyed
        if not close(
            found := cell_value(computed, check),
            wanted := expected_from_json(document, check),
            check.kind,
        )
    ]
    assert wrong == []
    keys = {check.key for check in keyed}
    assert {"horizon.total_gbp", "avoided_births.counted", "by_year.4.net_gbp"} <= keys
    if document["programme"]["cost_gbp"] is not None:
        assert {"programme.net_gbp", "programme.cost_gbp"} <= keys
        # One payback on a calendar (the financial year's); years after birth only without.
        assert ("programme.payback_year" in keys) == (document["economics"]["calendar"] is None)
    if document["economics"]["business_case"] is not None:
        assert {
            "economics.business_case.invest_to_save.payback",
            "economics.business_case.invest_to_save.total.cashable_savings_gbp",
            "economics.business_case.invest_to_save.later_cashable_savings_gbp",
            "economics.cashable.net_gbp",
            "economics.cashable.payback",
        } <= keys
    if document["economics"]["calendar"] is not None:
        assert {
            "economics.calendar.payback_financial_year",
            "economics.calendar.years.3.avoided_births",
            "economics.calendar.years.3.net_gbp",
        } <= keys
    if document["economics"]["appraisal"] is not None:  # live on either basis
        assert {
            "economics.appraisal.pv_benefits_gbp",
            "economics.appraisal.pv_costs_gbp",
            "economics.appraisal.npv_gbp",
            "economics.appraisal.bcr",
        } <= keys


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory, scenarios: dict[str, Path]) -> dict[str, Any]:
    """Per edit: the workbook's checks, Calc's recalculation after typing the new values into
    the named cells, ``estimate --set``'s JSON, and the JSON before the edit."""
    folder = tmp_path_factory.mktemp("edited")
    originals: dict[str, tuple[Path, list[Check], dict[str, Any]]] = {}
    for scenario in sorted({scenario for scenario, _, _ in EDITS.values()}):
        data, checks = xlsx.build(build_pack(scenarios[scenario]))
        path = folder / f"original-{scenario}.xlsx"
        path.write_bytes(data)
        before = json.loads(run("estimate", scenarios[scenario], "-f", "json").stdout)
        originals[scenario] = (path, checks, before)
    paths, found = [], {}
    for number, (name, (scenario, values, setting)) in enumerate(EDITS.items()):
        book = openpyxl.load_workbook(originals[scenario][0])
        for cell_name, value in values.items():
            sheet, where = book.defined_names[cell_name].attr_text.split("!")
            book[sheet.strip("'")][where.replace("$", "")] = value
        path = folder / f"edit-{number}.xlsx"
        book.save(path)
        paths.append(path)
        result = run("estimate", scenarios[scenario], "--set", setting, "-f", "json")
        assert result.exit_code == 0, result.stderr
        found[name] = (scenario, json.loads(result.stdout))
    calculated = recalculated_all(paths, folder)
    return {
        name: (originals[scenario][1], document, originals[scenario][2], result)
        for (name, (scenario, document)), result in zip(found.items(), calculated, strict=True)
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", list(EDITS))
def test_an_edit_in_calc_moves_every_figure_to_what_estimate_set_gives(
    edited: dict[str, Any], name: str
) -> None:
    checks, document, before, calculated = edited[name]
    computed = openpyxl.load_workbook(calculated, data_only=True)
    keyed = [check for check in checks if check.key]
    wrong = [
        (check.key, found, wanted)
        for check in keyed
        if not close(
            found := cell_value(computed, check),
            wanted := expected_from_json(document, check),
            check.kind,
        )
    ]
    assert wrong == []
    # The edit moved the headline figures (so the comparison above is not of unchanged cells).
    moved = {
        key
        for key in ("economics.appraisal.npv_gbp", "programme.net_gbp", "horizon.total_gbp")
        if in_json(document, key) != in_json(before, key)
    }
    assert "economics.appraisal.npv_gbp" in moved
    assert (
        moved
        == {
            "women_open": {"economics.appraisal.npv_gbp", "programme.net_gbp", "horizon.total_gbp"},
            "birth_rate": {"economics.appraisal.npv_gbp", "programme.net_gbp", "horizon.total_gbp"},
            "programme_cost_given": {"economics.appraisal.npv_gbp", "programme.net_gbp"},
            "discount_rate": {"economics.appraisal.npv_gbp"},
            "joint women": {
                "economics.appraisal.npv_gbp",
                "programme.net_gbp",
                "horizon.total_gbp",
            },
            "years discount_rate": {"economics.appraisal.npv_gbp"},
            "years programme_cost_given": {"economics.appraisal.npv_gbp", "programme.net_gbp"},
        }[name]
    )
    if name in ("women_open", "joint women"):  # the Business case sheet and cashable rows move
        live = {
            "economics.business_case.invest_to_save.years.2.cashable_savings_gbp",
            "economics.business_case.invest_to_save.total.net_gbp",
            "economics.business_case.invest_to_save.years.4.cumulative_net_gbp",
            "economics.cashable.net_gbp",
            "economics.cashable.npv_gbp",
        }
        assert live <= {check.key for check in keyed}
        assert all(in_json(document, key) != in_json(before, key) for key in live)
    if name == "joint women":  # each funder's cost avoided and net are live too
        assert {
            "economics.funders.positions.0.savings_gbp",
            "economics.funders.positions.0.net_gbp",
        } <= {check.key for check in keyed}


@pytest.mark.slow
def test_a_dearer_programme_pays_back_a_year_later_in_calc_as_in_the_engine(
    edited: dict[str, Any],
) -> None:
    """The payback cell is a formula: £600,000 (not £419,000) is paid back in 2020/21. By hand:
    2018/19 and 2019/20 each carry half the cost, £300,000 x 0.965488 and x 0.940668
    (£289,646.40 + £282,200.40 = £571,846.80 in 2016/17 prices), against £466,771.88 avoided
    by the end of 2019/20 (the engine's 2019/20 total; nothing in 2018/19): short by
    £105,074.92; 2020/21 adds £807,913.70."""
    _, document, before, calculated = edited["programme_cost_given"]
    assert before["economics"]["calendar"]["payback_financial_year"] == "2019/20"
    assert document["economics"]["calendar"]["payback_financial_year"] == "2020/21"
    computed = openpyxl.load_workbook(calculated, data_only=True)
    assert computed.defined_names["payback_financial_year"] is not None
    sheet, where = computed.defined_names["payback_financial_year"].attr_text.split("!")
    assert computed[sheet.strip("'")][where.replace("$", "")].value == "2020/21"


@pytest.mark.slow
def test_24_women_bring_the_cashable_payback_forward_in_calc_as_in_the_engine(
    edited: dict[str, Any],
) -> None:
    """The Business case sheet's payback is a formula over every period of the cash flow: with
    24 women it reads 2019/20 in Calc, as ``estimate --set`` gives, where 20 women's reads
    2020/21. By hand from the engine's by-financial-year figures for 20 women: costs £202,269.74
    (2018/19) and £197,069.95 (2019/20), £399,339.68 in all, against cashable savings of £0 and
    £364,678.49, £34,661.19 short at the end of 2019/20; 24 women avoid 18 births, not 15,
    so 2019/20's cashable savings are 18/15 of that (£437,614.19), which covers the cost."""
    _, document, before, calculated = edited["women_open"]
    table = "economics.business_case.invest_to_save.payback"
    assert (in_json(before, table), in_json(document, table)) == ("2020/21", "2019/20")
    computed = openpyxl.load_workbook(calculated, data_only=True)
    sheet, where = computed.defined_names["cashable_payback"].attr_text.split("!")
    assert computed[sheet.strip("'")][where.replace("$", "")].value == "2019/20"
    summary = {row[0]: row[1] for row in computed["Summary"].iter_rows(max_col=2, values_only=True)}
    assert summary["Cashable payback, financial year"] == "2019/20"
