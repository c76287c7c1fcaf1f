"""Every failure as a message and the exit code the README documents; stderr for people.

With ``--format json`` (or ``jsonl``) given, every error is JSON instead: a list of problems
on one line of stderr, each ``{"file", "line", "column", "key", "message"}``, whether it is a
mistake in a file, a usage error typer found, an output that cannot be written or a bug.

Only cheap modules are imported here at the top, so ``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

import typer
import typer.core
from typer._click import exceptions as click

from pause_cost import __version__
from pause_cost.exit_codes import ExitCode

if TYPE_CHECKING:
    from pause_cost.errors import Problem

DEBUG_VARIABLE = "PAUSE_COST_DEBUG"
JSON_NAMES = frozenset(("json", "jsonl"))


def say(message: str) -> None:
    """A message for the person running the command: stderr, never mixed into the product."""
    sys.stderr.write(message + "\n")


def _listed(
    file: str | None, line: int | None, column: int | None, key: str | None, message: str
) -> dict[str, Any]:
    return {"file": file, "line": line, "column": column, "key": key, "message": message}


def _say_json(listed: list[dict[str, Any]]) -> None:
    """Problems as one line of JSON, a list, so that stderr stays one line a run."""
    import json

    say(json.dumps(listed, ensure_ascii=False))


def _problems(problems: Sequence[Problem], as_json: bool) -> None:
    if as_json:
        _say_json(
            [
                _listed(
                    problem.path,
                    problem.line,
                    problem.column if problem.line is not None else None,
                    problem.key,
                    problem.message,
                )
                for problem in problems
            ]
        )
        return
    for problem in problems:
        say(str(problem))
    count = len(problems)
    say(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.")


def complain(message: str, as_json: bool, *, key: str | None = None) -> None:
    """One error that is not about a place in a file, on stderr: as it is, or as JSON."""
    if as_json:
        _say_json([_listed(None, None, None, key, message)])
    else:
        say(message)


class UsageProblem(click.UsageError):
    """Wrong usage found by a command itself (a format its output file contradicts): one line
    on stderr, exit 2, as typer's own usage errors exit."""

    # typer vendors click (``typer._click``): its exceptions are typer's own.

    def show(self, file: IO[Any] | None = None) -> None:
        say(self.format_message())


def wants_json(arguments: Iterable[str]) -> bool:
    """Whether the command line asks for ``--format json`` or ``jsonl``, read from the words
    themselves, so that even a command line typer cannot parse gets its error as JSON."""
    words = list(arguments)
    for index, word in enumerate(words):
        if word == "--":
            break
        value: str | None = None
        if word in ("-f", "--format") and index + 1 < len(words):
            value = words[index + 1]
        elif word.startswith("--format="):
            value = word.partition("=")[2]
        elif word.startswith("-f") and not word.startswith("--") and len(word) > 2:
            value = word[2:]
        if value is not None and value.lower() in JSON_NAMES:
            return True
    return False


def _usage_as_json(error: click.ClickException) -> None:
    """A usage error typer found, as one problem: the option or argument it concerns as the
    key, typer's own words as the message."""
    key = None
    message = error.format_message()
    if isinstance(error, click.BadParameter):
        hint = error.param_hint
        if hint is None and error.param is not None:
            hint = error.param.get_error_hint()
        if hint is not None:
            key = (hint if isinstance(hint, str) else " / ".join(hint)).replace("'", "")
            message = error.message
    _say_json([_listed(None, None, None, key, message)])


class Group(typer.core.TyperGroup):
    """The command group, reporting usage errors as JSON when the command line asks for JSON."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        try:
            returned = super().main(
                args=arguments,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        except click.ClickException as error:
            if not standalone_mode:
                raise
            if wants_json(arguments) and not isinstance(error, click.NoArgsIsHelpError):
                _usage_as_json(error)
            else:
                error.show()
            sys.exit(error.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            complain("Aborted!", wants_json(arguments))
            sys.exit(ExitCode.INVALID_INPUT)
        if not standalone_mode:
            return returned
        sys.exit(returned if isinstance(returned, int) else ExitCode.SUCCESS)


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
def handled(output_format: str | None = None) -> Iterator[None]:
    """Turn every failure into a message and the exit code the README documents.

    With ``--format json`` or ``jsonl`` given, every message is JSON on stderr, for scripts
    (not when json is only implied by ``-o out.json``). SIGTERM or SIGHUP while an output file
    is written exits with 128 + the signal's number, as a shell reports a process it killed.
    """
    from pause_cost.errors import InputError, PauseCostError
    from pause_cost.output import Terminated

    as_json = output_format in JSON_NAMES
    try:
        yield
    except typer.Exit:
        raise
    except click.ClickException:
        raise
    except InputError as exc:
        _problems(exc.problems, as_json)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except PauseCostError as exc:
        complain(str(exc), as_json)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except KeyboardInterrupt:
        complain("interrupted; nothing was written.", as_json)
        raise typer.Exit(ExitCode.INTERRUPTED) from None
    except Terminated as exc:
        complain("terminated; nothing was written.", as_json)
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
        complain(
            f"pause-cost {__version__}: internal error ({type(exc).__name__}: {exc}). This is a "
            f"bug: please report it with the command you ran (set {DEBUG_VARIABLE}=1 to see "
            "the traceback).",
            as_json,
        )
        raise typer.Exit(ExitCode.INTERNAL_ERROR) from None
