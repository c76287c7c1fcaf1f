"""The floor under ``estimate``'s start-up: a typer app with one command and nothing else.

One command taking a scenario path (``exists=True``) and a ``--format`` choice, as
``pause-cost estimate`` does, that prints ``{}``: what typer itself costs to parse those
arguments (typer 0.29 checks them through pydantic), before pause-cost loads or computes
anything. The benchmark times it beside the real command.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


class Format(StrEnum):
    table = "table"
    json = "json"


@app.callback()
def main() -> None:
    """A one-command app."""


@app.command()
def estimate(
    scenario: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    output_format: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
) -> None:
    print("{}")


if __name__ == "__main__":
    app()
