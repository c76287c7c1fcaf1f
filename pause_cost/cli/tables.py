"""``pause-cost tables``: list, show and check unit-cost tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from pause_cost.cli.emit import Content, as_json_line, documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import (
    CHECKS,
    CheckFormatOption,
    ForceOption,
    FormatOption,
    OutputFormat,
    OutputOption,
    resolve_format,
)

if TYPE_CHECKING:
    from pause_cost.api import TableCheck

app = typer.Typer(
    help="List, show and check unit-cost tables.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("list")
def tables_list(
    output_format: FormatOption = None, output: OutputOption = None, force: ForceOption = False
) -> None:
    """List the shipped unit-cost tables: name, title, lines and price years."""
    chosen = resolve_format(output_format, output, command="tables list")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.listing import list_document

        tables = api.tables()
        emit(documents(lambda: list_document(tables)), chosen, output, force)


@app.command("show")
def tables_show(
    name: Annotated[str, typer.Argument(metavar="TABLE", help="A shipped table's name or a file.")],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show every line of a table with its amount, timing, source and price year."""
    chosen = resolve_format(output_format, output, command="tables show")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.listing import table_document

        table = api.table(name)
        emit(documents(lambda: table_document(table)), chosen, output, force)


def _summary(checks: list[TableCheck], output_format: OutputFormat) -> Content:
    """The check's result: each table's notes and a one-line count as text, or as JSON."""
    failed = sum(1 for check in checks if not check.ok)
    if output_format is not OutputFormat.table:
        from pause_cost.results.data import dumps

        data = {
            "checked": len(checks),
            "with_problems": failed,
            "tables": [
                {
                    "table": check.reference,
                    "problems": len(check.problems),
                    "notes": check.notes,
                    "stages_costed": check.stages_costed,
                    "coverage_stated": check.coverage_stated,
                    "left_out": [{"item": item, "reason": why} for item, why in check.left_out],
                }
                for check in checks
            ],
        }
        text = as_json_line(data) if output_format is OutputFormat.jsonl else dumps(data)
        return text.encode("utf-8")
    lines = []
    for check in checks:
        lines += [f"{check.reference}: note: {note}\n" for note in check.notes]
        if check.ok:
            lines += _coverage_lines(check)
    checked = len(checks)
    lines.append(
        f"{checked} table{'s' if checked != 1 else ''} checked: {checked - failed} without "
        f"problems, {failed} with problems{' (on stderr)' if failed else ''}\n"
    )
    return "".join(lines).encode("utf-8")


def _coverage_lines(check: TableCheck) -> list[str]:
    """What a table costs of the journey and leaves out, so that a partial table is never
    taken for a whole one."""
    from pause_cost.visible import visible

    stages = ", ".join(stage.replace("_", " ") for stage in check.stages_costed) or "none"
    lines = [f"{check.reference}: costs: {stages}\n"]
    if not check.coverage_stated:
        lines.append(f"{check.reference}: leaves out: not stated (the table has no coverage)\n")
    lines += [
        f"{check.reference}: leaves out: {visible(item, newlines=False)} "
        f"({visible(why, newlines=False)})\n"
        for item, why in check.left_out
    ]
    return lines


@app.command("validate")
def tables_validate(
    tables: Annotated[
        list[str],
        typer.Argument(metavar="TABLE...", help="Tables: shipped names or files."),
    ],
    output_format: CheckFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Check tables and the indices they name: every problem in every table on stderr, a
    summary on stdout, then exit 1 if any had one. Lines no index can uprate are noted."""
    chosen = resolve_format(output_format, output, CHECKS, command="tables validate")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.errors import InputError

        checks = api.validate_tables(tables)
        emit(lambda format_, _terminal: _summary(checks, format_), chosen, output, force)
        problems = [problem for check in checks for problem in check.problems]
        if problems:
            raise InputError(problems)
