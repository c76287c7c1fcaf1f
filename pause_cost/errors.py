"""The errors pause-cost raises on purpose; anything else reaching the CLI is a bug."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pause_cost.visible import visible


def _one_line(name: str) -> str:
    """A file name or key on one line, a newline in it shown as its code."""
    return visible(name.replace("\n", "\\n"))


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, at a place an editor can jump to."""

    path: str
    line: int | None = None
    column: int | None = None
    key: str | None = None
    message: str = ""

    def __str__(self) -> str:
        """``file:line:col: key: message``, on one line whatever the parts hold: a file name or
        key with a newline or an escape sequence cannot forge a second message or act on a
        terminal."""
        where = _one_line(self.path)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        key = f" {_one_line(self.key)}:" if self.key else ""
        return f"{where}:{key} {visible(self.message, newlines=False)}"


class PauseCostError(Exception):
    """Base of the errors the CLI turns into messages and exit codes."""


class InputError(PauseCostError):
    """One or more problems in a scenario or unit-cost table; all are reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(cls, path: Path | str, message: str, *, key: str | None = None) -> InputError:
        """An error about a whole file (missing, unreadable) rather than a place in it."""
        return cls([Problem(str(path), key=key, message=message)])


class OutputError(PauseCostError):
    """An output file could not be written, or exists and ``--force`` was not given."""
