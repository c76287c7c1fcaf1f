"""The Summary's cashable-only rows and its perspectives table.

Cashable only: the council's cash-releasing cost avoided over the horizon, its net of the
programme's cost and return per £1 (formulas over the Summary's cashable total and the named
``programme_cost``), its payback (the Business case sheet's, by financial year on a calendar)
and NPV (the cashable column times the discount factors, less the PV of costs, where the
cash-flow sheet discounts). Perspectives: each funder's cost avoided, cost, net, return on its
own share and NPV, and the public sector's with transfers netted; each funder's cost and net are
the Programme sheet's formulas, the rest the engine's figures, as the labels say.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, Kind, at, span
from pause_cost.report.discounted import on_financial_years, on_years_after_birth
from pause_cost.report.financial_years import FINANCIAL_YEARS
from pause_cost.report.programme import NAME as PROGRAMME
from pause_cost.report.programme import funder_row
from pause_cost.results.estimate import Estimate
from pause_cost.results.workbook import Layout

ENGINE = " (the engine's figure)"
"""Said after a label whose figure is the engine's own, not a formula."""
BUSINESS = "Business case"
"""The sheet whose cashable payback the Summary reads (named ``cashable_payback``)."""


def cashable_rows(
    book: Book,
    sheet: Any,
    case: tuple[Estimate, Layout],
    cells: dict[str, str],
    row: int,
) -> int:
    """Cost avoided, net, return per £1, payback and NPV on cashable lines alone; returns the
    row after them."""
    estimate, layout = case
    found = estimate.economics.cashable
    if found is None:
        return row
    key = "economics.cashable"
    row += 1
    book.text(sheet, row, 0, "Cashable only (cash-releasing lines)", "header")
    book.text(sheet, row, 1, "Value", "header")
    row += 1
    horizon = cells["horizon_cashable_gbp"]
    live_rows: tuple[tuple[str, str, Decimal | None, Kind, str], ...] = (
        (
            f"Cashable cost avoided, {estimate.horizon.years} years",
            f"={horizon}",
            found.cost_avoided_gbp,
            "money",
            "cost_avoided_gbp",
        ),
        (
            "Cashable net of programme cost",
            f"={horizon}-programme_cost",
            found.net_gbp,
            "money",
            "net_gbp",
        ),
    )
    for label, formula, figure, kind, name in live_rows:
        assert figure is not None
        book.text(sheet, row, 0, label)
        book.formula(sheet, row, 1, formula, figure, kind, label, f"{key}.{name}")
        row += 1
    if found.return_per_pound is not None:
        label = "Cashable avoidance per £1 of total cost"
        book.text(sheet, row, 0, label)
        book.formula(
            sheet,
            row,
            1,
            f"={horizon}/programme_cost",
            found.return_per_pound,
            "ratio",
            label,
            f"{key}.return_per_pound",
        )
        row += 1
    label = f"Cashable payback, {found.payback_basis}"
    payback = found.payback or "not within the cash flow"
    if estimate.economics.business_case is not None and not book.prefix:
        book.text(sheet, row, 0, label)
        book.formula(sheet, row, 1, "=cashable_payback", payback, "text", label, f"{key}.payback")
    else:
        book.text(sheet, row, 0, label + ENGINE)
        book.text(sheet, row, 1, payback)
    row += 1
    if found.npv_gbp is not None:
        label = "Cashable NPV (PV of cashable avoidance - PV of costs)"
        formula = _cashable_npv(book, estimate, layout)
        book.text(sheet, row, 0, label if formula else label + ENGINE)
        if formula:
            book.formula(sheet, row, 1, formula, found.npv_gbp, "money", label, f"{key}.npv_gbp")
        else:
            book.number(sheet, row, 1, found.npv_gbp)
        row += 1
    return row


def _cashable_npv(book: Book, estimate: Estimate, layout: Layout) -> str:
    """The cashable NPV as a formula over the discounting sheet, or '' where none discounts."""
    if on_financial_years(estimate, layout):
        assert estimate.economics.calendar is not None
        name, count, cashable, factor = (
            FINANCIAL_YEARS,
            len(estimate.economics.calendar.years),
            2,
            12,
        )
    elif on_years_after_birth(estimate, layout):
        name, count, cashable, factor = "By year", len(estimate.by_year), 1, 11
    else:
        return ""
    sheet = book.sheet_name(name)
    return (
        f"=SUMPRODUCT({span(sheet, 1, count, cashable)},{span(sheet, 1, count, factor)})-pv_costs"
    )


def perspective_rows(book: Book, sheet: Any, case: tuple[Estimate, Layout], row: int) -> int:
    """Each funder's view on its own share, and the public sector's; returns the next row."""
    estimate, layout = case
    funders = estimate.economics.funders
    public = estimate.economics.public_sector
    positions = [] if funders is None else list(enumerate(funders.positions))
    positions = [(index, found) for index, found in positions if found.kind != "not_funding"]
    if not positions and public is None:
        return row
    row += 1
    headers = ("Cost avoided", "Cost", "Net", "Per £1 of own cost", "NPV (the engine's figure)")
    book.text(sheet, row, 0, "Perspectives: whose avoidance against whose cost", "header")
    for column, label in enumerate(headers, start=1):
        book.text(sheet, row, column, label, "header")
    row += 1
    for index, position in positions:
        book.text(sheet, row, 0, f"{position.name}: own avoidance on its own share")
        where = funder_row(layout, index)
        programme = book.sheet_name(PROGRAMME)
        r = row + 1
        for column, source, figure, what in (
            (1, 4, position.savings_gbp, "cost avoided"),
            (2, 3, position.cost_gbp, "cost"),
            (3, 5, position.net_gbp, "net"),
        ):
            book.formula(
                sheet,
                row,
                column,
                f"={at(programme, where, source)}",
                figure,
                "money",
                f"{position.name} {what} (summary)",
            )
        if position.return_per_pound is not None:
            book.formula(
                sheet,
                row,
                4,
                f'=IF(C{r}=0,"no cost",B{r}/C{r})',
                position.return_per_pound,
                "ratio",
                f"{position.name} per £1",
                f"economics.funders.positions.{index}.return_per_pound",
            )
        book.number(sheet, row, 5, position.npv_gbp)
        row += 1
    if public is not None:
        label = "Public sector, all agencies, transfers netted" + ENGINE
        book.text(sheet, row, 0, label)
        public_figures: tuple[tuple[int, Decimal | None, Kind], ...] = (
            (1, public.savings_gbp, "money"),
            (2, public.cost_gbp, "money"),
            (3, public.net_gbp, "money"),
            (4, public.return_per_pound, "ratio"),
            (5, public.npv_gbp, "money"),
        )
        for column, amount, kind in public_figures:
            book.number(sheet, row, column, amount, kind)
        row += 1
        if public.bcr is not None:
            book.text(sheet, row, 0, "Public-sector benefit-cost ratio" + ENGINE)
            book.number(sheet, row, 1, public.bcr, "ratio")
            row += 1
    return row
