"""Whose lines are whose: each funder's lines, and the public sector's with transfers netted.

Compiled once per scenario (:mod:`pause_cost.core.compile`) as whole-number matrices, so the
exact estimate and the arrays of draws evaluate each perspective with the same functions.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from pause_cost.core.plan import Plan
from pause_cost.model.scenario import Scenario
from pause_cost.money import to_decimal

COUNCIL = ("cashable", "internal")

Matrix = tuple[tuple[int, ...], ...]
"""A whole-number matrix, one row per line."""


@dataclass(frozen=True, slots=True)
class FunderLines:
    """A funder (or those not funding): the lines whose savings fall to it, and its share."""

    name: str
    kind: str
    share: Decimal
    agencies: tuple[str, ...]
    lines: Matrix
    """(lines, horizon): 1 where a line of this funder's falls in a year."""


def public_lines(
    plan: Plan, build: Callable[[tuple[bool, ...], int], Matrix]
) -> tuple[FunderLines, ...]:
    """The public sector (every line but transfers, the whole cost) and the transfers (a fee
    one public body pays another: a council's cost avoided, but no saving to the public
    sector, whose other side is the receiving body's lost income)."""
    transfer = tuple(line.line.transfer_to is not None for line in plan.lines)
    return (
        FunderLines(
            "Public sector",
            "public_sector",
            Decimal(1),
            (),
            build(tuple(not t for t in transfer), plan.horizon_years),
        ),
        FunderLines("Transfers", "transfers", Decimal(0), (), build(transfer, plan.horizon_years)),
    )


def funder_lines(
    scenario: Scenario, plan: Plan, build: Callable[[tuple[bool, ...], int], Matrix]
) -> tuple[FunderLines, ...]:
    """Each funder's lines, then those not funding (where any line or the council is left)."""
    if scenario.funders is None or scenario.programme_cost is None:
        return ()
    lines = plan.lines
    claimed = {agency for funder in scenario.funders for agency in funder.agencies}
    has_council = any(funder.kind == "council" for funder in scenario.funders)
    found = []
    for funder in scenario.funders:
        agencies = frozenset(funder.agencies)
        council = funder.kind == "council"
        include = tuple(
            (council and line.classification in COUNCIL)
            or (line.classification == "other_agency" and line.line.agency in agencies)
            for line in lines
        )
        found.append(
            FunderLines(
                name=funder.name,
                kind=funder.kind,
                share=to_decimal(funder.share_of_programme_cost),
                agencies=tuple(funder.agencies),
                lines=build(include, plan.horizon_years),
            )
        )
    unclaimed = sorted(
        {
            line.line.agency
            for line in lines
            if line.classification == "other_agency" and line.line.agency not in claimed
        }
    )
    if unclaimed or not has_council:
        include = tuple(
            (not has_council and line.classification in COUNCIL)
            or (line.classification == "other_agency" and line.line.agency not in claimed)
            for line in lines
        )
        found.append(
            FunderLines(
                name="Not funding the programme",
                kind="not_funding",
                share=Decimal(0),
                agencies=tuple(unclaimed),
                lines=build(include, plan.horizon_years),
            )
        )
    return tuple(found)
