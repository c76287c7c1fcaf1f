"""What every command shares: the format and output options, one ``emit``, and error handling.

Only cheap modules are imported here at the top; the models, the engine and rich load inside
the functions that need them, so ``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pause_cost import __version__
from pause_cost.exit_codes import ExitCode

if TYPE_CHECKING:
    from pause_cost.errors import Problem
    from pause_cost.render.document import Document

DEBUG_VARIABLE = "PAUSE_COST_DEBUG"


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="table (for a terminal), json, csv or markdown. With json, input problems are "
        "written to stderr as JSON too.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout.", dir_okay=False),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the output file if it exists.")
]


def say(message: str) -> None:
    """A message for the person running the command: stderr, never mixed into the product."""
    sys.stderr.write(message + "\n")


def _problems_as_json(problems: tuple[Problem, ...]) -> None:
    from pause_cost.results.data import dumps

    listed = [
        {
            "file": problem.path,
            "line": problem.line,
            "column": problem.column if problem.line is not None else None,
            "key": problem.key,
            "message": problem.message,
        }
        for problem in problems
    ]
    sys.stderr.write(dumps(listed))


@contextmanager
def handled(output_format: OutputFormat | None = None) -> Iterator[None]:
    """Turn every failure into a message and the exit code the README documents.

    With ``--format json``, input problems go to stderr as a JSON list, for scripts.
    """
    from pause_cost.errors import InputError, PauseCostError

    try:
        yield
    except typer.Exit:
        raise
    except InputError as exc:
        if output_format is OutputFormat.json:
            _problems_as_json(exc.problems)
        else:
            for problem in exc.problems:
                say(str(problem))
            count = len(exc.problems)
            say(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except PauseCostError as exc:
        say(str(exc))
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except KeyboardInterrupt:
        say("interrupted; nothing was written.")
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
        say(
            f"pause-cost {__version__}: internal error ({type(exc).__name__}: {exc}). This is a "
            f"bug: please report it with the command you ran (set {DEBUG_VARIABLE}=1 to see "
            "the traceback)."
        )
        raise typer.Exit(ExitCode.INTERNAL_ERROR) from None


def emit(
    build: Callable[[], Document],
    output_format: OutputFormat,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """Write a document in a format: to stdout, or atomically to a file.

    ``build`` is called here, after the format is known, so that a failure while building
    writes nothing. A terminal table is drawn at the terminal's width; in a file, at 120
    columns, plain.
    """
    document = build()
    if output_format is OutputFormat.table:
        from rich.console import Console

        from pause_cost.render import text

        if output is None:
            text.write(document, Console(soft_wrap=False))
            return
        import io

        buffer = io.StringIO()
        text.write(document, Console(file=buffer, width=120, color_system=None, _environ={}))
        content = buffer.getvalue()
    elif output_format is OutputFormat.json:
        from pause_cost.render import json

        content = json.write(document)
    elif output_format is OutputFormat.csv:
        from pause_cost.render import csv

        content = csv.write(document)
    else:
        from pause_cost.render import markdown

        content = markdown.write(document)
    data = content.encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from pause_cost.output import write_atomic

    write_atomic(output, data, force=force)
    say(f"wrote {output}")
