"""``pause-cost`` and ``python -m pause_cost``: the command's entry point.

``pause-cost --version`` alone is answered before typer loads: scripts call it to check what
is installed, and it should cost no more than starting Python. Everything else goes to the
typer app in :mod:`pause_cost.cli`.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from pause_cost import __version__

        sys.stdout.write(f"pause-cost {__version__}\n")
        return
    from pause_cost.cli import app

    app(prog_name="pause-cost")


if __name__ == "__main__":
    main()
