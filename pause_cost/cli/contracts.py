"""``pause-cost contract``: what an outcomes contract is expected to pay, and to whom."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import ForceOption, FormatOption, OutputOption, resolve_format


def contract(
    scenario: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, metavar="SCENARIO", help="Scenario YAML with a contract."
        ),
    ],
    draws: Annotated[
        int,
        typer.Option("--draws", min=0, max=10_000_000, help="Monte Carlo draws (0: none)."),
    ] = 10_000,
    seed: Annotated[int, typer.Option("--seed", min=0, help="The draws' seed, echoed.")] = 1,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Cost the scenario's outcomes contract: expected payments by payer and financial year,
    the council's net position under it beside the practice bought directly, the break-even
    price per outcome, and the Monte Carlo's ranges with P(the contract's maximum is reached).
    """
    chosen = resolve_format(output_format, output, command="contract")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.contracts import contract_document

        result = api.contract(scenario, draws=draws, seed=seed)
        emit(documents(lambda: contract_document(result)), chosen, output, force)
