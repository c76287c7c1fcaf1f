"""What the one-way analyses share: an outcome as results carry it, where a range comes from,
and the flags a judgement or a gross figure raises."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.model.ranges import Range, Ranges
from pause_cost.results.uncertainty import InputRange, RangeBasis


def shown(value: Decimal) -> Decimal | None:
    """An outcome as results carry it: never (an infinite payback) is null."""
    return value if value.is_finite() else None


def basis_of(found: Range) -> RangeBasis:
    """Where a range comes from: derived from counts, a source, or a judgement."""
    if found.derived:
        return "derived"
    return "judgement" if found.judgement else "source"


def range_of(found: Range) -> InputRange:
    return InputRange(
        input=found.path,
        point=found.point,
        low=found.low,
        high=found.high,
        basis=basis_of(found),
        assumption=found.assumption,
    )


def judgement_flags(ranges: Ranges) -> list[str]:
    """A line for every range that is a judgement rather than data, and for every range
    derived from counts that do not hold the input's point."""
    return [
        f"the range of {found.path} ({found.low} to {found.high}) is a judgement"
        + (f": {found.assumption}" if found.assumption else "")
        for found in ranges.ranges
        if found.judgement
    ] + [
        f"the range of {found.path} derived from its counts ({found.low} to {found.high}) does "
        f"not hold its point ({found.point}): the counts and the point disagree, and draws "
        "come from the counts, so their mean sits away from the point"
        for found in ranges.ranges
        if found.derived and not found.low <= found.point <= found.high
    ]


def gross_flag(gross: bool) -> list[str]:
    return (
        ["gross: the scenario gives no programme cost, so net is the gross horizon total"]
        if gross
        else []
    )
