"""The ``pause-cost`` command: parse arguments, call the core, map errors to exit codes.

Only cheap modules are imported here at the top; the models, the engine and rich load inside
the commands that need them, so ``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pause_cost import __version__
from pause_cost.exit_codes import ExitCode

if TYPE_CHECKING:
    from pause_cost.results import Estimate

DEBUG_VARIABLE = "PAUSE_COST_DEBUG"

app = typer.Typer(
    name="pause-cost",
    help="Estimate the births and care costs a Pause practice avoids, with the evidence "
    "behind every pound.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class SchemaKind(StrEnum):
    estimate = "estimate"
    scenario = "scenario"
    table = "table"


def _say(message: str) -> None:
    """A message for the person running the command: stderr, never mixed into the product."""
    sys.stderr.write(message + "\n")


@contextmanager
def _handled() -> Iterator[None]:
    """Turn every failure into a message and the exit code the README documents."""
    from pause_cost.errors import InputError, PauseCostError

    try:
        yield
    except typer.Exit:
        raise
    except InputError as exc:
        for problem in exc.problems:
            _say(str(problem))
        count = len(exc.problems)
        _say(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except PauseCostError as exc:
        _say(str(exc))
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except KeyboardInterrupt:
        _say("interrupted; nothing was written.")
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except BrokenPipeError:
        # The reader stopped reading (`| head`): not an error of ours; exit quietly, and stop
        # Python complaining again when it flushes stdout at shutdown.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(ExitCode.SUCCESS) from None
    except Exception as exc:
        if os.environ.get(DEBUG_VARIABLE) == "1":
            import traceback

            traceback.print_exc()
        _say(
            f"pause-cost {__version__}: internal error ({type(exc).__name__}: {exc}). This is a "
            f"bug: please report it with the command you ran (set {DEBUG_VARIABLE}=1 to see "
            "the traceback)."
        )
        raise typer.Exit(ExitCode.INTERNAL_ERROR) from None


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


def _render(estimate: Estimate, output_format: OutputFormat, *, to_terminal: bool) -> str | None:
    """The product as text; None when a rich table should go straight to the terminal."""
    if output_format is OutputFormat.json:
        from pause_cost.render.formats import to_json

        return to_json(estimate)
    if output_format is OutputFormat.csv:
        from pause_cost.render.formats import to_csv

        return to_csv(estimate)
    if output_format is OutputFormat.markdown:
        from pause_cost.render.formats import to_markdown

        return to_markdown(estimate)
    if to_terminal:
        return None
    import io

    from rich.console import Console

    from pause_cost.render.terminal import print_estimate

    buffer = io.StringIO()
    print_estimate(estimate, Console(file=buffer, width=120, color_system=None, _environ={}))
    return buffer.getvalue()


def _emit(text: str, output: Path | None, force: bool) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pause_cost.output import write_atomic

    write_atomic(output, text, force=force)
    _say(f"wrote {output}")


OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the output file if it exists.")
]


@app.command()
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
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Estimate avoided births and cost avoidance for one scenario.

    Prints inputs, avoided births, immediate and horizon cost avoidance (cashable, internal,
    total), programme cost and net where given, the published figures beside ours, and every
    unit-cost line with its source and price year.
    """
    with _handled():
        from pause_cost.engine import estimate as run_estimate
        from pause_cost.inputs import load_inputs

        result = run_estimate(*load_inputs(scenario))
        text = _render(result, output_format, to_terminal=output is None)
        if text is None:
            from rich.console import Console

            from pause_cost.render.terminal import print_estimate

            print_estimate(result, Console(soft_wrap=False))
            return
        _emit(text, output, force)


@app.command()
def init(
    path: Annotated[
        Path,
        typer.Argument(dir_okay=False, metavar="PATH", help="Where to write the starter scenario."),
    ] = Path("scenario.yaml"),
    force: ForceOption = False,
) -> None:
    """Write a commented starter scenario to edit (never over an existing file without --force)."""
    with _handled():
        from importlib import resources

        template = resources.files("pause_cost") / "templates" / "starter-scenario.yaml"
        from pause_cost.output import write_atomic

        write_atomic(path, template.read_text(encoding="utf-8"), force=force)
        _say(f"wrote {path}; edit it, then run: pause-cost estimate {path}")


@app.command()
def schema(
    kind: Annotated[
        SchemaKind, typer.Argument(metavar="KIND", help="estimate, scenario or table.")
    ],
) -> None:
    """Print the JSON Schema of the estimate output, a scenario file or a unit-cost table."""
    with _handled():
        import json

        from pydantic import BaseModel

        model: type[BaseModel]
        if kind is SchemaKind.estimate:
            from pause_cost.results import Estimate

            model, mode = Estimate, "serialization"
        elif kind is SchemaKind.scenario:
            from pause_cost.scenario import Scenario

            model, mode = Scenario, "validation"
        else:
            from pause_cost.tables import UnitCostTable

            model, mode = UnitCostTable, "validation"
        document = model.model_json_schema(mode=mode)  # type: ignore[arg-type]
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
