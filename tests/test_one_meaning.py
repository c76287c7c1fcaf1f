"""One meaning for every input path: ``estimate --set``, sensitivity's evaluator and the Monte
Carlo's draws resolve a path to the value the exact engine uses, a scenario's line_overrides
included, and agree at the same value (a property test); a path that is not an input is refused.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pause_cost import api
from pause_cost.core.case import EVERYTHING
from pause_cost.exit_codes import ExitCode
from pause_cost.load.uncertainty import load_ranges
from pause_cost.model.paths import PathError, address, read
from pause_cost.uncertainty.draws import compile_for_draws, draw_values, evaluate_draws
from pause_cost.uncertainty.evaluator import Evaluator
from pause_cost.uncertainty.outcomes import outcome
from tests.conftest import SOURCE, dump_yaml, line, run

OVERRIDDEN_SHARE = "t/a.share_of_children"
OVERRIDDEN_QUANTITY = "t/a.quantity_per_child"
PLAIN_AMOUNT = "t/a.amount_gbp"
PLAIN_SHARE = "t/b.share_of_children"
PATHS = {
    OVERRIDDEN_SHARE: (0, 1, 0.5),
    OVERRIDDEN_QUANTITY: (0, 5, 2),
    PLAIN_AMOUNT: (0, 10_000, 1000),
    PLAIN_SHARE: (0, 1, 0.8),
}
"""Each ranged path: its range, and the value the estimate uses (the override's for line a's
share and quantity, whatever the table says)."""


def _scenario(folder: Path) -> Path:
    lines = [
        line(id="a", amount_gbp=1000, share_of_children=0.9, first_year=1, last_year=3),
        line(id="b", amount_gbp=400, share_of_children=0.8, first_year=2, last_year=4),
    ]
    (folder / "t.yaml").write_text(dump_yaml({"name": "t", "title": "T", "lines": lines}))
    data: dict[str, Any] = {
        "name": "s",
        "council": "C",
        "cohort": {"women_open": 20, "birth_rate_per_woman_per_year": 0.33, "source": SOURCE},
        "unit_costs": ["t.yaml"],
        "avoided_births_counting": "round_half_up",
        "programme_cost": {"total_gbp": 100000, "source": SOURCE},
        "line_overrides": [
            {
                "line": "t/a",
                "share_of_children": 0.5,
                "quantity_per_child": 2,
                "reason": "The council's own share and quantity.",
            }
        ],
        "published": {"source": SOURCE, "avoided_births": 15},
        "uncertainty": [
            {
                "input": path,
                "low": low,
                "high": high,
                "distribution": {"kind": "uniform", "low": low, "high": high},
                "source": SOURCE,
            }
            for path, (low, high, _) in PATHS.items()
        ],
    }
    path = folder / "s.yaml"
    path.write_text(dump_yaml(data))
    return path


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _scenario(tmp_path_factory.mktemp("one-meaning"))


def test_one_meaning_a_path_reads_the_value_the_estimate_uses(scenario: Path) -> None:
    inputs = load_ranges(scenario).inputs
    for path, (_, _, used) in PATHS.items():
        assert read(inputs, address(inputs, path)) == Decimal(str(used)), path


def _three_answers(scenario: Path, path: str, value: Decimal) -> tuple[Decimal, Decimal, float]:
    ranged = load_ranges(scenario)
    inputs = ranged.inputs
    by_set = outcome(api.estimate(scenario, what_if={path: value}), "net")
    by_sensitivity = Evaluator(inputs).outcome([(address(inputs, path), value)], "net")
    compiled = compile_for_draws(ranged)
    columns = [
        np.array(
            [
                float(
                    value
                    if drawn.range.path == path
                    else read(inputs, address(inputs, drawn.range.path))
                )
            ]
        )
        for drawn in compiled.drawn
    ]
    found = evaluate_draws(compiled, draw_values(compiled, columns, 1), EVERYTHING)
    return by_set, by_sensitivity, float(np.asarray(found.net).reshape(-1)[0])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=st.sampled_from(sorted(PATHS)), fraction=st.decimals(0, 1, places=3))
def test_one_meaning_set_sensitivity_and_simulate_agree(
    scenario: Path, path: str, fraction: Decimal
) -> None:
    low, high, _ = PATHS[path]
    value = (low + (high - low) * fraction).normalize()
    by_set, by_sensitivity, by_draw = _three_answers(scenario, path, value)
    assert by_set == by_sensitivity, (path, value)
    assert abs(by_draw - float(by_set)) <= 1e-9 * max(1.0, abs(float(by_set))), (path, value)


@pytest.mark.parametrize("path", [OVERRIDDEN_SHARE, OVERRIDDEN_QUANTITY])
def test_one_meaning_a_what_if_on_an_overridden_field_moves_the_figure(
    scenario: Path, path: str
) -> None:
    base = outcome(api.estimate(scenario), "net")
    _, high, used = PATHS[path]
    moved = outcome(api.estimate(scenario, what_if={path: Decimal(str(high))}), "net")
    assert moved > base  # line a saves more at a higher share or quantity
    tornado = api.sensitivity(scenario, outcome="net")
    swing = next(swing for swing in tornado.swings if swing.range.input == path)
    assert swing.range.point == Decimal(str(used))  # the override's value, not the table's


@pytest.mark.parametrize(
    "path", ["published.avoided_births", "uncertainty.0.low", "correlations.0.rho"]
)
def test_one_meaning_a_path_that_is_not_an_input_is_refused(scenario: Path, path: str) -> None:
    with pytest.raises(PathError, match="not an input a what-if can change"):
        api.estimate(scenario, what_if={path: 3})
    result = run("estimate", scenario, "--set", f"{path}=3")
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert "not an input a what-if can change" in result.stderr
