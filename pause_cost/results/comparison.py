"""The result of a comparison: the change from A to B in each figure, and each line's (or
stage's) part in it. Plain dataclasses whose JSON dump is the published contract; the
comparison itself is worked in :mod:`pause_cost.compare`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from pause_cost.results.base import Exact, result
from pause_cost.results.estimate import SCHEMA_VERSION, Amounts, Flag

Status = Literal["changed", "unchanged", "added", "removed"]
Grouping = Literal["line", "stage"]


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
