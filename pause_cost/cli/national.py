"""``pause-cost national``: a nation's case from its parts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import ForceOption, FormatOption, OutputOption, resolve_format


def national(
    case: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, metavar="CASE", help="A nation's case file."),
    ],
    draws: Annotated[
        int,
        typer.Option("--draws", min=0, max=10_000_000, help="Monte Carlo draws (0: none)."),
    ] = 100_000,
    seed: Annotated[int, typer.Option("--seed", min=0, help="The draws' seed, echoed.")] = 1,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Build a nation's case from its parts: each published figure with its source, the area
    route (the evaluation's effect per area x areas) costed with the shipped tables and a
    programme cost derived from contracts, the per-woman route, the P5-P95 and the drivers.
    """
    chosen = resolve_format(output_format, output, command="national")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.national import national_document

        result = api.national(case, draws=draws, seed=seed)
        emit(documents(lambda: national_document(result)), chosen, output, force)
