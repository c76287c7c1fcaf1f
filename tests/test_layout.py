"""Modules stay small enough to read whole: none in the package is over 400 lines."""

from __future__ import annotations

from tests.conftest import REPO

MAX_LINES = 400


def test_no_module_is_over_the_limit() -> None:
    modules = sorted((REPO / "pause_cost").rglob("*.py"))
    assert len(modules) > 100  # the whole package is read, not an empty folder
    lengths = {
        str(path.relative_to(REPO)): len(path.read_text(encoding="utf-8").splitlines())
        for path in modules
    }
    assert {name: count for name, count in lengths.items() if count > MAX_LINES} == {}
