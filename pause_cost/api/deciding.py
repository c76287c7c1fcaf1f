"""The API of deciding: the value of information for funding a practice or not."""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.model.ranges import Ranges
    from pause_cost.results.decision import Information
    from pause_cost.results.options import Acceptability, OptionsAppraisal, Structural


def voi(
    scenario: Ranges | str | os.PathLike[str],
    *,
    draws: int = 100_000,
    seed: int = 1,
    groups: Sequence[Sequence[str]] = (),
) -> Information:
    """``pause-cost voi``: EVPI for funding the practice or not, and EVPPI of each drawn input
    (or of each group of input paths in ``groups``), from ``draws`` draws from ``seed``."""
    from pause_cost.load.uncertainty import Ranges, load_ranges
    from pause_cost.uncertainty.information import information

    if isinstance(scenario, Ranges):
        return information(scenario, draws, seed, groups=groups)
    return information(
        load_ranges(Path(scenario)), draws, seed, groups=groups, where=os.fspath(scenario)
    )


def appraise(
    scenarios: Sequence[str | os.PathLike[str]],
    *,
    draws: int | None = None,
    seed: int = 1,
    practices: int | None = None,
    groups: Sequence[Sequence[str]] = (),
) -> OptionsAppraisal:
    """``pause-cost appraise``: the options table for the scenarios given (do-minimum,
    sustain, scale...), on one price base and year 0; with ``practices``, one scenario with a
    practice block generates the options of 0 (the do-minimum: no programme, no avoidance) to
    ``practices`` practices. With ``draws``, each
    option's P(NPV > 0) from a Monte Carlo of ``draws`` from ``seed``, and where the options
    draw jointly, EVPI and the EVPPI of each drawn input (or of each group of input paths in
    ``groups``) and of the scenarios' ``evppi_groups``, each with its Monte Carlo error."""
    from pause_cost.errors import InputError
    from pause_cost.load.uncertainty import load_ranges
    from pause_cost.uncertainty.options import appraise as run
    from pause_cost.uncertainty.options import generated

    named = [(os.fspath(path), load_ranges(Path(path))) for path in scenarios]
    if practices is not None:
        if len(named) != 1:
            raise InputError.single(
                "appraise", "--practices generates the options from one scenario; give one"
            )
        named = generated(*named[0], practices)
    try:
        return run(named, draws, seed, groups, do_minimum=practices is not None)
    except InputError as exc:
        from pause_cost.load.keys import keys_located

        raise keys_located(exc) from None


def acceptability(
    scenario: Ranges | str | os.PathLike[str],
    *,
    input_path: str = "programme_cost.total_gbp",
    values: Sequence[Decimal | int | float | str],
    draws: int = 10_000,
    seed: int = 1,
    outcome: str = "npv",
    returns: Sequence[Decimal | int | float | str] = (),
) -> Acceptability:
    """``pause-cost acceptability``: P(``outcome`` > 0) as ``input_path`` takes each of
    ``values``, the other inputs drawn (``draws`` from ``seed`` at every value); with
    ``returns``, P(return per £1 >= x) for each x at each value, from the same draws."""
    from pause_cost.load.uncertainty import Ranges, load_ranges
    from pause_cost.uncertainty.acceptability import acceptability as run

    ranges = scenario if isinstance(scenario, Ranges) else load_ranges(Path(scenario))
    return run(
        ranges,
        input_path,
        [Decimal(str(value)) for value in values],
        draws,
        seed,
        outcome,
        [Decimal(str(value)) for value in returns],
    )


def structural(
    scenario: str | os.PathLike[str],
    *,
    what_ifs: Sequence[tuple[str, Decimal | int | float | str]] = (),
    alternatives: Sequence[str | os.PathLike[str]] = (),
) -> Structural:
    """``pause-cost structural``: the scenario's NPV, BCR and payback beside one row per
    what-if (``(path, value)``) and per alternative scenario file."""
    from pause_cost.api.whatifs import changed
    from pause_cost.errors import InputError, Problem
    from pause_cost.load.inputs import load_inputs
    from pause_cost.model.inputs import Inputs
    from pause_cost.model.paths import PathError
    from pause_cost.uncertainty.structural import structural as run

    rows: list[tuple[str, Inputs, str]] = []
    problems: list[Problem] = []
    for path, value in what_ifs:
        # each what-if as ``estimate --set`` takes it (a number or a text such as a counting
        # convention), refused where it is refused, every row's problems at once
        try:
            inputs, said = changed(scenario, {path: value})
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        except PathError as exc:
            problems.append(Problem(os.fspath(scenario), message=str(exc)))
            continue
        rows.append((f"{path} = {value}", inputs, said))
    if problems:
        raise InputError(problems)
    try:
        return run(
            os.fspath(scenario),
            load_inputs(Path(scenario)),
            rows,
            [(os.fspath(path), load_inputs(Path(path))) for path in alternatives],
        )
    except InputError as exc:
        from pause_cost.load.keys import keys_located

        raise keys_located(exc) from None
