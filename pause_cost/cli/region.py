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
            "estimate). html (-o pack.html) is always the pack, each council on a new page; "
            "xlsx (-o region.xlsx) a Region sheet over each council's own sheets.",
        ),
    ] = False,
    simulate: Annotated[
        int,
        typer.Option(
            "--simulate",
            min=0,
            max=10_000_000,
            help="The region's Monte Carlo: this many draws of every council's ranges (0: "
            "none), the region's P5-P95 and the inputs that drive it.",
        ),
    ] = 0,
    seed: Annotated[int, typer.Option("--seed", min=0, help="The draws' seed, echoed.")] = 1,
    starters: Annotated[
        Path | None,
        typer.Option(
            "--starters",
            exists=True,
            dir_okay=False,
            help="A downloaded DfE starters CSV (in place of the region file's starters): "
            "each council's children under 1 starting to be looked after beside its estimate.",
        ),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Cost every council in a region file with its own figures: one row a council, the
    region's total, and each council's flags; -o pack.html, or --pack -o pack.md, the
    region's pack (that summary, then each council's estimate)."""
    chosen = resolve_format(output_format, output, REGIONS, command="region")
    if pack and chosen not in (OutputFormat.markdown, OutputFormat.html, OutputFormat.xlsx):
        raise UsageProblem(
            f"--pack writes markdown, html or xlsx, not {chosen.value}: give -o pack.md, "
            "pack.html or region.xlsx"
        )
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.region import region_document

        if chosen is OutputFormat.xlsx:
            from pause_cost.api.region import region_pack
            from pause_cost.report.region_book import write as write_book

            book = write_book(
                region_pack(region_file, draws=simulate, seed=seed, starters=starters)
            )
            emit(lambda _format, _terminal: book, chosen, output, force)
            return
        if chosen is OutputFormat.html or (pack and chosen is OutputFormat.markdown):
            from pause_cost.api.region import region_pack
            from pause_cost.report.region import write_html, write_markdown

            written = region_pack(region_file, draws=simulate, seed=seed, starters=starters)
            writer = write_html if chosen is OutputFormat.html else write_markdown
            text = writer(written)
            emit(lambda _format, _terminal: text, chosen, output, force)
            return
        result = api.region(region_file, draws=simulate, seed=seed, starters=starters)
        emit(documents(lambda: region_document(result)), chosen, output, force)
