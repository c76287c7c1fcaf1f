"""The jobs the commands run: load what the user named, then call the pure core.

Kept out of ``cli/`` so that it only parses arguments and maps errors to exit codes, and so
that scripts can run the same jobs without the CLI.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pause_cost.compare import (
    Comparison,
    Grouping,
    basis_of,
    compare,
    cost_plan,
    plan_basis,
    side_warnings,
)
from pause_cost.core.estimate import adjustment_factor, avoided_births, estimate
from pause_cost.core.flags import another_nation_message, of_another_nation
from pause_cost.core.plan import compile_tables
from pause_cost.errors import InputError
from pause_cost.load import inputs
from pause_cost.load.extensions import LoadedTable
from pause_cost.model.tables import UnitCostTable
from pause_cost.results.estimate import Flag


def compare_references(
    a: str,
    b: str,
    *,
    scenario: Path | None = None,
    price_year: str | None = None,
    horizon_years: int = 5,
    by: Grouping = "line",
) -> Comparison:
    """Compare two tables (per avoided birth, or for a scenario's cohort) or two scenarios.

    Each file is read once. ``by="stage"`` rolls the lines up by stage, for tables whose line
    ids differ.
    """
    first, second = inputs.load_reference(a), inputs.load_reference(b)
    if isinstance(first, inputs.Inputs) and isinstance(second, inputs.Inputs):
        if scenario is not None or price_year is not None:
            raise InputError.single(
                "compare", "--scenario and --price-year apply to tables; scenarios carry their own"
            )
        estimate_a, estimate_b = estimate(*first), estimate(*second)
        return compare(
            estimate_a,
            estimate_b,
            a_label=estimate_a.scenario.name,
            b_label=estimate_b.scenario.name,
            a_basis=basis_of(estimate_a),
            b_basis=basis_of(estimate_b),
            by=by,
            side_flags=[*side_warnings("A", estimate_a), *side_warnings("B", estimate_b)],
        )
    if not (isinstance(first, LoadedTable) and isinstance(second, LoadedTable)):
        raise InputError.single("compare", "give two tables or two scenarios, not one of each")
    if scenario is not None:
        # The scenario's cohort, periods and line overrides; its own tables are not costed.
        base = inputs.load_scenario(scenario)
        year = price_year or base.price_year
        births = avoided_births(base).counted * adjustment_factor(base)
        immediate_years, horizon_years = base.immediate_years, base.horizon_years
        overrides = base.line_overrides
        counting = base.avoided_births_counting
    else:
        # One avoided birth, exactly: every figure is per birth.
        year = price_year
        births, immediate_years, overrides, counting = Decimal(1), 1, [], "exact"
    indices = inputs.load_indices(year, [first, second]) if year is not None else {}
    bases, sides = [], []
    for loaded in (first, second):
        plan = compile_tables(
            [loaded.table],
            price_year=year,
            indices=indices,
            immediate_years=immediate_years,
            horizon_years=horizon_years,
            overrides=overrides,
        )
        costed = cost_plan(plan, births)
        sides.append(costed)
        bases.append(plan_basis(plan, costed, births, counting))
    nation = base.nation if scenario is not None else None
    return compare(
        sides[0],
        sides[1],
        a_label=first.table.name,
        b_label=second.table.name,
        a_basis=bases[0],
        b_basis=bases[1],
        by=by,
        side_flags=[
            Flag(code="nation_mismatch", message=f"{side}: {another_nation_message(nation, other)}")
            for side, loaded in (("A", first), ("B", second))
            if nation is not None and (other := of_another_nation(nation, [loaded.table]))
        ],
    )


def shipped_tables() -> list[UnitCostTable]:
    """Every shipped table, loaded (and so checked)."""
    return [inputs.load_table(name) for name in inputs.shipped_table_names()]


def validate_table(reference: str) -> list[str]:
    """Load a table (a shipped name or a file) and every index it names; note the lines no
    index can uprate.

    A line priced outside its index's years is not an error (a scenario may keep lines in
    their own price years) but it cannot be stated in another year's prices, so it is noted.
    A scenario given by mistake is told so, rather than reported key by key.
    """
    loaded = inputs.load_reference(reference, scenarios=False)
    table = loaded.table
    indices = inputs.table_indices(loaded)
    notes = []
    for line in table.lines:
        if line.fee_schedule is not None:
            continue  # a fee is not uprated: its schedule gives it for any year
        written = table.index_reference(line)
        index = indices.get(written) if written is not None else None
        if index is not None and not index.covers(line.price_year):
            notes.append(
                f"{line.id} is priced in {line.price_year}, outside {index.name} "
                f"({index.first_year} to {index.last_year}): it cannot be uprated"
            )
    return notes
