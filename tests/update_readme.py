"""Rewrite the output under each ``$ pause-cost ...`` block of the README with the real output.

    python -m tests.update_readme

``tests/test_docs.py`` fails when a block and its command disagree; this makes them agree
after a deliberate change (read the diff before committing it).
"""

from __future__ import annotations

import os
import re

from tests.conftest import REPO, run

BLOCK = re.compile(r"(```console\n\$ (pause-cost [^\n]*)\n)(.*?)(```)", re.DOTALL)


def _real(match: re.Match[str]) -> str:
    command = match.group(2)
    result = run(*command.split()[1:], env={"COLUMNS": "80"})
    printed = result.stdout if result.exit_code == 0 else result.stderr
    text = "\n".join(line.rstrip() for line in printed.rstrip().splitlines()) + "\n"
    return match.group(1) + text + match.group(4)


if __name__ == "__main__":
    os.chdir(REPO)
    readme = REPO / "README.md"
    readme.write_text(BLOCK.sub(_real, readme.read_text(encoding="utf-8")), encoding="utf-8")
