"""The Summary sheet: the title and headline, the inputs as named cells (the cohorts, the
window, the births costed, the periods, the programme cost), then the totals as formulas over
the Lines sheet and the check against the published figures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pause_cost.render.labels import figure_label
from pause_cost.report.appraisal import appraisal_rows, cost_inputs, years
from pause_cost.report.book import Book, Kind, at, cell
from pause_cost.report.cashable import cashable_rows, perspective_rows
from pause_cost.report.lines import CLASS, HORIZON, IMMEDIATE, LineRows
from pause_cost.report.pack import Pack, headline
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

INPUT_ROW = 6
"""Where the inputs start on the Summary sheet (row 7 as a spreadsheet numbers it)."""


def summary_inputs(book: Book, sheet: Any, pack: Pack) -> int:
    """The Summary's title, headline and inputs; returns the row the figures start at."""
    estimate = pack.estimate
    scenario = estimate.scenario
    sheet.set_column(0, 0, 52)
    sheet.set_column(1, 4, 16)
    sheet.set_column(5, 5, 60)
    book.text(sheet, 0, 0, pack.title, "title")
    book.text(sheet, 1, 0, scenario.council)
    if pack.date is not None:
        book.text(sheet, 1, 5, pack.date)
    sheet.merge_range(2, 0, 3, 5, "", book.formats["wrap"])
    book.text(sheet, 2, 0, headline(estimate, pack.simulation, pack.tornado), "wrap")
    sheet.set_row(2, 60)
    warnings = [f"WARNING: {flag.message}" for flag in estimate.flags if flag.prominent]
    if warnings:  # above the figures, as the page and the text output show them
        sheet.merge_range(4, 0, 4, 5, "", book.formats["warning"])
        book.text(sheet, 4, 0, "\n".join(warnings), "warning")
        sheet.set_row(4, 45 * len(warnings))
    book.text(sheet, INPUT_ROW - 1, 0, "Inputs", "header")
    book.text(sheet, INPUT_ROW - 1, 1, "Value", "header")
    book.text(sheet, INPUT_ROW - 1, 5, "Source", "header")
    row = INPUT_ROW
    names: dict[str, int] = {}

    def value(label: str, name: str, number: Decimal | int, source: str = "") -> None:
        nonlocal row
        book.text(sheet, row, 0, label)
        book.number(sheet, row, 1, number, "count")
        book.text(sheet, row, 5, source, "wrap")
        book.define(name, sheet, row, 1)
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
    book.define("window_years", sheet, row, 1)
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
        exact = f"{cell(row, 1, False)}*{cell(row, 2, False)}*window_years"
        key = f"economics.cohorts.{row - first_cohort}"
        book.formula(
            sheet,
            row,
            3,
            f"={exact}",
            cohort.expected_births_exact,
            "count",
            "expected births",
            f"{key}.expected_births_exact",
        )
        counted = f"=ROUND({cell(row, 3, False)},0)" if rounding else f"={cell(row, 3, False)}"
        book.formula(
            sheet,
            row,
            4,
            counted,
            cohort.expected_births_counted,
            "count",
            "counted births",
            f"{key}.expected_births_counted",
        )
        book.number(sheet, row, 5, cohort.observed_births or Decimal(0), "count")
        book.formula(
            sheet,
            row,
            6,
            f"=MAX(0,{cell(row, 4, False)}-{cell(row, 5, False)})",
            cohort.avoided_births,
            "count",
            "avoided births",
            f"{key}.avoided_births",
        )
        row += 1
    book.refs["cohort_avoided"] = [
        at(sheet.get_name(), first_cohort + index, 6) for index in range(row - first_cohort)
    ]
    several = len(estimate.economics.cohorts) > 1
    for index in range(len(estimate.economics.cohorts)):
        suffix = f"_{index + 1}" if several else ""
        book.define(f"women_open{suffix}", sheet, first_cohort + index, 1)
        book.define(f"birth_rate{suffix}", sheet, first_cohort + index, 2)
    book.text(sheet, row, 0, "Avoided births, all cohorts")
    book.formula(
        sheet,
        row,
        6,
        f"=SUM({cell(first_cohort, 6)}:{cell(row - 1, 6)})",
        estimate.avoided_births.counted,
        "count",
        "births counted",
        "avoided_births.counted",
    )
    counted_cell = cell(row, 6)
    book.define("births_counted", sheet, row, 6)
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
        "avoided_births.costed" if estimate.avoided_births.costed is not None else "",
    )
    book.define("births", sheet, row, 1)
    row += 1
    value("Immediate years", "immediate_years", scenario.immediate_years)
    value("Horizon years", "horizon_years", scenario.horizon_years)
    row = cost_inputs(book, sheet, pack, row)
    sheet.freeze_panes(INPUT_ROW, 0)
    return row + 2


def summary_figures(
    book: Book, sheet: Any, estimate: Estimate, lines: LineRows, layout: Layout, row: int
) -> dict[str, str]:
    """The totals as formulas over the Lines sheet, the economic case and the published
    check; returns the cells of the totals (``horizon_total_gbp``, ...), for a sheet that sums
    several councils."""
    book.text(sheet, row, 0, "Cost avoidance", "header")
    for column, label in enumerate(("Cashable", "Internal", "Total", "Other agencies")):
        book.text(sheet, row, column + 1, label, "header")
    row += 1
    totals: dict[str, str] = {}
    cells: dict[str, str] = {"avoided_births": "births_counted"}
    for label, period, column in (
        (f"Immediate ({years(estimate.immediate.years)})", estimate.immediate, IMMEDIATE),
        (f"Horizon ({years(estimate.horizon.years)})", estimate.horizon, HORIZON),
    ):
        key = label.split()[0].lower()
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
                f"{key}.{classification}_gbp",
            )
        book.formula(
            sheet,
            row,
            3,
            f"={cell(row, 1, False)}+{cell(row, 2, False)}",
            period.total_gbp,
            "money",
            f"{label} total",
            f"{key}.total_gbp",
        )
        book.formula(
            sheet,
            row,
            4,
            f'=SUMIFS({lines.column(column)},{lines.column(CLASS)},"other_agency")',
            period.other_agencies_gbp,
            "money",
            f"{label} other agencies",
            f"{key}.other_agencies_gbp",
        )
        totals[label.split()[0]] = cell(row, 3)
        for offset, name in enumerate(("cashable", "internal", "total")):
            cells[f"{key}_{name}_gbp"] = cell(row, offset + 1)
        row += 1
    programme = estimate.programme
    if programme.cost_gbp is not None and programme.net_gbp is not None:
        row += 1
        book.text(sheet, row, 0, f"Net of programme cost, {estimate.horizon.years} years")
        book.formula(
            sheet,
            row,
            1,
            f"={totals['Horizon']}-programme_cost",
            programme.net_gbp,
            "money",
            "net",
            "programme.net_gbp",
        )
        row += 1
        if programme.return_per_pound is not None:
            book.text(sheet, row, 0, "Council's avoidance per £1 of total cost")
            book.formula(
                sheet,
                row,
                1,
                f"={totals['Horizon']}/programme_cost",
                programme.return_per_pound,
                "ratio",
                "return per pound",
                "programme.return_per_pound",
            )
            row += 1
        calendar = estimate.economics.calendar
        if calendar is None:  # on a calendar, one payback: the financial year's
            book.text(sheet, row, 0, "Payback, year after birth (first year paid back)")
            book.formula(
                sheet,
                row,
                1,
                "=payback_year",
                Decimal(programme.payback_year)
                if programme.payback_year
                else "not within the horizon",
                "year",
                "payback year (summary)",
                "programme.payback_year",
            )
            row += 1
        else:
            book.text(sheet, row, 0, "Payback, council financial year")
            book.formula(
                sheet,
                row,
                1,
                "=payback_financial_year",
                calendar.payback_financial_year or "not within the cash flow",
                "text",
                "payback financial year (summary)",
                "economics.calendar.payback_financial_year",
            )
            row += 1
    row = appraisal_rows(book, sheet, estimate, layout, row)
    row = cashable_rows(book, sheet, (estimate, layout), cells, row)
    row = perspective_rows(book, sheet, (estimate, layout), row)
    published = estimate.published
    if published is not None:
        row += 1
        book.text(sheet, row, 0, "Against the published figures", "header")
        for column, label in enumerate(("Published", "Estimated", "Difference")):
            book.text(sheet, row, column + 1, label, "header")
        row += 1
        for number, check in enumerate(published.checks):
            live = check.figure in cells
            key = f"published.checks.{number}"
            book.text(sheet, row, 0, figure_label(check.figure, estimate))
            kind: Kind = "count" if check.figure == "avoided_births" else "money"
            book.number(sheet, row, 1, check.published, kind)
            if live:
                book.formula(
                    sheet,
                    row,
                    2,
                    f"={cells[check.figure]}",
                    check.estimated,
                    kind,
                    f"estimated {check.figure}",
                    f"{key}.estimated",
                )
            else:  # a claim on its own terms: the engine's figure, with no cell to sum
                book.number(sheet, row, 2, check.estimated, kind)
            # Ours rounded to the published figure's own places, as the engine compares them.
            places = max(0, -int(check.published.as_tuple().exponent))
            book.formula(
                sheet,
                row,
                3,
                f"=ROUND({cell(row, 2, False)},{places})-{cell(row, 1, False)}",
                check.difference,
                kind,
                f"published {check.figure}",
                f"{key}.difference" if live else "",
            )
            row += 1
    book.note(
        sheet,
        row + 1,
        "Every figure above but the published ones (and a claim on its own terms) and those "
        "labelled the engine's figure is a formula "
        "over the inputs: change an input (a named cell: women, birth rate, programme cost as "
        "given, discount rate) or a line to see its effect.",
        5,
    )
    return cells
