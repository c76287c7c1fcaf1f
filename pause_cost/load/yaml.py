"""Read a YAML file safely, remembering where every key and value sits.

The file is read as text first (:func:`read_text`: only a regular file, at most a megabyte,
UTF-8), then parsed by libyaml where PyYAML has it (:mod:`pause_cost.load.libyaml`) or else by
the safe pure-Python loader (:mod:`pause_cost.load.loader`, which says what is refused and
why). Both give the same data and marks; every problem is the pure loader's, word for word.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pause_cost.errors import InputError, Problem
from pause_cost.load import libyaml, loader
from pause_cost.load.loader import Document, Loc, Marks, Position

__all__ = [
    "MAX_FILE_BYTES",
    "Document",
    "Loc",
    "Marks",
    "Position",
    "load",
    "not_regular",
    "read_text",
]

MAX_FILE_BYTES = 1_000_000
"""Scenarios and tables are a few kilobytes; a megabyte is a wrong file, not a big table."""


def not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is ('a FIFO'), or None for a regular file."""
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def read_text(path: Path, display_path: str) -> str:
    """The file's text, or an InputError saying plainly why it cannot be read.

    A UTF-8 byte-order mark is dropped and CRLF line endings read as LF, so files saved by
    Windows editors load exactly as if they had neither.
    """
    if not os.path.lexists(path):
        raise InputError.single(display_path, "file not found")
    if path.is_dir():
        raise InputError.single(display_path, "is a directory; give a YAML file")
    try:
        # Non-blocking, so that opening a FIFO cannot hang; then only a regular file is read,
        # and never more than the limit, whatever the file system says its size is.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            kind = not_regular(status.st_mode)
            if kind is not None:
                raise InputError.single(
                    display_path, f"is {kind}, not a regular file; give a YAML file"
                )
            if status.st_size > MAX_FILE_BYTES:
                raise InputError.single(
                    display_path,
                    f"file is {status.st_size:,} bytes; input files may be at most "
                    f"{MAX_FILE_BYTES:,} bytes",
                )
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError.single(display_path, f"cannot be read: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError.single(
            display_path,
            f"file is over {MAX_FILE_BYTES:,} bytes; input files may be at most "
            f"{MAX_FILE_BYTES:,} bytes",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            [
                Problem(
                    display_path,
                    line,
                    column,
                    None,
                    f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; save the file as UTF-8",
                )
            ]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load(path: Path, display_path: str | None = None, *, fast: bool = True) -> Document:
    """Parse one YAML document into plain data and marks, or raise every problem found.

    ``fast=False`` skips libyaml and reads with the pure-Python loader alone; the result is
    the same either way.
    """
    shown = display_path if display_path is not None else str(path)
    text = read_text(path, shown)
    if fast:
        document = libyaml.load_fast(path, shown, text)
        if document is not None:
            return document
    return loader.load_pure(path, shown, text)
