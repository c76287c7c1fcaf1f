"""``pause-cost region``: many councils costed in one run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import ForceOption, FormatOption, OutputOption, resolve_format


def region(
    region_file: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, metavar="REGION", help="A region file."),
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Cost every council in a region file with its own figures: one row a council, the
    region's total, and each council's flags."""
    chosen = resolve_format(output_format, output, command="region")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.region import region_document

        result = api.region(region_file)
        emit(documents(lambda: region_document(result)), chosen, output, force)
