"""Options and structural rows refused on two price bases (each table in its own year, not
uprated, counts), structural what-ifs refused where ``estimate --set`` refuses them, and the
do-minimum (0 practices) among the options ``--practices`` generates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from pause_cost import api
from tests.conftest import SOURCE, dump_yaml, line, run

UNCERTAIN = Path(__file__).parents[1] / "scenarios" / "rotherham-2020-uncertain.yaml"
JOINT = Path(__file__).parents[1] / "scenarios" / "rotherham-2021-joint-funding.yaml"


def _scenario(folder: Path, name: str, table: str, year: str) -> Path:
    data: dict[str, Any] = {
        "name": name,
        "council": "C",
        "cohort": {"women_open": 10, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE},
        "unit_costs": [table],
        "horizon_years": 2,
        "programme_cost": {
            "total_gbp": 50_000,
            "prices": "real",
            "price_year": year,
            "source": SOURCE,
        },
        "discounting": {"schedule": "green-book-discount-rates"},
    }
    path = folder / f"{name}.yaml"
    path.write_text(dump_yaml(data))
    return path


def _line_of(path: Path, key: str) -> int:
    """The 1-based line where ``key:`` starts a line of the file, read from its text."""
    lines = path.read_text().splitlines()
    return next(number for number, text in enumerate(lines, 1) if text.startswith(f"{key}:"))


@pytest.fixture
def two_bases(tmp_path: Path) -> tuple[Path, Path]:
    """Two scenarios, neither uprated, each table in one price year: 2016/17 and 2007/08."""
    for name, year in (("t16", "2016/17"), ("t07", "2007/08")):
        table = [line(id="a", amount_gbp=10_000, first_year=1, last_year=2, price_year=year)]
        (tmp_path / f"{name}.yaml").write_text(
            dump_yaml({"name": name, "title": "T", "price_index": "gdp-deflator", "lines": table})
        )
    return (
        _scenario(tmp_path, "in-2016", "t16.yaml", "2016/17"),
        _scenario(tmp_path, "in-2007", "t07.yaml", "2007/08"),
    )


def test_options_on_two_price_bases_are_refused_at_the_tables(
    two_bases: tuple[Path, Path],
) -> None:
    first, other = two_bases
    # Neither sets price_year (both have price_year null), yet their lines are in 2016/17 and
    # 2007/08 prices: an incremental BCR across them would mix prices.
    result = run("appraise", first, other)
    assert result.exit_code == 1, result.output
    at = f"{other}:{_line_of(other, 'unit_costs')}:1: unit_costs: 2007/08 prices"
    assert at in result.stderr
    assert f"but {first} is in 2016/17 prices" in result.stderr
    assert "options are compared on one price base" in result.stderr
    assert result.stdout == ""
    # The same pair as structural rows: the alternative is refused where its tables are named.
    shown = run("structural", first, "--alternative", other)
    assert shown.exit_code == 1, shown.output
    assert at in shown.stderr
    assert "structural rows are compared on one price base" in shown.stderr


def test_options_uprated_to_one_price_year_are_accepted(two_bases: tuple[Path, Path]) -> None:
    # Both uprated to 2016/17: one price base, whatever year each table's lines are in.
    for path in two_bases:
        data = yaml.safe_load(path.read_text())
        data["price_year"] = "2016/17"
        path.write_text(dump_yaml(data))
    result = run("appraise", *two_bases)
    assert result.exit_code == 0, result.output
    assert "Prices: 2016/17" in result.stdout


def test_the_shipped_scenario_beside_a_2007_08_table_is_refused(tmp_path: Path) -> None:
    # The review's case: the uncertain Rotherham scenario (its table in 2016/17 prices) beside
    # one on the parent-and-child table (2007/08 prices), neither uprated.
    data = yaml.safe_load(UNCERTAIN.read_text())
    data["name"] = "parent-and-child-2007"
    data["unit_costs"] = ["parent-and-child"]
    del data["published"], data["uncertainty"]
    other = tmp_path / "other.yaml"
    other.write_text(dump_yaml(data))
    result = run("appraise", UNCERTAIN, other)
    assert result.exit_code == 1, result.output
    assert f"{other}:{_line_of(other, 'unit_costs')}:1: unit_costs: 2007/08 prices" in (
        result.stderr
    )


def test_structural_what_ifs_are_refused_as_estimate_refuses_them() -> None:
    # A text for a number: refused where the input is written (cohort.women_open is line 16,
    # column 15 of the shipped file), exit 1, never an internal error (exit 3).
    text = UNCERTAIN.read_text().splitlines()
    assert text[15] == "  women_open: 20"
    result = run("structural", UNCERTAIN, "--set", "cohort.women_open=abc")
    assert result.exit_code == 1, result.output
    assert f"{UNCERTAIN}:16:15: cohort.women_open: --set gives text 'abc'" in result.stderr
    estimate = run("estimate", UNCERTAIN, "--set", "cohort.women_open=abc")
    assert estimate.exit_code == 1
    assert estimate.stderr.splitlines()[0] == result.stderr.splitlines()[0]
    # Every row's problem at once: a path the scenario does not have beside the bad text.
    both = run(
        "structural", UNCERTAIN, "--set", "cohort.women_open=abc", "--set", "persistence.months=9"
    )
    assert both.exit_code == 1
    assert "2 problems found" in both.stderr
    assert f"{UNCERTAIN}: persistence.months: the scenario gives no persistence" in both.stderr


def test_a_counting_convention_is_a_structural_row() -> None:
    # A text what-if (the counting convention) is a row, its NPV the estimate's under the same
    # --set: an invariant between the two commands.
    result = run("structural", UNCERTAIN, "--set", "avoided_births_counting=exact")
    assert result.exit_code == 0, result.output
    found = api.structural(UNCERTAIN, what_ifs=[("avoided_births_counting", "exact")])
    same = api.estimate(UNCERTAIN, what_if=[("avoided_births_counting", "exact")])
    assert same.economics.appraisal is not None
    (row,) = found.rows
    assert row.npv == same.economics.appraisal.npv_gbp
    assert row.change.startswith("Avoided births counting: avoided_births_counting = exact")


def test_practices_generate_the_do_minimum_too(tmp_path: Path) -> None:
    text = JOINT.read_text(encoding="utf-8")
    path = tmp_path / "per-practice.yaml"
    path.write_text(text.replace("programme_cost:\n", "programme_cost:\n  per_practice: true\n", 1))
    found = api.appraise([path], practices=2)
    name = "rotherham-2021-joint-funding"
    assert [option.option for option in found.options] == [f"{name} x {n}" for n in range(3)]
    nothing, one, _ = found.options
    # n = 0: no programme, no avoidance: every present value 0, no ratio, nothing to repay.
    assert (nothing.pv_benefits, nothing.pv_costs, nothing.npv) == (0, 0, 0)
    assert nothing.bcr is None
    assert nothing.file == f"{path} [0 practices]"
    # The file sets practices: 1, so one practice is the scenario as given.
    alone = api.estimate(path).economics.appraisal
    assert alone is not None
    assert one.npv == alone.npv_gbp
    # The do-minimum is the baseline: one practice's increment over it is one practice itself.
    first, second = found.increments
    assert first.against == f"{name} x 0"
    assert (first.npv, first.pv_costs) == (one.npv, one.pv_costs)
    assert first.bcr == pytest.approx(one.bcr, rel=Decimal("1e-12"))
    assert second.against == f"{name} x 1"
    assert found.baseline.startswith(f"{name} x 0, the do-minimum")
    shown = run("appraise", path, "--practices", "2")
    assert shown.exit_code == 0, shown.output
    assert f"{name} x 0" in shown.stdout.replace("\n", "")
