"""``pause-cost voi``: what better information would be worth to the decision to fund."""

from __future__ import annotations

from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import ForceOption, FormatOption, OutputOption, resolve_format
from pause_cost.cli.uncertainty import ScenarioArgument


def voi(
    scenario: ScenarioArgument,
    draws: Annotated[
        int, typer.Option("--draws", min=1, max=1_000_000, help="How many draws.")
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
