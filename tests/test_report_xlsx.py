"""The workbook: its formulas recalculated by a real spreadsheet engine (LibreOffice's headless
Calc) give the engine's figures to the penny, and stay live when an input is changed."""

from __future__ import annotations

import json
import math
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from pause_cost.api import pack as build_pack
from pause_cost.report import xlsx
from tests.conftest import SCENARIOS, UNCERTAIN_WITHOUT_CALENDAR, run
from tests.spreadsheet import recalculated, recalculated_all

CASES = (
    "rotherham-2020-calendar",
    "rotherham-2021-joint-funding",
    "rotherham-2021-ex-post",
    "rotherham-2020-bottom-up-2024-25",
)


TOLERANCE = {"money": 0.005, "ratio": 0.00005, "count": 1e-9, "factor": 1e-12, "year": 1e-9}
"""Pounds to half a penny, ratios to 1/20,000, counts, rates and factors to floating point."""


def close(value: Any, expected: Decimal | str, kind: str) -> bool:
    """A cell's value is the expected figure: text equal, a number within its kind's tolerance
    (a money figure may differ by half a penny, a factor by 1e-12)."""
    if isinstance(expected, str) or isinstance(value, str) or value is None:
        return value == expected
    return abs(float(value) - float(expected)) <= TOLERANCE[kind]


def wrong_cells(checks: list[Any], values: Any) -> list[tuple[Any, ...]]:
    """Each checked formula whose recalculated value is not the engine's figure."""
    return [
        (check.sheet, check.row + 1, check.column + 1, check.what, cell, check.expected)
        for check in checks
        if not close(
            (cell := values[check.sheet].cell(check.row + 1, check.column + 1).value),
            check.expected,
            check.kind,
        )
    ]


@pytest.fixture(scope="module")
def recalculated_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each case's workbook, written with no cached results, and Calc's recalculation of it."""
    folder = tmp_path_factory.mktemp("workbooks")
    written = {}
    for name in CASES:
        pack = build_pack(SCENARIOS / f"{name}.yaml")
        data, checks = xlsx.build(pack, cache=False)
        path = folder / f"{name}.xlsx"
        path.write_bytes(data)
        written[name] = (pack, checks, path)
    calculated = recalculated_all([path for _, _, path in written.values()], folder)
    return {
        name: (*parts, result)
        for (name, parts), result in zip(written.items(), calculated, strict=True)
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_every_formula_recalculated_by_calc_equals_the_engine(
    recalculated_books: dict[str, Any], name: str
) -> None:
    _, checks, _, calculated = recalculated_books[name]
    assert wrong_cells(checks, openpyxl.load_workbook(calculated, data_only=True)) == []
    assert len(checks) > 20


@pytest.mark.slow
def test_changing_an_input_in_the_workbook_changes_the_figures_as_the_engine_would(
    tmp_path: Path,
) -> None:
    pack = build_pack(SCENARIOS / "rotherham-2020-with-pilot-cost.yaml")
    data, checks = xlsx.build(pack, cache=False)
    original = tmp_path / "original.xlsx"
    original.write_bytes(data)
    book = openpyxl.load_workbook(original)
    women = book.defined_names["women_open"].attr_text.split("!")[1].replace("$", "")
    book["Summary"][women] = 24
    changed = tmp_path / "changed.xlsx"
    book.save(changed)
    values = openpyxl.load_workbook(recalculated(changed, tmp_path), data_only=True)
    expected = json.loads(
        run(
            "estimate",
            SCENARIOS / "rotherham-2020-with-pilot-cost.yaml",
            "--set",
            "cohort.women_open=24",
            "-f",
            "json",
        ).stdout
    )
    by_what = {check.what: check for check in checks}
    for what, figure in (
        ("Horizon (years 1-5 after each birth) total", expected["horizon"]["total_gbp"]),
        ("net", expected["programme"]["net_gbp"]),
        ("births costed", expected["avoided_births"]["counted"]),
    ):
        check = by_what[what]
        cell = values[check.sheet].cell(check.row + 1, check.column + 1).value
        assert abs(float(cell) - figure) < 0.005, what
    assert expected["avoided_births"]["counted"] == 18  # 24 x 0.33 x 2.25 = 17.82, rounded


def test_the_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    scenario = SCENARIOS / "rotherham-2020-calendar.yaml"
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run("report", scenario, "-o", first).exit_code == 0
    assert run("report", scenario, "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_the_sheets_an_auditor_expects(tmp_path: Path) -> None:
    path = tmp_path / "pack.xlsx"
    result = run("report", SCENARIOS / "rotherham-2021-joint-funding.yaml", "-o", path)
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Summary",
        "Lines",
        "By year",
        "By financial year",
        "Timing",
        "Programme and funders",
        "Business case",
        "Assumptions and flags",
        "Sources",
    ]
    assert book["Lines"].freeze_panes == "C2"
    assert book["Lines"]["Q2"].number_format.startswith("£#,##0")
    names = {"women_open_1", "women_open_2", "birth_rate_1", "births", "programme_cost"}
    assert names <= set(book.defined_names)


def test_text_from_a_scenario_never_becomes_a_formula(tmp_path: Path) -> None:
    data = yaml.safe_load((SCENARIOS / "rotherham-2020.yaml").read_text(encoding="utf-8"))
    data["title"] = '=HYPERLINK("http://example.invalid","click")'
    data["council"] = "+SUM(1,2)"
    data["notes"] = "@cmd|' /C calc'!A0"
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    out = tmp_path / "pack.xlsx"
    result = run("report", path, "-o", out)
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(out)
    assert book["Summary"]["A1"].value == data["title"]
    assert book["Summary"]["A1"].data_type == "s"
    assert book["Summary"]["A2"].data_type == "s"


def test_sensitivity_and_simulation_add_their_sheets(tmp_path: Path) -> None:
    out = tmp_path / "pack.xlsx"
    result = run(
        "report",
        UNCERTAIN_WITHOUT_CALENDAR,
        "--sensitivity",
        "--simulate",
        "2000",
        "--seed",
        "7",
        "-o",
        out,
    )
    assert result.exit_code == 0, result.stderr
    names = openpyxl.load_workbook(out).sheetnames
    assert names[-3:] == ["Sensitivity", "Break-even", "Monte Carlo"]


def test_the_analysis_sheets_carry_the_analyses_figures(tmp_path: Path) -> None:
    """Each sheet is written from the analysis's render document; every figure in it is the
    analysis's own, read here from the results, not from the document."""
    pack = build_pack(SCENARIOS / "rotherham-2020-uncertain.yaml", sensitivity=True, draws=500)
    path = tmp_path / "pack.xlsx"
    path.write_bytes(xlsx.write(pack))
    book = openpyxl.load_workbook(path)

    def rows(sheet: str) -> dict[str, list[Any]]:
        """Each row by its second column, the input's path or the outcome's name (the first is
        its label in words)."""
        return {
            str(row[1]): list(row[2:])
            for row in book[sheet].iter_rows(values_only=True)
            if row[0] is not None
        }

    assert pack.tornado is not None
    assert pack.simulation is not None
    sensitivity = rows("Sensitivity")
    for swing in pack.tornado.swings:
        low, high, at_low, at_high, size = sensitivity[swing.range.input][:5]
        assert (low, high) == (float(swing.range.low), float(swing.range.high))
        # A workbook holds a number to 16 significant figures (XlsxWriter writes %.16g): the
        # NPV's present values carry more, so equal to that precision.
        for cell, value in ((at_low, swing.outcome_at_low), (at_high, swing.outcome_at_high)):
            assert value is not None
            assert cell == pytest.approx(float(value), rel=1e-15)
        assert swing.swing is not None
        assert size == pytest.approx(float(swing.swing), rel=1e-15)
    monte_carlo = rows("Monte Carlo")
    for summary in pack.simulation.outcomes:
        # Each estimate is shown to the place its Monte Carlo standard error supports; the
        # point is exact. Rounded here to within half a step of the figure.
        assert monte_carlo[summary.outcome][0] == pytest.approx(float(summary.point), rel=1e-12)
        shown = monte_carlo[summary.outcome][1:6]
        errors = [summary.mean_mcse, summary.mean_mcse, summary.p5_mcse]
        errors += [summary.p50_mcse, summary.p95_mcse]
        expected = [summary.mean, summary.sd, summary.p5, summary.p50, summary.p95]
        for cell, value, error in zip(shown, expected, errors, strict=True):
            assert error is not None
            step = 10.0 ** math.floor(math.log10(float(error)))
            assert abs(cell - float(value)) <= step / 2 + 1e-6
            assert cell / step == pytest.approx(round(cell / step))
        assert monte_carlo[f"{summary.outcome} (MCSE)"][0] > 0
    drawn = [
        row[2]
        for row in book["Monte Carlo"].iter_rows(values_only=True)
        if isinstance(row[2], int) and isinstance(row[0], float)
    ]
    assert drawn == [histogram_bin.draws for histogram_bin in pack.simulation.histogram]


def test_calc_is_installed_where_the_tests_run() -> None:
    """The test command installs LibreOffice's Calc where missing (scripts/test.sh); the workbook
    tests never skip without it."""
    assert shutil.which("soffice") is not None


def test_the_published_figures_are_labelled_in_words(tmp_path: Path) -> None:
    """The Summary's rows against the published figures read as the terminal's do ('Immediate,
    total', '5-year, cashable'), never as JSON keys ('immediate_total_gbp')."""
    output = tmp_path / "pack.xlsx"
    assert run("report", SCENARIOS / "rotherham-2020.yaml", "-o", output).exit_code == 0
    sheet = openpyxl.load_workbook(output)["Summary"]
    labels = [row[0].value for row in sheet.iter_rows()]
    first = labels.index("Against the published figures") + 1  # its rows follow
    published = labels[first : first + 4]
    assert published == ["Avoided births", "Immediate, total", "5-year, cashable", "5-year, total"]
