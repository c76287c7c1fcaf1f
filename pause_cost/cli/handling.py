"""Every failure as a message and the exit code the README documents; stderr for people.

Only cheap modules are imported here at the top, so ``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from pause_cost import __version__
from pause_cost.exit_codes import ExitCode

if TYPE_CHECKING:
    from pause_cost.cli.options import OutputFormat
    from pause_cost.errors import Problem

DEBUG_VARIABLE = "PAUSE_COST_DEBUG"


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


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that Python's own flush of stdout at exit
    has somewhere to go once writing to the real stdout has failed."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno() if sys.stdout is not None else 1)
        os.close(devnull)
    except (OSError, ValueError):
        pass


@contextmanager
def handled(output_format: OutputFormat | None = None) -> Iterator[None]:
    """Turn every failure into a message and the exit code the README documents.

    With ``--format json`` given, input problems go to stderr as a JSON list, for scripts (not
    when json is only implied by ``-o out.json``). SIGTERM or SIGHUP while an output file is
    written exits with 128 + the signal's number, as a shell reports a process it killed.
    """
    from pause_cost.errors import InputError, PauseCostError
    from pause_cost.output import Terminated

    try:
        yield
    except typer.Exit:
        raise
    except InputError as exc:
        if output_format is not None and output_format.value == "json":
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
    except Terminated as exc:
        say("terminated; nothing was written.")
        raise typer.Exit(128 + exc.signum) from None
    except BrokenPipeError:
        # The reader stopped reading (`| head`): not an error of ours; exit quietly, and stop
        # Python complaining again when it flushes stdout at shutdown.
        silence_stdout()
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
