"""``pause-cost voi``: what better information would be worth to the decision to fund."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import (
    ForceOption,
    FormatOption,
    OutputOption,
    ReturnOption,
    resolve_format,
)
from pause_cost.cli.uncertainty import ScenarioArgument


def voi(
    scenario: ScenarioArgument,
    draws: Annotated[
        int, typer.Option("--draws", min=1, max=10_000_000, help="How many draws.")
    ] = 100_000,
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="The seed; the same seed gives the same bytes.")
    ] = 1,
    evppi: Annotated[
        list[str] | None,
        typer.Option(
            "--evppi",
            metavar="PATH[+PATH...]",
            help="An input (or inputs joined by '+', learnt together) to value; repeat for "
            "more. Default: each drawn input on its own.",
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Value of information: EVPI for funding the practice or not, and EVPPI of each drawn
    input (Strong, Oakley and Brennan's regression), each with its Monte Carlo error, scaled
    to the scenario's population of decisions beside a study's cost where it states them."""
    chosen = resolve_format(output_format, output, command="voi")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.decision import information_document

        groups = [[part.strip() for part in asked.split("+")] for asked in evppi or []]
        result = api.voi(scenario, draws=draws, seed=seed, groups=groups)
        emit(documents(lambda: information_document(result)), chosen, output, force)


def appraise(
    scenarios: Annotated[
        list[Path],
        typer.Argument(
            exists=True,
            dir_okay=False,
            metavar="SCENARIO...",
            help="Each option's scenario (do-minimum, sustain, scale...), two or more.",
        ),
    ],
    draws: Annotated[
        int | None,
        typer.Option(
            "--draws",
            min=1,
            max=10_000_000,
            help="Draws for each option's P(NPV > 0) (options with distributions).",
        ),
    ] = None,
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="The seed; the same seed gives the same bytes.")
    ] = 1,
    practices: Annotated[
        int | None,
        typer.Option(
            "--practices",
            min=1,
            max=1_000,
            help="From one scenario with a practice block: options of 1 to N practices.",
        ),
    ] = None,
    evppi: Annotated[
        list[str] | None,
        typer.Option(
            "--evppi",
            metavar="PATH[+PATH...]",
            help="With --draws: an input (or inputs joined by '+', learnt together) whose "
            "EVPPI to give; repeat for more. Default: each drawn input on its own.",
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Options appraisal: each option's NPV, BCR, payback, cashable payback and P(NPV > 0),
    the incremental NPV and BCR of each against the next smaller, and switching values side by
    side, on one price base and year 0 (a mix is refused)."""
    chosen = resolve_format(output_format, output, command="appraise")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.options import options_document

        groups = [[part.strip() for part in asked.split("+")] for asked in evppi or []]
        result = api.appraise(scenarios, draws=draws, seed=seed, practices=practices, groups=groups)
        emit(documents(lambda: options_document(result)), chosen, output, force)


def acceptability(
    scenario: ScenarioArgument,
    input_path: Annotated[
        str, typer.Option("--input", metavar="PATH", help="The input to vary.")
    ] = "programme_cost.total_gbp",
    low: Annotated[float, typer.Option("--from", help="The first value.")] = 0.0,
    high: Annotated[float, typer.Option("--to", help="The last value.")] = 1_000_000.0,
    steps: Annotated[
        int, typer.Option("--steps", min=2, max=201, help="Values, ends included.")
    ] = 11,
    draws: Annotated[
        int, typer.Option("--draws", min=1, max=1_000_000, help="Draws at each value.")
    ] = 10_000,
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="The seed; the same seed gives the same bytes.")
    ] = 1,
    outcome: Annotated[str, typer.Option("--outcome", help="npv (default) or net.")] = "npv",
    returns: ReturnOption = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Acceptability curve: P(NPV > 0) as the programme's cost (or --input) runs from --from
    to --to in --steps values, the other inputs drawn from the same seed at each; with
    --return X, P(return per £1 >= X) beside it, from the same draws."""
    chosen = resolve_format(output_format, output, command="acceptability")
    with handled(output_format):
        from decimal import Decimal

        from pause_cost import api
        from pause_cost.render.options import acceptability_document

        first, last = Decimal(repr(low)), Decimal(repr(high))
        values = [first + (last - first) * index / (steps - 1) for index in range(steps)]
        result = api.acceptability(
            scenario,
            input_path=input_path,
            values=values,
            draws=draws,
            seed=seed,
            outcome=outcome,
            returns=[Decimal(repr(value)) for value in returns or []],
        )
        emit(documents(lambda: acceptability_document(result)), chosen, output, force)


def structural(
    scenario: ScenarioArgument,
    set_values: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="PATH=VALUE",
            help="A structural what-if, one row each, as estimate --set takes it "
            "(adjustments.removal_share.share=0.6, pause_window.gestation_months=0, "
            "avoided_births_counting=exact); repeat for more.",
        ),
    ] = None,
    alternatives: Annotated[
        list[Path] | None,
        typer.Option(
            "--alternative",
            exists=True,
            dir_okay=False,
            metavar="SCENARIO",
            help="Another scenario file, one row (another table, counting convention...).",
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Structural scenarios as a table: the scenario's NPV, BCR and payback beside one row per
    --set what-if and per --alternative scenario, each with its change in NPV."""
    chosen = resolve_format(output_format, output, command="structural")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.errors import InputError
        from pause_cost.render.options import structural_document

        pairs = []
        for text in set_values or []:
            path, equals, value = text.partition("=")
            if not equals or not path.strip() or not value.strip():
                raise InputError.single("--set", f"{text}: write PATH=VALUE")
            pairs.append((path.strip(), value.strip()))
        result = api.structural(scenario, what_ifs=pairs, alternatives=alternatives or [])
        emit(documents(lambda: structural_document(result)), chosen, output, force)
