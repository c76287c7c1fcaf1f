"""The value of information for the choice among options, from joint draws.

Options draw jointly when each draws the same inputs from the same distributions (and the same
rank correlations): the one seed then gives every option the same draws of them, chunk by
chunk (one chunk size for all). A draw's net benefit of an option is its NPV, of doing nothing
0. EVPI, each EVPPI (an input alone, or a group regressed on jointly), their Monte Carlo
standard errors and the population scaling are :mod:`pause_cost.uncertainty.information`'s
and :mod:`pause_cost.uncertainty.voi`'s, run on these chunks: nothing is computed twice, and
memory holds one chunk per option whatever the draws.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from pause_cost.errors import InputError, Problem
from pause_cost.model.ranges import Ranges
from pause_cost.results.decision import PartialValue, Population
from pause_cost.uncertainty import voi
from pause_cost.uncertainty.draws import Array, Compiled, chunk_size, compile_for_draws
from pause_cost.uncertainty.information import (
    MOST_DRAWS,
    drawn_chunks,
    groups_of,
    partial_values,
    passes,
    population_factor,
    population_of,
    refuse_too_few,
)


@dataclass(frozen=True)
class Planned:
    """The options compiled for drawing, the groups to value and the population to scale to:
    everything checked before a draw is made."""

    compiled: list[Compiled]
    names: list[str]
    groups: list[list[int]]
    draws: int
    seed: int
    factor: float | None
    population: Population | None
    flags: list[str]


@dataclass(frozen=True)
class Valued:
    """EVPI for the choice among the options and doing nothing, and each group's EVPPI."""

    evpi: voi.Estimated
    evpi_population: float | None
    partial: list[PartialValue]
    population: Population | None
    flags: list[str]


def plan(
    options: Sequence[tuple[str, Ranges]],
    draws: int,
    seed: int,
    asked: Sequence[Sequence[str]] = (),
) -> Planned:
    """Check what the value of information needs, every problem located: groups of drawn
    inputs (asked on the command line, else each input alone, and each option's
    ``evppi_groups``), enough draws for each group's regression, and one population of
    decisions (options that state one state the same)."""
    compiled = [compile_for_draws(ranges) for _, ranges in options]
    first_file = options[0][0]
    names = [drawn.range.path for drawn in compiled[0].drawn]
    if draws > MOST_DRAWS:
        raise InputError.single(
            first_file,
            f"{draws:,} draws: the value of information takes at most {MOST_DRAWS:,}",
            key="--draws",
        )
    wanted = [list(group) for group in asked] or [[name] for name in names]
    groups: list[list[int]] = []
    for (file, ranges), case in zip(options, compiled, strict=True):
        for group in groups_of(case, ranges, wanted, file):
            if group not in groups:
                groups.append(group)
    refuse_too_few(draws, groups, names, first_file)
    stated = [
        (file, ranges.inputs.scenario.value_of_information)
        for file, ranges in options
        if ranges.inputs.scenario.value_of_information is not None
    ]
    problems = [
        Problem(
            file,
            key="value_of_information",
            message=f"differs from {stated[0][0]}'s: the options are one decision, whose "
            "value of information is scaled to one population of decisions",
        )
        for file, block in stated[1:]
        if block != stated[0][1]
    ]
    if problems:
        raise InputError(problems)
    block = stated[0][1] if stated else None
    flags: list[str] = []
    return Planned(
        compiled=compiled,
        names=names,
        groups=groups,
        draws=draws,
        seed=seed,
        factor=population_factor(block),
        population=population_of(block, flags),
        flags=flags,
    )


def joint_chunks(planned: Planned) -> Iterator[tuple[Array, Array]]:
    """Each chunk's net benefit (draws, 1 + options: doing nothing's 0, then each option's
    NPV) and the drawn inputs, from every option's draws of one chunk size and one seed."""
    chunk = min(chunk_size(case) for case in planned.compiled)
    streams = [
        drawn_chunks(case, planned.draws, planned.seed, "npv", chunk) for case in planned.compiled
    ]
    for parts in zip(*streams, strict=True):
        table = np.column_stack([parts[0][0][:, 0], *(part[0][:, 1] for part in parts)])
        yield table, parts[0][1]


def value(planned: Planned) -> Valued:
    """EVPI and each group's EVPPI, with their Monte Carlo errors, in two passes over the
    joint chunks."""
    sums, regressions = passes(lambda: joint_chunks(planned), planned.groups)
    perfect = sums.estimated()
    factor = planned.factor
    return Valued(
        evpi=perfect,
        evpi_population=None if factor is None else perfect.value * factor,
        partial=partial_values(planned.groups, regressions, planned.names, factor),
        population=planned.population,
        flags=planned.flags,
    )
