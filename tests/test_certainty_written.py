"""Certainty never written out: where every draw (or none) gives an outcome above 0, the JSON
keeps the exact share (probability_net_positive: 1, for scripts) and sets the statement
beside it, with the bound at 95%; the CSV carries the statement; the workbook shows the text.

The bound, worked by hand: 1 - 0.05^(1/n). At n = 2,000: ln 0.05 = -2.995732, / 2,000 =
-0.0014979, exp = 0.9985033, so 0.0014967 = 0.150% to three places (shown 0.15%). At
n = 100,000: 2.9957e-5 = 0.003%."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import openpyxl

from pause_cost.results.uncertainty import Chance
from tests.conftest import run

UNCERTAIN = Path(__file__).parents[1] / "scenarios" / "rotherham-2020-uncertain.yaml"
EVERY = "no draw of 2,000 gave net <= 0 (the chance of net <= 0 is below 0.15% at 95%)"


def _said(outcome: str, above: int, draws: int, bound: str | None) -> str:
    probability = Decimal(above) / draws
    found = Chance(
        outcome=outcome,
        above=above,
        draws=draws,
        probability=probability,
        bound=None if bound is None else Decimal(bound),
        held=[],
    )
    return found.statement


def test_the_statement_at_0_and_n_failures_and_between() -> None:
    assert _said("npv", 0, 100_000, "0.000029957") == (
        "no draw of 100,000 gave NPV > 0 (the chance of NPV > 0 is below 0.003% at 95%)"
    )
    assert _said("net", 2_000, 2_000, "0.0014967") == EVERY
    assert _said("npv", 1_693, 2_000, None) == "1,693 of 2,000 draws gave NPV > 0"


def test_json_and_csv_state_certainty_honestly() -> None:
    # Every one of Rotherham's 2,000 draws gives net > 0 (its lowest net is far above 0).
    shown = run("simulate", UNCERTAIN, "--draws", "2000", "--format", "json")
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.stdout)
    assert data["probability_net_positive"] == 1
    assert data["probability_net_positive_statement"] == EVERY
    net = next(chance for chance in data["chances"] if chance["outcome"] == "net")
    assert net["statement"] == EVERY
    tidy = run("simulate", UNCERTAIN, "--draws", "2000", "--format", "csv")
    assert tidy.exit_code == 0, tidy.output
    rows = list(csv.reader(io.StringIO(tidy.stdout)))
    assert ["run", "probability_net_positive_statement", "", EVERY] in rows
    assert ["chance", "net", "statement", EVERY] in rows


def test_the_workbook_shows_the_text_never_1(tmp_path: Path) -> None:
    book = tmp_path / "pack.xlsx"
    made = run("report", UNCERTAIN, "--simulate", "2000", "-o", book)
    assert made.exit_code == 0, made.output
    sheet = openpyxl.load_workbook(book)["Monte Carlo"]
    cells = [cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None]
    # The sheet names the outcome in full ("net cost avoided").
    said = EVERY.replace("net", "net cost avoided")
    assert any(isinstance(value, str) and said in value for value in cells)
    assert not any(value in (0, 1) for value in cells if isinstance(value, (int, float)))
    assert not any(
        isinstance(value, str) and ("100%" in value or "100.0%" in value) for value in cells
    )
