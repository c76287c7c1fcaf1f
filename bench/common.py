"""What every benchmark section shares: where the repository is, how a command is timed, the
environment subprocesses run in (and so which bytecode cache they can use), and a plain table.

Kept apart from the sections so that a subprocess is started the same way everywhere: a
difference between two figures should come from the commands, never from how they were run.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TypeVar

REPO = Path(__file__).resolve().parent.parent
PACKAGE_CACHE = REPO / "pause_cost" / "__pycache__"
ROTHERHAM = REPO / "scenarios" / "rotherham-2020.yaml"
# As the README writes it on a command line, relative to the repository the commands run in.
ROTHERHAM_ARG = str(ROTHERHAM.relative_to(REPO))
ROTHERHAM_BOTTOM_UP = REPO / "scenarios" / "rotherham-2020-bottom-up.yaml"
# As a user runs it from a checkout; ``-m`` puts the working directory (the repo) first on the
# path, so the package timed is the working tree, not some installed copy.
CLI = (sys.executable, "-m", "pause_cost")

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """One run of one command: how long it took and whether it worked."""

    seconds: float
    returncode: int
    stderr: str


def run_timed(argv: Sequence[str], env: Mapping[str, str]) -> Outcome:
    """Wall-clock time of one subprocess, as a user waiting at a prompt would feel it.

    stdout goes to /dev/null so no terminal rendering is timed; stderr is kept to say why a
    command failed. The command runs from the repository, as the README's examples do.
    """
    started = time.perf_counter()
    done = subprocess.run(
        list(argv),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env=dict(env),
        check=False,
    )
    seconds = time.perf_counter() - started
    return Outcome(seconds, done.returncode, done.stderr.decode("utf-8", errors="replace"))


@dataclass
class Samples:
    """The timings of one command over the rounds, and the first failure if it failed."""

    seconds: list[float] = field(default_factory=list)
    failure: str | None = None

    def record(self, outcome: Outcome) -> None:
        """Keep a good time; keep only the first failure, which is the one to read."""
        if outcome.returncode == 0:
            self.seconds.append(outcome.seconds)
        elif self.failure is None:
            last = outcome.stderr.strip().splitlines()[-1:] or ["(no stderr)"]
            self.failure = f"exit {outcome.returncode}: {last[0][:200]}"

    @property
    def median(self) -> float | None:
        """The median, which one slow round (a noisy neighbour) cannot move much."""
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def spread(self) -> tuple[float, float] | None:
        """Lower and upper quartiles: how far apart rounds were, to judge a close ratio by."""
        if len(self.seconds) < 2:
            return None
        quartiles = statistics.quantiles(self.seconds, n=4, method="inclusive")
        return quartiles[0], quartiles[2]


def rotated(items: Sequence[T], by: int) -> list[T]:
    """The items started at a different place each round, so no command always follows the
    same one (a heavy command can leave the CPU hot or the page cache stirred for the next)."""
    start = by % len(items)
    return [*items[start:], *items[:start]]


class CacheMode(Enum):
    """Which bytecode cache the subprocesses may use."""

    INHERIT = "inherit"
    NONE = "none"
    WARM = "warm"


@dataclass(frozen=True)
class SubprocessEnvironment:
    """The environment every subprocess runs in, and how to describe it in the report."""

    mode: CacheMode
    variables: dict[str, str]
    prefix: Path | None

    def describe(self) -> list[str]:
        """Say which cache was in use, since compiling every module on each start-up can cost
        more than the targets allow: a figure means little without it."""
        dont_write = os.environ.get("PYTHONDONTWRITEBYTECODE")
        lines = [
            "PYTHONDONTWRITEBYTECODE in this environment: "
            + (f"set ({dont_write!r})" if dont_write is not None else "not set"),
            f"PYTHONPYCACHEPREFIX in this environment: {os.environ.get('PYTHONPYCACHEPREFIX')!r}",
            f"pause_cost/__pycache__ exists: {'yes' if PACKAGE_CACHE.is_dir() else 'no'}",
            f"typer's __pycache__ exists (installed packages): {_yes_no(_installed_cache())}",
        ]
        if self.mode is CacheMode.INHERIT and dont_write is not None:
            lines.append(
                "subprocesses: inherit this environment, so no bytecode is written: pause_cost "
                "is compiled from source on every run unless its __pycache__ exists already"
            )
        elif self.mode is CacheMode.INHERIT:
            lines.append(
                "subprocesses: inherit this environment: the warm-up round writes "
                "pause_cost/__pycache__ if it is missing, and the timed rounds read it"
            )
        elif self.mode is CacheMode.NONE:
            lines.append(
                "subprocesses: --no-bytecode-cache: PYTHONDONTWRITEBYTECODE=1, "
                f"PYTHONPYCACHEPREFIX={self.prefix} (empty): every module compiled on every run"
            )
        else:
            lines.append(
                "subprocesses: --warm-bytecode-cache: PYTHONDONTWRITEBYTECODE unset, "
                f"PYTHONPYCACHEPREFIX={self.prefix}: cache written by the warm-up round, "
                "read in the timed ones"
            )
        return lines

    def check_after(self) -> str | None:
        """For --no-bytecode-cache, confirm nothing was cached after all (a sanity check on
        the figures, not on the product)."""
        if self.mode is not CacheMode.NONE or self.prefix is None:
            return None
        written = sum(1 for _ in self.prefix.rglob("*.pyc"))
        return f"bytecode files written to the empty cache prefix during the run: {written}"


def _installed_cache() -> bool | None:
    """Whether the installed typer has its bytecode cached, standing for the installed
    packages the baselines import (pip writes their caches when it installs them)."""
    spec = importlib.util.find_spec("typer")
    if spec is None or spec.origin is None:
        return None
    return (Path(spec.origin).parent / "__pycache__").is_dir()


def _yes_no(value: bool | None) -> str:
    return "?" if value is None else "yes" if value else "no"


def machine_load() -> str:
    """Load average and free memory: other work on the machine (a test suite swapping, say)
    slows every command, and a reader should know the figures were taken under it."""
    parts = []
    if hasattr(os, "getloadavg"):
        one, five, fifteen = os.getloadavg()
        parts.append(f"load average {one:.2f} {five:.2f} {fifteen:.2f}")
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        fields = dict(
            line.split(":", 1) for line in meminfo.read_text().splitlines() if ":" in line
        )
        gib = {name: int(fields[name].split()[0]) / 2**20 for name in ("MemAvailable", "MemTotal")}
        parts.append(f"memory available {gib['MemAvailable']:.1f} of {gib['MemTotal']:.1f} GiB")
    return "; ".join(parts) or "unknown"


@contextmanager
def subprocess_environment(mode: CacheMode) -> Iterator[SubprocessEnvironment]:
    """The environment for the run's subprocesses, with a temporary cache prefix if asked.

    A prefix (rather than deleting __pycache__ directories) keeps the measurement from
    touching the repository or the venv, which other people are working in.
    """
    variables = dict(os.environ)
    if mode is CacheMode.INHERIT:
        yield SubprocessEnvironment(mode, variables, None)
        return
    prefix = Path(tempfile.mkdtemp(prefix="pause-cost-pycache-"))
    try:
        variables["PYTHONPYCACHEPREFIX"] = str(prefix)
        if mode is CacheMode.NONE:
            variables["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            variables.pop("PYTHONDONTWRITEBYTECODE", None)
        yield SubprocessEnvironment(mode, variables, prefix)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A plain-text table, first column left and the rest right, to paste into an issue."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    print(line(headers))
    print("-" * len(line(["-" * w for w in widths])))
    for row in rows:
        print(line(row))


def ms(seconds: float | None) -> str:
    """Milliseconds to one place, or a dash where there is no figure."""
    return "-" if seconds is None else f"{seconds * 1000:.1f}"


def ratio(value: float | None, base: float | None) -> str:
    """A ratio to two places (three figures when small), or a dash where a side is missing."""
    if value is None or base is None or base == 0:
        return "-"
    quotient = value / base
    return f"{quotient:.2f}x" if quotient >= 0.1 else f"{quotient:.3g}x"


def verdict(met: bool | None) -> str:
    """'yes'/'NO', loud on a miss, or a dash where there is no target or no figure."""
    if met is None:
        return "-"
    return "yes" if met else "NO"
