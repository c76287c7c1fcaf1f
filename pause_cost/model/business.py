"""The finance officer's inputs: a line's budget and owner, what kind of source a figure rests
on, and the council's payback threshold.

A council's invest-to-save business case asks for the budget lines that reduce, the benefit
owners, and payback "within the council's payback threshold" (MHCLG Digital Planning,
*Cost Focused Financial Case*); the National Audit Office grades the evidence behind a savings
claim. These are the inputs those need; the rules that grade evidence and map a line to a
budget by default are in :mod:`pause_cost.model.business_rules`.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from pause_cost.model.base import InputModel, Source, Text

SourceKind = Literal["council_published", "national_unit_cost", "second_hand", "judgement"]
"""What a figure's source is: a council's own published figure, a national unit cost (a
national database, statistics or a national body's published rate), a figure read only in a
third party's copy or report of its source (second-hand), or a judgement (no source gives it)."""

KindFound = SourceKind | Literal["not_stated"]
"""A figure's source kind as found: stated, read from a second-hand note, or not stated."""

SavingsKind = Literal["cash_releasing", "non_cash_releasing", "other_agency"]
"""Whose budget a saving falls on and whether it releases cash (the Cabinet Office's terms)."""

Grade = Literal["sufficient", "partial", "insufficient"]
"""The National Audit Office's grades of the evidence behind a savings claim."""


class BudgetLine(InputModel):
    """The budget a line's avoided cost would fall on, and who holds it, as a source says."""

    line: Text = Field(description="The budget line, as the council's budget book names it.")
    owner: Text = Field(description="Who holds the budget: the benefit owner.")
    source: Source = Field(description="Where the budget line and owner are stated.")


class BusinessCase(InputModel):
    """What the council's business-case template asks for beyond the costing itself."""

    payback_threshold_years: int | None = Field(
        default=None,
        ge=1,
        le=50,
        description="The council's payback threshold: the invest-to-save table says whether "
        "cashable cost avoided repays the programme within it. Omitted: no threshold (the template "
        "gives none), and outputs say so.",
    )
    source: Source | None = Field(
        default=None, description="Where the threshold is set (a council's policy or paper)."
    )
    assumption: Text | None = Field(
        default=None, description="Where no source sets the threshold: the judgement taken."
    )
    programme_cost_source_kind: SourceKind | None = Field(
        default=None,
        description="What the programme cost's source is, for its evidence grade. Omitted: "
        "second_hand where its source's note says so, else not stated.",
    )
    births_source_kind: SourceKind | None = Field(
        default=None,
        description="What the cohort's birth rate rests on, for its evidence grade. Omitted: "
        "second_hand where its source's note says so, else not stated.",
    )

    @model_validator(mode="after")
    def _threshold_sourced(self) -> Self:
        if self.payback_threshold_years is not None and (
            self.source is None and self.assumption is None
        ):
            raise ValueError(
                "a payback threshold needs its source (the council's policy), or an assumption "
                "saying it is a judgement"
            )
        return self
