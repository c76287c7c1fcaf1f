"""The finance officer's case, laid out from an estimate's own figures.

The invest-to-save table a council's template asks for (MHCLG Digital Planning, *Cost Focused
Financial Case*): years 1-5 of one-off and ongoing costs, cashable savings, net and cumulative
net, and payback against the council's threshold; each avoided cost on its budget line with its
owner; cash-releasing savings apart from the rest (the Cabinet Office's terms); and every
figure's evidence graded on the National Audit Office's scale. The rules are data
(:mod:`pause_cost.model.business_rules`); this module only applies them.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext
from typing import Literal

from pause_cost.core.exact import EXACT
from pause_cost.economics.calendar import cash_flow, payback_financial_year
from pause_cost.economics.programme import payback_year
from pause_cost.model import business_rules as rules
from pause_cost.model.base import Source
from pause_cost.model.business import Grade, KindFound, SourceKind
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import Line, UnitCostTable
from pause_cost.results.business_case import (
    BudgetedLine,
    BudgetTotal,
    BusinessCaseResult,
    CashReleasing,
    GradedFigure,
    GradeTotal,
    GradingRule,
    InvestToSave,
    InvestYear,
)
from pause_cost.results.estimate import Estimate, LineResult

ZERO = Decimal(0)
GRADES: tuple[Grade, ...] = ("sufficient", "partial", "insufficient")
KindBasis = Literal["stated", "note", "not_stated"]


def business_case(
    scenario: Scenario, tables: Sequence[UnitCostTable], estimate: Estimate
) -> BusinessCaseResult | None:
    """The finance officer's case; None without a programme cost (nothing to repay)."""
    if scenario.programme_cost is None or estimate.programme.cost_gbp is None:
        return None
    by_ref = {(table.name, line.id): line for table in tables for line in table.lines}
    lines = [_budgeted(line, by_ref.get((line.table, line.id))) for line in estimate.lines]
    with localcontext(EXACT):
        return BusinessCaseResult(
            invest_to_save=invest_to_save(scenario, estimate),
            cash_releasing=_cash_releasing(estimate),
            lines=lines,
            budgets=_budgets(lines),
            figures=_figures(scenario, estimate),
            grades=_grades(lines),
            rules=[GradingRule(kind=r.kind, grade=r.grade, why=r.why) for r in rules.GRADE_RULES],
            grading_source=rules.NAO,
            budget_note=rules.DEFAULT_BUDGET_NOTE,
        )


def _set_up_shares(scenario: Scenario) -> tuple[dict[str, Decimal], list[Decimal]]:
    """The one-off share of each profile year's cost, by financial year and by position."""
    cost = scenario.programme_cost
    if cost is None or cost.profile is None:
        return {}, []
    by_label: dict[str, tuple[Decimal, Decimal]] = {}
    for year in cost.profile:
        one_off, whole = by_label.get(year.financial_year, (ZERO, ZERO))
        extra = year.amount_gbp if year.kind == "set_up" else ZERO
        by_label[year.financial_year] = (one_off + extra, whole + year.amount_gbp)
    shares = {label: one_off / whole for label, (one_off, whole) in by_label.items() if whole}
    return shares, [shares.get(year.financial_year, ZERO) for year in cost.profile]


def council_share(scenario: Scenario) -> Decimal | None:
    """The council funder's share of the programme cost; None without funders (the council
    pays the whole cost); 0 where funders are given and none is of kind council."""
    if scenario.funders is None:
        return None
    return sum(
        (funder.share_of_programme_cost for funder in scenario.funders if funder.kind == "council"),
        ZERO,
    )


def invest_to_save(scenario: Scenario, estimate: Estimate) -> InvestToSave:
    """Years 1-5 of the template's table, the rest after them, and payback on cashable.

    The costs are the council's: with funders, the council funder's share of each period's
    programme cost, so the net, cumulative net and payback are the council's own."""
    by_label, by_position = _set_up_shares(scenario)
    share_of_cost = council_share(scenario)
    paid = Decimal(1) if share_of_cost is None else share_of_cost
    calendar = estimate.economics.calendar
    with localcontext(EXACT):
        if calendar is not None:
            flow = cash_flow(
                {year.financial_year: year.cashable_gbp for year in calendar.years},
                {year.financial_year: year.programme_cost_gbp * paid for year in calendar.years},
            )
            periods = [row.financial_year for row in flow]
            saved = [row.avoided_gbp for row in flow]
            spent = [row.cost_gbp for row in flow]
            shares = [by_label.get(label, ZERO) for label in periods]
            payback = payback_financial_year(flow)
            number = None if payback is None else periods.index(payback) + 1
        else:
            saved = [year.cashable_gbp for year in estimate.by_year]
            spent = [cost * paid for cost in estimate.programme.cost_by_year_gbp]
            spent += [ZERO] * (len(saved) - len(spent))
            periods = [f"year {index}" for index in range(1, len(saved) + 1)]
            shares = [*by_position, *[ZERO] * len(saved)][: len(saved)]
            number = payback_year(saved, spent)
            payback = None if number is None else f"year {number}"
        years, cumulative = [], ZERO
        for period, saving, cost, share in zip(periods, saved, spent, shares, strict=True):
            cumulative += saving - cost
            years.append(_year(period, cost * share, cost - cost * share, saving, cumulative))
        shown = years[: rules.TEMPLATE_YEARS]
        total = _year(
            "total",
            sum((year.one_off_costs_gbp for year in shown), ZERO),
            sum((year.ongoing_costs_gbp for year in shown), ZERO),
            sum((year.cashable_savings_gbp for year in shown), ZERO),
            None,
        )
        later = years[rules.TEMPLATE_YEARS :]
    threshold = scenario.business_case
    limit = None if threshold is None else threshold.payback_threshold_years
    within = None if limit is None else (number is not None and number <= limit)
    return InvestToSave(
        basis="financial_year" if calendar is not None else "year_after_birth",
        years=shown,
        total=total,
        later_costs_gbp=sum((year.total_costs_gbp for year in later), ZERO),
        later_cashable_savings_gbp=sum((year.cashable_savings_gbp for year in later), ZERO),
        payback=payback,
        payback_years=number,
        threshold_years=limit,
        threshold_source=None if threshold is None else threshold.source,
        threshold_assumption=None if threshold is None else threshold.assumption,
        within_threshold=within,
        council_share_of_cost=share_of_cost,
        statement=_statement(payback, number, limit, share_of_cost),
        convention=rules.INVEST_CONVENTION,
        template=rules.TEMPLATE,
    )


def _year(
    period: str, one_off: Decimal, ongoing: Decimal, saving: Decimal, cumulative: Decimal | None
) -> InvestYear:
    costs = one_off + ongoing
    return InvestYear(
        period=period,
        one_off_costs_gbp=one_off,
        ongoing_costs_gbp=ongoing,
        total_costs_gbp=costs,
        cashable_savings_gbp=saving,
        net_gbp=saving - costs,
        cumulative_net_gbp=cumulative,
    )


def _statement(
    payback: str | None, number: int | None, limit: int | None, share: Decimal | None
) -> str:
    cost = (
        "the programme's cost"
        if share is None
        else f"the council's share of the programme's cost ({(share * 100).normalize():f}%)"
    )
    paid = (
        f"Cashable cost avoided does not repay {cost} within the cash flow"
        if payback is None
        else f"Cashable cost avoided repays {cost} in {payback}"
        + ("" if payback == f"year {number}" else f" (year {number})")
    )
    if limit is None:
        return f"{paid}. {rules.NO_THRESHOLD}"
    verdict = "within" if number is not None and number <= limit else "not within"
    return f"{paid}: {verdict} the council's payback threshold of {limit} years."


def _cash_releasing(estimate: Estimate) -> CashReleasing:
    horizon = estimate.horizon
    return CashReleasing(
        cash_releasing_gbp=horizon.cashable_gbp,
        non_cash_releasing_gbp=horizon.internal_gbp,
        other_agencies_gbp=horizon.other_agencies_gbp,
        definition=rules.CASH_RELEASING_DEFINITION,
        source=rules.CABINET_OFFICE,
    )


def source_kind(stated: SourceKind | None, source: Source | None) -> tuple[KindFound, KindBasis]:
    """A figure's kind of source: as stated, else second-hand where its note says so."""
    if stated is not None:
        return stated, "stated"
    note = "" if source is None or source.note is None else source.note
    if rules.SECOND_HAND_MARK in note.lower():
        return "second_hand", "note"
    return "not_stated", "not_stated"


def grade_of(kind: KindFound) -> Grade:
    """The grade the rule gives a kind of source."""
    return next(rule.grade for rule in rules.GRADE_RULES if rule.kind == kind)


def _budgeted(line: LineResult, model: Line | None) -> BudgetedLine:
    kind, basis = source_kind(None if model is None else model.source_kind, line.source)
    budget = None if model is None else model.budget
    if budget is not None:
        budget_line, owner = budget.line, budget.owner
    elif line.classification == "other_agency":
        budget_line, owner = rules.OTHER_AGENCY_LINE.format(agency=line.agency), line.agency
    elif line.stage in rules.DEFAULT_BUDGETS:
        default = rules.DEFAULT_BUDGETS[line.stage]
        budget_line, owner = default.line, default.owner
    else:
        budget_line = rules.WIDER_LINE.format(agency=line.agency)
        owner = rules.WIDER_OWNER.format(agency=line.agency)
    return BudgetedLine(
        line=f"{line.table}/{line.id}",
        item=line.item,
        stage=line.stage,
        classification=line.classification,
        savings=rules.SAVINGS_KIND[line.classification],
        agency=line.agency,
        horizon_gbp=line.horizon_gbp,
        budget_line=budget_line,
        owner=owner,
        budget_basis="judgement" if budget is None else "source",
        budget_source=None if budget is None else budget.source,
        source_kind=kind,
        source_kind_basis=basis,
        grade=grade_of(kind),
        assumption=line.assumption is not None,
    )


def _budgets(lines: Sequence[BudgetedLine]) -> list[BudgetTotal]:
    totals: dict[tuple[str, str, str, str], list[BudgetedLine]] = {}
    for line in lines:
        key = (line.budget_line, line.owner, line.savings, line.budget_basis)
        totals.setdefault(key, []).append(line)
    return [
        BudgetTotal(
            budget_line=group[0].budget_line,
            owner=group[0].owner,
            savings=group[0].savings,
            budget_basis=group[0].budget_basis,
            horizon_gbp=sum((line.horizon_gbp for line in group), ZERO),
            lines=len(group),
        )
        for group in totals.values()
    ]


def _figures(scenario: Scenario, estimate: Estimate) -> list[GradedFigure]:
    stated = scenario.business_case
    found = []
    for figure, kind, source in (
        (
            "programme cost",
            None if stated is None else stated.programme_cost_source_kind,
            estimate.programme.source,
        ),
        (
            "births avoided (the cohort's birth rate)",
            None if stated is None else stated.births_source_kind,
            estimate.scenario.cohort_source,
        ),
    ):
        found_kind, basis = source_kind(kind, source)
        found.append(
            GradedFigure(
                figure=figure,
                source=source,
                source_kind=found_kind,
                source_kind_basis=basis,
                grade=grade_of(found_kind),
            )
        )
    return found


def _grades(lines: Sequence[BudgetedLine]) -> list[GradeTotal]:
    def total(grade: Grade, savings: str) -> Decimal:
        return sum(
            (line.horizon_gbp for line in lines if line.grade == grade and line.savings == savings),
            ZERO,
        )

    return [
        GradeTotal(
            grade=grade,
            meaning=rules.GRADE_WORDS[grade],
            cash_releasing_gbp=total(grade, "cash_releasing"),
            non_cash_releasing_gbp=total(grade, "non_cash_releasing"),
            other_agencies_gbp=total(grade, "other_agency"),
            lines=sum(1 for line in lines if line.grade == grade),
        )
        for grade in GRADES
    ]
