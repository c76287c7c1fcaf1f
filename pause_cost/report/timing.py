"""The Timing sheet: when each avoided birth and its costs fall, by council financial year.

Its first table is one avoided birth's cost in each year after it, by class, as formulas over
the Lines sheet. Then, for each cohort, its births costed (a formula over the Summary) and the
compiled case's exact timing weights: the share of the cohort's births falling in each
financial year, and the share of one birth's year-``y`` cost falling in each, each written
as the whole-number weight over its denominator (``=54/324``), so it can be checked by hand.
The financial-year sheet multiplies them out: a year's cashable avoidance is, summed over the
cohorts, births costed x the sum over years after birth of cost per birth x share.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, at, span
from pause_cost.report.lines import LineRows
from pause_cost.results.workbook import Layout

NAME = "Timing"
FIRST_YEAR_ROW = 4
"""The row (0-based) of year 1 in the cost-per-birth table."""
CLASSES = (("cashable", "Cashable"), ("internal", "Internal"), ("other_agency", "Other agencies"))


@dataclass(frozen=True)
class CohortCells:
    """Where one cohort's figures are on the Timing sheet."""

    births: str
    """Its births costed."""
    births_row: int
    """The row of its births' shares by period (one column a period, from column B)."""
    first_cost_row: int
    """The row of its year-1 cost shares; years 2, 3, ... below."""


@dataclass(frozen=True)
class TimingCells:
    years: int
    cohorts: tuple[CohortCells, ...]
    sheet: str = NAME
    """The sheet's name as written (a region's council's has its number before it)."""

    def per_birth(self, column: int) -> str:
        """One birth's cost by year after it, for a class (1 cashable, 2 internal, 3 other)."""
        return span(self.sheet, FIRST_YEAR_ROW, FIRST_YEAR_ROW + self.years - 1, column)

    def births_share(self, cohort: CohortCells, period: int) -> str:
        return at(self.sheet, cohort.births_row, period + 1)

    def cost_shares(self, cohort: CohortCells, period: int) -> str:
        first = cohort.first_cost_row
        return span(self.sheet, first, first + self.years - 1, period + 1)


def timing_sheet(book: Book, sheet: Any, layout: Layout, lines: LineRows) -> TimingCells:
    sheet.set_column(0, 0, 40)
    sheet.set_column(1, max(len(layout.periods), 3), 12)
    book.text(sheet, 0, 0, "When each avoided birth and its costs fall", "title")
    book.note(
        sheet,
        1,
        "Each share is the compiled case's whole-number timing weight over its denominator. "
        "A year's figure on the By financial year sheet is, summed over the cohorts, births "
        "costed x the shares: births x births' share; cost x, per year after birth, cost per "
        "birth x that year's share.",
        max(len(layout.periods), 3),
    )
    book.text(sheet, FIRST_YEAR_ROW - 1, 0, "Cost per avoided birth, by year after birth", "header")
    for column, (_, label) in enumerate(CLASSES, start=1):
        book.text(sheet, FIRST_YEAR_ROW - 1, column, label, "header")
    for index, amounts in enumerate(layout.per_birth):
        row, year = FIRST_YEAR_ROW + index, index + 1
        book.text(sheet, row, 0, f"Year {year} after birth")
        for column, ((name, _), amount) in enumerate(zip(CLASSES, amounts, strict=True), start=1):
            book.formula(
                sheet,
                row,
                column,
                f"={lines.per_birth_in_year(name, str(year))}",
                amount,
                "money",
                f"per birth year {year} {name}",
            )
    years = len(layout.per_birth)
    row = FIRST_YEAR_ROW + years + 1
    avoided = book.refs.get("cohort_avoided", [])
    cohorts: list[CohortCells] = []
    for index, cohort in enumerate(layout.cohorts):
        book.text(sheet, row, 0, f"{cohort.name}: births costed", "bold")
        book.formula(
            sheet,
            row,
            1,
            f"={avoided[index]}*adjustment_factor",
            cohort.births_costed,
            "count",
            f"{cohort.name} births costed",
        )
        births = at(sheet.get_name(), row, 1)
        row += 1
        book.text(sheet, row, 0, "Share falling in each financial year", "header")
        for column, period in enumerate(layout.periods, start=1):
            book.text(sheet, row, column, period, "header")
        row += 1
        births_row = row
        _shares(book, sheet, row, "Births", cohort.births, cohort.weight, cohort.name)
        row += 1
        first_cost_row = row
        for year, weights in enumerate(cohort.costs, start=1):
            label = f"Year {year} after birth's cost"
            _shares(book, sheet, row, label, weights, cohort.denominator, cohort.name)
            row += 1
        cohorts.append(CohortCells(births, births_row, first_cost_row))
        row += 1
    return TimingCells(years=years, cohorts=tuple(cohorts), sheet=sheet.get_name())


def _shares(
    book: Book,
    sheet: Any,
    row: int,
    label: str,
    weights: tuple[int, ...],
    denominator: int,
    cohort: str,
) -> None:
    book.text(sheet, row, 0, label)
    for column, weight in enumerate(weights, start=1):
        book.formula(
            sheet,
            row,
            column,
            f"={weight}/{denominator}",
            Decimal(weight) / Decimal(denominator),
            "factor",
            f"{cohort} {label} share {column}",
        )


__all__ = ["NAME", "CohortCells", "TimingCells", "timing_sheet"]
