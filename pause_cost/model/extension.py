"""A council's own table: another table with lines replaced, added and removed by id.

Its own module, so the model is built only when a table ``extends`` another.
"""

from __future__ import annotations

from pydantic import Field

from pause_cost.model.base import IndexReference, InputModel, Slug, Text
from pause_cost.model.tables import Line, OptionalNation, Removal


class TableExtension(InputModel):
    """A council's own table: another table with lines replaced, added and removed by id.

    Every replaced or added line carries its own source; every removal gives its reason.
    """

    name: Slug
    title: Text
    edition: Text | None = None
    description: Text | None = None
    extends: Text = Field(description="The table it starts from: a shipped name or a path.")
    nation: OptionalNation = Field(
        default=None, description="The nation its costs are for; omitted: the extended table's."
    )
    price_index: IndexReference | None = Field(
        default=None, description="Index for the result; omitted: the extended table's."
    )
    replace: list[Line] = Field(default_factory=list, max_length=10_000)
    add: list[Line] = Field(default_factory=list, max_length=10_000)
    remove: list[Removal] = Field(default_factory=list, max_length=10_000)
