"""The finance officer's case laid out: the invest-to-save table, savings by the Cabinet Office's
terms, budget lines and owners, and the evidence grades; and the same figures as tidy rows.

Each part appears only where the estimate carries a business case (a programme cost is
given). Nothing here computes a figure: every total is the results'.
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.money import whole_pounds
from pause_cost.render.document import (
    MARKDOWN,
    TEXT,
    Block,
    Column,
    Gap,
    Money,
    Paragraph,
    Row,
    Table,
    TidyCell,
)
from pause_cost.results.business_case import BusinessCaseResult, InvestYear
from pause_cost.results.economics import Economics

SAVINGS_LABEL = {
    "cash_releasing": "cash-releasing",
    "non_cash_releasing": "non-cash-releasing",
    "other_agency": "other agency's",
}
KIND_LABEL = {
    "council_published": "a council's published figure",
    "national_unit_cost": "a national unit cost",
    "second_hand": "second-hand",
    "judgement": "a judgement",
    "not_stated": "not stated",
}
INVEST_ROWS: tuple[tuple[str, str], ...] = (
    ("One-off costs (revenue)", "one_off_costs_gbp"),
    ("Ongoing costs (revenue)", "ongoing_costs_gbp"),
    ("Total costs", "total_costs_gbp"),
    ("Cashable cost avoided", "cashable_savings_gbp"),
    ("Net (cost avoided - costs)", "net_gbp"),
    ("Cumulative net", "cumulative_net_gbp"),
)


def _money(value: Decimal | None) -> Money | str:
    return "" if value is None else Money(value)


def _titled(table: Table) -> list[Block]:
    return [Paragraph(f"{table.title}:", media=MARKDOWN), table]


def business_case_blocks(case: Economics) -> list[Block]:
    """The finance officer's case, in reading order; none without a programme cost."""
    found = case.business_case
    if found is None:
        return []
    return [
        *_invest(found),
        *_titled(_cash_releasing(found)),
        *_titled(_budgets(found)),
        Paragraph(f"Budget lines: {found.budget_note}"),
        Gap(media=TEXT),
        *_titled(_grades(found)),
        *_titled(_figures(found)),
        Paragraph(_grading_note(found)),
        Gap(media=TEXT),
    ]


def _invest(found: BusinessCaseResult) -> list[Block]:
    table = found.invest_to_save
    columns: list[InvestYear] = [*table.years, table.total]
    rows = tuple(
        Row(
            (label, *(_money(getattr(year, field)) for year in columns)),
            strong=field == "net_gbp",
        )
        for label, field in INVEST_ROWS
    )
    after = (
        f" After the years shown: costs {_pounds(table.later_costs_gbp)}, cashable cost avoided "
        f"{_pounds(table.later_cashable_savings_gbp)}."
    )
    return [
        *_titled(
            Table(
                title="Invest to save: the council's cashable case, years 1-5"
                + ("" if table.council_share_of_cost is None else ", its share of the cost"),
                columns=(
                    Column("£"),
                    *(Column(year.period, numeric=True) for year in table.years),
                    Column("Total", numeric=True),
                ),
                rows=rows,
            )
        ),
        Paragraph(table.statement + after),
        Paragraph(f"Invest to save: {table.convention} Template: {table.template.cite()}."),
        Gap(media=TEXT),
    ]


def _pounds(value: Decimal) -> str:
    return whole_pounds(value)


def _cash_releasing(found: BusinessCaseResult) -> Table:
    split = found.cash_releasing
    return Table(
        title="Cash-releasing or not (Cabinet Office), horizon",
        columns=(Column("Kind"), Column("Amount", numeric=True)),
        rows=(
            Row(("Cash-releasing (the council's cashable lines)", Money(split.cash_releasing_gbp))),
            Row(
                (
                    "Non-cash-releasing (the council's internal lines)",
                    Money(split.non_cash_releasing_gbp),
                )
            ),
            Row(("Other agencies' (apart, not the council's)", Money(split.other_agencies_gbp))),
        ),
    )


def _budgets(found: BusinessCaseResult) -> Table:
    return Table(
        title="Budget lines and benefit owners (horizon)",
        columns=(
            Column("Budget line"),
            Column("Owner"),
            Column("Kind"),
            Column("Basis"),
            Column("Amount", numeric=True),
        ),
        rows=tuple(
            Row(
                (
                    budget.budget_line,
                    budget.owner,
                    SAVINGS_LABEL[budget.savings],
                    budget.budget_basis,
                    Money(budget.horizon_gbp),
                )
            )
            for budget in found.budgets
        ),
    )


def _grades(found: BusinessCaseResult) -> Table:
    rows = [
        Row(
            (
                f"Avoided costs graded {total.grade} ({total.lines} lines)",
                Money(total.cash_releasing_gbp),
                Money(total.non_cash_releasing_gbp),
                Money(total.other_agencies_gbp),
            )
        )
        for total in found.grades
    ]
    return Table(
        title="Evidence, graded on the National Audit Office's scale",
        columns=(
            Column("Evidence"),
            Column("Cash-releasing", numeric=True),
            Column("Non-cash-releasing", numeric=True),
            Column("Other agencies", numeric=True),
        ),
        rows=tuple(rows),
    )


def _figures(found: BusinessCaseResult) -> Table:
    return Table(
        title="Evidence behind the other figures",
        columns=(Column("Figure"), Column("Source"), Column("Grade")),
        rows=tuple(
            Row((figure.figure.capitalize(), KIND_LABEL[figure.source_kind], figure.grade))
            for figure in found.figures
        ),
    )


def _grading_note(found: BusinessCaseResult) -> str:
    rules = "; ".join(f"{KIND_LABEL[rule.kind]}: {rule.grade}" for rule in found.rules if rule.kind)
    return (
        f"Grades follow what each figure's source is ({rules}), this tool's reading of the "
        f"grades in {found.grading_source.cite()}. Each line's grade is in the JSON and CSV."
    )


def business_case_tidy(case: Economics) -> list[tuple[TidyCell, ...]]:
    """The finance officer's case, one figure a row (section, item, period, class, value, unit)."""
    found = case.business_case
    if found is None:
        return []
    rows: list[tuple[TidyCell, ...]] = []
    table = found.invest_to_save
    for year in [*table.years, table.total]:
        for _, field in INVEST_ROWS:
            value = getattr(year, field)
            if value is not None:
                item = field.removesuffix("_gbp")
                rows.append(("invest_to_save", item, year.period, "", Money(value), "GBP"))
    rows += [
        ("invest_to_save", "later_costs", "", "", Money(table.later_costs_gbp), "GBP"),
        (
            "invest_to_save",
            "later_cashable_savings",
            "",
            "",
            Money(table.later_cashable_savings_gbp),
            "GBP",
        ),
        ("invest_to_save", "payback", "", "", table.payback, "period"),
        ("invest_to_save", "payback_years", "", "", table.payback_years, "years"),
        ("invest_to_save", "threshold_years", "", "", table.threshold_years, "years"),
        (
            "invest_to_save",
            "within_threshold",
            "",
            "",
            None if table.within_threshold is None else str(table.within_threshold).lower(),
            "",
        ),
    ]
    split = found.cash_releasing
    for item, value in (
        ("cash_releasing", split.cash_releasing_gbp),
        ("non_cash_releasing", split.non_cash_releasing_gbp),
        ("other_agencies", split.other_agencies_gbp),
    ):
        rows.append(("savings", item, "horizon", "", Money(value), "GBP"))
    for line in found.lines:
        rows += [
            ("budget_line", line.line, "horizon", line.savings, Money(line.horizon_gbp), "GBP"),
            ("budget_line", line.line, "", "budget_line", line.budget_line, ""),
            ("budget_line", line.line, "", "owner", line.owner, ""),
            ("budget_line", line.line, "", "budget_basis", line.budget_basis, ""),
            ("evidence", line.line, "", "source_kind", line.source_kind, ""),
            ("evidence", line.line, "", "grade", line.grade, ""),
        ]
    for figure in found.figures:
        rows.append(("evidence", figure.figure, "", "source_kind", figure.source_kind, ""))
        rows.append(("evidence", figure.figure, "", "grade", figure.grade, ""))
    for total in found.grades:
        for item, value in (
            ("cash_releasing", total.cash_releasing_gbp),
            ("non_cash_releasing", total.non_cash_releasing_gbp),
            ("other_agencies", total.other_agencies_gbp),
        ):
            rows.append(("grade", total.grade, "horizon", item, Money(value), "GBP"))
    return rows
