"""``pause-cost report``: the committee pack as a workbook, a printable page or Markdown."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.handling import handled, say
from pause_cost.cli.options import ForceOption
from pause_cost.exit_codes import ExitCode


class ReportFormat(StrEnum):
    xlsx = "xlsx"
    html = "html"
    md = "md"


EXTENSIONS = {
    ".xlsx": ReportFormat.xlsx,
    ".html": ReportFormat.html,
    ".htm": ReportFormat.html,
    ".md": ReportFormat.md,
    ".markdown": ReportFormat.md,
}


def _date(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise typer.BadParameter(f"write the date as YYYY-MM-DD, not {value!r}")
    return value


def _resolve(output_format: ReportFormat | None, output: Path | None) -> ReportFormat:
    implied = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if output_format is None:
        if implied is None:
            say("give -o FILE ending .xlsx, .html or .md, or --format xlsx|html|md")
            raise typer.Exit(ExitCode.USAGE)
        return implied
    if implied is not None and implied is not output_format:
        say(f"--format {output_format.value} contradicts the output file {output}")
        raise typer.Exit(ExitCode.USAGE)
    if output_format is ReportFormat.xlsx and output is None:
        say("a workbook is written to a file: give -o FILE.xlsx")
        raise typer.Exit(ExitCode.USAGE)
    return output_format


def report(
    scenario: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, metavar="SCENARIO", help="Scenario YAML file."),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="pack.xlsx, pack.html or pack.md."),
    ] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="xlsx, html or md (default: the file's extension)."),
    ] = None,
    sensitivity: Annotated[
        bool,
        typer.Option("--sensitivity", help="Add the tornado and break-even values (needs ranges)."),
    ] = False,
    target: Annotated[
        str, typer.Option("--target", help="The break-even target with --sensitivity.")
    ] = "net>=0",
    simulate: Annotated[
        int | None,
        typer.Option("--simulate", min=1, max=10_000_000, help="Add a Monte Carlo of N draws."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="The Monte Carlo's seed.")] = 1,
    date: Annotated[
        str | None,
        typer.Option("--date", callback=_date, help="A date to print on the pack, YYYY-MM-DD."),
    ] = None,
    force: ForceOption = False,
) -> None:
    """Write the committee pack: headline figures and a paragraph a councillor can read, the
    inputs and their sources, every figure the scenario supports, the lines, the assumptions
    and flags; with --sensitivity and --simulate, the tornado, break-even and Monte Carlo.
    Every figure is the engine's own (the JSON output's, to the penny)."""
    chosen = _resolve(output_format, output)
    from pause_cost.cli.uncertainty import parse_target

    parse_target(target)  # a target that cannot be read is a usage error, before any work
    with handled():
        from pause_cost.report.build import build_pack, write_pack

        pack = build_pack(
            scenario,
            sensitivity=sensitivity,
            target=target,
            draws=simulate,
            seed=seed,
            date=date,
        )
        write_pack(pack, chosen.value, output, force)
