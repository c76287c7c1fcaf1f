"""One ``emit`` for every command: its product, in a format, to stdout or atomically to a file.

stdout carries the product only, written once it is whole; a stdout that cannot take it (closed,
full) is a problem of where the output goes (one line, exit 1), not a bug, for every command.

A product is one document or several (one a scenario): several are each one's output in turn,
so nothing about a scenario's output depends on what else was given (see :func:`documents`).
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pause_cost.cli.handling import say, silence_stdout
from pause_cost.cli.options import OutputFormat

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
        return text.trimmed(captured.get())

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


Content = str | bytes
"""A product as written: bytes for a file or a pipe (UTF-8 text, or a workbook), or text drawn
for this terminal (already in characters stdout's encoding can show)."""

Render = Callable[[OutputFormat, bool], Content]
"""How a command's product is written in a format, to a terminal (True) or not."""


def emit(
    render_as: Render,
    output_format: OutputFormat,
    output: Path | None = None,
    force: bool = False,
    *,
    after: str = "",
) -> None:
    """Write a product in a format (already resolved, see
    :func:`~pause_cost.cli.options.resolve_format`): to stdout, or atomically to a file.

    ``render_as`` is called here, once stdout is known to be open, so that a failure while
    building writes nothing. Every command's product goes through here.
    """
    if output is None:
        _require_stdout()  # before any work
    content = render_as(output_format, output is None)
    if output is None:
        _to_stdout(content)
        return
    from pause_cost.output import write_atomic

    write_atomic(
        output, content.encode("utf-8") if isinstance(content, str) else content, force=force
    )
    say(f"wrote {output}{after}")


def _to_stdout(content: Content) -> None:
    """The whole product to stdout at once. A stream without a byte buffer (a notebook's, a
    captured one) takes the text instead."""
    with _writing_to_stdout():
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if isinstance(content, str):
            sys.stdout.write(content)
            sys.stdout.flush()
        elif buffer is not None:
            buffer.write(content)
            buffer.flush()
        else:
            sys.stdout.write(content.decode("utf-8"))
            sys.stdout.flush()


def documents(
    build: Callable[[], Document | Sequence[Document]],
    wide: Callable[[], Document] | None = None,
    data: Callable[[], Sequence[Any]] | None = None,
) -> Render:
    """A product of one document, or several (one a scenario), in any format a result has.

    Several are each one's output in turn: tables and Markdown one after another, JSON one
    document after another (a stream ``jq`` reads; each the document that input alone gives),
    JSON lines one line each, CSV each one's rows under one header. ``csv-wide`` is ``wide``'s
    one row each (a summary of several estimates side by side), for any count.

    ``data``, when given, is each document's ``data`` without the documents: JSON and JSON
    lines are written from it alone, so those formats never load or build a document.
    """

    def render_as(output_format: OutputFormat, terminal: bool) -> Content:
        if output_format is OutputFormat.csv_wide:
            if wide is None:
                raise ValueError("csv-wide is not a format of this product")
            return render(wide(), OutputFormat.csv).encode("utf-8")
        if data is not None and output_format in (OutputFormat.json, OutputFormat.jsonl):
            return _joined_data(list(data()), output_format).encode("utf-8")
        built = build()
        several = [built] if not isinstance(built, Sequence) else list(built)
        if output_format is OutputFormat.table and terminal:
            # Rich may flush to stdout as it finishes drawing, so its errors are stdout's.
            with _writing_to_stdout():
                return "\n".join(_terminal_table(document) for document in several)
        return _joined(several, output_format).encode("utf-8")

    return render_as


def _joined(several: list[Document], output_format: OutputFormat) -> str:
    if output_format is OutputFormat.jsonl:
        return "".join(as_json_line(document.data) for document in several)
    written = [render(document, output_format) for document in several]
    if output_format is OutputFormat.json:
        return "".join(written)
    if output_format is OutputFormat.csv:
        return written[0] + "".join(text.partition("\n")[2] for text in written[1:])
    return "\n".join(written)


def _joined_data(several: list[Any], output_format: OutputFormat) -> str:
    """Documents' data as :func:`_joined` writes them in JSON or JSON lines."""
    if output_format is OutputFormat.jsonl:
        return "".join(as_json_line(data) for data in several)
    from pause_cost.results.data import dumps

    return "".join(dumps(data) for data in several)


def as_json_line(data: Any) -> str:
    """JSON data on one line, non-ASCII kept as written: one line of JSON lines."""
    import json

    return json.dumps(data, ensure_ascii=False) + "\n"


def json_only(data: Callable[[], Any]) -> Render:
    """A product that is only JSON data (a JSON Schema): as a document, or on one line."""

    def render_as(output_format: OutputFormat, terminal: bool) -> Content:
        from pause_cost.results.data import dumps

        found = data()
        text = as_json_line(found) if output_format is OutputFormat.jsonl else dumps(found)
        return text.encode("utf-8")

    return render_as


def render(document: Document, output_format: OutputFormat) -> str:
    """The document in a format, as text for a file (a table at 120 columns, plain)."""
    if output_format is OutputFormat.table:
        import io

        from rich.console import Console

        from pause_cost.render import text

        buffer = io.StringIO()
        text.write(document, Console(file=buffer, width=120, color_system=None, _environ={}))
        return text.trimmed(buffer.getvalue())
    if output_format is OutputFormat.json:
        from pause_cost.render import json

        return json.write(document)
    if output_format is OutputFormat.jsonl:
        return as_json_line(document.data)
    if output_format is OutputFormat.csv:
        from pause_cost.render import csv

        return csv.write(document)
    from pause_cost.render import markdown

    return markdown.write(document)
