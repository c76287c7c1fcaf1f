"""``pause-cost estimate`` and ``pause-cost init``: cost a scenario, or start one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import (
    ESTIMATES,
    EstimateFormatOption,
    ForceOption,
    OutputFormat,
    OutputOption,
    resolve_format,
)
from pause_cost.money import NumberTextError, number_from_text
from pause_cost.visible import shown_text

if TYPE_CHECKING:
    from pause_cost.render.document import Document


def _what_if(values: list[str] | None) -> list[tuple[str, Decimal | str]]:
    """``PATH=VALUE`` pairs from ``--set``: a number where the value is one, else its text
    (``price_year=2023/24``, ``unit_costs=care-journey-england,wider-costs``)."""
    found: list[tuple[str, Decimal | str]] = []
    for text in values or []:
        path, equals, value = text.partition("=")
        if not equals or not path.strip() or not value.strip():
            raise typer.BadParameter(
                f"write a what-if as PATH=VALUE (cohort.women_open=24, price_year=2023/24), "
                f"not {shown_text(text)}",
                param_hint="'--set'",
            )
        try:
            Decimal(value.strip())
        except ArithmeticError:  # not a number at all: a text value (a price year, tables)
            found.append((path.strip(), value.strip()))
            continue
        try:
            number = number_from_text(value)
        except NumberTextError as exc:
            raise typer.BadParameter(
                f"{shown_text(path.strip())}: {shown_text(value)} is refused: {exc}",
                param_hint="'--set'",
            ) from None
        found.append((path.strip(), number))
    return found


def estimate(
    scenarios: Annotated[
        list[Path],
        typer.Argument(
            exists=True,
            dir_okay=False,
            metavar="SCENARIO...",
            help="Scenario YAML files (see `pause-cost init`); several give one estimate each.",
        ),
    ],
    what_if: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="PATH=VALUE: change an input for a what-if (cohort.women_open=24, "
            "programme_cost.total_gbp=450000, table/line.share_of_children=0.5, "
            "cohorts.NAME.women_open=12, price_year=2023/24, "
            "unit_costs=care-journey-england,wider-costs); echoed and flagged. Repeat for "
            "several.",
        ),
    ] = None,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary",
            help="The key figures on one screen (table and Markdown); JSON and CSV are the "
            "full estimate's.",
        ),
    ] = False,
    output_format: EstimateFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Estimate avoided births and cost avoidance for one scenario, or several.

    Prints inputs, avoided births, immediate and horizon cost avoidance (cashable, internal,
    total), programme cost and net where given, the economic case the scenario asks for, the
    published figures beside ours, and every unit-cost line with its source and price year.
    Several scenarios give each one's output in turn, whatever the format; csv-wide gives one
    row each, jsonl one line each.
    """
    chosen = resolve_format(output_format, output, ESTIMATES, command="estimate")
    changes = _what_if(what_if)
    with handled(output_format):
        from pause_cost import api

        results = [api.estimate(path, what_if=changes) for path in scenarios]

        def each() -> list[Document]:
            if summary:
                from pause_cost.render.brief import brief_document as document
            else:
                from pause_cost.render.estimate import estimate_document as document
            return [document(result) for result in results]

        def wide() -> Document:
            from pause_cost.render.estimate import summary_document

            return summary_document(results)

        def data() -> list[Any]:
            from pause_cost.results.data import to_data

            return [to_data(result) for result in results]

        emit(
            documents(each, wide, data),
            chosen,
            output,
            force,
        )


def init(
    path: Annotated[
        Path,
        typer.Argument(dir_okay=False, metavar="PATH", help="Where to write the starter scenario."),
    ] = Path("scenario.yaml"),
    force: ForceOption = False,
) -> None:
    """Write a commented starter scenario to edit (never over an existing file without --force)."""
    with handled():
        from pause_cost import api

        emit(
            lambda _format, _terminal: api.init(),
            OutputFormat.table,
            path,
            force,
            after=f"; edit it, then run: pause-cost estimate {path}",
        )
