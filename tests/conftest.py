"""Shared fixtures: the repository's paths, a CLI runner, and builders for small inputs."""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner, Result

from pause_cost.cli import app
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import UnitCostTable

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = REPO / "scenarios"
UNIT_COSTS = REPO / "unit_costs"
ROTHERHAM = SCENARIOS / "rotherham-2020.yaml"
UNCERTAIN_WITHOUT_CALENDAR = REPO / "tests" / "data" / "uncertain-without-calendar.yaml"
"""Ranges on every kind of input, and no calendar: for tests that need only an analysis to be
present, at a tenth of the shipped uncertain scenario's cost."""

SOURCE = {"document": "A test document", "location": "table 1"}


class _NoAliasDumper(yaml.SafeDumper):
    """Writes shared objects out in full: pause-cost refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True)


def run(*args: str | Path, env: dict[str, str] | None = None) -> Result:
    """Invoke the CLI as a user would, with stdout and stderr kept apart."""
    return CliRunner().invoke(
        app, [str(arg) for arg in args], prog_name="pause-cost", env=env, catch_exceptions=False
    )


def line(**overrides: Any) -> dict[str, Any]:
    """A valid table line as plain data; tests override only what they are about."""
    data: dict[str, Any] = {
        "id": "a-line",
        "item": "An item",
        "stage": "proceedings",
        "amount_gbp": 100,
        "unit": "per child",
        "classification": "cashable",
        "agency": "Council",
        "source": SOURCE,
        "price_year": "2016/17",
    }
    data.update(overrides)
    return data


def table(*lines: dict[str, Any], name: str = "test-table") -> UnitCostTable:
    return UnitCostTable.model_validate(
        {"name": name, "title": "Test table", "lines": list(lines) or [line()]}
    )


def scenario_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "test",
        "council": "Test Council",
        "cohort": {"women_open": 10, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE},
        "unit_costs": ["test-table"],
    }
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return data


def scenario(**overrides: Any) -> Scenario:
    return Scenario.model_validate(scenario_data(**overrides))


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[str, Any], Path]:
    """Write data (or raw text) as a YAML file in a temporary directory."""

    def write(name: str, content: Any) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else dump_yaml(content)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def quoted_by_hand(value: float | Decimal) -> str:
    """A figure as a headline quotes it, worked independently of the code: pounds at or above
    a million to three significant figures (£1.67m; £12.5m), below it to the nearest £1,000."""
    exact = Decimal(str(value))
    sign, size = ("-" if exact < 0 else ""), abs(exact)
    if size >= 1_000_000:
        millions = size / 1_000_000
        step = Decimal("0.01") if millions < 10 else Decimal("0.1")
        return f"{sign}£{millions.quantize(step, rounding=ROUND_HALF_UP)}m"
    thousands = (size / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{sign}£{int(thousands) * 1000:,}"
