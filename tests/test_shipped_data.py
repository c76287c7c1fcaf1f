"""Every shipped table and scenario loads, and every figure in them says where it comes from."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pause_cost.core.cohorts import cohorts
from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs, load_table, shipped_table_names, shipped_tables_dir
from tests.conftest import SCENARIOS, UNIT_COSTS

TABLE_FILES = sorted(UNIT_COSTS.glob("*.yaml"))
SCENARIO_FILES = sorted(SCENARIOS.glob("*.yaml"))


def test_the_package_ships_the_repository_tables() -> None:
    assert shipped_table_names() == [path.stem for path in TABLE_FILES]
    assert shipped_tables_dir().resolve() == UNIT_COSTS.resolve()


@pytest.mark.parametrize("path", TABLE_FILES, ids=lambda path: path.stem)
def test_every_line_has_a_source_and_a_price_year(path: Path) -> None:
    table = load_table(path)
    assert table.name == path.stem, "a shipped table's name must be its file name"
    for line in table.lines:
        assert line.source.document.strip()
        assert line.source.location or line.source.url, f"{line.id}: where in the source?"
        assert line.price_year


@pytest.mark.parametrize("path", TABLE_FILES, ids=lambda path: path.stem)
def test_derived_amounts_say_how(path: Path) -> None:
    """A figure not printed as such in its source shows its arithmetic."""
    for line in load_table(path).lines:
        if line.unit == "per avoided birth":
            assert line.derivation, f"{line.id}: a per-birth figure is always derived"


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda path: path.stem)
def test_every_shipped_scenario_estimates(path: Path) -> None:
    inputs = load_inputs(path)
    scenario = inputs.scenario
    assert scenario.name == path.stem, "a shipped scenario's name must be its file name"
    assert all(cohort.source.document for cohort in cohorts(scenario))
    result = estimate(*inputs)
    assert result.horizon.total_gbp > 0
    if result.published is not None and scenario.unit_costs == ["rotherham-2020-published"]:
        # The table recovered from the published totals must give them back exactly.
        assert all(check.difference == 0 for check in result.published.checks)


def test_a_shipped_line_uprated_by_hand_equals_the_engine() -> None:
    """prebirth-referral: GMCA SS5.0.1, £186 at 2008/09 prices, to 2016/17 for 15 births.

    PSSRU 2024 Table 12.1.2 (all sectors, pay & prices excl. capital), 2009/10 to 2016/17:
    2.4, 2.5, 0.9, 0.8, 1.1, 1.0, 1.7, 3.1 per cent.
    """
    factor = Decimal(1)
    for percent in ("2.4", "2.5", "0.9", "0.8", "1.1", "1.0", "1.7", "3.1"):
        factor *= 1 + Decimal(percent) / 100
    result = estimate(*load_inputs(SCENARIOS / "rotherham-2020-bottom-up.yaml"))
    referral = next(line for line in result.lines if line.id == "prebirth-referral")
    assert referral.uprating_factor == factor
    assert referral.immediate_gbp == Decimal(186) * factor * 15
    assert round(referral.immediate_gbp) == 3_189
