"""An acceptability curve: the chance that NPV (or net) is above 0 as one input, the
programme's cost by default, is set to each of a run of values, the other inputs drawn as the
Monte Carlo draws them. Each value is a what-if (the input set, its own range dropped) run
through :func:`pause_cost.uncertainty.montecarlo.simulate` from the same seed, so the curve's
points share their draws (common random numbers) and move only with the input.

Beside it, for each return per £1 asked for, the chance that the council's avoidance per £1
of the programme's total cost (the ``return_per_pound`` outcome) is at least that, counted
from the same draws at each point."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

import numpy as np

from pause_cost.core import formulas
from pause_cost.model.ranges import Ranges
from pause_cost.results.options import Acceptability, AcceptabilityPoint, ReturnChance
from pause_cost.uncertainty import honest
from pause_cost.uncertainty.draws import Outcomes, SimulationError
from pause_cost.uncertainty.montecarlo import simulate
from pause_cost.uncertainty.outcomes import NEEDS_COST_RETURN
from pause_cost.uncertainty.whatif import apply


def acceptability(
    ranges: Ranges,
    path: str,
    values: Sequence[Decimal],
    draws: int,
    seed: int,
    outcome: str = "npv",
    returns: Sequence[Decimal] = (),
) -> Acceptability:
    """P(``outcome`` > 0) at each value of the input at ``path``, and P(return per £1 >= x)
    for each x of ``returns``."""
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
        counter = _Returns(returns)
        found = simulate(
            fixed, draws, seed, outcome=outcome, watch=counter.see if returns else None
        )
        chance = next(each for each in found.chances if each.outcome == outcome)
        points.append(
            AcceptabilityPoint(
                value=value,
                chance=chance,
                returns=[
                    _chance(threshold, hits, draws)
                    for threshold, hits in zip(returns, counter.reached, strict=True)
                ],
            )
        )
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
        returns=list(returns),
        points=points,
        flags=flags,
    )


class _Returns:
    """Draws whose return per £1 is at least each threshold, counted chunk by chunk."""

    def __init__(self, thresholds: Sequence[Decimal]) -> None:
        self.thresholds = [float(threshold) for threshold in thresholds]
        self.reached = [0] * len(thresholds)

    def see(self, chunk: Outcomes) -> None:
        if chunk.programme_total is None:
            raise SimulationError(NEEDS_COST_RETURN + ": --return asks for its chance")
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = formulas.return_per_pound(chunk.values["horizon_total"], chunk.programme_total)
        for index, threshold in enumerate(self.thresholds):
            self.reached[index] += int(np.count_nonzero(ratio >= threshold))


def _chance(threshold: Decimal, reached: int, draws: int) -> ReturnChance:
    """P(return per £1 >= ``threshold``), bounded where no draw (or every draw) reaches it."""
    return ReturnChance(
        at_least=threshold,
        reached=reached,
        draws=draws,
        probability=Decimal(repr(reached / draws)),
        bound=Decimal(repr(honest.bound_when_none(draws))) if reached in (0, draws) else None,
    )
