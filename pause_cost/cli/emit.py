"""One ``emit`` for every command: a document, in a format, to stdout or atomically to a file.

stdout carries the product only, written once it is whole; a stdout that cannot take it is a
problem of where the output goes (exit 1), not a bug.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pause_cost.cli.handling import say, silence_stdout
from pause_cost.cli.options import OutputFormat, resolve_format

if TYPE_CHECKING:
    from pause_cost.render.document import Document


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
        silence_stdout()
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
    if output_format is OutputFormat.table and output is None:
        # Rich flushes stdout as it finishes drawing, so errors are caught from there.
        with _writing_to_stdout():
            sys.stdout.write(_terminal_table(document))
            sys.stdout.flush()
        return
    _publish(render(document, output_format), output, force)


def emit_many(
    build: Callable[[], list[Document]],
    summary: Callable[[], Document],
    output_format: OutputFormat | None,
    output: Path | None = None,
    force: bool = False,
) -> None:
    """Several documents at once: one after another as tables or Markdown, one JSON document
    a line (JSON lines), or ``summary``'s one row each as CSV."""
    output_format = resolve_format(output_format, output)
    if output is None:
        _require_stdout()
    documents = build()
    if output_format is OutputFormat.csv:
        content = render(summary(), output_format)
    elif output_format is OutputFormat.json:
        import json

        content = "".join(
            json.dumps(document.data, ensure_ascii=False) + "\n" for document in documents
        )
    elif output_format is OutputFormat.table and output is None:
        with _writing_to_stdout():
            sys.stdout.write("\n".join(_terminal_table(document) for document in documents))
            sys.stdout.flush()
        return
    else:
        content = "\n".join(render(document, output_format) for document in documents)
    _publish(content, output, force)


def render(document: Document, output_format: OutputFormat) -> str:
    """The document in a format, as text for a file (a table at 120 columns, plain)."""
    if output_format is OutputFormat.table:
        import io

        from rich.console import Console

        from pause_cost.render import text

        buffer = io.StringIO()
        text.write(document, Console(file=buffer, width=120, color_system=None, _environ={}))
        return buffer.getvalue()
    if output_format is OutputFormat.json:
        from pause_cost.render import json

        return json.write(document)
    if output_format is OutputFormat.csv:
        from pause_cost.render import csv

        return csv.write(document)
    from pause_cost.render import markdown

    return markdown.write(document)


def _publish(content: str, output: Path | None, force: bool) -> None:
    """Text to stdout, written once whole, or atomically to a file."""
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
