"""An estimate of a scenario file with what-ifs from the command line (``--set PATH=VALUE``)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from pause_cost.core import estimate as engine
from pause_cost.load.inputs import load_inputs
from pause_cost.results.estimate import Estimate, Flag


def estimate_scenario(path: Path, changes: Sequence[tuple[str, Decimal]] = ()) -> Estimate:
    """A scenario file's estimate, with any what-ifs applied (each echoed as a flag)."""
    inputs = load_inputs(path)
    if not changes:
        return engine.estimate(*inputs)
    from pause_cost.uncertainty.paths import address, change, read

    said = []
    for name, value in changes:
        where = address(inputs, name)
        said.append(f"{name} = {value} (was {read(inputs, where)})")
        inputs = change(inputs, where, value)
    result = engine.estimate(*inputs)
    what_if = Flag(
        code="what_if",
        message="What-if, set on the command line: " + "; ".join(said) + ".",
    )
    result.flags = [what_if, *result.flags]
    return result
