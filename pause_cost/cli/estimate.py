"""``pause-cost estimate`` and ``pause-cost init``: cost a scenario, or start one."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pause_cost.cli.emit import emit
from pause_cost.cli.handling import handled, say
from pause_cost.cli.options import ForceOption, FormatOption, OutputFormat, OutputOption


def estimate(
    scenario: Annotated[
        Path,
        typer.Argument(
            exists=True,
            dir_okay=False,
            metavar="SCENARIO",
            help="Scenario YAML file (see `pause-cost init`).",
        ),
    ],
    output_format: FormatOption = OutputFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Estimate avoided births and cost avoidance for one scenario.

    Prints inputs, avoided births, immediate and horizon cost avoidance (cashable, internal,
    total), programme cost and net where given, the published figures beside ours, and every
    unit-cost line with its source and price year.
    """
    with handled(output_format):
        from pause_cost.core.estimate import estimate as run_estimate
        from pause_cost.load.inputs import load_inputs
        from pause_cost.render.estimate import estimate_document

        result = run_estimate(*load_inputs(scenario))
        emit(lambda: estimate_document(result), output_format, output, force)


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
