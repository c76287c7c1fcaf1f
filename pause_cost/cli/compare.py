"""``pause-cost compare``: what moves the answer from A to B."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import ForceOption, FormatOption, OutputOption, resolve_format


class CompareBy(StrEnum):
    line = "line"
    stage = "stage"


def _price_year(value: str | None) -> str | None:
    if value is None:
        return None
    from pause_cost.model.base import check_price_year

    try:
        return check_price_year(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def compare(
    a: Annotated[
        str, typer.Argument(metavar="A", help="A table (name or file) or a scenario file.")
    ],
    b: Annotated[str, typer.Argument(metavar="B", help="Another of the same kind.")],
    scenario: Annotated[
        Path | None,
        typer.Option(
            "--scenario",
            exists=True,
            dir_okay=False,
            help="Cost two tables for this scenario's cohort (default: per avoided birth).",
        ),
    ] = None,
    price_year: Annotated[
        str | None,
        typer.Option(
            "--price-year",
            callback=_price_year,
            help="Uprate both tables to this financial year, e.g. 2023/24.",
        ),
    ] = None,
    horizon_years: Annotated[
        int, typer.Option("--horizon-years", min=1, max=50, help="Horizon, per avoided birth.")
    ] = 5,
    by: Annotated[
        CompareBy,
        typer.Option("--by", help="Match lines by id, or roll them up by stage."),
    ] = CompareBy.line,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show what moves the answer from A to B: each figure's change and each line's part in it.

    Two tables are costed per avoided birth (or for --scenario's cohort), matched line by line
    by id (or, with --by stage, stage by stage); two scenarios are each estimated as they stand.
    """
    chosen = resolve_format(output_format, output, command="compare")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.comparison import comparison_document

        comparison = api.compare(
            a,
            b,
            scenario=scenario,
            price_year=price_year,
            horizon_years=horizon_years,
            by=by.value,
        )
        emit(documents(lambda: comparison_document(comparison)), chosen, output, force)
