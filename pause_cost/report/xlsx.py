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
from pause_cost.report.book import CREATED, FORMATS, Book, Check, print_setup
from pause_cost.report.cashflow import BY_YEAR, by_year_sheet
from pause_cost.report.financial_years import FINANCIAL_YEARS, financial_year_sheet
from pause_cost.report.lines import lines_sheet
from pause_cost.report.pack import Pack
from pause_cost.report.programme import NAME as PROGRAMME
from pause_cost.report.programme import programme_sheet
from pause_cost.report.sources import assumptions_sheet, sources_sheet
from pause_cost.report.summary import summary_figures, summary_inputs
from pause_cost.report.timing import NAME as TIMING
from pause_cost.report.timing import timing_sheet

WIDE = frozenset(("Lines", "By year", "By financial year", "Timing", "Programme and funders"))
"""Sheets printed landscape (each fitted to one page across)."""


def write(pack: Pack) -> bytes:
    """The workbook's bytes."""
    return build(pack)[0]


def build(pack: Pack, *, cache: bool = True) -> tuple[bytes, list[Check]]:
    """The workbook's bytes, and the value each of its formulas must give."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    workbook.set_properties(
        {"title": pack.title, "author": "pause-cost", "created": CREATED, "comments": "pause-cost"}
    )
    formats = {
        **{kind: workbook.add_format({"num_format": code}) for kind, code in FORMATS.items()},
        "header": workbook.add_format(
            {"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"}
        ),
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "bold": workbook.add_format({"bold": True}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "warning": workbook.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "font_color": "#9C0006"}
        ),
    }
    layout = pack.layout
    if layout is None:
        raise ValueError(
            "the workbook needs the compiled case's layout: build the pack with pack()"
        )
    book = Book(workbook, formats, cache=cache)
    estimate = pack.estimate
    summary = workbook.add_worksheet("Summary")
    lines = workbook.add_worksheet("Lines")
    next_row = summary_inputs(book, summary, pack)
    line_rows = lines_sheet(book, lines, estimate, layout)
    summary_figures(book, summary, estimate, line_rows, layout, next_row)
    by_year_sheet(book, workbook.add_worksheet(BY_YEAR), estimate, line_rows, layout)
    if estimate.economics.calendar is not None and layout.calendar:
        timing_book = workbook.add_worksheet(FINANCIAL_YEARS)
        timing = timing_sheet(book, workbook.add_worksheet(TIMING), layout, line_rows)
        financial_year_sheet(book, timing_book, estimate, layout, timing)
    programme_sheet(book, workbook.add_worksheet(PROGRAMME), estimate, layout, line_rows)
    assumptions_sheet(book, workbook.add_worksheet("Assumptions and flags"), estimate)
    sources_sheet(book, workbook.add_worksheet("Sources"), estimate)
    analysis_sheets(book, pack)
    for sheet in workbook.worksheets():
        print_setup(sheet, landscape=sheet.get_name() in WIDE)
    workbook.close()
    return buffer.getvalue(), book.checks
