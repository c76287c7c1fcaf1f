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

The workbook has a fixed creation date, so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pause_cost.report.pack import Pack, headline
from pause_cost.results.estimate import Estimate

CREATED = datetime(2020, 3, 3)
"""The workbook's fixed creation date (the day of Rotherham's impact report), so that the
same inputs give the same bytes; a date asked for with ``--date`` is printed in the sheet."""

Kind = Literal["money", "ratio", "count"]
MONEY = "£#,##0;-£#,##0"
MONEY_PENCE = "£#,##0.00;-£#,##0.00"


@dataclass(frozen=True)
class Check:
    """A formula cell and the figure the engine gives for it."""

    sheet: str
    row: int
    column: int
    expected: Decimal
    kind: Kind
    what: str


@dataclass
class Book:
    """The workbook being written, and the checks its formulas must meet."""

    workbook: Any
    formats: dict[str, Any]
    checks: list[Check] = field(default_factory=list)
    cache: bool = True
    """Store the engine's value as each formula's cached result (a viewer that does not
    calculate shows it); a test turns it off to prove a spreadsheet engine computes them."""

    def formula(
        self,
        sheet: Any,
        row: int,
        column: int,
        formula: str,
        expected: Decimal,
        kind: Kind = "money",
        what: str = "",
    ) -> None:
        """Write a formula with the engine's value cached, and record it for checking."""
        style = self.formats["money" if kind == "money" else "number"]
        sheet.write_formula(row, column, formula, style, float(expected) if self.cache else 0)
        self.checks.append(Check(sheet.get_name(), row, column, expected, kind, what))

    def text(self, sheet: Any, row: int, column: int, value: str | None, style: str = "") -> None:
        """Text as text, never a formula, however it begins."""
        sheet.write_string(row, column, value or "", self.formats.get(style))

    def header_row(self, sheet: Any, headers: tuple[str, ...], width: int) -> None:
        """A frozen header row over columns of one width, the first column frozen too."""
        for column, label in enumerate(headers):
            self.text(sheet, 0, column, label, "header")
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 1)

    def number(
        self, sheet: Any, row: int, column: int, value: Decimal | int | None, kind: Kind = "money"
    ) -> None:
        if value is None:
            sheet.write_blank(row, column, None)
            return
        style = self.formats["money" if kind == "money" else "number"]
        sheet.write_number(row, column, float(value), style)


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
        "money": workbook.add_format({"num_format": MONEY}),
        "number": workbook.add_format({"num_format": "0.############"}),
        "header": workbook.add_format(
            {"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"}
        ),
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "bold": workbook.add_format({"bold": True}),
        "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
    }
    book = Book(workbook, formats, cache=cache)
    estimate = pack.estimate
    lines_sheet = workbook.add_worksheet("Lines")
    summary = workbook.add_worksheet("Summary")
    summary.activate()
    summary.set_first_sheet()
    next_row = _summary_inputs(book, summary, pack)
    line_rows = _lines(book, lines_sheet, estimate)
    _summary_figures(book, summary, estimate, line_rows, next_row)
    _by_year(book, workbook.add_worksheet("By year"), estimate, line_rows)
    if estimate.economics.calendar is not None:
        _by_financial_year(book, workbook.add_worksheet("By financial year"), estimate)
    _programme(book, workbook.add_worksheet("Programme and funders"), estimate)
    _assumptions(book, workbook.add_worksheet("Assumptions and flags"), estimate)
    _sources(book, workbook.add_worksheet("Sources"), estimate)
    _analyses(book, pack)
    # Summary first in the tab order; Lines is written first only so formulas can name it.
    workbook.worksheets_objs.sort(key=lambda sheet: sheet.get_name() != "Summary")
    workbook.close()
    return buffer.getvalue(), book.checks


# --- Summary --------------------------------------------------------------------------------

INPUT_ROW = 6
"""Where the inputs start on the Summary sheet (row 7 as a spreadsheet numbers it)."""


def _cell(row: int, column: int, absolute: bool = True) -> str:
    from xlsxwriter.utility import xl_rowcol_to_cell

    return str(xl_rowcol_to_cell(row, column, row_abs=absolute, col_abs=absolute))


def _summary_inputs(book: Book, sheet: Any, pack: Pack) -> int:
    """The Summary's title, headline and inputs; returns the row the figures start at."""
    estimate = pack.estimate
    scenario = estimate.scenario
    sheet.set_column(0, 0, 44)
    sheet.set_column(1, 4, 16)
    sheet.set_column(5, 5, 60)
    book.text(sheet, 0, 0, pack.title, "title")
    book.text(sheet, 1, 0, scenario.council)
    if pack.date is not None:
        book.text(sheet, 1, 5, pack.date)
    sheet.merge_range(2, 0, 3, 5, "", book.formats["wrap"])
    book.text(sheet, 2, 0, headline(estimate), "wrap")
    sheet.set_row(2, 60)
    book.text(sheet, INPUT_ROW - 1, 0, "Inputs", "header")
    book.text(sheet, INPUT_ROW - 1, 1, "Value", "header")
    book.text(sheet, INPUT_ROW - 1, 5, "Source", "header")
    row = INPUT_ROW
    names: dict[str, int] = {}

    def value(label: str, name: str, number: Decimal | int, source: str = "") -> None:
        nonlocal row
        book.text(sheet, row, 0, label)
        book.number(sheet, row, 1, number, "count")
        book.text(sheet, row, 5, source)
        book.workbook.define_name(name, f"=Summary!{_cell(row, 1)}")
        names[name] = row
        row += 1

    value("Programme months", "programme_months", scenario.programme_months)
    value("Gestation months", "gestation_months", scenario.gestation_months)
    value(
        "Months the pause is assumed to persist", "persistence_months", scenario.persistence_months
    )
    book.text(sheet, row, 0, "Window, years: (programme + gestation + persistence) / 12")
    book.formula(
        sheet,
        row,
        1,
        "=(programme_months+gestation_months+persistence_months)/12",
        scenario.window_years,
        "count",
        "window_years",
    )
    book.workbook.define_name("window_years", f"=Summary!{_cell(row, 1)}")
    row += 2
    book.text(sheet, row, 0, "Cohort", "header")
    for column, label in enumerate(
        ("Women open", "Birth rate", "Expected births", "Counted", "Observed")
    ):
        book.text(sheet, row, column + 1, label, "header")
    book.text(sheet, row, 6, "Avoided", "header")
    book.text(sheet, row, 7, "Source", "header")
    row += 1
    first_cohort = row
    rounding = scenario.avoided_births_counting == "round_half_up"
    for cohort in estimate.economics.cohorts:
        book.text(sheet, row, 0, cohort.name + (f" (from {cohort.start})" if cohort.start else ""))
        book.number(sheet, row, 1, cohort.women_open, "count")
        book.number(sheet, row, 2, cohort.birth_rate_per_woman_per_year, "count")
        exact = f"{_cell(row, 1, False)}*{_cell(row, 2, False)}*window_years"
        book.formula(
            sheet, row, 3, f"={exact}", cohort.expected_births_exact, "count", "expected births"
        )
        counted = f"=ROUND({_cell(row, 3, False)},0)" if rounding else f"={_cell(row, 3, False)}"
        book.formula(
            sheet, row, 4, counted, cohort.expected_births_counted, "count", "counted births"
        )
        book.number(sheet, row, 5, cohort.observed_births or Decimal(0), "count")
        book.formula(
            sheet,
            row,
            6,
            f"=MAX(0,{_cell(row, 4, False)}-{_cell(row, 5, False)})",
            cohort.avoided_births,
            "count",
            "avoided births",
        )
        row += 1
    several = len(estimate.economics.cohorts) > 1
    for index in range(len(estimate.economics.cohorts)):
        suffix = f"_{index + 1}" if several else ""
        book.workbook.define_name(
            f"women_open{suffix}", f"=Summary!{_cell(first_cohort + index, 1)}"
        )
        book.workbook.define_name(
            f"birth_rate{suffix}", f"=Summary!{_cell(first_cohort + index, 2)}"
        )
    book.text(sheet, row, 0, "Avoided births, all cohorts")
    book.formula(
        sheet,
        row,
        6,
        f"=SUM({_cell(first_cohort, 6)}:{_cell(row - 1, 6)})",
        estimate.avoided_births.counted,
        "count",
        "births counted",
    )
    counted_cell = _cell(row, 6)
    book.workbook.define_name("births_counted", f"=Summary!{counted_cell}")
    row += 1
    value(
        "Adjustments (the bridge's factors multiplied)",
        "adjustment_factor",
        estimate.avoided_births.factor,
    )
    book.text(sheet, row, 0, "Births costed (avoided births x adjustments)")
    book.formula(
        sheet,
        row,
        1,
        f"={counted_cell}*adjustment_factor",
        estimate.avoided_births.costed
        if estimate.avoided_births.costed is not None
        else estimate.avoided_births.counted,
        "count",
        "births costed",
    )
    book.workbook.define_name("births", f"=Summary!{_cell(row, 1)}")
    row += 1
    value("Immediate years", "immediate_years", scenario.immediate_years)
    value("Horizon years", "horizon_years", scenario.horizon_years)
    cost = estimate.programme.cost_gbp
    book.text(sheet, row, 0, "Programme cost")
    book.number(sheet, row, 1, cost if cost is not None else Decimal(0))
    book.text(
        sheet,
        row,
        5,
        estimate.programme.source.cite()
        if estimate.programme.source
        else "not given: figures are gross",
    )
    book.workbook.define_name("programme_cost", f"=Summary!{_cell(row, 1)}")
    sheet.freeze_panes(INPUT_ROW, 0)
    return row + 2


# --- Lines ----------------------------------------------------------------------------------

LINE_COLUMNS = (
    ("Table", 22),
    ("Line", 26),
    ("Item", 40),
    ("Stage", 16),
    ("Class", 12),
    ("Agency", 26),
    ("Amount", 12),
    ("Quantity", 9),
    ("Share", 8),
    ("Uprating factor", 10),
    ("Per birth per year", 13),
    ("First year", 7),
    ("Last year", 7),
    ("Years in immediate", 9),
    ("Years in horizon", 9),
    ("Immediate", 13),
    ("Horizon", 13),
    ("Price year", 9),
    ("Price index", 20),
    ("Source", 60),
    ("Assumption", 60),
)
CLASS, PER_BIRTH, FIRST, LAST, IMMEDIATE, HORIZON = 4, 10, 11, 12, 15, 16


@dataclass(frozen=True)
class LineRows:
    first: int
    last: int

    def column(self, column: int) -> str:
        return f"Lines!{_cell(self.first, column)}:{_cell(self.last, column)}"


def _lines(book: Book, sheet: Any, estimate: Estimate) -> LineRows:
    for column, (label, width) in enumerate(LINE_COLUMNS):
        book.text(sheet, 0, column, label, "header")
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 2)
    for index, line in enumerate(estimate.lines):
        row = index + 1
        book.text(sheet, row, 0, line.table)
        book.text(sheet, row, 1, line.id)
        book.text(sheet, row, 2, line.item)
        book.text(sheet, row, 3, line.stage)
        book.text(sheet, row, 4, line.classification)
        book.text(sheet, row, 5, line.agency)
        book.number(sheet, row, 6, line.amount_gbp)
        book.number(sheet, row, 7, line.quantity_per_child, "count")
        book.number(sheet, row, 8, line.share_of_children, "count")
        book.number(sheet, row, 9, line.uprating_factor, "count")
        r = row + 1
        book.formula(
            sheet,
            row,
            PER_BIRTH,
            f"=G{r}*H{r}*I{r}*J{r}",
            line.per_avoided_birth_per_year_gbp,
            "money",
            f"{line.table}/{line.id} per birth",
        )
        book.number(sheet, row, FIRST, line.first_year, "count")
        book.number(sheet, row, LAST, line.last_year, "count")
        sheet.write_formula(
            row, 13, f"=MAX(0,MIN(M{r},immediate_years)-L{r}+1)", book.formats["number"], 0
        )
        sheet.write_formula(
            row, 14, f"=MAX(0,MIN(M{r},horizon_years)-L{r}+1)", book.formats["number"], 0
        )
        book.formula(
            sheet,
            row,
            IMMEDIATE,
            f"=K{r}*births*N{r}",
            line.immediate_gbp,
            "money",
            f"{line.table}/{line.id} immediate",
        )
        book.formula(
            sheet,
            row,
            HORIZON,
            f"=K{r}*births*O{r}",
            line.horizon_gbp,
            "money",
            f"{line.table}/{line.id} horizon",
        )
        book.text(sheet, row, 17, line.price_year)
        book.text(sheet, row, 18, line.price_index or "")
        book.text(sheet, row, 19, line.source.cite())
        book.text(sheet, row, 20, line.assumption or "")
    return LineRows(first=1, last=max(len(estimate.lines), 1))


def _summary_figures(book: Book, sheet: Any, estimate: Estimate, lines: LineRows, row: int) -> None:
    book.text(sheet, row, 0, "Cost avoidance", "header")
    for column, label in enumerate(("Cashable", "Internal", "Total", "Other agencies")):
        book.text(sheet, row, column + 1, label, "header")
    row += 1
    totals: dict[str, str] = {}
    cells: dict[str, str] = {"avoided_births": "births_counted"}
    for label, period, column in (
        (
            f"Immediate (years 1-{estimate.immediate.years} after each birth)",
            estimate.immediate,
            IMMEDIATE,
        ),
        (f"Horizon (years 1-{estimate.horizon.years} after each birth)", estimate.horizon, HORIZON),
    ):
        book.text(sheet, row, 0, label)
        for offset, (classification, expected) in enumerate(
            (("cashable", period.cashable_gbp), ("internal", period.internal_gbp))
        ):
            book.formula(
                sheet,
                row,
                offset + 1,
                f'=SUMIFS({lines.column(column)},{lines.column(CLASS)},"{classification}")',
                expected,
                "money",
                f"{label} {classification}",
            )
        book.formula(
            sheet,
            row,
            3,
            f"={_cell(row, 1, False)}+{_cell(row, 2, False)}",
            period.total_gbp,
            "money",
            f"{label} total",
        )
        book.formula(
            sheet,
            row,
            4,
            f'=SUMIFS({lines.column(column)},{lines.column(CLASS)},"other_agency")',
            period.other_agencies_gbp,
            "money",
            f"{label} other agencies",
        )
        totals[label.split()[0]] = _cell(row, 3)
        key = label.split()[0].lower()
        for offset, name in enumerate(("cashable", "internal", "total")):
            cells[f"{key}_{name}_gbp"] = _cell(row, offset + 1)
        row += 1
    programme = estimate.programme
    if programme.cost_gbp is not None and programme.net_gbp is not None:
        row += 1
        book.text(sheet, row, 0, f"Net of programme cost, {estimate.horizon.years} years")
        book.formula(
            sheet, row, 1, f"={totals['Horizon']}-programme_cost", programme.net_gbp, "money", "net"
        )
        row += 1
        if programme.return_per_pound is not None:
            book.text(sheet, row, 0, "Avoided per £1 spent")
            book.formula(
                sheet,
                row,
                1,
                f"={totals['Horizon']}/programme_cost",
                programme.return_per_pound,
                "ratio",
                "return per pound",
            )
            row += 1
        book.text(sheet, row, 0, "Payback, years after birth (the engine's)")
        book.text(
            sheet,
            row,
            1,
            f"year {programme.payback_year}"
            if programme.payback_year
            else "not within the horizon",
        )
        row += 1
        calendar = estimate.economics.calendar
        if calendar is not None:
            book.text(sheet, row, 0, "Payback, council financial year (the engine's)")
            book.text(sheet, row, 1, calendar.payback_financial_year or "not within the cash flow")
            row += 1
    published = estimate.published
    if published is not None:
        row += 1
        book.text(sheet, row, 0, "Against the published figures", "header")
        for column, label in enumerate(("Published", "Estimated", "Difference")):
            book.text(sheet, row, column + 1, label, "header")
        row += 1
        for check in published.checks:
            book.text(sheet, row, 0, check.figure)
            kind: Kind = "count" if check.figure == "avoided_births" else "money"
            book.number(sheet, row, 1, check.published, kind)
            book.formula(
                sheet,
                row,
                2,
                f"={cells[check.figure]}",
                check.estimated,
                kind,
                f"estimated {check.figure}",
            )
            book.formula(
                sheet,
                row,
                3,
                f"=ROUND({_cell(row, 2, False)},0)-{_cell(row, 1, False)}",
                check.difference,
                kind,
                f"published {check.figure}",
            )
            row += 1
    book.text(
        sheet,
        row + 1,
        0,
        "Formulas above sum the Lines sheet; change an input (a named cell) or a line to see "
        "its effect.",
    )


# --- By year, by financial year ---------------------------------------------------------------


def _by_year(book: Book, sheet: Any, estimate: Estimate, lines: LineRows) -> None:
    headers = (
        "Year after birth",
        "Cashable",
        "Internal",
        "Total",
        "Other agencies",
        "Programme cost",
        "Net",
        "Cumulative net",
    )
    book.header_row(sheet, headers, 16)
    for index, year in enumerate(estimate.by_year):
        row, r = index + 1, index + 2
        book.number(sheet, row, 0, year.year, "count")

        def falling(classification: str, r: int = r) -> str:
            return (
                f'=SUMPRODUCT(({lines.column(CLASS)}="{classification}")*({lines.column(FIRST)}<=A{r})'
                f"*({lines.column(LAST)}>=A{r})*{lines.column(PER_BIRTH)})*births"
            )

        book.formula(
            sheet,
            row,
            1,
            falling("cashable"),
            year.cashable_gbp,
            "money",
            f"year {year.year} cashable",
        )
        book.formula(
            sheet,
            row,
            2,
            falling("internal"),
            year.internal_gbp,
            "money",
            f"year {year.year} internal",
        )
        book.formula(
            sheet, row, 3, f"=B{r}+C{r}", year.total_gbp, "money", f"year {year.year} total"
        )
        book.formula(
            sheet,
            row,
            4,
            falling("other_agency"),
            year.other_agencies_gbp,
            "money",
            f"year {year.year} other",
        )
        book.number(sheet, row, 5, year.programme_cost_gbp)
        book.formula(sheet, row, 6, f"=D{r}-F{r}", year.net_gbp, "money", f"year {year.year} net")
        previous = f"+H{r - 1}" if index else ""
        book.formula(
            sheet,
            row,
            7,
            f"=G{r}{previous}",
            year.cumulative_net_gbp,
            "money",
            f"year {year.year} cumulative",
        )
    last = len(estimate.by_year) + 1
    book.text(sheet, last, 0, "Total", "bold")
    book.formula(
        sheet, last, 3, f"=SUM(D2:D{last})", estimate.horizon.total_gbp, "money", "by-year total"
    )


def _by_financial_year(book: Book, sheet: Any, estimate: Estimate) -> None:
    calendar = estimate.economics.calendar
    assert calendar is not None
    headers = (
        "Financial year",
        "Births",
        "Cashable",
        "Internal",
        "Total",
        "Other agencies",
        "Programme cost",
        "Net",
        "Cumulative net",
        "Discount factor",
        "Discounted net",
    )
    book.header_row(sheet, headers, 15)
    for index, year in enumerate(calendar.years):
        row, r = index + 1, index + 2
        book.text(sheet, row, 0, year.financial_year)
        book.number(sheet, row, 1, year.avoided_births, "count")
        book.number(sheet, row, 2, year.cashable_gbp)
        book.number(sheet, row, 3, year.internal_gbp)
        book.formula(
            sheet, row, 4, f"=C{r}+D{r}", year.total_gbp, "money", f"{year.financial_year} total"
        )
        book.number(sheet, row, 5, year.other_agencies_gbp)
        book.number(sheet, row, 6, year.programme_cost_gbp)
        book.formula(
            sheet, row, 7, f"=E{r}-G{r}", year.net_gbp, "money", f"{year.financial_year} net"
        )
        previous = f"+I{r - 1}" if index else ""
        book.formula(
            sheet,
            row,
            8,
            f"=H{r}{previous}",
            year.cumulative_net_gbp,
            "money",
            f"{year.financial_year} cumulative",
        )
        if year.discount_factor is not None and year.present_value_net_gbp is not None:
            book.number(sheet, row, 9, year.discount_factor, "count")
            book.formula(
                sheet,
                row,
                10,
                f"=H{r}*J{r}",
                year.present_value_net_gbp,
                "money",
                f"{year.financial_year} discounted",
            )
    last = len(calendar.years) + 1
    book.text(sheet, last, 0, "Total", "bold")
    book.formula(
        sheet,
        last,
        4,
        f"=SUM(E2:E{last})",
        estimate.horizon.total_gbp,
        "money",
        "financial years total",
    )
    book.formula(
        sheet,
        last,
        6,
        f"=SUM(G2:G{last})",
        calendar.programme_cost_gbp,
        "money",
        "financial years cost",
    )
    appraisal = estimate.economics.appraisal
    if appraisal is not None and calendar.years[0].discount_factor is not None:
        book.formula(sheet, last, 10, f"=SUM(K2:K{last})", appraisal.npv_gbp, "money", "NPV")
    book.text(
        sheet,
        last + 2,
        0,
        "Births and amounts by financial year are the engine's: births spread evenly over each "
        "cohort's window by month, each year's cost over its 12 months. " + calendar.convention,
    )


# --- Programme and funders, assumptions, sources, analyses -----------------------------------


def _programme(book: Book, sheet: Any, estimate: Estimate) -> None:
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, 5, 16)
    programme = estimate.programme
    book.text(sheet, 0, 0, "Programme cost", "header")
    book.formula(
        sheet, 0, 1, "=programme_cost", programme.cost_gbp or Decimal(0), "money", "programme cost"
    )
    book.text(
        sheet, 1, 0, programme.source.cite() if programme.source else "not given: figures are gross"
    )
    funders = estimate.economics.funders
    if funders is None:
        return
    for column, label in enumerate(("Funder", "Kind", "Share", "Cost", "Savings", "Net")):
        book.text(sheet, 3, column, label, "header")
    for index, position in enumerate(funders.positions):
        row, r = 4 + index, 5 + index
        book.text(sheet, row, 0, position.name)
        book.text(sheet, row, 1, position.kind)
        book.number(sheet, row, 2, position.share_of_programme_cost, "count")
        book.formula(
            sheet,
            row,
            3,
            f"=C{r}*programme_cost",
            position.cost_gbp,
            "money",
            f"{position.name} cost",
        )
        book.number(sheet, row, 4, position.savings_gbp)
        book.formula(
            sheet, row, 5, f"=E{r}-D{r}", position.net_gbp, "money", f"{position.name} net"
        )


def _assumptions(book: Book, sheet: Any, estimate: Estimate) -> None:
    sheet.set_column(0, 0, 28)
    sheet.set_column(1, 1, 110)
    book.text(sheet, 0, 0, "Read before quoting", "header")
    row = 1
    for flag in estimate.flags:
        book.text(sheet, row, 0, flag.code)
        book.text(sheet, row, 1, flag.message, "wrap")
        row += 1
    row += 1
    book.text(sheet, row, 0, "Line assumptions", "header")
    row += 1
    for line in estimate.lines:
        if line.assumption:
            book.text(sheet, row, 0, f"{line.table}/{line.id}")
            book.text(sheet, row, 1, line.assumption, "wrap")
            row += 1
    if estimate.scenario.notes:
        book.text(sheet, row + 1, 0, "Scenario notes", "header")
        book.text(sheet, row + 2, 1, estimate.scenario.notes, "wrap")


def _sources(book: Book, sheet: Any, estimate: Estimate) -> None:
    headers = ("Figure", "Document", "Edition", "Location", "URL", "Note")
    widths = (32, 50, 20, 40, 40, 60)
    for column, (label, width) in enumerate(zip(headers, widths, strict=True)):
        book.text(sheet, 0, column, label, "header")
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    rows: list[tuple[str, Any]] = [("cohort", estimate.scenario.cohort_source)]
    if estimate.programme.source is not None:
        rows.append(("programme cost", estimate.programme.source))
    rows += [(f"index {index.name}", index.source) for index in estimate.price_indices]
    rows += [(f"{line.table}/{line.id}", line.source) for line in estimate.lines]
    for index, (figure, source) in enumerate(rows):
        row = index + 1
        book.text(sheet, row, 0, figure)
        for column, name in enumerate(("document", "edition", "location", "url", "note")):
            book.text(sheet, row, column + 1, getattr(source, name))


def _analyses(book: Book, pack: Pack) -> None:
    """The analyses run with the pack, as values (each is the engine's), with what they rest
    on: the outcome judged, the target, the methods and the judgements flagged."""
    if pack.tornado is not None:
        tornado = pack.tornado
        sheet = book.workbook.add_worksheet("Sensitivity")
        outcome = (
            f"{tornado.outcome} (gross: no programme cost)" if tornado.gross else tornado.outcome
        )
        book.text(
            sheet,
            0,
            0,
            f"What moves {outcome}, each input at its low and high, the rest held",
            "bold",
        )
        book.text(sheet, 1, 0, "With every input at its point")
        book.number(sheet, 1, 1, tornado.base, _kind(tornado.unit))
        headers = ("Input", "Low", "High", "Outcome at low", "Outcome at high", "Swing", "Range")
        for column, label in enumerate(headers):
            book.text(sheet, 3, column, label, "header")
            sheet.set_column(column, column, 18 if column else 50)
        for index, swing in enumerate(tornado.swings):
            row = index + 4
            book.text(sheet, row, 0, swing.range.input)
            book.number(sheet, row, 1, swing.range.low, "count")
            book.number(sheet, row, 2, swing.range.high, "count")
            book.number(sheet, row, 3, swing.outcome_at_low, _kind(tornado.unit))
            book.number(sheet, row, 4, swing.outcome_at_high, _kind(tornado.unit))
            book.number(sheet, row, 5, swing.swing, _kind(tornado.unit))
            book.text(sheet, row, 6, swing.range.basis)
        _notes(book, sheet, len(tornado.swings) + 5, tornado.flags)
    if pack.breakeven is not None:
        result = pack.breakeven
        sheet = book.workbook.add_worksheet("Break-even")
        book.text(sheet, 0, 0, f"Where {result.target} is just met, each input alone", "bold")
        book.text(sheet, 1, 0, f"{result.outcome} now")
        book.number(sheet, 1, 1, result.base, _kind(result.unit))
        book.text(sheet, 1, 2, "met" if result.met_at_base else "not met")
        headers = ("Input", "Now", "Break-even", "Met", "Inside range", "Method", "How")
        for column, label in enumerate(headers):
            book.text(sheet, 3, column, label, "header")
            sheet.set_column(column, column, 16 if column else 50)
        for index, item in enumerate(result.inputs):
            row = index + 4
            book.text(sheet, row, 0, item.range.input)
            book.number(sheet, row, 1, item.range.point, "count")
            book.number(sheet, row, 2, item.value, "count")
            met = (
                ""
                if item.met_above is None
                else ("at or above" if item.met_above else "at or below")
            )
            book.text(sheet, row, 3, met)
            inside = "" if item.inside_range is None else ("yes" if item.inside_range else "no")
            book.text(sheet, row, 4, inside)
            book.text(sheet, row, 5, item.method)
            book.text(sheet, row, 6, item.note)
        _notes(book, sheet, len(result.inputs) + 5, result.flags)
    if pack.simulation is not None:
        simulation = pack.simulation
        sheet = book.workbook.add_worksheet("Monte Carlo")
        book.text(sheet, 0, 0, f"{simulation.draws:,} draws, seed {simulation.seed}", "bold")
        net = "P(net > 0), net gross: no programme cost" if simulation.gross else "P(net > 0)"
        book.text(sheet, 1, 0, net)
        book.number(sheet, 1, 1, simulation.probability_net_positive, "count")
        headers = ("Outcome", "Point", "Mean", "SD", "P5", "P50", "P95")
        for column, label in enumerate(headers):
            book.text(sheet, 3, column, label, "header")
            sheet.set_column(column, column, 18 if column else 40)
        row = 4
        for summary in simulation.outcomes:
            book.text(sheet, row, 0, summary.outcome)
            for column, name in enumerate(("point", "mean", "sd", "p5", "p50", "p95")):
                book.number(sheet, row, column + 1, getattr(summary, name), _kind(summary.unit))
            row += 1
        row += 1
        book.text(sheet, row, 0, f"What drives the spread of {simulation.outcome}", "header")
        for column, label in enumerate(
            ("Distribution", "Correlation", "Correlation squared", "Range")
        ):
            book.text(sheet, row, column + 1, label, "header")
        for driver in simulation.drivers:
            row += 1
            book.text(sheet, row, 0, driver.range.input)
            book.text(sheet, row, 1, driver.distribution)
            book.number(sheet, row, 2, driver.correlation, "count")
            book.number(sheet, row, 3, driver.share, "count")
            book.text(sheet, row, 4, driver.range.basis)
        _notes(book, sheet, row + 2, simulation.flags)


def _kind(unit: str) -> Kind:
    return "money" if unit == "GBP" else "ratio" if unit == "ratio" else "count"


def _notes(book: Book, sheet: Any, row: int, flags: list[str]) -> None:
    """The analysis's flags (judgements, gross figures), to read before quoting."""
    if not flags:
        return
    book.text(sheet, row, 0, "Read before quoting", "header")
    for offset, flag in enumerate(flags, start=1):
        book.text(sheet, row + offset, 0, flag)
