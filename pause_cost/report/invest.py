"""The Business case sheet's invest-to-save table (years 1-5), live: each year's cashable
savings and cost read the cash-flow sheet (by financial year on a calendar, else by year after
birth), whose figures are formulas over the inputs; totals, net, cumulative net, the costs and
savings after year 5 and the payback on cashable savings are formulas over them. An edit to
women, birth rate, programme cost or discount rate moves the whole table.

The payback is counted over every period of the cash flow, not only the five shown: a block
below the table lists each period's cashable savings and cost, and flags the first whose
cumulative cashable savings cover the cumulative cost once money is spent (the engine's test).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from pause_cost.report.book import Book, at
from pause_cost.report.cashflow import BY_YEAR
from pause_cost.report.financial_years import FINANCIAL_YEARS
from pause_cost.results.estimate import Estimate

TABLE_LABELS = (
    "One-off costs (revenue)",
    "Ongoing costs (revenue)",
    "Total costs",
    "Cashable savings",
    "Net (cashable savings - costs)",
    "Cumulative net",
)
NOT_WITHIN = "not within the cash flow"
KEY = "economics.business_case.invest_to_save"
"""Where the table is in the estimate's JSON."""


@dataclass(frozen=True)
class Flow:
    """Every period of the cash flow: its label, the engine's cashable savings and cost, and
    where they are on the cash-flow sheet (the sheet, its cashable and cost columns)."""

    periods: list[str]
    cashable: list[Decimal]
    costs: list[Decimal]
    sheet: str
    columns: tuple[int, int]
    key: str
    """Where the periods are in the estimate's JSON."""
    share: Decimal | None = None
    """The council funder's share of the cost, where funders share it (the council's case
    counts its share only)."""


def flow(book: Book, estimate: Estimate) -> Flow:
    """The cash flow the invest-to-save table is drawn from, as the engine draws it."""
    found = estimate.economics.business_case
    share = None if found is None else found.invest_to_save.council_share_of_cost
    return replace(_flow(book, estimate), share=share)


def _flow(book: Book, estimate: Estimate) -> Flow:
    calendar = estimate.economics.calendar
    if calendar is not None:
        return Flow(
            [year.financial_year for year in calendar.years],
            [year.cashable_gbp for year in calendar.years],
            [year.programme_cost_gbp for year in calendar.years],
            book.sheet_name(FINANCIAL_YEARS),
            (2, 6),
            "economics.calendar.years",
        )
    return Flow(
        [f"year {year.year}" for year in estimate.by_year],
        [year.cashable_gbp for year in estimate.by_year],
        [year.programme_cost_gbp for year in estimate.by_year],
        book.sheet_name(BY_YEAR),
        (1, 5),
        "by_year",
    )


def invest_to_save_table(book: Book, sheet: Any, estimate: Estimate) -> tuple[int, int]:
    """The table, its payback and the later costs and savings; returns the every-period
    block's first and last rows (1-based)."""
    found = estimate.economics.business_case
    assert found is not None
    table = found.invest_to_save
    cash = flow(book, estimate)
    shown = table.years
    assert [year.period for year in shown] == cash.periods[: len(shown)]
    facts = 9
    block = facts + 9  # the every-period block's title row
    first = block + 2  # its first period's row (0-based)
    book.text(sheet, 0, 0, "Invest to save: the council's cashable case, years 1-5", "title")
    book.text(sheet, 1, 0, "£", "header")
    for offset, label in enumerate(TABLE_LABELS):
        book.text(sheet, 2 + offset, 0, label, "bold" if offset == 4 else "")
    total_column = 1 + len(shown)
    for index, year in enumerate(shown):
        column, c = 1 + index, _letter(1 + index)
        key = f"{KEY}.years.{index}"
        book.text(sheet, 1, column, year.period, "header")
        _costs(book, sheet, (column, key), year, f"C{first + 1 + index}")
        book.formula(
            sheet,
            4,
            column,
            f"={c}3+{c}4",
            year.total_costs_gbp,
            "money",
            "costs",
            f"{key}.total_costs_gbp",
        )
        book.formula(
            sheet,
            5,
            column,
            f"=B{first + 1 + index}",
            year.cashable_savings_gbp,
            "money",
            f"{year.period} cashable savings",
            f"{key}.cashable_savings_gbp",
        )
        book.formula(
            sheet, 6, column, f"={c}6-{c}5", year.net_gbp, "money", f"{c} net", f"{key}.net_gbp"
        )
        before = f"+{_letter(index)}8" if index else ""
        cumulative = year.cumulative_net_gbp or Decimal(0)
        book.formula(
            sheet,
            7,
            column,
            f"={c}7{before}",
            cumulative,
            "money",
            f"{c} cumulative",
            f"{key}.cumulative_net_gbp",
        )
    book.text(sheet, 1, total_column, "Total", "header")
    last = _letter(total_column - 1)
    names = ("one_off_costs", "ongoing_costs", "total_costs", "cashable_savings", "net")
    for offset, name in enumerate(names):
        r = 3 + offset
        book.formula(
            sheet,
            2 + offset,
            total_column,
            f"=SUM(B{r}:{last}{r})",
            getattr(table.total, f"{name}_gbp"),
            "money",
            "total",
            f"{KEY}.total.{name}_gbp",
        )
    end = first + len(cash.periods)  # the block's last row, 1-based
    later = first + len(shown) + 1  # the first period after those shown, 1-based
    book.text(sheet, facts, 0, "Payback (cashable savings)", "bold")
    book.formula(
        sheet,
        facts,
        1,
        f'=IFERROR(INDEX(A{first + 1}:A{end},MATCH(1,D{first + 1}:D{end},0)),"{NOT_WITHIN}")',
        table.payback or NOT_WITHIN,
        "text",
        "cashable payback",
        f"{KEY}.payback",
    )
    book.define("cashable_payback", sheet, facts, 1)
    for offset, (label, letter, value) in enumerate(
        (
            ("Costs after the years shown", "C", "later_costs_gbp"),
            ("Cashable savings after the years shown", "B", "later_cashable_savings_gbp"),
        )
    ):
        row = facts + 6 + offset
        book.text(sheet, row, 0, label, "bold")
        formula = f"=SUM({letter}{later}:{letter}{end})" if later <= end else "=0"
        book.formula(
            sheet, row, 1, formula, getattr(table, value), "money", label, f"{KEY}.{value}"
        )
    _every_period(book, sheet, cash, (block, table.payback_years))
    return first + 1, end


def _costs(book: Book, sheet: Any, where: tuple[int, str], year: Any, cost: str) -> None:
    """A year's one-off and ongoing costs: the period's cost on the row the engine puts it
    (one-off where its profile year is set-up), or split as the engine splits it."""
    column, key = where
    one_off, ongoing = f"{key}.one_off_costs_gbp", f"{key}.ongoing_costs_gbp"
    if year.one_off_costs_gbp == 0:
        book.number(sheet, 2, column, Decimal(0))
        book.formula(
            sheet, 3, column, f"={cost}", year.ongoing_costs_gbp, "money", "ongoing", ongoing
        )
    elif year.ongoing_costs_gbp == 0:
        book.formula(
            sheet, 2, column, f"={cost}", year.one_off_costs_gbp, "money", "one-off", one_off
        )
        book.number(sheet, 3, column, Decimal(0))
    else:  # a financial year holding set-up and running years: the engine's one-off part
        c = _letter(column)
        book.number(sheet, 2, column, year.one_off_costs_gbp)
        book.formula(
            sheet, 3, column, f"={cost}-{c}3", year.ongoing_costs_gbp, "money", "ongoing", ongoing
        )


def _every_period(book: Book, sheet: Any, cash: Flow, where: tuple[int, int | None]) -> None:
    """Each period's cashable savings and cost (read from the cash-flow sheet) and a 1 on the
    first whose cumulative savings cover the cumulative cost once money is spent."""
    block, payback = where
    book.text(sheet, block, 0, "Cashable cash flow, every period (for the payback)", "bold")
    for column, label in enumerate(
        (
            "Period",
            "Cashable savings",
            "Costs" if cash.share is None else f"Costs (the council's share, {cash.share})",
            "Pays back here (1 = yes)",
        )
    ):
        book.text(sheet, block + 1, column, label, "header")
    first = block + 3  # the first period's row, 1-based
    saved, spent = cash.columns
    for index, period in enumerate(cash.periods):
        row, r = block + 2 + index, block + 3 + index
        book.text(sheet, row, 0, period)
        source = (index + 1, saved), (index + 1, spent)
        for column, (place, figure, name) in enumerate(
            zip(
                source,
                (cash.cashable[index], cash.costs[index]),
                ("cashable_gbp", "programme_cost_gbp"),
                strict=True,
            ),
            start=1,
        ):
            read, key = f"={at(cash.sheet, *place)}", f"{cash.key}.{index}.{name}"
            if name == "programme_cost_gbp" and cash.share is not None:
                # The council's share of the period's cost (the JSON's figure is the whole).
                read, figure, key = f"{read}*{cash.share}", figure * cash.share, ""
            book.formula(sheet, row, column, read, figure, "money", period, key)
        covered = f"SUM(B${first}:B{r})>=SUM(C${first}:C{r})"
        spent_by = f"SUM(C${first}:C{r})>0"
        earlier = f"SUM(D${first}:D{r - 1})=0," if index else ""
        book.formula(
            sheet,
            row,
            3,
            f"=IF(AND({earlier}{spent_by},{covered}),1,0)",
            Decimal(1 if payback == index + 1 else 0),
            "count",
            f"{period} pays back",
        )


def _letter(column: int) -> str:
    from xlsxwriter.utility import xl_col_to_name

    return str(xl_col_to_name(column))
