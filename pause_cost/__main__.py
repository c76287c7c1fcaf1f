"""``pause-cost`` and ``python -m pause_cost``: the command's entry point.

``pause-cost --version`` alone is answered before typer loads: scripts call it to check what
is installed, and it should cost no more than starting Python. Everything else goes to the
typer app in :mod:`pause_cost.cli`.
"""

from __future__ import annotations

import sys


def _version() -> int:
    """The version on stdout; a stdout that cannot take it is one line and exit 1, as for
    every command."""
    from pause_cost import __version__

    reason = "it is closed"
    if sys.stdout is not None:
        try:
            sys.stdout.write(f"pause-cost {__version__}\n")
            sys.stdout.flush()
            return 0
        except (OSError, ValueError) as exc:
            if isinstance(exc, OSError) and exc.strerror and exc.errno != 9:
                reason = exc.strerror
            try:  # Python flushes stdout again at exit: give it somewhere to go.
                import os

                os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            except OSError:
                pass
    sys.stderr.write(f"cannot write to standard output: {reason}\n")
    return 1


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        code = _version()
        if code:
            sys.exit(code)
        return
    from pause_cost.cli import app_for

    app_for(sys.argv[1:])(prog_name="pause-cost")


if __name__ == "__main__":
    main()
