"""The cash flow by council financial year: births and avoided cost as formulas over the Timing
sheet's weights, the cost per birth by year after birth and each cohort's births costed; the
programme's cost from the Programme sheet; net, cumulative net and a payback test per row;
with discounting, the year's rate (the named ``discount_rate``), its discount factor as a
formula over the last year's, present values of benefits and costs, and their sums."""

from __future__ import annotations

from typing import Any

from pause_cost.report.book import Book
from pause_cost.report.cashflow import (
    CASH_COLUMNS,
    PAID_BACK,
    net_columns,
    period_cost,
    spent_by,
)
from pause_cost.report.discounted import (
    HEADERS,
    Discounted,
    discount_columns,
    on_financial_years,
    payback_row,
    present_value_sums,
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
    discounted = on_financial_years(estimate, layout)
    headers: tuple[str, ...] = ("Financial year", "Births", *CASH_COLUMNS, PAID_BACK)
    if discounted:
        headers += HEADERS
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
            assert layout.rates is not None
            assert year.discount_factor is not None
            assert year.present_value_net_gbp is not None
            discount_columns(
                book,
                sheet,
                (row, 4, 10),
                layout.rates,
                Discounted(
                    label,
                    year.total_gbp,
                    year.programme_cost_gbp,
                    year.discount_factor,
                    year.present_value_net_gbp,
                    key,
                ),
            )
    _totals(book, sheet, estimate, discounted)


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
        present_value_sums(book, sheet, (last, 10), appraisal)
    if estimate.programme.cost_gbp is not None:
        found = calendar.payback_financial_year or "not within the cash flow"
        payback_row(book, sheet, last, "J", found, ("text", "financial_year"))
    book.note(
        sheet,
        last + 3,
        "Births and amounts by financial year are formulas over the Timing sheet's weights, "
        "the cost per birth by year after birth and each cohort's births costed. "
        + calendar.convention,
        15 if discounted else 9,
    )
