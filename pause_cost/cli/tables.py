"""``pause-cost tables``: list, show and check unit-cost tables."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.common import FormatOption, OutputFormat, emit, handled

app = typer.Typer(
    help="List, show and check unit-cost tables.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("list")
def tables_list(output_format: FormatOption = OutputFormat.table) -> None:
    """List the shipped unit-cost tables: name, title, lines and price years."""
    with handled(output_format):
        from pause_cost.render.listing import list_document
        from pause_cost.runs import shipped_tables

        tables = shipped_tables()
        emit(lambda: list_document(tables), output_format)


@app.command("show")
def tables_show(
    name: Annotated[str, typer.Argument(metavar="TABLE", help="A shipped table's name or a file.")],
    output_format: FormatOption = OutputFormat.table,
) -> None:
    """Show every line of a table with its amount, timing, source and price year."""
    with handled(output_format):
        from pause_cost.load.inputs import load_table
        from pause_cost.render.listing import table_document

        table = load_table(name)
        emit(lambda: table_document(table), output_format)


@app.command("validate")
def tables_validate(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", exists=True, dir_okay=False, help="Table files."),
    ],
) -> None:
    """Check table files and the indices they name: every problem in every file, then exit 1
    if any had one. Lines no index can uprate are noted."""
    with handled():
        from pause_cost.errors import InputError, Problem
        from pause_cost.runs import validate_table

        problems: list[Problem] = []
        for path in files:
            try:
                table, notes = validate_table(path)
            except InputError as exc:
                problems.extend(exc.problems)
                continue
            sys.stdout.write(f"{path}: ok, {table.name}, {len(table.lines)} lines\n")
            sys.stdout.writelines(f"  note: {note}\n" for note in notes)
        if problems:
            raise InputError(problems)
