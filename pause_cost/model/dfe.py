"""Children starting to be looked after, by age, as the DfE publishes them per council.

The Department for Education's open CSV "CLA starting during the year - characteristics - by
local authority" (Explore Education Statistics, Open Government Licence v3) has been seen in
two column layouts; the reader (:mod:`pause_cost.load.dfe`) takes either and keeps, for each
council and year, each age band's count as published, or None where the figure is suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Unused:
    """A row the reader could not use, and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class CouncilStarters:
    """One council's (or England's) starters in one year, by age band as published."""

    area: str
    level: str
    period: str
    by_age: dict[str, int | None]
    """Age band -> count; None where suppressed ('c') or otherwise not a count."""

    @property
    def under_one(self) -> int | None:
        return self.by_age.get("Under 1 year")

    @property
    def total(self) -> int | None:
        return self.by_age.get("Total", self.by_age.get("Total children"))


@dataclass(frozen=True)
class Starters:
    """What a DfE CSV gave: the layout recognised, each area's starters, what was not used."""

    path: str
    layout: str
    areas: list[CouncilStarters]
    unused: list[Unused] = field(default_factory=list)
