"""The estimate as CSV, for spreadsheets: inputs, figures to the penny, published beside ours."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

from tests.conftest import SCENARIOS, run

PILOT = SCENARIOS / "rotherham-2020-with-pilot-cost.yaml"


def rows(*args: object) -> list[dict[str, str]]:
    result = run("estimate", *args, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_every_amount_in_pounds_has_exactly_two_decimal_places() -> None:
    money = [row["value"] for row in rows(PILOT) if row["unit"] == "GBP"]
    assert money
    assert all(re.fullmatch(r"-?[0-9]+\.[0-9]{2}", value) for value in money), money


def test_the_inputs_come_first_as_the_scenario_gives_them() -> None:
    inputs = {row["item"]: (row["value"], row["unit"]) for row in rows(PILOT)[:13]}
    assert inputs["women_open"] == ("20", "women")
    assert inputs["birth_rate_per_woman_per_year"] == ("0.33", "births per woman per year")
    assert inputs["window_years"] == ("2.25", "years")
    assert inputs["council"] == ("Rotherham Metropolitan Borough Council", "")


def test_the_programme_cost_by_year_adds_up_to_the_cost_and_the_ratio_is_a_ratio() -> None:
    programme = [row for row in rows(PILOT) if row["section"] == "programme"]
    by_year = [Decimal(row["value"]) for row in programme if row["period"].startswith("year")]
    (total,) = [
        Decimal(row["value"]) for row in programme if row["item"] == "cost" and not row["period"]
    ]
    assert sum(by_year) == total == Decimal("419000.00")
    (ratio,) = [row for row in programme if row["item"] == "return_per_pound"]
    assert ratio["unit"] == "ratio"
    # £2,088,479.85 avoided over five years per £419,000 spent, to four places.
    assert ratio["value"] == str((Decimal("2088479.85") / 419000).quantize(Decimal("0.0001")))


def test_each_published_figure_stands_beside_ours_and_the_difference() -> None:
    data = json.loads(run("estimate", PILOT, "-f", "json").stdout)
    published = [row for row in rows(PILOT) if row["section"] == "published"]
    for check in data["published"]["checks"]:
        shown = {
            row["classification"]: Decimal(row["value"])
            for row in published
            if row["item"] == check["figure"]
        }
        assert set(shown) == {"published", "estimated", "difference"}
        assert shown["published"] == Decimal(str(check["published"]))
        assert abs(shown["estimated"] - Decimal(str(check["estimated"]))) <= Decimal("0.005")
