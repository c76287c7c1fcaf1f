"""``pause-cost estimate`` and ``pause-cost init``: cost a scenario, or start one."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import emit, emit_many
from pause_cost.cli.handling import handled, say
from pause_cost.cli.options import ForceOption, FormatOption, OutputFormat, OutputOption


def _what_if(values: list[str] | None) -> list[tuple[str, Decimal]]:
    """``PATH=VALUE`` pairs from ``--set``, the value a plain number."""
    found = []
    for text in values or []:
        path, equals, value = text.partition("=")
        try:
            number = Decimal(value.strip())
        except ArithmeticError:
            number = Decimal("NaN")
        if not equals or not path.strip() or not number.is_finite():
            raise typer.BadParameter(
                f"write a what-if as PATH=NUMBER (cohort.women_open=24), not {text!r}"
            )
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
            help="PATH=NUMBER: change an input for a what-if (cohort.women_open=24, "
            "programme_cost.total_gbp=450000, table/line.share_of_children=0.5); echoed and "
            "flagged. Repeat for several.",
        ),
    ] = None,
    output_format: FormatOption = OutputFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Estimate avoided births and cost avoidance for one scenario, or several.

    Prints inputs, avoided births, immediate and horizon cost avoidance (cashable, internal,
    total), programme cost and net where given, the economic case the scenario asks for, the
    published figures beside ours, and every unit-cost line with its source and price year.
    Several scenarios give one table each; as CSV one row each, as JSON one line each.
    """
    changes = _what_if(what_if)
    with handled(output_format):
        from pause_cost.render.estimate import estimate_document, summary_document
        from pause_cost.uncertainty.whatif import estimate_scenario

        results = [estimate_scenario(path, changes) for path in scenarios]
        if len(results) == 1:
            emit(lambda: estimate_document(results[0]), output_format, output, force)
            return
        emit_many(
            lambda: [estimate_document(result) for result in results],
            lambda: summary_document(results),
            output_format,
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
        from importlib import resources

        from pause_cost.output import write_atomic

        template = resources.files("pause_cost") / "templates" / "starter-scenario.yaml"
        write_atomic(path, template.read_bytes(), force=force)
        say(f"wrote {path}; edit it, then run: pause-cost estimate {path}")
