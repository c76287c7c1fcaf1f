"""Write output files so that a failure never leaves half a file or loses an old one.

The bytes are written to a temporary file beside the target (a short name,
``.pause-cost-XXXXXXXX.part``, so that any valid target name works) and published only once
they are complete and synced: an error, a full disk, Ctrl-C, SIGTERM or SIGHUP part-way leaves
the target as it was and no temporary file behind.

Publishing is where the no-clobber promise is kept, atomically: without ``--force`` the
finished file is hard-linked to the target name, which fails if *anything* is there by then
(so of several runs racing for one name exactly one wins); with ``--force`` it is renamed over
the target. Only a regular file (or a symbolic link, which is itself replaced) is ever
replaced: never a directory, device, FIFO or socket.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

from pause_cost.errors import OutputError

TEMPORARY_PREFIX = ".pause-cost-"
TEMPORARY_SUFFIX = ".part"
"""A temporary file is ``.pause-cost-`` + 8 random characters + ``.part``: 25 characters."""

_NO_HARD_LINKS = frozenset(
    code
    for code in (
        getattr(errno, name, None)
        for name in ("EPERM", "ENOTSUP", "EOPNOTSUPP", "EXDEV", "EMLINK", "ENOSYS")
    )
    if code is not None
)
"""What ``link`` fails with on a file system that has no hard links (FAT, some network and
FUSE file systems), or that refuses one here: then publishing falls back to a placeholder."""


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while an output file was being written.

    A ``BaseException``, as ``KeyboardInterrupt`` is, so that nothing on the way up mistakes it
    for an error to handle; the CLI exits with 128 + the signal's number.
    """

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(f"terminated by signal {signum}")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _examine(path: Path) -> os.stat_result | None:
    """What is at ``path`` itself (a link, not what it points to), or None if nothing is."""
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written: {exc.strerror}") from None


def _refusal(path: Path, here: os.stat_result | None) -> str | None:
    """Why ``path`` may not be replaced, or None if it may (missing, a regular file, a link).

    A symbolic link may be replaced (the link itself, never what it points to) when it points
    to a regular file or to nothing; not when it points to a directory, device, FIFO or socket.
    """
    if here is None:
        return None
    mode = here.st_mode
    if stat.S_ISDIR(mode):
        return f"{path}: is a directory; give a file name for the output"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        try:
            mode = os.stat(path).st_mode
        except OSError:
            return None  # a dangling link (or a loop): only the link would be replaced
        if stat.S_ISREG(mode):
            return None
        return (
            f"{path}: is a symbolic link to {_kind(mode)}, not a regular file; "
            "give a file name for the output"
        )
    return f"{path}: is {_kind(mode)}, not a regular file; give a file name for the output"


def _already_exists(path: Path) -> OutputError:
    return OutputError(f"{path}: already exists; use --force to overwrite it")


class _SignalGuard:
    """While writing, SIGTERM and SIGHUP raise :class:`Terminated`, as Ctrl-C raises
    ``KeyboardInterrupt``, so that the cleanup that runs for Ctrl-C runs for them too.

    Inside :meth:`deferred` (creating the temporary file, publishing it) a signal is only noted:
    raised at the next :meth:`check` if the file is not yet published, or, if it is, delivered
    again after the previous handlers are restored, as if it had come a moment later. Only the
    main thread can set handlers; elsewhere the guard does nothing.
    """

    SIGNALS = tuple(
        number for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if number is not None
    )

    def __init__(self) -> None:
        self.active = threading.current_thread() is threading.main_thread()
        self.previous: dict[int, Any] = {}
        self.received: int | None = None
        self.raised = False
        self.deferring = 0

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signum
        if not self.deferring and not self.raised:
            self.raised = True
            raise Terminated(signum)

    def __enter__(self) -> _SignalGuard:
        if self.active:
            for number in self.SIGNALS:
                self.previous[number] = signal.signal(number, self._handler)
        return self

    def __exit__(self, *_: object) -> None:
        for number, handler in self.previous.items():
            # None: a handler not set from Python; the default is the best we can restore.
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        if self.received is not None and not self.raised:
            os.kill(os.getpid(), self.received)

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        self.deferring += 1
        try:
            yield
        finally:
            self.deferring -= 1

    def check(self) -> None:
        if self.received is not None and not self.raised:
            self.raised = True
            raise Terminated(self.received)


def _publish_with_placeholder(temporary: str, path: Path) -> None:
    """No hard links here: claim the name with an empty file created with O_EXCL (which, too,
    fails if anything is there, a dangling link included), then rename the finished file over
    it. Racing runs still see the name taken; the cost is that for a moment, or if the process
    is killed outright between the two steps, the target is an empty file."""
    try:
        placeholder = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise _already_exists(path) from None
    try:
        claimed = os.fstat(placeholder)
        os.replace(temporary, path)
    except BaseException:
        # Remove the placeholder only if it is still ours (a --force run may have replaced it).
        with contextlib.suppress(OSError):
            now = os.lstat(path)
            if (now.st_dev, now.st_ino) == (claimed.st_dev, claimed.st_ino):
                os.unlink(path)
        raise
    finally:
        os.close(placeholder)


def _publish(temporary: str, path: Path, *, force: bool) -> None:
    """Put the finished temporary file at ``path``, atomically."""
    if force:
        # Checked again just before the rename; a rename cannot refuse a non-regular target
        # by itself, so a FIFO put there in the instant between would be replaced.
        refusal = _refusal(path, _examine(path))
        if refusal is not None:
            raise OutputError(refusal)
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise _already_exists(path) from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        _publish_with_placeholder(temporary, path)
        return
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)


def write_atomic(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path``; refuse to replace anything there unless ``force``.

    Anything at ``path`` counts as existing, a dangling symbolic link included; the check is
    made again, atomically, at the moment the file appears, so concurrent runs cannot both
    write. With ``force``, only a regular file is replaced. A symbolic link to a regular file
    (or to nothing) is replaced by replacing the link itself: ``path`` becomes a regular file
    and the file the link pointed to is left untouched. A directory, device, FIFO or socket (or
    a link to one) is refused, with or without ``force``.
    """
    import tempfile  # here, not at the top: every command imports this module for Terminated

    here = _examine(path)
    refusal = _refusal(path, here)
    if refusal is not None:
        raise OutputError(refusal)
    if here is not None and not force:
        raise _already_exists(path)
    directory = path.parent
    if not directory.is_dir():
        raise OutputError(f"{path}: directory {directory} does not exist")
    temporary: str | None = None
    with _SignalGuard() as guard:
        try:
            with guard.deferred():
                try:
                    handle, temporary = tempfile.mkstemp(
                        prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=directory
                    )
                except OSError as exc:
                    raise OutputError(
                        f"{path}: cannot write in {directory}: {exc.strerror}"
                    ) from None
                stream = os.fdopen(handle, "wb")
            guard.check()
            with stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, 0o666 & ~_current_umask())
            guard.check()
            with guard.deferred():
                _publish(temporary, path, force=force)
                temporary = None
        except OSError as exc:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            raise OutputError(f"{path}: could not be written: {exc.strerror}") from None
        except BaseException:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            raise
