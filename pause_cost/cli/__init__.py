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
    from collections.abc import Callable

    from rich.console import Console


DEBUG_VARIABLE = "PAUSE_COST_DEBUG"

tables_app = typer.Typer(
    help="List, show and check unit-cost tables.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

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


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class CompareBy(StrEnum):
    line = "line"
    stage = "stage"


class SchemaKind(StrEnum):
    estimate = "estimate"
    scenario = "scenario"
    table = "table"
    extension = "extension"
    price_index = "index"  # not `index`: that would hide str.index


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


def _emit_rich(draw: Callable[[Console], None], output: Path | None, force: bool) -> None:
    """Rich tables: straight to the terminal, or as plain 120-column text to a file."""
    from rich.console import Console

    if output is None:
        draw(Console(soft_wrap=False))
        return
    import io

    buffer = io.StringIO()
    draw(Console(file=buffer, width=120, color_system=None, _environ={}))
    _emit(buffer.getvalue(), output, force)


def _emit(text: str, output: Path | None, force: bool) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pause_cost.output import write_atomic

    write_atomic(output, text, force=force)
    _say(f"wrote {output}")


def _price_year(value: str | None) -> str | None:
    if value is None:
        return None
    from pause_cost.model.base import check_price_year

    try:
        return check_price_year(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


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
        from pause_cost.core.estimate import estimate as run_estimate
        from pause_cost.load.inputs import load_inputs

        result = run_estimate(*load_inputs(scenario))
        if output_format is OutputFormat.table:
            from pause_cost.render.terminal import print_estimate

            _emit_rich(lambda console: print_estimate(result, console), output, force)
            return
        from pause_cost.render.formats import render

        _emit(render(result, output_format), output, force)


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
        SchemaKind,
        typer.Argument(metavar="KIND", help="estimate, scenario, table, extension or index."),
    ],
) -> None:
    """Print the JSON Schema of the estimate output, or of a scenario, table, table extension
    or price index file."""
    with _handled():
        import json

        from pydantic import BaseModel

        from pause_cost.model.indices import PriceIndex
        from pause_cost.model.scenario import Scenario
        from pause_cost.model.tables import TableExtension, TableFile
        from pause_cost.results.estimate import Estimate

        if kind is SchemaKind.estimate:
            from pause_cost.results.data import json_schema

            document = json_schema(Estimate)
            sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
            return
        models: dict[SchemaKind, type[BaseModel]] = {
            SchemaKind.scenario: Scenario,
            SchemaKind.table: TableFile,
            SchemaKind.extension: TableExtension,
            SchemaKind.price_index: PriceIndex,
        }
        document = models[kind].model_json_schema(mode="validation")
        sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


app.add_typer(tables_app, name="tables")


@app.command()
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
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output format.")
    ] = OutputFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show what moves the answer from A to B: each figure's change and each line's part in it.

    Two tables are costed per avoided birth (or for --scenario's cohort), matched line by line
    by id (or, with --by stage, stage by stage); two scenarios are each estimated as they stand.
    """
    with _handled():
        from pause_cost.runs import compare_references

        comparison = compare_references(
            a,
            b,
            scenario=scenario,
            price_year=price_year,
            horizon_years=horizon_years,
            by=by.value,
        )
        if output_format is OutputFormat.table:
            from pause_cost.render.terminal import print_comparison

            _emit_rich(lambda console: print_comparison(comparison, console), output, force)
            return
        from pause_cost.render.comparison import render

        _emit(render(comparison, output_format), output, force)


@tables_app.command("list")
def tables_list(
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """List the shipped unit-cost tables: name, title, lines and price years."""
    with _handled():
        from pause_cost.runs import shipped_tables

        tables = shipped_tables()
        if output_format is ListFormat.table:
            from pause_cost.render.terminal import print_table_list

            _emit_rich(lambda console: print_table_list(tables, console), None, False)
            return
        from pause_cost.render.tables import render_list

        _emit(render_list(tables, output_format), None, False)


@tables_app.command("show")
def tables_show(
    name: Annotated[str, typer.Argument(metavar="TABLE", help="A shipped table's name or a file.")],
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
) -> None:
    """Show every line of a table with its amount, timing, source and price year."""
    with _handled():
        from pause_cost.load import inputs

        table = inputs.load_table(name)
        if output_format is ListFormat.table:
            from pause_cost.render.terminal import print_table_lines

            _emit_rich(lambda console: print_table_lines(table, console), None, False)
            return
        from pause_cost.render.tables import render_table

        _emit(render_table(table, output_format), None, False)


@tables_app.command("validate")
def tables_validate(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", exists=True, dir_okay=False, help="Table files."),
    ],
) -> None:
    """Check table files and the indices they name: every problem in every file, then exit 1
    if any had one. Lines no index can uprate are noted."""
    with _handled():
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
