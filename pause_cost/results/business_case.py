"""The finance officer's case: the invest-to-save table a council's business-case template asks
for, each avoided cost on its budget line with its owner, cash-releasing savings apart from the
rest, and the evidence behind every figure graded as the National Audit Office grades savings.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from pause_cost.model.base import Source
from pause_cost.model.business import Grade, KindFound, SavingsKind
from pause_cost.model.tables import Classification, Stage
from pause_cost.results.base import Exact, result


@result
class InvestYear:
    """One column of the template's summary table (a year, or the five years' total)."""

    period: Annotated[str, Field(description="'2019/20' on a calendar, else 'year 1'; 'total'.")]
    one_off_costs_gbp: Annotated[Exact, Field(description="Set-up costs (revenue).")]
    ongoing_costs_gbp: Annotated[Exact, Field(description="Running costs (revenue).")]
    total_costs_gbp: Exact
    cashable_savings_gbp: Annotated[Exact, Field(description="Cash-releasing lines only.")]
    net_gbp: Annotated[Exact, Field(description="cashable_savings_gbp - total_costs_gbp.")]
    cumulative_net_gbp: Annotated[
        Exact | None, Field(description="Running sum of net; null in the total column.")
    ]


@result
class InvestToSave:
    """Years 1-5 of costs and cashable savings, the net, and payback against the threshold."""

    basis: Literal["financial_year", "year_after_birth"]
    years: Annotated[list[InvestYear], Field(description="Years 1 to 5 (fewer if shorter).")]
    total: Annotated[InvestYear, Field(description="The years shown, added up.")]
    later_costs_gbp: Annotated[Exact, Field(description="Costs after the years shown.")]
    later_cashable_savings_gbp: Annotated[
        Exact, Field(description="Cashable cost avoided after the years shown.")
    ]
    payback: Annotated[
        str | None,
        Field(description="First period whose cumulative net on cashable cost avoided is >= 0."),
    ]
    payback_years: Annotated[int | None, Field(description="The payback period's number, 1-n.")]
    threshold_years: Annotated[
        int | None, Field(description="The council's payback threshold; null: none stated.")
    ]
    threshold_source: Source | None
    threshold_assumption: str | None
    within_threshold: Annotated[
        bool | None, Field(description="payback_years <= threshold_years; null: no threshold.")
    ]
    council_share_of_cost: Annotated[
        Exact | None,
        Field(
            description="The council funder's share of the programme cost, which the costs "
            "here are; null: no funders, the council pays the whole cost."
        ),
    ]
    statement: Annotated[str, Field(description="The payback against the threshold, in words.")]
    convention: str
    template: Source


@result
class CashReleasing:
    """The horizon's avoided costs as the Cabinet Office separates savings."""

    cash_releasing_gbp: Annotated[Exact, Field(description="The council's cashable lines.")]
    non_cash_releasing_gbp: Annotated[Exact, Field(description="The council's internal lines.")]
    other_agencies_gbp: Annotated[Exact, Field(description="Outside the council's budget.")]
    definition: str
    source: Source


@result
class BudgetedLine:
    """One avoided cost: its budget line and owner, and the grade of its evidence."""

    line: Annotated[str, Field(description="table/id.")]
    item: str
    stage: Stage
    classification: Classification
    savings: SavingsKind
    agency: str
    horizon_gbp: Exact
    budget_line: str
    owner: str
    budget_basis: Annotated[
        Literal["source", "judgement"],
        Field(description="source: the table's line states it; judgement: the default mapping."),
    ]
    budget_source: Source | None
    source_kind: KindFound
    source_kind_basis: Annotated[
        Literal["stated", "note", "not_stated"],
        Field(description="stated on the line; read from a second-hand note; or neither."),
    ]
    grade: Grade
    assumption: Annotated[bool, Field(description="The line rests on a stated assumption.")]


@result
class BudgetTotal:
    """Avoided costs over the horizon added by budget line and owner."""

    budget_line: str
    owner: str
    savings: SavingsKind
    budget_basis: Literal["source", "judgement"]
    horizon_gbp: Exact
    lines: int


@result
class GradedFigure:
    """A figure besides the lines (the programme cost, the births) and its evidence grade."""

    figure: str
    source: Source | None
    source_kind: KindFound
    source_kind_basis: Literal["stated", "note", "not_stated"]
    grade: Grade


@result
class GradeTotal:
    """The horizon's avoided costs by evidence grade."""

    grade: Grade
    meaning: Annotated[str, Field(description="The grade in the NAO's words.")]
    cash_releasing_gbp: Exact
    non_cash_releasing_gbp: Exact
    other_agencies_gbp: Exact
    lines: int


@result
class GradingRule:
    kind: KindFound
    grade: Grade
    why: str


@result
class BusinessCaseResult:
    """The finance officer's case (present where the scenario gives a programme cost)."""

    invest_to_save: InvestToSave
    cash_releasing: CashReleasing
    lines: list[BudgetedLine]
    budgets: list[BudgetTotal]
    figures: list[GradedFigure]
    grades: list[GradeTotal]
    rules: Annotated[list[GradingRule], Field(description="The grading rule, as data.")]
    grading_source: Source
    budget_note: str
