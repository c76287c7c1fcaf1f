"""``pause-cost national``: a nation's case from its parts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import UsageProblem, handled
from pause_cost.cli.options import (
    NATIONALS,
    ForceOption,
    NationalFormatOption,
    OutputFormat,
    OutputOption,
    resolve_format,
)


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
    output_format: NationalFormatOption = None,
    output: OutputOption = None,
    pack: Annotated[
        bool,
        typer.Option(
            "--pack",
            help="With markdown, the pack: a headline, the nation's case, then every source in "
            "full. html (-o national.html) is always the pack, the sources on a new page.",
        ),
    ] = False,
    force: ForceOption = False,
) -> None:
    """Build a nation's case from its parts: each published figure with its source, the area
    route (the evaluation's effect per area x areas) costed with the shipped tables and a
    programme cost derived from contracts, the per-woman route, the P5-P95 and the drivers;
    -o national.html, or --pack -o national.md, its pack (that case, then every source).
    """
    chosen = resolve_format(output_format, output, NATIONALS, command="national")
    if pack and chosen not in (OutputFormat.markdown, OutputFormat.html):
        raise UsageProblem(
            f"--pack writes markdown or html, not {chosen.value}: give -o national.md or "
            "national.html"
        )
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.national import national_document

        result = api.national(case, draws=draws, seed=seed)
        if chosen is OutputFormat.html or (pack and chosen is OutputFormat.markdown):
            from pause_cost.report.national import write_html, write_markdown

            writer = write_html if chosen is OutputFormat.html else write_markdown
            text = writer(result)
            emit(lambda _format, _terminal: text, chosen, output, force)
            return
        emit(documents(lambda: national_document(result)), chosen, output, force)
