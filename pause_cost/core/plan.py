"""Compile a scenario's tables into a plan: every line's value per avoided birth, once.

Compiling applies the scenario's line overrides (validated once, here), finds each line's
uprating factor (each index's factor for a pair of years computed once) and keeps, per line,
what an evaluation needs: its value per avoided birth per year at the price year, its years,
classification, agency, stage and reference. Evaluating the plan is then plain arithmetic, so
it can be repeated cheaply, on decimals or on arrays of draws.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from pause_cost.core import formulas
from pause_cost.model.scenario import LineOverride
from pause_cost.model.tables import (
    Classification,
    Fee,
    Line,
    Stage,
    UnitCostTable,
    fee_in_force,
    line_ref,
)
from pause_cost.money import to_decimal

if TYPE_CHECKING:  # the model loads only where a price year asks for an index
    from pause_cost.model.splice import Index

ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class PlannedLine:
    """One line as costed: the scenario's overrides applied, uprated to the price year."""

    table: str
    line: Line
    override: LineOverride | None
    amount_gbp: Decimal
    quantity_per_child: Decimal
    share_of_children: Decimal
    uprating_factor: Decimal
    price_index: Index | None
    per_birth_per_year_gbp: Decimal
    fee_in_force_from: str | None = None
    """For a statutory fee: the day the fee used came into force (a fee is not uprated)."""

    @property
    def ref(self) -> str:
        return line_ref(self.table, self.line.id)

    @property
    def first_year(self) -> int:
        return self.line.first_year

    @property
    def last_year(self) -> int:
        return self.line.final_year

    @property
    def classification(self) -> Classification:
        return self.line.classification

    @property
    def stage(self) -> Stage:
        return self.line.stage


@dataclass(frozen=True, slots=True)
class Plan:
    """Every line of the tables, ready to evaluate for any number of avoided births."""

    tables: tuple[UnitCostTable, ...]
    lines: tuple[PlannedLine, ...]
    price_year: str | None
    immediate_years: int
    horizon_years: int

    @property
    def indices_used(self) -> list[Index]:
        """The indices that uprated a line, each once, in the order lines first use them."""
        used: dict[str, Index] = {}
        for planned in self.lines:
            if planned.price_index is not None:
                used.setdefault(planned.price_index.name, planned.price_index)
        return list(used.values())


def compile_tables(
    tables: Sequence[UnitCostTable],
    *,
    price_year: str | None,
    indices: Mapping[str, Index],
    immediate_years: int,
    horizon_years: int,
    overrides: Sequence[LineOverride] = (),
) -> Plan:
    """The plan for these tables at a price year (None: each line keeps its own).

    ``indices`` maps each index reference the tables write to the index loaded for it;
    ``load_inputs`` returns it so.
    """
    by_ref = {override.line: override for override in overrides}
    factors: dict[tuple[str, str], Decimal] = {}
    planned: list[PlannedLine] = []
    for table in tables:
        for original in table.lines:
            override = by_ref.get(line_ref(table.name, original.id))
            line = original if override is None else original.with_changes(override.changes())
            fee = _fee(line, price_year)
            index = None if fee is not None else _index(price_year, table, line, indices)
            factor = ONE
            if index is not None and price_year is not None:
                key = (index.name, line.price_year)
                if key not in factors:
                    factors[key] = index.factor(line.price_year, price_year)
                factor = factors[key]
            amount = to_decimal(fee.amount_gbp if fee is not None else line.amount_gbp)
            quantity = to_decimal(line.quantity_per_child)
            share = to_decimal(line.share_of_children)
            planned.append(
                PlannedLine(
                    table=table.name,
                    line=line,
                    override=override,
                    amount_gbp=amount,
                    quantity_per_child=quantity,
                    share_of_children=share,
                    uprating_factor=factor,
                    price_index=index,
                    per_birth_per_year_gbp=formulas.per_birth_per_year(
                        amount, quantity, share, factor
                    ),
                    fee_in_force_from=fee.in_force_from if fee is not None else None,
                )
            )
    return Plan(
        tables=tuple(tables),
        lines=tuple(planned),
        price_year=price_year,
        immediate_years=immediate_years,
        horizon_years=horizon_years,
    )


def _fee(line: Line, price_year: str | None) -> Fee | None:
    """For a statutory fee, the fee in force in the price year (the line's own, if none)."""
    if line.fee_schedule is None:
        return None
    fee = fee_in_force(line.fee_schedule, price_year or line.price_year)
    if fee is None:
        raise ValueError(f"{line.id}: no fee in force in {price_year}")
    return fee


def _index(
    price_year: str | None, table: UnitCostTable, line: Line, indices: Mapping[str, Index]
) -> Index | None:
    """The index that states a line in the price year (None when no price year is asked)."""
    if price_year is None or line.price_year == price_year:
        return None  # kept in its own year, or already in the price year: no uprating
    reference = table.index_reference(line)
    if reference is None or reference not in indices:
        raise ValueError(f"{table.name}/{line.id}: no price index {reference!r} to uprate it with")
    return indices[reference]
