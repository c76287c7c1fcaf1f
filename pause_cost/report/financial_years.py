"""The cash flow by council financial year: births and avoided cost as formulas over the Timing
sheet's weights, the cost per birth by year after birth and each cohort's births costed; the
programme's cost from the Programme sheet; net, cumulative net and a payback test per row;
with discounting, the year's rate (the named ``discount_rate``), its discount factor as a
formula over the last year's, present values of benefits and costs, and their sums."""

from __future__ import annotations

from typing import Any

from pause_cost.report.book import Book, cell
from pause_cost.report.cashflow import (
    CASH_COLUMNS,
    PAID_BACK,
    net_columns,
    period_cost,
    spent_by,
)
from pause_cost.report.timing import TimingCells
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

FINANCIAL_YEARS = "By financial year"


def financial_year_sheet(
    book: Book, sheet: Any, estimate: Estimate, layout: Layout, timing: TimingCells
) -> None:
    calendar = estimate.economics.calendar
    assert calendar is not None
    discounted = layout.rates is not None and calendar.years[0].discount_factor is not None
    headers: tuple[str, ...] = ("Financial year", "Births", *CASH_COLUMNS, PAID_BACK)
    if discounted:
        headers += (
            "Year (t)",
            "Discount rate, % (year t)",
            "Discount factor",
            "PV of benefits",
            "PV of costs",
            "Discounted net",
        )
    book.header_row(sheet, headers, 14)
    sheet.set_column(0, 0, 22)
    spent = spent_by([year.programme_cost_gbp for year in calendar.years])
    for index, year in enumerate(calendar.years):
        row, r = index + 1, index + 2
        key = f"economics.calendar.years.{index}"
        label = year.financial_year
        book.text(sheet, row, 0, label)
        births = "+".join(
            f"{cohort.births}*{timing.births_share(cohort, index)}" for cohort in timing.cohorts
        )
        book.formula(
            sheet,
            row,
            1,
            f"={births or 0}",
            year.avoided_births,
            "count",
            f"{label} births",
            f"{key}.avoided_births",
        )
        for column, klass, name, figure in (
            (2, 1, "cashable", year.cashable_gbp),
            (3, 2, "internal", year.internal_gbp),
            (5, 3, "other_agencies", year.other_agencies_gbp),
        ):
            terms = "+".join(
                f"{cohort.births}*SUMPRODUCT({timing.per_birth(klass)},"
                f"{timing.cost_shares(cohort, index)})"
                for cohort in timing.cohorts
            )
            book.formula(
                sheet,
                row,
                column,
                f"={terms or 0}",
                figure,
                "money",
                f"{label} {name}",
                f"{key}.{name}_gbp",
            )
        book.formula(
            sheet,
            row,
            4,
            f"=C{r}+D{r}",
            year.total_gbp,
            "money",
            f"{label} total",
            f"{key}.total_gbp",
        )
        period_cost(book, sheet, (row, 6), index if layout.cost else None, year, key)
        net_columns(book, sheet, (row, 4), year, spent[index], key)
        if discounted:
            _discounted(book, sheet, row, layout, estimate, index)
    _totals(book, sheet, estimate, discounted)


def _discounted(
    book: Book, sheet: Any, row: int, layout: Layout, estimate: Estimate, index: int
) -> None:
    """Year t, its rate, its factor as a formula over the last, and the present values."""
    calendar = estimate.economics.calendar
    assert calendar is not None
    assert layout.rates is not None
    year = calendar.years[index]
    assert year.discount_factor is not None
    assert year.present_value_net_gbp is not None
    r, key, label = row + 1, f"economics.calendar.years.{index}", year.financial_year
    book.number(sheet, row, 10, index, "count")
    if index == 0:
        book.text(sheet, row, 11, "year 0: none")
        book.number(sheet, row, 12, 1, "factor")
    else:
        rate = layout.rates[index - 1]
        if rate == layout.rates[0]:
            book.formula(sheet, row, 11, "=discount_rate", rate, "count", f"{label} rate")
        else:  # a later band of the schedule: its own rate
            book.number(sheet, row, 11, rate, "count")
        book.formula(
            sheet,
            row,
            12,
            f"=M{r - 1}*100/(100+L{r})",
            year.discount_factor,
            "factor",
            f"{label} discount factor",
            f"{key}.discount_factor",
        )
    book.formula(
        sheet,
        row,
        13,
        f"=E{r}*M{r}",
        year.total_gbp * year.discount_factor,
        "money",
        f"{label} PV benefits",
    )
    book.formula(
        sheet,
        row,
        14,
        f"=G{r}*M{r}",
        year.programme_cost_gbp * year.discount_factor,
        "money",
        f"{label} PV costs",
    )
    book.formula(
        sheet,
        row,
        15,
        f"=N{r}-O{r}",
        year.present_value_net_gbp,
        "money",
        f"{label} discounted",
        f"{key}.present_value_net_gbp",
    )


def _totals(book: Book, sheet: Any, estimate: Estimate, discounted: bool) -> None:
    calendar = estimate.economics.calendar
    assert calendar is not None
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
        "economics.calendar.programme_cost_gbp",
    )
    appraisal = estimate.economics.appraisal
    if discounted and appraisal is not None:
        for column, figure, name, what in (
            (13, appraisal.pv_benefits_gbp, "pv_benefits", "PV of benefits"),
            (14, appraisal.pv_costs_gbp, "pv_costs", "PV of costs"),
            (15, appraisal.npv_gbp, "", "NPV"),
        ):
            letter = cell(0, column, False)[0]
            book.formula(
                sheet,
                last,
                column,
                f"=SUM({letter}2:{letter}{last})",
                figure,
                "money",
                what,
                f"economics.appraisal.{name or 'npv'}_gbp",
            )
            if name:
                book.workbook.define_name(name, f"='{FINANCIAL_YEARS}'!{cell(last, column)}")
    if estimate.programme.cost_gbp is not None:
        book.text(sheet, last + 1, 0, "Payback, financial year", "bold")
        found = calendar.payback_financial_year
        book.formula(
            sheet,
            last + 1,
            1,
            f'=IFERROR(INDEX(A2:A{last},MATCH(1,J2:J{last},0)),"not within the cash flow")',
            found or "not within the cash flow",
            "text",
            "payback financial year",
            "economics.calendar.payback_financial_year",
        )
        book.workbook.define_name(
            "payback_financial_year", f"='{FINANCIAL_YEARS}'!{cell(last + 1, 1)}"
        )
    book.note(
        sheet,
        last + 3,
        "Births and amounts by financial year are formulas over the Timing sheet's weights, "
        "the cost per birth by year after birth and each cohort's births costed. "
        + calendar.convention,
        15 if discounted else 9,
    )
