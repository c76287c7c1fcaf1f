"""An acceptability curve: the chance that NPV (or net) is above 0 as one input, the
programme's cost by default, is set to each of a run of values, the other inputs drawn as the
Monte Carlo draws them. Each value is a what-if (the input set, its own range dropped) run
through :func:`pause_cost.uncertainty.montecarlo.simulate` from the same seed, so the curve's
points share their draws (common random numbers) and move only with the input."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from pause_cost.model.ranges import Ranges
from pause_cost.results.options import Acceptability, AcceptabilityPoint
from pause_cost.uncertainty.montecarlo import simulate
from pause_cost.uncertainty.whatif import apply


def acceptability(
    ranges: Ranges,
    path: str,
    values: Sequence[Decimal],
    draws: int,
    seed: int,
    outcome: str = "npv",
) -> Acceptability:
    """P(``outcome`` > 0) at each value of the input at ``path``."""
    points = []
    flags: list[str] = []
    numpy = bit_generator = ""
    for value in values:
        inputs, _ = apply(ranges.inputs, [(path, value)])
        fixed = dataclasses.replace(
            ranges,
            inputs=inputs,
            ranges=tuple(found for found in ranges.ranges if found.path != path),
            correlations=tuple(pair for pair in ranges.correlations if path not in pair.inputs),
        )
        found = simulate(fixed, draws, seed, outcome=outcome)
        chance = next(each for each in found.chances if each.outcome == outcome)
        points.append(AcceptabilityPoint(value=value, chance=chance))
        numpy, bit_generator = found.numpy, found.bit_generator
        flags = [flag for flag in found.flags if path not in flag]
    return Acceptability(
        scenario=ranges.inputs.scenario.name,
        input=path,
        outcome=outcome,
        draws=draws,
        seed=seed,
        numpy=numpy,
        bit_generator=bit_generator,
        points=points,
        flags=flags,
    )
