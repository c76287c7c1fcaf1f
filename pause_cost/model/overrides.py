"""A scenario's own figure for a table line's share, quantity or years."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Self

from pydantic import Field, model_validator

from pause_cost.model.base import InputModel, Number, Source, Text


class LineOverride(InputModel):
    """The scenario's own figure for a line's share, quantity or years, in place of the table's.

    For a judgement a council can do better than (the share of children adopted, weeks in
    care); an amount is changed in a table that ``extends`` the shipped one, with its source.
    """

    line: Text = Field(
        pattern=r"^[a-z0-9][a-z0-9_-]*/[a-z0-9][a-z0-9_-]*$",
        description="The line, as table/id (e.g. care-journey-england/adoption-placement).",
    )
    share_of_children: Annotated[Number, Field(ge=0, le=1)] | None = None
    quantity_per_child: Annotated[Number, Field(ge=0, le=10_000)] | None = None
    first_year: int | None = Field(default=None, ge=1, le=50)
    last_year: int | None = Field(default=None, ge=1, le=50)
    reason: Text = Field(description="Why the scenario's figure replaces the table's.")
    source: Source | None = None

    @model_validator(mode="after")
    def _changes_something(self) -> Self:
        if not self.changes():
            raise ValueError(
                "give at least one of share_of_children, quantity_per_child, first_year, last_year"
            )
        return self

    def changes(self) -> dict[str, Decimal | int]:
        """The fields this override sets, by name."""
        fields = ("share_of_children", "quantity_per_child", "first_year", "last_year")
        return {name: getattr(self, name) for name in fields if getattr(self, name) is not None}
