"""``pause-cost region``: each council costed with its own figures, and the region's total.

Each council is its scenario with its local figures applied (as ``--set`` applies them, each
echoed), estimated by the same engine; the region's total adds the councils' unrounded
figures. A council with no programme cost leaves the region's net unstated.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pause_cost.engine import estimate
from pause_cost.model.inputs import Inputs
from pause_cost.model.region import Council, Region
from pause_cost.results.estimate import Estimate, Flag
from pause_cost.results.region import CouncilRow, RegionResult
from pause_cost.uncertainty.whatif import apply

ZERO = Decimal(0)


def council_estimate(inputs: Inputs, changes: list[tuple[str, Decimal]]) -> tuple[Estimate, str]:
    """A council's estimate: its scenario with its local figures applied, and what they said."""
    changed, said = apply(inputs, changes) if changes else (inputs, "")
    return estimate(*changed), said


def council_inputs(inputs: Inputs, changes: list[tuple[str, Decimal]]) -> Inputs:
    """A council's inputs with its local figures applied."""
    return apply(inputs, changes)[0] if changes else inputs


def cost_region(
    region: Region, councils: Sequence[tuple[Council, Inputs, list[tuple[str, Decimal]]]]
) -> RegionResult:
    """One row a council, and the total."""
    rows: list[CouncilRow] = []
    for council, inputs, changes in councils:
        result, said = council_estimate(inputs, changes)
        flags = list(result.flags)
        if council.assumption is not None:
            flags.insert(0, Flag(code="council_judged", message=council.assumption))
        if (
            council.nation is not None
            and result.scenario.nation is not None
            and council.nation != result.scenario.nation
        ):
            flags.insert(
                0,
                Flag(
                    code="nation_mismatch",
                    message=f"{council.name} is in {council.nation}, but its scenario is "
                    f"{result.scenario.nation}'s",
                ),
            )
        avoided = result.avoided_births
        births = avoided.costed if avoided.costed is not None else avoided.counted
        rows.append(
            CouncilRow(
                name=council.name,
                nation=council.nation,
                scenario=result.scenario.name,
                start=council.start,
                changes=said,
                women_open=result.scenario.women_open,
                avoided_births=births,
                immediate_total_gbp=result.immediate.total_gbp,
                horizon_cashable_gbp=result.horizon.cashable_gbp,
                horizon_total_gbp=result.horizon.total_gbp,
                programme_cost_gbp=result.programme.cost_gbp,
                net_gbp=result.programme.net_gbp,
                flags=flags,
            )
        )
    costs = [row.programme_cost_gbp for row in rows]
    known = [cost for cost in costs if cost is not None]
    whole = len(known) == len(costs)
    horizon = sum((row.horizon_total_gbp for row in rows), ZERO)
    programme = sum(known, ZERO) if whole else None
    return RegionResult(
        name=region.name,
        title=region.title,
        councils=rows,
        women_open=sum(row.women_open for row in rows),
        avoided_births=sum((row.avoided_births for row in rows), ZERO),
        immediate_total_gbp=sum((row.immediate_total_gbp for row in rows), ZERO),
        horizon_cashable_gbp=sum((row.horizon_cashable_gbp for row in rows), ZERO),
        horizon_total_gbp=horizon,
        programme_cost_gbp=programme,
        net_gbp=None if programme is None else horizon - programme,
    )
