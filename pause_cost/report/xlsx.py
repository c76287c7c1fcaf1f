"""The committee pack as a workbook whose totals are live formulas over its Lines sheet.

An auditor can follow a figure to its inputs and change one to see the effect: each line's
cost per avoided birth is its amount x quantity x share x uprating factor, its immediate and
horizon figures that times the births costed times the years it falls in, and every total a
sum over the lines. The inputs are named ranges (``women_open``, ``birth_rate``, numbered
``women_open_1``... where there are several cohorts,
``window_years``, ``births``, ``immediate_years``, ``horizon_years``, ``programme_cost``).

Where a figure is the engine's own work that a formula would only repeat approximately (births
spread by month over financial years, the Green Book's discount factors), the workbook carries
the engine's value and says so, and the sums over it are formulas. The value each formula
should give is recorded as it is written (:class:`Check`), so a test can have a real
spreadsheet engine recalculate the workbook and compare every formula with the engine's figure.

Each sheet has its module: :mod:`.summary`, :mod:`.lines`, :mod:`.cashflow` (by year, by
financial year, programme and funders), :mod:`.sources` (flags, assumptions, sources) and
:mod:`.analyses` (written from the analyses' render documents); :mod:`.book` holds the cell
writers and the checks. The workbook has a fixed creation date, so the same inputs give the
same bytes.
"""

from __future__ import annotations

import io

from pause_cost.report.analyses import analysis_sheets
from pause_cost.report.book import Check, open_book
from pause_cost.report.business import business_case_sheet
from pause_cost.report.cashflow import by_year_sheet, financial_year_sheet, programme_sheet
from pause_cost.report.lines import lines_sheet
from pause_cost.report.pack import Pack
from pause_cost.report.sources import assumptions_sheet, sources_sheet
from pause_cost.report.summary import summary_figures, summary_inputs


def write(pack: Pack) -> bytes:
    """The workbook's bytes."""
    return build(pack)[0]


def build(pack: Pack, *, cache: bool = True) -> tuple[bytes, list[Check]]:
    """The workbook's bytes, and the value each of its formulas must give."""
    buffer = io.BytesIO()
    book = open_book(buffer, pack.title, cache=cache)
    workbook = book.workbook
    estimate = pack.estimate
    lines = workbook.add_worksheet("Lines")
    summary = workbook.add_worksheet("Summary")
    summary.activate()
    summary.set_first_sheet()
    next_row = summary_inputs(book, summary, pack)
    line_rows = lines_sheet(book, lines, estimate)
    summary_figures(book, summary, estimate, line_rows, next_row)
    by_year_sheet(book, workbook.add_worksheet("By year"), estimate, line_rows)
    if estimate.economics.calendar is not None:
        financial_year_sheet(book, workbook.add_worksheet("By financial year"), estimate)
    programme_sheet(book, workbook.add_worksheet("Programme and funders"), estimate)
    business_case_sheet(book, workbook, estimate)
    assumptions_sheet(book, workbook.add_worksheet("Assumptions and flags"), estimate)
    sources_sheet(book, workbook.add_worksheet("Sources"), estimate)
    analysis_sheets(book, pack)
    # Summary first in the tab order; Lines is written first only so formulas can name it.
    workbook.worksheets_objs.sort(key=lambda sheet: sheet.get_name() != "Summary")
    workbook.close()
    return buffer.getvalue(), book.checks
