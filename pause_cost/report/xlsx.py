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
from pause_cost.report.book import Book, Check, open_book, print_setup
from pause_cost.report.business import business_case_sheet
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
    buffer = io.BytesIO()
    book = open_book(buffer, pack.title, cache=cache)
    workbook = book.workbook
    estimate = pack.estimate
    estimate_sheets(book, pack)
    business_case_sheet(book, workbook, estimate)
    assumptions_sheet(book, workbook.add_worksheet("Assumptions and flags"), estimate)
    sources_sheet(book, workbook.add_worksheet("Sources"), estimate)
    analysis_sheets(book, pack)
    for sheet in workbook.worksheets():
        print_setup(sheet, landscape=sheet.get_name() in WIDE)
    workbook.close()
    return buffer.getvalue(), book.checks


def estimate_sheets(book: Book, pack: Pack) -> dict[str, str]:
    """An estimate's live sheets (Summary, Lines, By year, Timing and By financial year on a
    calendar, Programme and funders), each named with the book's prefix; returns the
    Summary's cells of the totals, for a sheet that sums several estimates."""
    layout = pack.layout
    if layout is None:
        raise ValueError(
            "the workbook needs the compiled case's layout: build the pack with pack()"
        )
    estimate = pack.estimate
    # Every sheet first, so a name defined on one can be scoped to all (a region's council).
    sheets = {
        name: book.workbook.add_worksheet(book.sheet_name(name))
        for name in estimate_sheet_names(pack)
    }
    summary = sheets["Summary"]
    next_row = summary_inputs(book, summary, pack)
    line_rows = lines_sheet(book, sheets["Lines"], estimate, layout)
    totals = summary_figures(book, summary, estimate, line_rows, layout, next_row)
    by_year_sheet(book, sheets[BY_YEAR], estimate, line_rows, layout)
    if FINANCIAL_YEARS in sheets:
        timing = timing_sheet(book, sheets[TIMING], layout, line_rows)
        financial_year_sheet(book, sheets[FINANCIAL_YEARS], estimate, layout, timing)
    programme_sheet(book, sheets[PROGRAMME], estimate, layout, line_rows)
    return totals


def estimate_sheet_names(pack: Pack) -> tuple[str, ...]:
    """The sheets :func:`estimate_sheets` writes, in order."""
    layout = pack.layout
    calendar = (
        pack.estimate.economics.calendar is not None and layout is not None and layout.calendar
    )
    return (
        "Summary",
        "Lines",
        BY_YEAR,
        *((FINANCIAL_YEARS, TIMING) if calendar else ()),
        PROGRAMME,
    )
