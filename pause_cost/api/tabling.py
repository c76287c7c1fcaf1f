"""The tables' commands: ``tables list``, ``tables show`` and ``tables validate``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.errors import Problem
    from pause_cost.model.tables import UnitCostTable

PathLike = str | os.PathLike[str]


def tables() -> list[UnitCostTable]:
    """``pause-cost tables list``: every shipped table, loaded (and so checked)."""
    from pause_cost.load import inputs

    return [inputs.load_table(name) for name in inputs.shipped_table_names()]


def table(reference: PathLike) -> UnitCostTable:
    """``pause-cost tables show``: a table by shipped name or file."""
    from pause_cost.load.inputs import load_table

    return load_table(reference if isinstance(reference, str) else Path(reference))


@dataclass(frozen=True)
class TableCheck:
    """One table's check: its problems (none if it loaded) and the lines no index can uprate."""

    reference: str
    problems: tuple[Problem, ...] = ()
    notes: tuple[str, ...] = ()
    stages_costed: tuple[str, ...] = ()
    """The journey's stages its lines cost (a line at share 0 or of amount 0 costs nothing)."""
    left_out: tuple[tuple[str, str], ...] = ()
    """What the table says it leaves out of the journey: (item, reason)."""
    coverage_stated: bool = False
    """Whether the table says what it covers and leaves out."""

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_tables(references: Sequence[PathLike]) -> list[TableCheck]:
    """``pause-cost tables validate``: each table and the indices it names, checked; every
    table is checked whatever the others hold. A line priced outside its index's years is not
    an error (a scenario may keep lines in their own price years) but it cannot be stated in
    another year's prices, so it is noted. A scenario given by mistake is told so."""
    from pause_cost.errors import InputError
    from pause_cost.load import inputs
    from pause_cost.model.tables import STAGE_ORDER

    checks = []
    for given in references:
        reference = str(given)
        try:
            loaded = inputs.load_reference(reference, scenarios=False)
            indices = inputs.table_indices(loaded)
        except InputError as exc:
            checks.append(TableCheck(reference, problems=exc.problems))
            continue
        notes = []
        for line in loaded.table.lines:
            if line.fee_schedule is not None:
                continue  # a fee is not uprated: its schedule gives it for any year
            written = loaded.table.index_reference(line)
            index = indices.get(written) if written is not None else None
            if index is not None and not index.covers(line.price_year):
                notes.append(
                    f"{line.id} is priced in {line.price_year}, outside {index.name} "
                    f"({index.first_year} to {index.last_year}): it cannot be uprated"
                )
        table = loaded.table
        costing = {line.stage for line in table.lines if line.amount_gbp and line.share_of_children}
        coverage = table.coverage
        checks.append(
            TableCheck(
                reference,
                notes=tuple(notes),
                stages_costed=tuple(stage for stage in STAGE_ORDER if stage in costing),
                left_out=tuple((gap.item, gap.reason) for gap in coverage.left_out)
                if coverage is not None
                else (),
                coverage_stated=coverage is not None,
            )
        )
    return checks
