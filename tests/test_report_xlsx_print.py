"""The workbook reads and prints as a finance officer expects: a number format on every figure
(no 6.089280751518), labels in words ('year 1 after each birth'), every sheet set up for A4
and fitted to the page width, the Lines sheet landscape with its header row repeated, and the
whole workbook printed on a few pages."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import REPO, SCENARIOS, run
from tests.spreadsheet import printed_pages

CASES = ("rotherham-2020-calendar", "rotherham-2020-bottom-up-2024-25", "rotherham-2020")


def written(tmp_path: Path, name: str, *options: str) -> Path:
    path = tmp_path / f"{name}.xlsx"
    result = run("report", SCENARIOS / f"{name}.yaml", "-o", path, *options)
    assert result.exit_code == 0, result.stderr
    return path


@pytest.mark.parametrize("name", CASES)
def test_every_figure_has_a_number_format(tmp_path: Path, name: str) -> None:
    book = openpyxl.load_workbook(written(tmp_path, name))
    unformatted = [
        (sheet.title, cell.coordinate, cell.number_format)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if (cell.data_type == "n" and cell.value is not None) or cell.data_type == "f"
        if cell.number_format in ("General", "0.############")
    ]
    assert unformatted == []


def test_ratios_show_two_places_and_payback_reads_as_a_year(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(written(tmp_path, "rotherham-2020-calendar"))
    summary = book["Summary"]
    labels = {
        row[0].value: row[1] for row in summary.iter_rows(max_col=2) if row[0].value is not None
    }
    assert labels["Council's avoidance per £1 of total cost"].number_format == "0.00"
    assert labels["Benefit-cost ratio (PV of benefits / PV of costs)"].number_format == "0.00"
    assert labels["Cashable avoidance per £1 of total cost"].number_format == "0.00"
    # On a calendar, one payback: the financial year's (issue 19); years after birth without.
    assert labels["Payback, council financial year"].value == "=payback_financial_year"
    assert "Payback, year after birth (first year paid back)" not in labels
    assert "payback_year" not in book.defined_names
    summary = openpyxl.load_workbook(written(tmp_path, "rotherham-2020-with-pilot-cost"))["Summary"]
    labels = {
        row[0].value: row[1] for row in summary.iter_rows(max_col=2) if row[0].value is not None
    }
    assert labels["Payback, year after birth (first year paid back)"].number_format == ('"year "0')
    assert "Immediate (year 1 after each birth)" in labels
    assert "Horizon (years 1-5 after each birth)" in labels
    assert not any("years 1-1" in str(label) for label in labels)


def test_every_sheet_is_set_up_for_a4_and_lines_prints_landscape(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(written(tmp_path, "rotherham-2020-bottom-up-2024-25"))
    for sheet in book.worksheets:
        assert sheet.page_setup.paperSize == 9, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        # One page across: 1 is the file format's default, which the file may leave out.
        assert (sheet.page_setup.fitToWidth or 1) == 1, sheet.title
        assert sheet.page_setup.fitToHeight == 0, sheet.title
        assert sheet.print_area, sheet.title
    lines = book["Lines"]
    assert lines.page_setup.orientation == "landscape"
    assert lines.print_title_rows == "$1:$1"
    # Printed without the two widest columns (source and assumption have their own sheets).
    assert lines.print_area == "'Lines'!$A$1:$S$35"


@pytest.mark.slow
def test_the_bottom_up_workbook_prints_on_a_few_pages(tmp_path: Path) -> None:
    """34 lines, eight sheets: seven A4 pages in all (the Lines sheet alone took 59 before it
    was fitted to the page width)."""
    pages = printed_pages(written(tmp_path, "rotherham-2020-bottom-up-2024-25"), tmp_path)
    assert pages <= 8


def test_the_docs_on_editing_the_workbook_show_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/outputs.md's examples of the live workbook (its sheets and named cells, and what
    each edit gives) are run as doctests."""
    monkeypatch.chdir(REPO)
    page = (REPO / "docs" / "outputs.md").read_text(encoding="utf-8")
    section = page.split("**Editing the workbook.**", 1)[1].split("**The page.**", 1)[0]
    examples = "\n".join(re.findall(r"```pycon\n(.*?)```", section, re.DOTALL))
    assert examples.count(">>>") >= 8
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner()
    runner.run(parser.get_doctest(examples, {}, "live workbook", "docs/outputs.md", 0))
    assert runner.failures == 0
