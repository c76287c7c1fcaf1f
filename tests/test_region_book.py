"""The region's workbook: each council's inputs are names on that council's own sheets (so
the councils' ``births`` do not clash), the Region sheet reads each council's totals and sums
them. LibreOffice's Calc recalculates the workbook written without cached results; every
formula must give the engine's figure, the cached figures must equal Calc's, and the region's
total must be the sum of the councils' figures as the JSON gives them (added here, by hand)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pause_cost.api.region import region_pack
from pause_cost.report import region_book
from tests.conftest import REPO, run
from tests.spreadsheet import recalculated, recalculated_all
from tests.test_report_xlsx import close

MIDLANDS = REPO / "scenarios" / "regions" / "midlands-pause-hub.yaml"
TWO = REPO / "tests" / "data" / "regions" / "two-councils.yaml"
RANGES = REPO / "scenarios" / "regions" / "midlands-pause-hub-ranges.yaml"
CASES = {"midlands": MIDLANDS, "two": TWO, "ranges": RANGES}


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("region-books")
    written = {}
    for name, path in CASES.items():
        pack = region_pack(path)
        data, checks = region_book.build(pack, cache=False)
        cached, _ = region_book.build(pack)
        (folder / f"{name}.xlsx").write_bytes(data)
        (folder / f"{name}-cached.xlsx").write_bytes(cached)
        written[name] = (pack, checks)
    paths = [folder / f"{name}{suffix}.xlsx" for name in CASES for suffix in ("", "-cached")]
    calculated = recalculated_all(paths, folder)
    return {
        name: (*written[name], folder / f"{name}-cached.xlsx", calculated[2 * index])
        for index, name in enumerate(CASES)
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_every_formula_recalculated_by_calc_equals_the_engine(
    books: dict[str, Any], name: str
) -> None:
    _, checks, _, calculated = books[name]
    values = openpyxl.load_workbook(calculated, data_only=True)
    wrong = []
    for check in checks:
        found = values[check.sheet].cell(check.row + 1, check.column + 1).value
        if not close(found, check.expected, check.kind):
            wrong.append((check.sheet, check.row + 1, check.column + 1, check.what, found))
    assert wrong == []
    assert len(checks) > 40


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_the_cached_figures_are_what_calc_recalculates(books: dict[str, Any], name: str) -> None:
    """A viewer that does not calculate shows the cached figures: they must be Calc's."""
    _, checks, cached, calculated = books[name]
    stored = openpyxl.load_workbook(cached, data_only=True)
    values = openpyxl.load_workbook(calculated, data_only=True)
    for check in checks:
        here = stored[check.sheet].cell(check.row + 1, check.column + 1).value
        there = values[check.sheet].cell(check.row + 1, check.column + 1).value
        assert close(here, there if isinstance(there, str) else Decimal(str(there)), check.kind), (
            check.what
        )


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_the_region_total_is_the_sum_of_the_councils(books: dict[str, Any], name: str) -> None:
    _, _, _, calculated = books[name]
    outcome = run("region", CASES[name], "-f", "json")
    rows = json.loads(outcome.stdout)["councils"]
    sheet = openpyxl.load_workbook(calculated, data_only=True)[region_book.SHEET]
    total_row = region_book.FIRST_ROW + len(rows) + 1  # as the spreadsheet numbers rows
    for column, key in (
        (region_book.HORIZON, "horizon_total_gbp"),
        (region_book.IMMEDIATE, "immediate_total_gbp"),
        (region_book.CASHABLE, "horizon_cashable_gbp"),
        (region_book.BIRTHS, "avoided_births"),
    ):
        by_hand = sum(Decimal(str(row[key])) for row in rows)
        assert abs(Decimal(str(sheet.cell(total_row, column + 1).value)) - by_hand) <= Decimal(
            "0.005"
        ), key
    if name != "midlands":  # every council has a programme cost: the net is summed too
        net = sum(Decimal(str(row["net_gbp"])) for row in rows)
        assert abs(Decimal(str(sheet.cell(total_row, region_book.NET + 1).value)) - net) <= Decimal(
            "0.005"
        )


def test_each_council_names_its_own_inputs(tmp_path: Path) -> None:
    """No name is the whole workbook's: each is defined on a council's own sheets, which carry
    its number."""
    out = tmp_path / "region.xlsx"
    outcome = run("region", MIDLANDS, "-o", out)
    assert outcome.exit_code == 0, outcome.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == region_book.SHEET
    councils = {name.split(" ", 1)[0] for name in book.sheetnames[1:]}
    assert councils == {"1", "2", "3", "4"}
    assert [f"{number} Summary" in book.sheetnames for number in sorted(councils)] == [True] * 4
    assert "births" not in book.defined_names  # no workbook-wide name
    for sheet in book.sheetnames[1:]:
        assert "births" in book[sheet].defined_names, sheet


@pytest.mark.slow
def test_changing_one_council_s_input_moves_only_its_row(tmp_path: Path) -> None:
    """Plymouth's women set to 80 in its own sheet: its row and the total move, Derbyshire's
    stays (a workbook-wide ``women_open`` would have moved every council)."""
    pack = region_pack(TWO)
    data, _ = region_book.build(pack, cache=False)
    original = tmp_path / "original.xlsx"
    original.write_bytes(data)
    book = openpyxl.load_workbook(original)
    second = "2 Summary"
    _, reference = book[second].defined_names["women_open"].attr_text.split("!")
    book[second][reference.replace("$", "")] = 80
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    values = openpyxl.load_workbook(recalculated(changed, tmp_path), data_only=True)
    region = values[region_book.SHEET]
    first_row = region_book.FIRST_ROW + 1
    # Derbyshire: 20 women, unchanged. Plymouth: 80 x 0.7425 = 59.4 -> 59 births.
    assert region.cell(first_row, region_book.BIRTHS + 1).value == 15
    assert region.cell(first_row + 1, region_book.BIRTHS + 1).value == 59
    assert region.cell(first_row + 2, region_book.BIRTHS + 1).value == 74


def test_the_ranges_and_the_baseline_have_their_sheets(tmp_path: Path) -> None:
    """With --simulate and a baseline, the workbook carries both as the JSON gives them."""
    out = tmp_path / "region.xlsx"
    args = ("region", TWO, "--simulate", "2000", "--seed", "3")
    assert run(*args, "-o", out).exit_code == 0
    data = json.loads(run(*args, "-f", "json").stdout)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[-2:] == ["Region ranges", "Baseline"]
    ranges = {row[0]: row[1:6] for row in book["Region ranges"].iter_rows(values_only=True)}
    for outcome in data["simulation"]["outcomes"]:
        shown = ranges[outcome["outcome"]]
        expected = [outcome[key] for key in ("point", "mean", "p5", "p50", "p95")]
        assert [float(value) for value in shown] == pytest.approx(expected, abs=1e-6)
    assert book["Region ranges"]["A1"].value == "Region Monte Carlo: 2,000 draws, seed 3"
    baseline = {row[0]: row[1:6] for row in book["Baseline"].iter_rows(values_only=True)}
    assert baseline["Derbyshire County Council"][2:4] == (60, 350)
    assert baseline["Plymouth City Council"][2] is None  # suppressed, never 0
