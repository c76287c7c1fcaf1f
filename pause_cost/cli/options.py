"""The options every command shares: one --format, -o and --force, and the format they mean.

Every command takes the same ``--format`` (``-f``) with the same names; each writes the formats
that fit what it makes (a pack is a workbook, a page or Markdown; a result is a table, Markdown,
JSON, JSON lines or CSV). The format may also come from ``-o``'s extension, for every command.
Only typer and our own cheap modules are imported here, so ``--help`` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from pause_cost.cli.handling import UsageProblem
from pause_cost.visible import shown_text


class OutputFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    csv_wide = "csv-wide"
    xlsx = "xlsx"
    html = "html"


ALIASES = {"md": OutputFormat.markdown}
"""Other names a format is known by: ``md`` is ``markdown`` (as the file extension is)."""

DOCUMENTS = (
    OutputFormat.table,
    OutputFormat.json,
    OutputFormat.jsonl,
    OutputFormat.csv,
    OutputFormat.markdown,
)
"""What any result can be written as; the first is the default."""
ESTIMATES = (*DOCUMENTS[:4], OutputFormat.csv_wide, OutputFormat.markdown)
PACKS = (OutputFormat.xlsx, OutputFormat.html, OutputFormat.markdown)
REGIONS = (*DOCUMENTS, OutputFormat.html, OutputFormat.xlsx)
"""``region``'s: its documents, and the page and workbook of its pack."""
NATIONALS = (*DOCUMENTS, OutputFormat.html)
"""``national``'s: its documents, and the page of its pack."""
JSON_ONLY = (OutputFormat.json, OutputFormat.jsonl)
CHECKS = (OutputFormat.table, OutputFormat.json, OutputFormat.jsonl)
JSON_FORMATS = frozenset(JSON_ONLY)
"""The formats under which errors, too, are written as JSON (on stderr)."""

EXTENSIONS: dict[str, tuple[OutputFormat, ...]] = {
    ".json": (OutputFormat.json,),
    ".jsonl": (OutputFormat.jsonl,),
    ".csv": (OutputFormat.csv, OutputFormat.csv_wide),
    ".md": (OutputFormat.markdown,),
    ".markdown": (OutputFormat.markdown,),
    ".xlsx": (OutputFormat.xlsx,),
    ".html": (OutputFormat.html,),
    ".htm": (OutputFormat.html,),
}
"""The output file extensions that name a format (the first) and the formats such a file may
hold; ``--format`` may not contradict them. Any other (``.txt`` included: every format but the
workbook is text) takes the command's default unless ``--format`` says else."""

NOT_WRITTEN = {".pdf": "a PDF"}
"""Extensions no command writes; the pack's page prints to one."""

KINDS = {OutputFormat.xlsx: "a workbook", OutputFormat.html: "a page"}


def _parser(formats: tuple[OutputFormat, ...]) -> Callable[[str], OutputFormat]:
    """A format by name (or alias), or a usage error that names the command's formats. A
    format another command writes passes, for :func:`resolve_format` to say which does."""

    def parse_format(value: str) -> OutputFormat:
        lowered = value.lower()
        if lowered in ALIASES:
            return ALIASES[lowered]
        try:
            return OutputFormat(lowered)
        except ValueError:
            choices = ", ".join(member.value for member in formats)
            raise typer.BadParameter(
                f"{shown_text(value)} is not a format; choose {choices}"
            ) from None

    return parse_format


def _given_only(
    ctx: typer.Context, param: typer.CallbackParam, value: OutputFormat | None
) -> OutputFormat | None:
    """``--format`` as given on the command line, or None when it was not given, so that
    :func:`resolve_format` can tell "no --format" (take it from ``-o``) from the default."""
    source = ctx.get_parameter_source(param.name) if param.name else None
    if source is None or source.name in ("DEFAULT", "DEFAULT_MAP"):
        return None
    return value


def _format_option(formats: tuple[OutputFormat, ...], default: str) -> Any:
    """The ``--format`` option of a command that writes ``formats``."""
    names = "|".join(member.value for member in formats)
    return typer.Option(
        "--format",
        "-f",
        parser=_parser(formats),
        metavar=f"[{names}]",
        callback=_given_only,
        show_default=False,
        help=f"{', '.join(member.value for member in formats)} ('md' is markdown). Default: "
        f"from the -o file's extension, otherwise {default}. With json or jsonl, errors are "
        "written to stderr as JSON too.",
    )


FormatOption = Annotated[OutputFormat | None, _format_option(DOCUMENTS, "table")]
EstimateFormatOption = Annotated[OutputFormat | None, _format_option(ESTIMATES, "table")]
PackFormatOption = Annotated[OutputFormat | None, _format_option(PACKS, "none")]
RegionFormatOption = Annotated[OutputFormat | None, _format_option(REGIONS, "table")]
NationalFormatOption = Annotated[OutputFormat | None, _format_option(NATIONALS, "table")]
JsonFormatOption = Annotated[OutputFormat | None, _format_option(JSON_ONLY, "json")]
CheckFormatOption = Annotated[OutputFormat | None, _format_option(CHECKS, "table")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the output file if it exists.")
]

ReturnOption = Annotated[
    list[float] | None,
    typer.Option(
        "--return",
        metavar="X",
        help="Also give P(return per £1 >= X) at each value of the curve; repeat for more.",
    ),
]


def _names(formats: tuple[OutputFormat, ...]) -> str:
    return ", ".join(member.value for member in formats)


def resolve_format(
    output_format: OutputFormat | None,
    output: Path | None,
    formats: tuple[OutputFormat, ...] = DOCUMENTS,
    *,
    command: str = "estimate",
) -> OutputFormat:
    """The format to write: ``--format`` if given, else the one ``-o``'s extension names, else
    the command's default (the first of ``formats``).

    A format the command does not write, a ``--format`` that contradicts a naming extension
    (``-f csv -o out.json``), a workbook, page or PDF asked of a command that makes none (it
    points to ``report``), or a workbook to stdout: each a usage error, before any work.
    """
    suffix = output.suffix.lower() if output is not None else ""
    fitting = EXTENSIONS.get(suffix, ())
    if suffix in NOT_WRITTEN or any(fit not in formats for fit in fitting[:1]):
        kind = NOT_WRITTEN.get(suffix) or KINDS.get(fitting[0], f"{fitting[0].value}")
        pointer = (
            ". The committee pack is: pause-cost report SCENARIO -o pack.xlsx (a workbook), "
            "pack.html (a page that prints to PDF) or pack.md."
            if command != "report" and (suffix in NOT_WRITTEN or fitting[0] in KINDS)
            else ""
        )
        raise UsageProblem(
            f"pause-cost {command} does not write {kind} ({output}); it writes "
            f"{_names(formats)}{pointer}"
        )
    if output_format is None:
        if fitting:
            return fitting[0]
        if formats[0] is OutputFormat.xlsx:
            raise UsageProblem("give -o FILE ending .xlsx, .html or .md, or --format html|markdown")
        return formats[0]
    if output_format not in formats:
        raise UsageProblem(
            f"pause-cost {command} does not write {output_format.value}; it writes "
            f"{_names(formats)}"
        )
    if fitting and output_format not in fitting:
        raise UsageProblem(
            f"--format {output_format.value} contradicts the output file {output} (a "
            f"{output.suffix if output else ''} file is {fitting[0].value}); drop --format or "
            "change the file name"
        )
    if output_format is OutputFormat.xlsx and output is None:
        raise UsageProblem("a workbook is written to a file: give -o FILE.xlsx")
    return output_format
