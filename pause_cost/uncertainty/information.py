"""The value of information for funding a practice or not, from the scenario's own draws.

The draws are the Monte Carlo's (:func:`pause_cost.uncertainty.montecarlo.run_draws` draws the
same numbers from the same seed): each chunk's inputs are drawn, correlated where asked, and
the compiled case evaluated on them (:func:`pause_cost.uncertainty.draws.evaluate_chunk`).
Funding's net benefit in a draw is its NPV (its net, where the scenario is not discounted);
not funding's is 0. EVPI and EVPPI are then :mod:`pause_cost.uncertainty.voi`'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

import numpy as np

from pause_cost.errors import InputError, Problem
from pause_cost.model.decision import ValueOfInformation
from pause_cost.model.ranges import Ranges
from pause_cost.results.decision import (
    Information,
    OptionValue,
    PartialValue,
    Population,
)
from pause_cost.uncertainty import honest, sampling, voi
from pause_cost.uncertainty.draws import (
    Array,
    Compiled,
    SimulationError,
    chunk_size,
    compile_for_draws,
    correlated,
    evaluate_chunk,
)
from pause_cost.uncertainty.judged import judgement_flags, range_of

MOST_DRAWS = 10_000_000
"""Draws the value of information takes at most (memory holds one chunk, whatever the draws)."""

OPTIONS = ("do not fund", "fund")


class InformationError(SimulationError):
    """Inputs or draws the value of information cannot be computed from."""


Chunks = Callable[[], Iterator[tuple[Array, Array]]]
"""Each call gives the same chunks again: per-draw net benefit (draws, options) and the drawn
inputs (draws, inputs)."""


def drawn_chunks(
    compiled: Compiled, draws: int, seed: int, outcome: str, chunk: int | None = None
) -> Iterator[tuple[Array, Array]]:
    """Each chunk's ``outcome`` and drawn inputs (draws, inputs), drawn as
    :func:`pause_cost.uncertainty.montecarlo.run_draws` draws them from the same seed: called
    twice, it gives the same chunks twice. ``chunk``: the draws a chunk (default: the
    Monte Carlo's for this case); options drawn jointly share one."""
    generator = np.random.default_rng(seed)
    done = 0
    chunk = chunk_size(compiled) if chunk is None else chunk
    while done < draws:
        size = min(chunk, draws - done)
        with np.errstate(over="ignore"):
            columns = [
                sampling.draw(drawn.distribution, generator, size) for drawn in compiled.drawn
            ]
        if compiled.correlations:
            columns = correlated(compiled, columns, generator)
        with np.errstate(over="ignore", invalid="ignore"):
            found = evaluate_chunk(compiled, columns, size)
        values = found.values[outcome]
        if not np.all(np.isfinite(values)):
            raise InformationError(f"draws of {outcome} cannot be summed (not finite)")
        yield np.column_stack([np.zeros(size), values]), found.inputs
        done += size


def passes(chunks: Chunks, groups: list[list[int]]) -> tuple[voi.Gains, list[voi.Regression]]:
    """EVPI's sums and each group's regression, in two passes over the same chunks: the first
    sums the normal equations, the second reads the fitted values. Memory holds one chunk:
    where the draws are one chunk, the second pass reads it again rather than drawing and
    evaluating it twice."""
    perfect = voi.Gains()
    regressions = [voi.Regression() for _ in groups]
    kept: list[tuple[Array, Array]] = []
    for count, (table, inputs) in enumerate(chunks()):
        kept = [(table, inputs)] if count == 0 else []
        perfect.add(table)
        increments = table[:, 1:] - table[:, :1]
        for regression, group in zip(regressions, groups, strict=True):
            regression.fit(inputs[:, group], increments)
    if groups:
        for table, inputs in kept or chunks():
            for regression, group in zip(regressions, groups, strict=True):
                regression.read(inputs[:, group], table[:, 1:] - table[:, :1])
    return perfect, regressions


def groups_of(
    compiled: Compiled, ranges: Ranges, asked: Sequence[Sequence[str]], where: str
) -> list[list[int]]:
    """Each group's drawn inputs by position: those asked for (else every input on its own),
    then the scenario's ``evppi_groups`` not among them. An input that is not drawn is
    refused, all at once, each problem located at ``where`` (the scenario's file) and the
    option (or the scenario's key)."""
    positions = {drawn.range.path: index for index, drawn in enumerate(compiled.drawn)}
    ranged = {found.path for found in ranges.ranges}
    stated = [
        (list(group), f"evppi_groups.{index}")
        for index, group in enumerate(ranges.inputs.scenario.evppi_groups)
    ]
    wanted = [(list(group), "--evppi") for group in asked] or [
        ([drawn.range.path], "") for drawn in compiled.drawn
    ]
    problems = []
    groups: list[list[int]] = []
    for group, key in wanted + stated:
        if not group:
            problems.append(Problem(where, key=key, message="an EVPPI group names no input"))
            continue
        for path in group:
            if path in positions:
                continue
            why = (
                "has a range but no distribution, so it is held at its point and never drawn"
                if path in ranged
                else "is not an uncertain input of this scenario"
            )
            problems.append(
                Problem(
                    where,
                    key=key,
                    message=f"{path}: EVPPI needs a drawn input; it {why} (drawn: "
                    f"{', '.join(positions) or 'none'})",
                )
            )
        if len(group) > voi.MOST_IN_GROUP:
            problems.append(
                Problem(
                    where,
                    key=key,
                    message=f"{'+'.join(group)}: a group of {len(group)} inputs; at most "
                    f"{voi.MOST_IN_GROUP} are learnt together (a cubic polynomial in "
                    f"{voi.MOST_IN_GROUP} has {voi.terms_needed(voi.MOST_IN_GROUP)} terms)",
                )
            )
        if len(set(group)) != len(group):
            problems.append(
                Problem(where, key=key, message=f"{'+'.join(group)}: an input is named twice")
            )
        found = [positions.get(path, -1) for path in group]
        if found not in groups:
            groups.append(found)
    if problems:
        raise InputError(problems)
    return groups


def refuse_too_few(draws: int, groups: list[list[int]], names: Sequence[str], where: str) -> None:
    """Refuse, located at ``where``'s ``--draws``, fewer draws than any group's regression
    needs (:func:`pause_cost.uncertainty.voi.draws_needed`), never a figure without them."""
    for group in groups:
        needed = voi.draws_needed(len(group))
        if draws < needed:
            raise InputError.single(
                where,
                f"{'+'.join(names[index] for index in group)}: {draws:,} draws are too few for "
                f"EVPPI's regression on {len(group)} input(s) ({voi.terms_needed(len(group))} "
                f"terms need {needed:,} draws); ask for at least {needed:,}",
                key="--draws",
            )


def population_factor(block: ValueOfInformation | None) -> float | None:
    """The discounted decisions a value per decision is scaled by (voi's ``pop_voi``)."""
    if block is None:
        return None
    return voi.population_factor(
        float(block.decisions_per_year), float(block.years), float(block.discount_rate_percent)
    )


def population_of(block: ValueOfInformation | None, flags: list[str]) -> Population | None:
    """The population block as a result (its study's cost beside it); a judgement is added to
    ``flags``."""
    factor = population_factor(block)
    if block is None or factor is None:
        return None
    basis = (
        block.source.cite()
        if block.source is not None
        else f"assumption: {(block.assumption or '').rstrip('.')}"
    )
    if block.source is None:
        flags.append(f"the population of decisions is a judgement: {block.assumption}")
    return Population(
        decisions_per_year=block.decisions_per_year,
        years=block.years,
        discount_rate_percent=block.discount_rate_percent,
        factor=_decimal(factor),
        basis=basis,
        study_cost=None if block.study is None else block.study.cost_gbp,
        study_source=None if block.study is None else block.study.source.cite(),
    )


def partial_values(
    groups: list[list[int]],
    regressions: list[voi.Regression],
    names: Sequence[str],
    factor: float | None,
) -> list[PartialValue]:
    """Each group's EVPPI with its MCSE, its regression, and scaled by ``factor``; largest
    first."""
    partial = []
    for group, regression in zip(groups, regressions, strict=True):
        found = regression.estimated()
        partial.append(
            PartialValue(
                inputs=[names[index] for index in group],
                value=_decimal(found.value),
                mcse=_decimal(found.mcse),
                method="restricted cubic spline, 7 knots"
                if len(group) == 1
                else f"polynomial of total degree {voi.GROUP_DEGREE}",
                terms=found.terms,
                population=None if factor is None else _decimal(found.value * factor),
            )
        )
    partial.sort(key=lambda row: (-row.value, row.inputs))
    return partial


def information(
    ranges: Ranges,
    draws: int,
    seed: int,
    *,
    groups: Sequence[Sequence[str]] = (),
    where: str = "scenario",
) -> Information:
    """EVPI for funding or not, and EVPPI of each drawn input (or each group asked for)."""
    honest.refuse_normative(ranges)
    compiled = compile_for_draws(ranges)
    if not compiled.drawn:
        raise InputError.single(
            where,
            "no input has a distribution, so nothing is uncertain to learn about: give a range "
            "a distribution (see the README's 'How sure')",
            key="uncertainty",
        )
    if draws > MOST_DRAWS:
        raise InputError.single(
            where,
            f"{draws:,} draws: the value of information takes at most {MOST_DRAWS:,}",
            key="--draws",
        )
    chosen = groups_of(compiled, ranges, groups, where)
    names = [drawn.range.path for drawn in compiled.drawn]
    refuse_too_few(draws, chosen, names, where)
    outcome = "npv" if compiled.discounted else "net"
    sums, regressions = passes(lambda: drawn_chunks(compiled, draws, seed, outcome), chosen)
    perfect = sums.estimated()
    means = sums.means()
    spread = sums.errors()
    scenario = ranges.inputs.scenario
    factor = population_factor(scenario.value_of_information)
    flags = judgement_flags(ranges)
    population = population_of(scenario.value_of_information, flags)
    partial = partial_values(chosen, regressions, names, factor)
    drawn_paths = {drawn.range.path for drawn in compiled.drawn}
    return Information(
        scenario=scenario.name,
        outcome=outcome,
        draws=draws,
        seed=seed,
        numpy=np.__version__,
        bit_generator=type(np.random.default_rng(seed).bit_generator).__name__,
        options=[
            OptionValue(option=name, expected=_decimal(mean), mcse=_decimal(error))
            for name, mean, error in zip(OPTIONS, means, spread, strict=True)
        ],
        best=OPTIONS[int(np.argmax(means))],
        evpi=_decimal(perfect.value),
        evpi_mcse=_decimal(perfect.mcse),
        evpi_population=None if factor is None else _decimal(perfect.value * factor),
        partial=partial,
        population=population,
        held=[
            range_of(found, ranges.inputs)
            for found in ranges.ranges
            if found.path not in drawn_paths
        ],
        flags=flags,
    )


def _decimal(value: float) -> Decimal:
    """A float as the decimal of its shortest repr: the same bytes on every machine."""
    return Decimal(repr(float(value)))
