"""The finance officer's case as data: how evidence is graded, which savings release cash, the
template's table, and the default budget a line falls on where no source names one.

Each rule is a record with the words of the source it follows; code only looks them up. The
grade of a figure follows from what its source is (a council's published figure, a national
unit cost, second-hand, a judgement): the project's reading of the National Audit Office's
three grades, said as such wherever a grade is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from pause_cost.model.base import Source
from pause_cost.model.business import Grade, KindFound, SavingsKind

NAO = Source(
    document="National Audit Office, Savings from operational PFI contracts (HM Treasury)",
    edition="29 November 2013",
    location="Summary paragraphs 6 and 10-12; Part One paragraphs 1.18-1.20 and Figure 3",
    url="https://ppponline.affinitext.com/public/book?id=3343&toc_id=856762",
    note="Read in a stored copy of the report's text (ppponline.affinitext.com); Appendix One, "
    "which the report says defines the assurance levels, was not read. The NAO graded savings "
    "claims on PFI contracts; applying its grades to cost avoidance is this tool's reading.",
)

GRADE_WORDS: dict[Grade, str] = {
    "sufficient": "'supported by relevant and reliable evidence and realistic assumptions' "
    "(para 10); 'the calculations for the savings were clear, the evidence base was available "
    "and any assumptions made were realistic' (para 1.18)",
    "partial": "'supported by some evidence but there were some uncertainties or measurement "
    "issues' (para 11); 'in the absence of actual cost data, they are based only on an "
    "estimate of costs saved' (para 1.19)",
    "insufficient": "'given our concerns about the evidence base' (para 12); a saving that "
    "'lacks any supporting evidence' (para 12)",
}
"""What each grade means, in the NAO's words."""


@dataclass(frozen=True)
class GradeRule:
    """A kind of source and the grade its figures take, with why."""

    kind: KindFound
    grade: Grade
    why: str


GRADE_RULES: tuple[GradeRule, ...] = (
    GradeRule(
        "council_published",
        "sufficient",
        "A council's own published figure for its own costs: the evidence base is available "
        "and is the council's cost data.",
    ),
    GradeRule(
        "national_unit_cost",
        "partial",
        "A national unit cost read at first hand: evidence, but an estimate of the cost saved "
        "rather than the council's own cost data.",
    ),
    GradeRule(
        "second_hand",
        "partial",
        "Read only in a third party's copy or report of its source: some evidence, with a "
        "measurement issue (the source itself was not seen).",
    ),
    GradeRule(
        "judgement",
        "insufficient",
        "A judgement: no source gives the figure, so no evidence supports it.",
    ),
    GradeRule(
        "not_stated",
        "insufficient",
        "The kind of source is not stated (no source_kind, no second-hand note): the evidence "
        "base cannot be shown.",
    ),
)
"""The grading rule: a figure's grade is its source kind's."""

SECOND_HAND_MARK = "second-hand"
"""A source note that says this (in any case) marks the figure second-hand, where no kind is
stated; the shipped tables write it at the start of every such note."""

CABINET_OFFICE = Source(
    document="Cabinet Office, Government efficiencies and savings (2022/23): Technical note",
    edition="30 January 2025",
    url="https://www.gov.uk/government/publications/cabinet-office-functional-savings-202223/"
    "government-efficiencies-and-savings-202223-technical-note",
)
CASH_RELEASING_DEFINITION = (
    "Cash-releasing savings are those which lead to a direct reduction (all other things "
    "being equal) in a department's budget; non-cash-releasing savings do not: avoided "
    "expenditure and improvements in quality or effectiveness do not deliver cashable "
    "savings (Cabinet Office). The council's cashable lines are cash-releasing; its internal "
    "lines (staff time, its own processes) are not; other agencies' lines fall outside the "
    "council's budget and are shown apart."
)
SAVINGS_KIND: dict[str, SavingsKind] = {
    "cashable": "cash_releasing",
    "internal": "non_cash_releasing",
    "other_agency": "other_agency",
}

TEMPLATE = Source(
    document="MHCLG Digital Planning procurement hub, Cost Focused Financial Case (business-case "
    "template)",
    location="Financial case; 2. Summary financial impact",
    url="https://digitalplanningdirectory.org/procurement-hub/cost-focused-financial-case",
)
TEMPLATE_YEARS = 5
"""The template's summary table runs Year 1 to Year 5, then a total."""
NO_THRESHOLD = (
    "No payback threshold is stated: the template asks for repayment 'within the council's "
    "payback threshold' and gives no figure, so none is assumed. Give "
    "business_case.payback_threshold_years with its source to test payback against it."
)
INVEST_CONVENTION = (
    "Costs are the council's: the whole programme's cost, or with funders the council funder's "
    "share of it; a profile year of kind set_up is one-off, every other cost "
    "(running, per year, or a total) ongoing; all are revenue, none capital. Cashable cost "
    "avoided is the council's cash-releasing lines only. Net = cashable cost avoided - costs; "
    "payback is "
    "the first year whose cumulative net is zero or more, counted over every year of the cash "
    "flow, not only the five shown."
)

DEFAULT_BUDGET_NOTE = (
    "A judgement: no source states the budget line or owner, so the line is placed by its "
    "stage (the council's) or its agency (another's). The council should confirm each line "
    "and name each owner, as the template asks."
)


@dataclass(frozen=True)
class DefaultBudget:
    """The budget line and owner a stage's council lines are placed on, as a judgement."""

    line: str
    owner: str


DEFAULT_BUDGETS: dict[str, DefaultBudget] = {
    "pre_birth_assessment": DefaultBudget(
        "Children's social care: assessment and child protection (social work staff)",
        "Head of service for safeguarding and assessment",
    ),
    "decision_making": DefaultBudget(
        "Children's social care: assessment and child protection (social work staff)",
        "Head of service for safeguarding and assessment",
    ),
    "case_management": DefaultBudget(
        "Children's social care: children in care (social work staff)",
        "Head of service for children in care",
    ),
    "proceedings": DefaultBudget(
        "Children's social care: legal costs and court fees",
        "Head of legal services, with the director of children's services",
    ),
    "accommodation": DefaultBudget(
        "Children looked after: placements (fostering and residential)",
        "Head of service for children in care",
    ),
    "permanence": DefaultBudget(
        "Children looked after: adoption, special guardianship and kinship support",
        "Head of service for permanence (or the regional adoption agency)",
    ),
    "whole_journey": DefaultBudget(
        "Children's social care (the whole journey, not split by budget)",
        "Director of children's services",
    ),
}
"""The council's lines by stage. A wider cost (housing, say) falls on its agency's budget."""

OTHER_AGENCY_LINE = "Not the council's: {agency}'s own budget"
WIDER_LINE = "{agency}"
WIDER_OWNER = "The head of service for {agency}"
