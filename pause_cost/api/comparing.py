"""``compare``'s job: load two tables or two scenarios once each, cost them on one basis and
hand them to :func:`pause_cost.compare.compare`."""

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
from pause_cost.core.estimate import adjustment_factor, avoided_births
from pause_cost.core.exact import plan_line_values
from pause_cost.core.flags import another_nation_message, of_another_nation
from pause_cost.core.plan import compile_tables
from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load import inputs
from pause_cost.load.extensions import LoadedTable
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

    ``by="stage"`` rolls the lines up by stage, for tables whose line ids differ.
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
    base = None
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
        costed = cost_plan(plan, births, None if base is None else plan_line_values(base, plan))
        sides.append(costed)
        bases.append(plan_basis(plan, costed, births, counting))
    nation = base.nation if base is not None else None
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
