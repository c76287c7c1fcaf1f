"""``pause-cost starters``: the DfE's published baseline, read as published."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import ForceOption, FormatOption, OutputOption, resolve_format


def starters(
    csv_file: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, metavar="CSV", help="A downloaded DfE starters CSV."
        ),
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Read the DfE's "CLA starting during the year - characteristics - by local authority"
    CSV (2024 or 2025 layout): each area's starters under 1 and of all ages, as published,
    and every row it could not use (suppressed 'c', 'k', other marks) with its line."""
    chosen = resolve_format(output_format, output, command="starters")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.baseline import starters_document

        result = api.starters(csv_file)
        emit(documents(lambda: starters_document(result)), chosen, output, force)
