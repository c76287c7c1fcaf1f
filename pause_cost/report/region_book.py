"""A region's workbook: a Region sheet (one row a council, the region's total) over each
council's own live sheets (Summary, Lines, By year, ...: the committee pack's workbook's, each
under the council's number).

Every council has the same inputs (``births``, ``women_open``, ``horizon_years``...), so each
council's names are defined on its own sheets only (sheet-scoped names): a formula on a
council's sheet reads that council's figures. The Region sheet's rows are formulas reading each
council's totals, and the region's total is a sum over those rows, each formula recorded with
the engine's figure (:class:`~pause_cost.report.book.Check`) for a spreadsheet engine to
recalculate in a test. It lays out results and computes nothing.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, Check, cell, open_book, print_setup
from pause_cost.report.pack import Pack
from pause_cost.report.region import RegionPack
from pause_cost.report.xlsx import WIDE, estimate_sheet_names, estimate_sheets
from pause_cost.results.region import CouncilRow, RegionResult

SHEET = "Region"
COLUMNS = (
    ("Council", 40),
    ("Scenario", 20),
    ("Women open", 10),
    ("Avoided births", 10),
    ("Immediate", 14),
    ("Horizon cashable", 14),
    ("Horizon total", 14),
    ("Programme cost", 14),
    ("Net", 14),
    ("Sheets", 34),
    ("Flags", 80),
)
WOMEN, BIRTHS, IMMEDIATE, CASHABLE, HORIZON, PROGRAMME, NET = 2, 3, 4, 5, 6, 7, 8
FIRST_ROW = 4
"""The first council's row on the Region sheet (row 5 as a spreadsheet numbers it)."""


def _reference(sheet: str, row: int, column: int) -> str:
    from xlsxwriter.utility import quote_sheetname

    return f"{quote_sheetname(sheet)}!{cell(row, column)}"


def build(pack: RegionPack, *, cache: bool = True) -> tuple[bytes, list[Check]]:
    """The workbook's bytes, and the value each of its formulas must give."""
    buffer = io.BytesIO()
    book = open_book(buffer, pack.region.title, cache=cache)
    workbook = book.workbook
    region_sheet = workbook.add_worksheet(SHEET)
    references: list[dict[str, str]] = []
    for number, (row, result, layout) in enumerate(
        zip(pack.region.councils, pack.estimates, pack.layouts, strict=True), start=1
    ):
        council_pack = Pack(estimate=result, layout=layout)
        book.prefix = f"{number} "
        book.scopes = tuple(book.sheet_name(name) for name in estimate_sheet_names(council_pack))
        book.names = {}
        totals = estimate_sheets(book, council_pack)
        summary_name = book.sheet_name("Summary")
        book.text(
            workbook.get_worksheet_by_name(summary_name),
            1,
            5,
            f"{row.name}: the region's row {number}",
        )
        named = {
            name: _reference(*where)
            for name, where in book.names.items()
            if name in ("births", "programme_cost") or name.startswith("women_open")
        }
        references.append(
            {
                "women": "+".join(
                    target for name, target in named.items() if name.startswith("women_open")
                ),
                "births": named["births"],
                "programme": named["programme_cost"],
                **{
                    key: f"{_reference_sheet(summary_name)}!{totals[key]}"
                    for key in ("immediate_total_gbp", "horizon_cashable_gbp", "horizon_total_gbp")
                },
                "sheets": f"{book.scopes[0]} to {book.scopes[-1]}",
            }
        )
    book.scopes, book.prefix = (), ""
    _region_sheet(book, region_sheet, pack, references)
    if pack.region.simulation is not None:
        _ranges_sheet(book, workbook.add_worksheet("Region ranges"), pack.region)
    if pack.region.baseline is not None:
        _baseline_sheet(book, workbook.add_worksheet("Baseline"), pack.region)
    for sheet in workbook.worksheets():
        print_setup(sheet, landscape=sheet.get_name().partition(" ")[2] in WIDE)
    region_sheet.activate()
    workbook.close()
    return buffer.getvalue(), book.checks


def write(pack: RegionPack) -> bytes:
    """The workbook's bytes."""
    return build(pack)[0]


def _reference_sheet(sheet: str) -> str:
    from xlsxwriter.utility import quote_sheetname

    return str(quote_sheetname(sheet))


def _region_sheet(
    book: Book, sheet: Any, pack: RegionPack, references: list[dict[str, str]]
) -> None:
    region = pack.region
    book.text(sheet, 0, 0, region.title, "title")
    book.text(sheet, 1, 0, f"region: {region.name}, {len(region.councils)} councils")
    book.text(
        sheet,
        2,
        0,
        "Each council's row reads its own sheets (its inputs are names on those sheets only); "
        "the region's total sums the rows.",
    )
    header = FIRST_ROW - 1
    for column, (label, width) in enumerate(COLUMNS):
        book.text(sheet, header, column, label, "header")
        sheet.set_column(column, column, width)
    sheet.freeze_panes(FIRST_ROW, 1)
    for index, (row, where) in enumerate(zip(region.councils, references, strict=True)):
        at = FIRST_ROW + index
        _council_row(book, sheet, at, row, where)
    last = FIRST_ROW + len(region.councils) - 1
    total = last + 1
    book.text(sheet, total, 0, "Region", "bold")

    def summed(column: int, expected: Decimal | int, kind: Any = "money") -> None:
        book.formula(
            sheet,
            total,
            column,
            f"=SUM({cell(FIRST_ROW, column, False)}:{cell(last, column, False)})",
            Decimal(expected),
            kind,
            f"region {COLUMNS[column][0].lower()}",
        )

    summed(WOMEN, region.women_open, "count")
    summed(BIRTHS, region.avoided_births, "count")
    summed(IMMEDIATE, region.immediate_total_gbp)
    summed(CASHABLE, region.horizon_cashable_gbp)
    summed(HORIZON, region.horizon_total_gbp)
    if region.programme_cost_gbp is not None and region.net_gbp is not None:
        summed(PROGRAMME, region.programme_cost_gbp)
        summed(NET, region.net_gbp)
    else:
        book.text(sheet, total, PROGRAMME, "not every council has a programme cost")


def _council_row(book: Book, sheet: Any, at: int, row: CouncilRow, where: dict[str, str]) -> None:
    book.text(sheet, at, 0, row.name)
    book.text(sheet, at, 1, row.scenario)
    what = row.name

    def read(column: int, formula: str, expected: Decimal | int, kind: Any = "money") -> None:
        book.formula(
            sheet,
            at,
            column,
            f"={formula}",
            Decimal(expected),
            kind,
            f"{what} {COLUMNS[column][0].lower()}",
        )

    read(WOMEN, where["women"], row.women_open, "count")
    read(BIRTHS, where["births"], row.avoided_births, "count")
    read(IMMEDIATE, where["immediate_total_gbp"], row.immediate_total_gbp)
    read(CASHABLE, where["horizon_cashable_gbp"], row.horizon_cashable_gbp)
    read(HORIZON, where["horizon_total_gbp"], row.horizon_total_gbp)
    if row.programme_cost_gbp is not None and row.net_gbp is not None:
        read(PROGRAMME, where["programme"], row.programme_cost_gbp)
        read(
            NET,
            f"{cell(at, HORIZON, False)}-{cell(at, PROGRAMME, False)}",
            row.net_gbp,
        )
    book.text(sheet, at, 9, where["sheets"])
    book.text(
        sheet,
        at,
        10,
        " ".join(f"[{flag.code}] {flag.message}" for flag in row.flags),
        "wrap",
    )


def _ranges_sheet(book: Book, sheet: Any, region: RegionResult) -> None:
    """The region's Monte Carlo as the engine gives it (figures, not formulas: the draws are
    not in the workbook), the seed echoed."""
    found = region.simulation
    assert found is not None
    book.text(sheet, 0, 0, f"Region Monte Carlo: {found.draws:,} draws, seed {found.seed}", "title")
    book.text(sheet, 1, 0, found.shared, "wrap")
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 6, 16)
    row = 3
    for column, label in enumerate(("Figure", "Point", "Mean", "P5", "P50", "P95")):
        book.text(sheet, row, column, label, "header")
    for each in found.outcomes:
        row += 1
        book.text(sheet, row, 0, each.outcome)
        for column, value in enumerate((each.point, each.mean, each.p5, each.p50, each.p95), 1):
            book.number(sheet, row, column, value)
    row += 2
    for column, label in enumerate((f"Council ({found.outcome})", "Point", "Mean", "P5", "P95")):
        book.text(sheet, row, column, label, "header")
    for council in found.councils:
        row += 1
        book.text(sheet, row, 0, council.name)
        for column, value in enumerate((council.point, council.mean, council.p5, council.p95), 1):
            book.number(sheet, row, column, value)
    row += 2
    for column, label in enumerate(
        ("Input", "Low", "High", "Distribution", "Councils", "Std coefficient", "First-order share")
    ):
        book.text(sheet, row, column, label, "header")
    for driver in found.drivers:
        row += 1
        book.text(sheet, row, 0, driver.range.input)
        book.number(sheet, row, 1, driver.range.low, "count")
        book.number(sheet, row, 2, driver.range.high, "count")
        book.text(sheet, row, 3, driver.distribution)
        book.number(sheet, row, 4, len(driver.councils), "count")
        for column, found_value in (
            (5, driver.standardised_coefficient),
            (6, driver.first_order_share),
        ):
            if found_value is not None:
                book.number(sheet, row, column, found_value, "count")
    held = "; ".join(found.held) or "none"
    book.text(sheet, row + 2, 0, f"Held at a council's own figure: {held}", "wrap")


def _baseline_sheet(book: Book, sheet: Any, region: RegionResult) -> None:
    """Each council's published baseline beside its avoided births a year, as read."""
    found = region.baseline
    assert found is not None
    book.text(sheet, 0, 0, f"Published baseline: {found.file} (layout {found.layout})", "title")
    book.text(sheet, 1, 0, found.licence, "wrap")
    sheet.set_column(0, 1, 40)
    sheet.set_column(2, 5, 16)
    sheet.set_column(6, 6, 60)
    labels = (
        "Council",
        "DfE area",
        "Year",
        "Under 1 starting",
        "All ages starting",
        "Avoided births a year",
        "Note",
    )
    for column, label in enumerate(labels):
        book.text(sheet, 3, column, label, "header")
    row = 3
    for council in region.councils:
        baseline = council.baseline
        if baseline is None:
            continue
        row += 1
        book.text(sheet, row, 0, council.name)
        book.text(sheet, row, 1, baseline.area)
        book.text(sheet, row, 2, baseline.period or "not in the file")
        book.number(sheet, row, 3, baseline.under_one_starting, "count")
        book.number(sheet, row, 4, baseline.all_ages_starting, "count")
        book.number(sheet, row, 5, baseline.avoided_births_per_year, "count")
        book.text(sheet, row, 6, baseline.note or "")
    for text in (*(f"Not used: {item}" for item in found.not_used), *found.not_found):
        row += 1
        book.text(sheet, row + 1, 0, text)
