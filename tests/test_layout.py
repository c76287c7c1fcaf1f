"""Modules stay small enough to read whole: none in these packages is over 400 lines."""

from __future__ import annotations

import pytest

from tests.conftest import REPO

MAX_LINES = 400
CHECKED = ("load", "model")
"""The packages split to the limit so far; each joins this list as its split lands."""


@pytest.mark.parametrize("package", CHECKED)
def test_no_module_is_over_the_limit(package: str) -> None:
    modules = sorted((REPO / "pause_cost" / package).glob("*.py"))
    assert modules
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in modules}
    assert {name: count for name, count in lengths.items() if count > MAX_LINES} == {}
