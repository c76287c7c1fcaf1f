"""What each exit code means; scripts in funding bids branch on these."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    SUCCESS = 0
    """Success, including an estimate that is bad news."""
    INVALID_INPUT = 1
    """A scenario or table that fails to load or validate; an output that cannot be written."""
    USAGE = 2
    """Wrong usage: unknown option, bad choice, missing argument or file (typer's own)."""
    INTERNAL_ERROR = 3
    """A bug in pause-cost."""
    HANGUP = 129
    """SIGHUP (the terminal closed) while writing a file; no partial output is left behind."""
    INTERRUPTED = 130
    """Ctrl-C; no partial output is left behind."""
    TERMINATED = 143
    """SIGTERM while writing a file; no partial output is left behind."""
