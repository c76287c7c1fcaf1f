"""A unit-cost table: the journey of one child into care, line by line.

Each line is one activity or placement, costed per child who follows that path, in the year(s)
after the avoided birth in which it falls. Lines carry their own source and price year because
tables mix sources (PSSRU, the GMCA database, a council's own figures).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import (
    BeforeValidator,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from pause_cost.model.base import (
    IndexReference,
    InputModel,
    Number,
    PriceYear,
    Slug,
    Source,
    Text,
)
from pause_cost.model.business import BudgetLine, SourceKind
from pause_cost.model.fees import Fee as Fee
from pause_cost.model.fees import fee_in_force as fee_in_force
from pause_cost.model.nations import nation_problem
from pause_cost.model.transfers import transfer_problems as transfer_problems

LINE_FIELDS_NUMERIC = (
    "amount_gbp",
    "quantity_per_child",
    "share_of_children",
    "first_year",
    "last_year",
)
"""A line's numbers: what a what-if or a range may address as ``table/id.field``."""

Classification = Literal["cashable", "internal", "other_agency"]
"""cashable and internal are the council's; other_agency (courts, Cafcass, legal aid, NHS,
police, housing providers) is reported apart and never added to the council's totals."""

Stage = Literal[
    "pre_birth_assessment",
    "decision_making",
    "proceedings",
    "accommodation",
    "case_management",
    "permanence",
    "whole_journey",
    "wider_costs",
]
STAGE_ORDER: tuple[str, ...] = get_args(Stage)
"""The stages in the journey's order, for every output that lists them."""
JOURNEY_STAGES = frozenset(STAGE_ORDER) - {"whole_journey", "wider_costs"}
"""The stages of a child's journey into care that a ``whole_journey`` line already covers."""

Nation = Literal["england", "scotland", "wales", "northern_ireland"]
"""The UK nation a scenario's council is in, or a table's costs are for. Each nation has its own
children's system (Scotland's children's hearings, compulsory supervision orders and permanence
orders; England's care proceedings), so one nation's unit costs do not fit another's."""

NATIONS: tuple[Nation, ...] = get_args(Nation)


def _known_nation(value: Any) -> Any:
    """The value if it is a nation or nothing; else an error naming the nations allowed.

    Checked before the type so that the message lists the nations, not the optional type.
    """
    if value is None or (isinstance(value, str) and value in NATIONS):
        return value
    shown = repr(value) if isinstance(value, str) else str(value)
    if len(shown) > 60:  # quote no more of a value than the loader's messages do
        shown = f"{shown[:57]}... ({len(str(value)):,} characters)"
    raise PydanticCustomError(
        "nation",
        "{value} is not allowed; choose one of: {choices}",
        {"value": shown, "choices": ", ".join(NATIONS)},
    )


OptionalNation = Annotated[Nation | None, BeforeValidator(_known_nation)]
"""A nation, or not stated (omitted): never assumed."""

MAX_YEAR = 50
MAX_LINES = 10_000
"""Lines in one table: a journey has tens; ten thousand is a generated table, not a typo."""


class Proxy(InputModel):
    """A figure from another nation's system standing in for one no source gives for this one.

    Said on the line, so that a reader sees which costs are the nation's own and which are
    borrowed, and why each was borrowed rather than left out.
    """

    nation: Nation = Field(description="The nation whose figure stands in.")
    reason: Text = Field(
        description="Why the other nation's figure is used, and how it may differ."
    )


def at_key(key: str, message: str, **context: Any) -> PydanticCustomError:
    """An error the loader places at ``key`` below the model that raised it ('figures', or
    '3.agency' below a table's lines), not at the model's first line."""
    return PydanticCustomError("at_key", message, {"at": key, **context})


def line_ref(table: str, line_id: str) -> str:
    """How a line is named across tables, in overrides, flags and comparisons: 'table/id'."""
    return f"{table}/{line_id}"


class Line(InputModel):
    """One cost in a child's journey into care."""

    id: Slug
    item: Text
    stage: Stage
    amount_gbp: Number = Field(ge=0, le=10_000_000, description="Cost of one unit, in pounds.")
    unit: Text = Field(description="What one unit is, e.g. 'per week', 'per avoided birth'.")
    quantity_per_child: Number = Field(default=Decimal(1), ge=0, le=10_000)
    share_of_children: Number = Field(
        default=Decimal(1),
        ge=0,
        le=1,
        description="Share of avoided births whose child follows this path.",
    )
    first_year: int = Field(
        default=1, ge=1, le=MAX_YEAR, description="Year after the avoided birth it falls in."
    )
    last_year: int | None = Field(
        default=None,
        ge=1,
        le=MAX_YEAR,
        description="Last year of a recurring cost; the cost falls in every year from "
        "first_year to last_year. Omitted: a one-off in first_year.",
    )
    classification: Classification
    agency: Text
    source: Source
    price_year: PriceYear
    price_index: IndexReference | None = Field(
        default=None,
        description="Index to uprate this line with, if not the table's own price_index: a "
        "shipped name or a path to an index file.",
    )
    fee_schedule: list[Fee] | None = Field(
        default=None,
        min_length=1,
        max_length=50,
        description="For a statutory fee: each fee and the day it came into force, in order. "
        "A fee is not uprated: a scenario's price year takes the fee in force in that year.",
    )
    derivation: Text | None = Field(
        default=None, description="How the amount was derived from the source's figures."
    )
    assumption: Text | None = Field(
        default=None, description="A judgement the figure rests on; outputs flag it."
    )
    figures: dict[Slug, Number] | None = Field(
        default=None,
        min_length=1,
        max_length=50,
        description="The published figures a derived amount, share or quantity is worked from, "
        "by name (a budget, a count): the derivation shows the arithmetic on them.",
    )
    proxy: Proxy | None = Field(
        default=None,
        description="Set when the figure is another nation's, standing in for one no source "
        "gives for the table's nation: whose, and why.",
    )
    transfer_to: Text | None = Field(
        default=None,
        description="The public body a fee is paid to (the court fee a council pays HMCTS): a "
        "transfer between public bodies, a cost to the council but not to the public sector.",
    )
    source_kind: SourceKind | None = Field(
        default=None,
        description="What the source is, for the evidence grade: council_published, "
        "national_unit_cost, second_hand or judgement. Omitted: second_hand where the source's "
        "note says so, else not stated.",
    )
    budget: BudgetLine | None = Field(
        default=None,
        description="The budget line the avoided cost falls on and its owner, where a source "
        "states them. Omitted: placed by stage or agency, shown as a judgement.",
    )

    @model_validator(mode="after")
    def _derived_says_how(self) -> Self:
        if self.figures is not None and self.derivation is None:
            raise at_key(
                "figures",
                "a figure worked from other figures needs its derivation: add `derivation:` "
                "showing the arithmetic on {names}",
                names=", ".join(self.figures),
            )
        return self

    @model_validator(mode="after")
    def _years_in_order(self) -> Self:
        if self.last_year is not None and self.last_year < self.first_year:
            raise ValueError(
                f"last_year ({self.last_year}) is before first_year ({self.first_year})"
            )
        if self.fee_schedule is not None:
            dates = [fee.in_force_from for fee in self.fee_schedule]
            if dates != sorted(set(dates)):
                raise ValueError("a fee schedule's dates must come in order, each once")
            if self.price_index is not None:
                raise ValueError("a fee is not uprated: give a fee_schedule or a price_index")
            fee = fee_in_force(self.fee_schedule, self.price_year)
            if fee is None or fee.amount_gbp != self.amount_gbp:
                shown = f"£{fee.amount_gbp}" if fee is not None else "none"
                raise ValueError(
                    f"amount_gbp is the fee in force in price_year {self.price_year}: the "
                    f"schedule gives {shown}"
                )
        return self

    @property
    def final_year(self) -> int:
        """The last year the cost falls in (first_year for a one-off)."""
        return self.first_year if self.last_year is None else self.last_year

    def with_changes(self, changes: Mapping[str, Decimal | int]) -> Line:
        """This line with some fields replaced, validated again as a whole line.

        A one-off moved to another year stays a one-off; years left out of order are refused
        by the same rule a table's own lines obey.
        """
        return Line.model_validate({**self.model_dump(), **changes})


class LeftOut(InputModel):
    """Part of the journey a table does not cost, and why."""

    item: Text
    reason: Text


class RemovalDecision(InputModel):
    """Where the decision to remove falls in a table's journey: the stages before it are
    costed for every avoided birth, whether or not a removal follows, so a scenario's
    ``adjustments.removal_share`` scales only the lines at or after it."""

    before: list[Stage] = Field(
        min_length=1,
        description="The stages that come before the removal decision (their lines are not "
        "scaled by the removal share).",
    )
    reason: Text = Field(description="Why these stages come before the decision.")


class Coverage(InputModel):
    """The stages a table costs and what it leaves out, so that a partial table is never
    mistaken for a whole journey."""

    stages: list[Stage] = Field(min_length=1, description="The stages its lines cost.")
    left_out: list[LeftOut] = Field(
        default_factory=list, description="What the table does not cost, each with its reason."
    )
    removal_decision: RemovalDecision | None = Field(
        default=None,
        description="The stages before the removal decision (omitted: every line is at or "
        "after it, and a removal share scales them all).",
    )


class Removal(InputModel):
    """A line a local table drops from the table it extends, and why."""

    id: Slug
    reason: Text


class TableFile(InputModel):
    """A table as written in a file: a named, sourced set of lines."""

    name: Slug
    title: Text
    edition: Text | None = None
    description: Text | None = None
    nation: OptionalNation = Field(
        default=None,
        description="The UK nation whose children's system these costs are for: england, "
        "scotland, wales or northern_ireland. Omitted: not stated (unknown), never assumed.",
    )
    price_index: IndexReference | None = Field(
        default=None,
        description="Index that uprates the lines to a scenario's price year: a shipped name "
        "or a path to an index file.",
    )
    coverage: Coverage | None = Field(
        default=None,
        description="The stages the table costs and what it leaves out (omitted: not stated).",
    )
    lines: list[Line] = Field(min_length=1, max_length=MAX_LINES)

    def index_reference(self, line: Line) -> str | None:
        """The index a line is uprated with: its own, else the table's."""
        return line.price_index or self.price_index

    @property
    def price_years(self) -> list[str]:
        """The price years its lines are in, earliest first ('YYYY/YY' sorts by year)."""
        return sorted({line.price_year for line in self.lines})

    @field_validator("lines")
    @classmethod
    def _unique_ids(cls, lines: list[Line]) -> list[Line]:
        first_index: dict[str, int] = {}
        for index, line in enumerate(lines):
            if line.id in first_index:
                # A type of its own, so the loader can point at the repeated id, not the list.
                raise PydanticCustomError(
                    "duplicate_id",
                    "line id '{id}' is used twice (items {first} and {second}); each line needs "
                    "its own id",
                    {"id": line.id, "first": first_index[line.id], "second": index},
                )
            first_index[line.id] = index
        return lines

    @field_validator("lines")
    @classmethod
    def _agencies_of_the_nation(cls, lines: list[Line], info: ValidationInfo) -> list[Line]:
        for index, line in enumerate(lines):
            problem = nation_problem(info.data.get("nation"), line)
            if problem is not None:
                key, message = problem
                raise at_key(f"{index}.{key}", message)
        return lines

    @field_validator("lines")
    @classmethod
    def _transfers_to_a_named_agency(cls, lines: list[Line]) -> list[Line]:
        """A fee paid to another public body is netted against that body's lines in the public
        sector's position: the body must be one a line of the table names as its agency (a
        misspelt receiver would leave the transfer counted on one side only)."""
        for index, message in transfer_problems(lines):
            raise at_key(f"{index}.transfer_to", message)
        return lines

    @model_validator(mode="after")
    def _coverage_matches_lines(self) -> Self:
        """The stages a table says it costs are the stages of its lines, no more, no fewer."""
        if self.coverage is None:
            return self
        said, costed = set(self.coverage.stages), {line.stage for line in self.lines}
        decision = self.coverage.removal_decision
        if decision is not None and set(decision.before) - said:
            raise at_key(
                "coverage.removal_decision.before",
                "{stages}: not among the stages the table costs; allowed: {allowed}",
                stages=", ".join(sorted(set(decision.before) - said)),
                allowed=", ".join(self.coverage.stages),
            )
        if said != costed:
            parts = []
            if costed - said:
                parts.append(f"lines cost {', '.join(sorted(costed - said))}, not listed")
            if said - costed:
                parts.append(f"no line costs {', '.join(sorted(said - costed))}")
            raise at_key(
                "coverage.stages",
                "the stages listed are not the stages of the lines: {detail}",
                detail="; ".join(parts),
            )
        return self


class UnitCostTable(TableFile):
    """A table ready to cost: a file's lines, or an extension applied to its base."""

    extends: str | None = Field(default=None, description="The table this one was built on.")
    removed: list[Removal] = Field(
        default_factory=list, description="Lines of the extended table left out, with reasons."
    )
