"""What the one-way analyses share: an outcome as results carry it, where a range comes from,
and the flags a judgement or a gross figure raises."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.model.inputs import Inputs
from pause_cost.model.labels import input_label
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


def range_of(found: Range, inputs: Inputs, basis: RangeBasis | None = None) -> InputRange:
    """The range as results carry it, with the input's plain-English label and unit."""
    label = input_label(found.path, inputs)
    return InputRange(
        input=found.path,
        point=found.point,
        low=found.low,
        high=found.high,
        basis=basis_of(found) if basis is None else basis,
        assumption=found.assumption,
        label=label.text,
        unit=label.unit,
    )


def judgement_flags(ranges: Ranges) -> list[str]:
    """A line for every range that is a judgement rather than data, and for every range
    derived from counts that do not hold the input's point."""
    return [
        f"the range of {_lower(input_label(found.path, ranges.inputs).text)} ({found.path}: "
        f"{found.low} to {found.high}) is a judgement"
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


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def gross_flag(gross: bool) -> list[str]:
    return (
        ["gross: the scenario gives no programme cost, so net is the gross horizon total"]
        if gross
        else []
    )
