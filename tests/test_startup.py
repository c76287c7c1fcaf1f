"""`--version` and `--help` stay fast by not importing what they do not use."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO, ROTHERHAM

PROBE = """
import sys
from pause_cost.cli import app
try:
    app({args!r}, prog_name="pause-cost")
except SystemExit:
    pass
heavy = sorted(name for name in ("rich", "pydantic", "yaml", "pause_cost.core.estimate")
               if name in sys.modules)
print(",".join(heavy), file=sys.stderr)
"""


def loaded_after(*args: str) -> set[str]:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    last = completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else ""
    return set(filter(None, last.split(",")))


def test_version_imports_neither_rich_nor_the_models() -> None:
    assert loaded_after("--version") == set()


def test_json_estimate_does_not_import_rich() -> None:
    loaded = loaded_after("estimate", str(ROTHERHAM), "-f", "json")
    assert "rich" not in loaded
    assert "pause_cost.core.estimate" in loaded
