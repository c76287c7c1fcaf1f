"""What every command shares: the format and output options, one ``emit``, and error handling.

Only cheap modules are imported here at the top; the models, the engine and rich load inside
the functions that need them, so ``--version`` and ``--help`` stay fast.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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


EXTENSIONS = {
    ".json": OutputFormat.json,
    ".csv": OutputFormat.csv,
    ".md": OutputFormat.markdown,
    ".markdown": OutputFormat.markdown,
}
"""The output file extensions that name a format; ``--format`` may not contradict them. Any
other (``.txt`` included: every format is text) gets the table unless ``--format`` says else."""


def _given_only(
    ctx: typer.Context, param: typer.CallbackParam, value: OutputFormat | None
) -> OutputFormat | None:
    """``--format`` as given on the command line, or None when it was not given.

    Whatever default a command declares, it arrives as None, so that :func:`resolve_format`
    can tell "no --format" (take the format from ``-o``'s extension) from ``-f table``.
    """
    source = ctx.get_parameter_source(param.name) if param.name else None
    if source is None or source.name in ("DEFAULT", "DEFAULT_MAP"):
        return None
    return value


def _format(value: str) -> OutputFormat:
    """A format by name, or a usage error that names the formats there are."""
    try:
        return OutputFormat(value.lower())
    except ValueError:
        choices = ", ".join(member.value for member in OutputFormat)
        raise typer.BadParameter(f"{value!r} is not a format; choose {choices}") from None


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        parser=_format,
        metavar="[table|json|csv|markdown]",
        callback=_given_only,
        show_default=False,
        help="table (for a terminal), json, csv or markdown. Default: from the -o file's "
        "extension (.json, .csv, .md), otherwise table. With json, input problems are written "
        "to stderr as JSON too.",
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


def resolve_format(output_format: OutputFormat | None, output: Path | None) -> OutputFormat:
    """The format to write: ``--format`` if given, else the one ``-o``'s extension names.

    ``.json``, ``.csv`` and ``.md`` (or ``.markdown``) name json, csv and markdown; anything
    else (``.txt``, another extension or none, or stdout) gets the table, as plain 120-column
    text in a file. A ``--format`` that contradicts a naming extension (``-f csv -o out.json``)
    is a usage error: one line, exit 2, nothing written. ``.txt`` contradicts no format.
    """
    implied = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if output_format is None:
        return implied or OutputFormat.table
    if implied is not None and implied is not output_format:
        say(
            f"--format {output_format.value} contradicts the output file {output} (a "
            f"{output.suffix if output else ''} file is {implied.value}); drop --format or "
            "change the file name"
        )
        raise typer.Exit(ExitCode.USAGE)
    return output_format


def _silence_stdout() -> None:
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
    except Terminated as exc:
        say("terminated; nothing was written.")
        raise typer.Exit(128 + exc.signum) from None
    except BrokenPipeError:
        # The reader stopped reading (`| head`): not an error of ours; exit quietly, and stop
        # Python complaining again when it flushes stdout at shutdown.
        _silence_stdout()
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


POUND = "£"
POUND_FALLBACK = "GBP "


def _in_gbp(value: Any) -> Any:
    """A copy of a document (or any part) with every '£' shown as 'GBP ', money cells included,
    laid out again from the start so that columns stay aligned."""
    from dataclasses import fields, is_dataclass, replace

    from pause_cost.render.cells import shown
    from pause_cost.render.document import Money, Ratio

    if isinstance(value, str):
        return value.replace(POUND, POUND_FALLBACK)
    if isinstance(value, Money | Ratio):
        return shown(value).replace(POUND, POUND_FALLBACK)
    if isinstance(value, tuple):
        return tuple(_in_gbp(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {field.name: _in_gbp(getattr(value, field.name)) for field in fields(value)}
        return replace(value, **changes)
    return value


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    except LookupError:
        return True
    return True


def _terminal_table(document: Document) -> str:
    """The document as rich draws it for this terminal, in characters stdout can show.

    When stdout's encoding (``PYTHONIOENCODING=ascii``, a C locale) cannot show '£', amounts
    read 'GBP 1,292,599' (one line on stderr says so) and any other character it cannot show
    reads '?'; rich already draws the rules in ASCII for such an encoding.
    """
    from rich.console import Console

    from pause_cost.render import text

    def drawn(shown: Document) -> str:
        console = Console(soft_wrap=False)
        with console.capture() as captured:
            text.write(shown, console)
        return captured.get()

    content = drawn(document)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if _encodable(content, encoding):
        return content
    if not _encodable(POUND, encoding):
        content = drawn(_in_gbp(document))
        say(f"stdout cannot show the pound sign (encoding {encoding}); amounts are shown as GBP")
    return content.encode(encoding, errors="replace").decode(encoding)


def _require_stdout() -> None:
    """Python started with stdout closed (``>&-``) has no ``sys.stdout``: say so, exit 1,
    rather than print nothing and succeed."""
    from pause_cost.errors import OutputError

    if sys.stdout is None:
        raise OutputError("cannot write to standard output: it is closed")


@contextmanager
def _writing_to_stdout() -> Iterator[None]:
    """Writing the product to stdout: a stdout that cannot take it (closed, a full disk) is a
    problem with where the output goes, not a bug: one line, exit 1. A reader that stopped
    reading (``| head``) is left to :func:`handled`, which exits quietly."""
    from pause_cost.errors import OutputError

    _require_stdout()
    try:
        yield
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        # ValueError: "I/O operation on closed file", a sys.stdout closed from Python.
        if isinstance(exc, OSError) and exc.errno != errno.EBADF:
            reason = exc.strerror or str(exc)
        elif isinstance(exc, OSError) or "closed file" in str(exc):
            reason = "it is closed"
        else:
            raise
        _silence_stdout()
        raise OutputError(f"cannot write to standard output: {reason}") from None


def emit(
    build: Callable[[], Document],
    output_format: OutputFormat | None,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """Write a document in a format: to stdout, or atomically to a file.

    With no format (``--format`` not given), it is taken from the output file's extension
    (see :func:`resolve_format`). ``build`` is called here, after the format is known, so that
    a failure while building writes nothing. A terminal table is drawn at the terminal's width;
    in a file, at 120 columns, plain. Files are UTF-8.
    """
    output_format = resolve_format(output_format, output)
    if output is None:
        _require_stdout()  # before any work
    document = build()
    if output_format is OutputFormat.table:
        if output is None:
            # Rich flushes stdout as it finishes drawing, so errors are caught from there.
            with _writing_to_stdout():
                sys.stdout.write(_terminal_table(document))
                sys.stdout.flush()
            return
        import io

        from rich.console import Console

        from pause_cost.render import text

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
        with _writing_to_stdout():
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return
    from pause_cost.output import write_atomic

    write_atomic(output, data, force=force)
    say(f"wrote {output}")
