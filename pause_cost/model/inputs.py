"""Everything an estimate needs, as one frozen value: what the loader returns, what-ifs change.

A what-if never edits inputs in place: :func:`pause_cost.model.paths.change` returns new
``Inputs`` with one number changed (the rest shared, not copied), so the inputs a run started
from are the inputs it ends with, and two analyses of one scenario cannot disturb each other.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for annotations only: importing Inputs loads no model
    from pause_cost.model.discounting import DiscountSchedule
    from pause_cost.model.scenario import Scenario
    from pause_cost.model.splice import Index
    from pause_cost.model.tables import UnitCostTable


@dataclass(frozen=True, slots=True)
class Inputs:
    """A scenario, its tables, the indices that uprate them, its discounting and cash index."""

    scenario: Scenario
    tables: tuple[UnitCostTable, ...]
    indices: Mapping[str, Index]
    schedule: DiscountSchedule | None = None
    nominal_index: Index | None = None
    deflator: Index | None = None
    """Converts a programme cost in cash or another price year to the savings' price year."""

    def __iter__(self) -> Iterator[Any]:
        """The fields in order, so ``estimate(*inputs)`` still reads as it did.

        Kept while callers move to passing the inputs whole; a frozen value has no other use
        for iteration.
        """
        return iter(
            (
                self.scenario,
                self.tables,
                self.indices,
                self.schedule,
                self.nominal_index,
                self.deflator,
            )
        )
