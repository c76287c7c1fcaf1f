"""``pause-cost region``: many councils costed in one run."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import UsageProblem, handled
from pause_cost.cli.options import (
    REGIONS,
    ForceOption,
    OutputFormat,
    OutputOption,
    RegionFormatOption,
    resolve_format,
)


def region(
    region_file: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, metavar="REGION", help="A region file."),
    ],
    output_format: RegionFormatOption = None,
    output: OutputOption = None,
    pack: Annotated[
        bool,
        typer.Option(
            "--pack",
            help="With markdown, the pack: the summary, then one section per council (its "
            "estimate). html (-o pack.html) is always the pack, each council on a new page.",
        ),
    ] = False,
    force: ForceOption = False,
) -> None:
    """Cost every council in a region file with its own figures: one row a council, the
    region's total, and each council's flags; -o pack.html, or --pack -o pack.md, the
    region's pack (that summary, then each council's estimate)."""
    chosen = resolve_format(output_format, output, REGIONS, command="region")
    if pack and chosen not in (OutputFormat.markdown, OutputFormat.html):
        raise UsageProblem(
            f"--pack writes markdown or html, not {chosen.value}: give -o pack.md or pack.html"
        )
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.region import region_document

        if chosen is OutputFormat.html or (pack and chosen is OutputFormat.markdown):
            from pause_cost.api.region import region_pack
            from pause_cost.report.region import write_html, write_markdown

            written = region_pack(region_file)
            writer = write_html if chosen is OutputFormat.html else write_markdown
            text = writer(written)
            emit(lambda _format, _terminal: text, chosen, output, force)
            return
        result = api.region(region_file)
        emit(documents(lambda: region_document(result)), chosen, output, force)
