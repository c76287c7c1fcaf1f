"""With none of the economic case's inputs given, every figure of every shipped scenario stays.

``tests/data/before-economics`` holds each shipped scenario's JSON as it was printed before the
economic case existed (schema version 1). The new output, less what the economic case adds
(its own ``economics`` section, the two new keys of ``avoided_births``, each index's
``forecast_from``, flags), must equal it
exactly: every number, label and source.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SCENARIOS, run

BEFORE = Path(__file__).parent / "data" / "before-economics"
ADDED_TO_BIRTHS = ("observed", "costed")


def _without_additions(document: dict[str, Any]) -> dict[str, Any]:
    document = dict(document)
    for key in ("schema_version", "economics", "flags"):
        document.pop(key, None)
    births = dict(document["avoided_births"])
    for key in ADDED_TO_BIRTHS:
        births.pop(key, None)
    document["avoided_births"] = births
    document["price_indices"] = [
        {key: value for key, value in index.items() if key != "forecast_from"}
        for index in document["price_indices"]
    ]
    return document


@pytest.mark.parametrize("before", sorted(BEFORE.glob("*.json")), ids=lambda path: path.stem)
def test_a_scenario_without_the_new_inputs_keeps_every_figure(before: Path) -> None:
    old = json.loads(before.read_text(encoding="utf-8"))
    result = run("estimate", str(SCENARIOS / f"{before.stem}.yaml"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    new = json.loads(result.stdout)
    assert old["schema_version"] == "1"
    assert new["schema_version"] == "2"
    assert _without_additions(new) == _without_additions(old)
    assert new["avoided_births"]["observed"] == 0
    assert new["avoided_births"]["costed"] is None
    assert all(index["forecast_from"] is None for index in new["price_indices"])
    old_codes = [flag["code"] for flag in old["flags"]]
    assert [flag for flag in new["flags"] if flag["code"] in old_codes] == old["flags"]


def test_the_old_outputs_are_all_here() -> None:
    """Every scenario shipped before the economic case has its old output to compare with."""
    assert {path.stem for path in BEFORE.glob("*.json")} == {
        "rotherham-2020",
        "rotherham-2020-with-pilot-cost",
        "rotherham-2020-bottom-up",
        "rotherham-2020-bottom-up-2024-25",
    }
