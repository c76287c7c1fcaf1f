"""A comparison's results: the change in each figure between two estimates, line by line.

Plain dataclasses whose JSON dump is the published contract, as for an estimate; the
comparison itself is worked out in :mod:`pause_cost.compare`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from pause_cost.results.base import Exact, result
from pause_cost.results.estimate import SCHEMA_VERSION, Amounts, Flag, LineResult

Status = Literal["changed", "unchanged", "added", "removed"]
Grouping = Literal["line", "stage"]
PeriodName = Literal["immediate", "horizon"]


@result
class Change:
    """A figure in A, in B, and B minus A."""

    a: Amounts
    b: Amounts
    difference: Amounts


@result
class Contribution:
    key: Annotated[
        str,
        Field(description="The line's id (table/id where ids repeat within a side), or the stage."),
    ]
    item: Annotated[
        str, Field(description="The line's item, or how many lines the stage has in A and B.")
    ]
    status: Status
    classification_a: Annotated[
        str | None,
        Field(description="In A; 'mixed' for a stage whose lines differ; null if absent."),
    ]
    classification_b: str | None
    immediate: Annotated[Amounts, Field(description="B minus A, by classification.")]
    horizon: Annotated[Amounts, Field(description="B minus A, by classification.")]


@result
class SideBasis:
    """What one side's figures are counted on: they compare only where these agree."""

    births: Annotated[Exact, Field(description="The avoided births costed (1: per birth).")]
    counting: str
    immediate_years: int
    horizon_years: int
    price_years: Annotated[
        list[str],
        Field(
            description="The price years of its figures: the one year asked for, or each "
            "line's own where none was."
        ),
    ]
    programme_cost_gbp: Exact | None
    net_gbp: Exact | None
    stages_costed: Annotated[
        list[str],
        Field(
            description="The journey's stages its lines cost (a line at share 0 or of amount "
            "0 costs nothing), in the journey's order."
        ),
    ]
    left_out: Annotated[
        list[str],
        Field(description="What its tables say they leave out of the journey, each once."),
    ]
    coverage_stated: Annotated[
        bool,
        Field(description="Whether every table says what it covers and leaves out."),
    ]


@result
class Comparison:
    schema_version: str = SCHEMA_VERSION
    a: Annotated[str, Field(description="What A is (a table or scenario name).")]
    b: str
    by: Annotated[Grouping, Field(description="Contributions by line, or rolled up by stage.")]
    a_basis: SideBasis
    b_basis: SideBasis
    flags: Annotated[
        list[Flag],
        Field(
            description="Where A and B are counted differently, so a change is not like for like."
        ),
    ]
    immediate: Change
    horizon: Change
    contributions: Annotated[
        list[Contribution],
        Field(description="Largest change in the horizon total first; unchanged lines last."),
    ]


@result
class Costed:
    """What a comparison reads of one side: its lines and its two periods' totals.

    An :class:`~pause_cost.results.estimate.Estimate` is one; so is a plan evaluated for a
    number of births with no scenario around it (tables compared per avoided birth).
    """

    lines: list[LineResult]
    immediate: Amounts
    horizon: Amounts
