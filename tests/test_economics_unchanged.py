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
ADDED_TO_BIRTHS = ("observed", "costed", "factor")
ROLLED_UP_BY_YEAR = ("programme_cost_gbp", "net_gbp", "cumulative_net_gbp")
"""Keys the roll-ups add to each year (issue 18), as ``by_stage`` and ``persistence_months``."""


def _without_additions(document: dict[str, Any]) -> dict[str, Any]:
    document = dict(document)
    for key in ("schema_version", "economics", "flags", "by_stage"):
        document.pop(key, None)
    document["scenario"] = {
        key: value for key, value in document["scenario"].items() if key != "persistence_months"
    }
    document["by_year"] = [
        {key: value for key, value in year.items() if key not in ROLLED_UP_BY_YEAR}
        for year in document["by_year"]
    ]
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
    kept = [flag for flag in new["flags"] if flag["code"] in old_codes]
    assert [{k: v for k, v in flag.items() if k != "prominent"} for flag in kept] == old["flags"]


def test_the_old_outputs_are_all_here() -> None:
    """Every scenario shipped before the economic case has its old output to compare with."""
    assert {path.stem for path in BEFORE.glob("*.json")} == {
        "rotherham-2020",
        "rotherham-2020-with-pilot-cost",
        "rotherham-2020-bottom-up",
        "rotherham-2020-bottom-up-2024-25",
    }
