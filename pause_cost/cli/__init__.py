"""The ``pause-cost`` command: a thin typer face, one module per command group.

Each command parses its arguments, calls :mod:`pause_cost.api`, and emits its product; errors become
messages and exit codes in :func:`pause_cost.cli.handling.handled`. Only typer and our own cheap
modules load at import, so ``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Annotated

import typer
from typer.models import CommandInfo

from pause_cost import __version__
from pause_cost.cli import (
    baseline,
    compare,
    contracts,
    decide,
    estimate,
    national,
    region,
    report,
    schema,
    tables,
    uncertainty,
)
from pause_cost.cli.handling import Group

app = typer.Typer(
    name="pause-cost",
    cls=Group,
    help="Estimate the births and care costs a Pause practice avoids, with the evidence "
    "behind every pound.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"pause-cost {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Estimate the births and care costs a Pause practice avoids, with the evidence behind
    every pound."""


app.command()(estimate.estimate)
app.command()(estimate.init)
app.command()(schema.schema)
app.add_typer(tables.app, name="tables")
app.command()(compare.compare)
app.command()(uncertainty.sensitivity)
app.command()(uncertainty.breakeven)
app.command()(uncertainty.simulate)
app.command()(report.report)
app.command()(contracts.contract)
app.command()(national.national)
app.command()(baseline.starters)
app.command()(region.region)
app.command()(decide.voi)
app.command()(decide.appraise)
app.command()(decide.acceptability)
app.command()(decide.structural)


def app_for(arguments: Sequence[str]) -> typer.Typer:
    """The app, holding only the command (or command group) the arguments start with.

    Before it parses anything, typer builds every registered command's parameters (evaluating
    each one's annotations); a run uses one command, so the entry point builds only that one.
    Its usage, help and errors are the same as the whole app's; anything else (no command,
    an option first, a name that is not a command) gets the whole app, and so its help and
    its suggestions.
    """
    name = arguments[0] if arguments else ""
    commands = [info for info in app.registered_commands if _command_name(info) == name]
    groups = [info for info in app.registered_groups if info.name == name]
    if not commands and not groups:
        return app
    one = copy.copy(app)
    one.registered_commands = commands
    one.registered_groups = groups
    return one


def _command_name(info: CommandInfo) -> str:
    """A registered command's name, as typer gives it: its own, else its function's."""
    if info.name:
        return info.name
    return getattr(info.callback, "__name__", "").lower().replace("_", "-")


def _whole_descriptions(group: typer.Typer) -> None:
    """Each command's description in full in its group's --help: click cuts a description it
    derives to one line ending '...'; one given as the short help is wrapped instead."""
    for info in group.registered_commands:
        doc = info.callback.__doc__ if info.callback is not None else None
        if info.short_help is None and doc:
            info.short_help = " ".join(doc.strip().split("\n\n")[0].split())


_whole_descriptions(app)
_whole_descriptions(tables.app)
