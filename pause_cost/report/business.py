"""The workbook's Business case sheet: the invest-to-save table with its totals, net and
cumulative net as formulas; savings by the Cabinet Office's terms; every line on its budget
line with its owner and evidence grade; and the totals by grade as SUMIFS over those lines.

The invest-to-save table is :mod:`.invest`'s: costs and cashable savings read the cash-flow
sheets' formulas, and every sum, net, running total and the payback is a formula, checked
against the engine's figure when a spreadsheet engine recalculates the workbook.
"""

from __future__ import annotations

from typing import Any

from pause_cost.report.book import Book
from pause_cost.report.invest import invest_to_save_table
from pause_cost.results.estimate import Estimate

SAVINGS_LABEL = {
    "cash_releasing": "cash-releasing",
    "non_cash_releasing": "non-cash-releasing",
    "other_agency": "other agency's",
}
LINE_HEADERS = (
    "Line",
    "Item",
    "Budget line",
    "Owner",
    "Budget basis",
    "Kind",
    "Horizon",
    "Source kind",
    "Grade",
    "Rests on an assumption",
)


def business_case_sheet(book: Book, workbook: Any, estimate: Estimate) -> None:
    """The sheet, where the estimate carries a business case (a programme cost is given)."""
    found = estimate.economics.business_case
    if found is None:
        return
    sheet = workbook.add_worksheet("Business case")
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 9, 15)
    table = found.invest_to_save
    first, end = invest_to_save_table(book, sheet, estimate)
    facts = (
        ("Council's payback threshold", _threshold(table.threshold_years)),
        ("Within the threshold", _within(table.within_threshold)),
        ("In words (as estimated; the payback above is live)", table.statement),
        ("Convention", table.convention),
        ("Template", table.template.cite()),
    )
    for row, (label, text) in enumerate(facts, start=10):
        book.text(sheet, row, 0, label, "bold")
        if row == 11 and table.threshold_years is not None:  # live, as the payback is
            paid = f"MATCH(1,D{first}:D{end},0)"
            book.formula(
                sheet,
                row,
                1,
                f'=IF(ISNUMBER({paid}),IF({paid}<={table.threshold_years},"yes","no"),"no")',
                text,
                "text",
                "within the threshold",
            )
        else:
            book.text(sheet, row, 1, text)
    row = end + 1
    row = _lines(book, sheet, estimate, row)


def _lines(book: Book, sheet: Any, estimate: Estimate, row: int) -> int:
    found = estimate.economics.business_case
    assert found is not None
    book.text(sheet, row, 0, "Each avoided cost: budget line, owner and evidence", "title")
    row += 1
    for column, label in enumerate(LINE_HEADERS):
        book.text(sheet, row, column, label, "header")
    first = row + 2  # the first line's row, 1-based
    for line in found.lines:
        row += 1
        cells = (
            line.line,
            line.item,
            line.budget_line,
            line.owner,
            line.budget_basis,
            SAVINGS_LABEL[line.savings],
        )
        for column, text in enumerate(cells):
            book.text(sheet, row, column, text, "wrap")
        book.number(sheet, row, 6, line.horizon_gbp)
        book.text(sheet, row, 7, line.source_kind)
        book.text(sheet, row, 8, line.grade)
        book.text(sheet, row, 9, "yes" if line.assumption else "no")
    end = row + 1
    row += 2
    book.text(
        sheet, row, 0, "Cost avoided by the Cabinet Office's terms and the NAO's grades", "title"
    )
    row += 1
    kinds = ("cash_releasing", "non_cash_releasing", "other_agency")
    book.text(sheet, row, 0, "Grade", "header")
    for column, kind in enumerate(kinds, start=1):
        book.text(sheet, row, column, SAVINGS_LABEL[kind], "header")
    split = found.cash_releasing
    overall = (split.cash_releasing_gbp, split.non_cash_releasing_gbp, split.other_agencies_gbp)
    for total in found.grades:
        row += 1
        book.text(sheet, row, 0, total.grade)
        figures = (total.cash_releasing_gbp, total.non_cash_releasing_gbp, total.other_agencies_gbp)
        for column, (kind, value) in enumerate(zip(kinds, figures, strict=True), start=1):
            book.formula(
                sheet,
                row,
                column,
                f'=SUMIFS(G{first}:G{end},I{first}:I{end},"{total.grade}",'
                f'F{first}:F{end},"{SAVINGS_LABEL[kind]}")',
                value,
                "money",
                f"{total.grade} {kind}",
            )
    row += 1
    book.text(sheet, row, 0, "All grades", "bold")
    for column, value in enumerate(overall, start=1):
        c = _letter(column)
        book.formula(
            sheet, row, column, f"=SUM({c}{row - 2}:{c}{row})", value, "money", "all grades"
        )
    row += 2
    for figure in found.figures:
        book.text(sheet, row, 0, figure.figure.capitalize(), "bold")
        book.text(sheet, row, 1, figure.source_kind)
        book.text(sheet, row, 2, figure.grade)
        row += 1
    for label, text in (
        ("Cash-releasing", split.definition),
        ("Source", split.source.cite()),
        ("Grades", found.grading_source.cite()),
        ("Budget lines", found.budget_note),
    ):
        book.text(sheet, row, 0, label, "bold")
        book.text(sheet, row, 1, text)
        row += 1
    for rule in found.rules:
        book.text(sheet, row, 0, f"{rule.kind}: {rule.grade}", "bold")
        book.text(sheet, row, 1, rule.why)
        row += 1
    return row


def _letter(column: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return str(xl_col_to_name(column))


def _threshold(years: int | None) -> str:
    return "none stated" if years is None else f"{years} years"


def _within(within: bool | None) -> str:
    return "no threshold stated" if within is None else ("yes" if within else "no")
