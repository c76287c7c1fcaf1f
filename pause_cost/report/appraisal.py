"""The Summary's programme-cost and discount-rate inputs, and its economic case: present
values of benefits and costs (the financial-year sheet's sums), NPV, BCR, with the price base
and year 0 stated beside them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, cell
from pause_cost.report.discounted import on_financial_years, on_years_after_birth
from pause_cost.report.pack import Pack
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

SIZED_BY = {
    "programme_cost.total_gbp": "Programme cost as given, in all",
    "programme_cost.per_year_gbp": "Programme cost as given, a year",
}


def years(count: int) -> str:
    """'year 1 after each birth', 'years 1-5 after each birth'."""
    return "year 1 after each birth" if count == 1 else f"years 1-{count} after each birth"


def cost_inputs(book: Book, sheet: Any, pack: Pack, row: int) -> int:
    """The programme cost as given (named ``programme_cost_given``), its total in the savings'
    prices (``programme_cost``, the Programme sheet's sum) and the discount rate
    (``discount_rate``, per cent a year); returns the last row written."""
    estimate = pack.estimate
    layout = pack.layout
    assert layout is not None
    programme = estimate.programme
    source = programme.source.cite() if programme.source else "not given: figures are gross"
    cost = layout.cost
    if cost is None:
        book.text(sheet, row, 0, "Programme cost")
        book.number(sheet, row, 1, Decimal(0))
        book.text(sheet, row, 5, source, "wrap")
        book.define("programme_cost", sheet, row, 1)
        return row
    if cost.path is not None:
        book.text(sheet, row, 0, SIZED_BY.get(cost.path, cost.path))
        book.number(sheet, row, 1, cost.value)
        book.text(sheet, row, 5, source, "wrap")
        book.define("programme_cost_given", sheet, row, 1)
    else:
        book.text(sheet, row, 0, "Programme cost as given: by year (on the Programme sheet)")
        book.text(sheet, row, 5, source, "wrap")
    row += 1
    price_base = estimate.economics.price_base
    book.text(sheet, row, 0, "Programme cost in the unit costs' prices")
    book.formula(
        sheet,
        row,
        1,
        "=programme_cost",
        programme.cost_gbp or Decimal(0),
        "money",
        "programme cost (summary)",
        "programme.cost_gbp",
    )
    if price_base is not None:
        book.text(sheet, row, 5, price_base.statement, "wrap")
    appraisal = estimate.economics.appraisal
    if layout.rates and appraisal is not None:
        row += 1
        book.text(sheet, row, 0, "Discount rate, % a year")
        book.number(sheet, row, 1, layout.rates[0], "count")
        book.text(sheet, row, 5, f"{appraisal.schedule_title}. {appraisal.source.cite()}", "wrap")
        book.define("discount_rate", sheet, row, 1)
    return row


def appraisal_rows(book: Book, sheet: Any, estimate: Estimate, layout: Layout, row: int) -> int:
    """PV of benefits, PV of costs, NPV and BCR, with the price base and year 0; returns the
    row after them."""
    appraisal = estimate.economics.appraisal
    if appraisal is None:
        return row
    live = on_financial_years(estimate, layout) or on_years_after_birth(estimate, layout)
    price_base = estimate.economics.price_base
    prices = (
        f"{price_base.price_year} prices"
        if price_base is not None and price_base.price_year
        else "real terms"
    )
    year_zero = appraisal.year_zero.split(",")[0]
    row += 1
    book.text(sheet, row, 0, f"Economic case ({prices}, year 0 = {year_zero})", "header")
    book.text(sheet, row, 1, "Value", "header")
    row += 1
    first = row
    for label, name, figure in (
        ("Present value of benefits (the council's avoidance)", "pv_benefits", None),
        ("Present value of costs (the programme)", "pv_costs", None),
    ):
        book.text(sheet, row, 0, label)
        expected = appraisal.pv_benefits_gbp if name == "pv_benefits" else appraisal.pv_costs_gbp
        key = f"economics.appraisal.{name}_gbp"
        if live:
            book.formula(sheet, row, 1, f"={name}", expected, "money", f"{label} (summary)", key)
        else:
            book.number(sheet, row, 1, expected if figure is None else figure)
        row += 1
    benefits, costs = cell(first, 1, False), cell(first + 1, 1, False)
    book.text(sheet, row, 0, "Net present value (PV of benefits - PV of costs)")
    book.formula(
        sheet,
        row,
        1,
        f"={benefits}-{costs}",
        appraisal.npv_gbp,
        "money",
        "NPV (summary)",
        "economics.appraisal.npv_gbp",
    )
    book.define("npv", sheet, row, 1)
    row += 1
    book.text(sheet, row, 0, "Benefit-cost ratio (PV of benefits / PV of costs)")
    book.formula(
        sheet,
        row,
        1,
        f'=IF({costs}=0,"no cost",{benefits}/{costs})',
        appraisal.bcr if appraisal.bcr is not None else "no cost",
        "ratio",
        "BCR",
        "economics.appraisal.bcr",
    )
    book.define("bcr", sheet, row, 1)
    book.note(sheet, row + 1, f"Year 0: {appraisal.year_zero}. {appraisal.convention}", 5)
    return row + 2
