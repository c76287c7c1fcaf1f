"""What the flag rules read: the estimate as assembled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pause_cost.model.scenario import Scenario
from pause_cost.results.economics import Economics
from pause_cost.results.estimate import (
    AvoidedBirths,
    IndexSummary,
    LineResult,
    Programme,
    TableSummary,
)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules read."""

    scenario: Scenario
    lines: Sequence[LineResult]
    births: AvoidedBirths
    programme: Programme
    indices: Sequence[IndexSummary] = ()
    tables: Sequence[TableSummary] = ()
    economics: Economics | None = None
