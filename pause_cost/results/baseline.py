"""The JSON ``pause-cost starters`` writes, as a published schema: each area's starters by age
band as the DfE's CSV gives them, and each row the reader could not use. The reader's own
values are :mod:`pause_cost.model.dfe`'s; these classes describe their JSON form only."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from pause_cost.results.base import result


@result
class StartersArea:
    area: str
    level: Annotated[str, Field(description="National, Regional or Local authority.")]
    period: str
    by_age: Annotated[
        dict[str, int | None],
        Field(description="Age band -> children, as published; null where suppressed."),
    ]


@result
class StartersUnused:
    line: int
    reason: str


@result
class StartersOutput:
    layout: Annotated[str, Field(description="The CSV's layout: 2024 or 2025.")]
    areas: list[StartersArea]
    unused: list[StartersUnused]
