"""``pause-cost tables``: list, show and check unit-cost tables."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from pause_cost.cli.emit import emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import FormatOption, OutputFormat

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
    tables: Annotated[
        list[str],
        typer.Argument(metavar="TABLE...", help="Tables: shipped names or files."),
    ],
) -> None:
    """Check tables and the indices they name: every problem in every table on stderr, a
    summary on stdout, then exit 1 if any had one. Lines no index can uprate are noted."""
    with handled():
        from pause_cost.errors import InputError, Problem
        from pause_cost.runs import validate_table

        problems: list[Problem] = []
        failed = 0
        for reference in tables:
            try:
                notes = validate_table(reference)
            except InputError as exc:
                problems.extend(exc.problems)
                failed += 1
                continue
            sys.stdout.writelines(f"{reference}: note: {note}\n" for note in notes)
        checked = len(tables)
        sys.stdout.write(
            f"{checked} table{'s' if checked != 1 else ''} checked: {checked - failed} without "
            f"problems, {failed} with problems{' (on stderr)' if failed else ''}\n"
        )
        if problems:
            raise InputError(problems)
