"""The options every command shares: one --format, -o and --force, and the format they mean.

Only typer and our own cheap modules are imported here, so ``--help`` stays fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.handling import say
from pause_cost.exit_codes import ExitCode


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


EXTENSIONS = {
    ".json": OutputFormat.json,
    ".csv": OutputFormat.csv,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
}
"""The output file extensions that name a format; ``--format`` may not contradict them. Any
other (``.txt`` included: every format is text) gets the table unless ``--format`` says else."""


def _given_only(
    ctx: typer.Context, param: typer.CallbackParam, value: OutputFormat | None
) -> OutputFormat | None:
    """``--format`` as given on the command line, or None when it was not given.

    Whatever default a command declares, it arrives as None, so that :func:`resolve_format`
    can tell "no --format" (take the format from ``-o``'s extension) from ``-f table``.
    """
    source = ctx.get_parameter_source(param.name) if param.name else None
    if source is None or source.name in ("DEFAULT", "DEFAULT_MAP"):
        return None
    return value


def _format(value: str) -> OutputFormat:
    """A format by name, or a usage error that names the formats there are."""
    try:
        return OutputFormat(value.lower())
    except ValueError:
        choices = ", ".join(member.value for member in OutputFormat)
        raise typer.BadParameter(f"{value!r} is not a format; choose {choices}") from None


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        parser=_format,
        metavar="[table|json|csv|markdown]",
        callback=_given_only,
        show_default=False,
        help="table (for a terminal), json, csv or markdown. Default: from the -o file's "
        "extension (.json, .csv, .md), otherwise table. With json, input problems are written "
        "to stderr as JSON too.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the output file if it exists.")
]


def resolve_format(output_format: OutputFormat | None, output: Path | None) -> OutputFormat:
    """The format to write: ``--format`` if given, else the one ``-o``'s extension names.

    ``.json``, ``.csv`` and ``.md`` (or ``.markdown``) name json, csv and markdown; anything
    else (``.txt``, another extension or none, or stdout) gets the table, as plain 120-column
    text in a file. A ``--format`` that contradicts a naming extension (``-f csv -o out.json``)
    is a usage error: one line, exit 2, nothing written. ``.txt`` contradicts no format.
    """
    implied = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if output_format is None:
        return implied or OutputFormat.table
    if implied is not None and implied is not output_format:
        say(
            f"--format {output_format.value} contradicts the output file {output} (a "
            f"{output.suffix if output else ''} file is {implied.value}); drop --format or "
            "change the file name"
        )
        raise typer.Exit(ExitCode.USAGE)
    return output_format
