"""A scenario may extend another: the issue's case of four cases x three tables x two price
years, written once as full files (as a script wrote them) and once as one base and small
variants, gives the same estimate for every combination; and the ways a chain can be wrong are
refused with located messages."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import SCENARIOS, run

CASES = {
    "a": (20, "0.33"),
    "b": (12, "0.4"),
    "c": (30, "0.25"),
    "d": (8, "0.5"),
}
TABLES = ("rotherham-2020-published", "care-journey-england", "care-journey-scotland")
PRICE_YEARS = ("2016/17", "2023/24")


def _base() -> dict[str, Any]:
    data = yaml.safe_load((SCENARIOS / "rotherham-2020.yaml").read_text(encoding="utf-8"))
    data.pop("published", None)
    data["name"] = "base"
    return data


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _estimate(path: Path) -> dict[str, Any]:
    result = run("estimate", path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    full_dir = tmp_path_factory.mktemp("full")
    short_dir = tmp_path_factory.mktemp("short")
    _write(short_dir / "base.yaml", _base())
    pairs = []
    for case, (women, rate) in CASES.items():
        _write(
            short_dir / f"case-{case}.yaml",
            {
                "extends": "base.yaml",
                "cohort": {"women_open": women, "birth_rate_per_woman_per_year": float(rate)},
            },
        )
        for table in TABLES:
            for year in PRICE_YEARS:
                name = f"{case}-{table}-{year.replace('/', '-')}"
                full = _base()
                full["name"] = name
                full["cohort"] = copy.deepcopy(full["cohort"])
                full["cohort"]["women_open"] = women
                full["cohort"]["birth_rate_per_woman_per_year"] = float(rate)
                full["unit_costs"] = [table]
                full["price_year"] = year
                variant = {
                    "extends": f"case-{case}.yaml",
                    "name": name,
                    "unit_costs": [table],
                    "price_year": year,
                }
                pairs.append(
                    (
                        _write(full_dir / f"{name}.yaml", full),
                        _write(short_dir / f"{name}.yaml", variant),
                    )
                )
    return pairs


def test_twenty_four_full_files_become_one_base_and_small_variants(
    both: list[tuple[Path, Path]],
) -> None:
    assert len(both) == len(CASES) * len(TABLES) * len(PRICE_YEARS)
    for full, short in both:
        assert _estimate(short) == _estimate(full), short.name
    full_lines = sum(len(full.read_text().splitlines()) for full, _ in both)
    short_lines = sum(len(short.read_text().splitlines()) for _, short in both)
    assert all(len(short.read_text().splitlines()) <= 6 for _, short in both)
    assert short_lines * 5 < full_lines


def _message(path: Path) -> str:
    result = run("estimate", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()[0]


def test_a_scenario_that_extends_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "self.yaml"
    path.write_text("name: self\nextends: self.yaml\n", encoding="utf-8")
    assert _message(path) == (
        f"{path}:2:10: extends: 'self.yaml' is this file: a scenario cannot extend itself"
    )


def test_a_missing_base_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "v.yaml"
    path.write_text("extends: nowhere.yaml\nname: v\n", encoding="utf-8")
    assert _message(path).startswith(
        f"{path}:1:10: extends: no scenario file 'nowhere.yaml' (the base is found relative"
    )


def test_a_circular_chain_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: b.yaml\nname: a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\nname: b\n", encoding="utf-8")
    message = _message(tmp_path / "a.yaml")
    assert "extends: circular: a.yaml -> b.yaml -> a.yaml; a chain of bases must end" in message
    assert ":1:10:" in message


def test_a_base_that_is_not_a_scenario_is_refused(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text("name: t\ntitle: T\nlines: []\n", encoding="utf-8")
    path = tmp_path / "v.yaml"
    path.write_text("name: v\nextends: t.yaml\ncohort: {women_open: 3}\n", encoding="utf-8")
    assert _message(path) == (
        f"{path}:2:10: extends: 't.yaml' is not a scenario (it has no cohort, cohorts or practice)"
    )


def test_a_mistake_in_the_override_is_located_in_the_variant(tmp_path: Path) -> None:
    _write(tmp_path / "base.yaml", _base())
    path = tmp_path / "v.yaml"
    path.write_text("extends: base.yaml\ncohort:\n  women_open: -3\n", encoding="utf-8")
    assert _message(path).startswith(f"{path}:3:15: cohort.women_open: -3 is too small")


def test_a_base_in_another_folder_keeps_its_own_table_files(tmp_path: Path) -> None:
    """A table the base names by relative path is found from the base's folder."""
    shared = tmp_path / "shared"
    shared.mkdir()
    table = yaml.safe_load(
        (SCENARIOS.parent / "unit_costs" / "rotherham-2020-published.yaml").read_text("utf-8")
    )
    table["name"] = "local-copy"
    _write(shared / "local-copy.yaml", table)
    base = _base()
    base["unit_costs"] = ["local-copy.yaml"]
    _write(shared / "base.yaml", base)
    variant = _write(tmp_path / "v.yaml", {"extends": "shared/base.yaml", "name": "v"})
    assert _estimate(variant)["horizon"]["total_gbp"] == pytest.approx(2088480, abs=1)
