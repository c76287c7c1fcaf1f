"""The nation from its parts: Pause's 2,174 rebuilt, the routes worked by hand, Scotland's gaps.

England (scenarios/national/england.yaml):
  area route: 14.4 fewer infants per area a year x 151 areas = 2,174.4, which is Pause's
      published 2,174 to the nearest child (CYP Now, 18 October 2023, second-hand)
  cost per avoided birth: Rotherham's five-year £2,088,479.85 over 15 avoided births
      = £139,231.99 (the shipped rotherham-2020-published table, via rotherham-2020.yaml)
  avoidance a year: 2,174.4 x 2,088,479.85 / 15 = £302,746,039.056
  programme a year: 151 x 13.33 = 2,012.83 women x £32,632 = £65,682,668.56 in cash; on the
      tables' 2016/17 prices the cost per woman (taken as 2021/22 cash) x 76.0754 / 85.3036
      = 0.891819 (GDP deflator, price_indices/gdp-deflator-2026-03.yaml):
      32,632 x 0.891819 = 29,042.48 + 59.357608 = £29,101.837608 a woman, and
      2,012.83 x 29,101.837608 = 58,203,675.216 + 373,376.57651064 = £58,577,051.79251064
  per-woman route: 151 x 13.33 x 0.33 x 2.25 = 1,494.526... births a year, costed with the
      same tables: 1,494.526275 x 2,088,479.85 / 15 a year
  subsequent newborns in proceedings: 2,447 x 0.47 = 1,150.09 (the newborn share only)
"""

from __future__ import annotations

import json
from decimal import Decimal

from pause_cost import api
from pause_cost.exit_codes import ExitCode
from tests.conftest import REPO, run

ENGLAND = REPO / "scenarios" / "national" / "england.yaml"
SCOTLAND = REPO / "scenarios" / "national" / "scotland.yaml"


def test_the_2174_is_rebuilt_from_its_parts() -> None:
    result = api.national(ENGLAND)
    rows = {row.figure: row for row in result.rows}
    assert rows["area_route_infants_per_year"].value == Decimal("2174.4")
    assert round(rows["area_route_infants_per_year"].value) == 2174
    assert result.reproduces_published is True


def test_the_routes_by_hand() -> None:
    rows = {row.figure: row.value for row in api.national(ENGLAND).rows}
    per_birth = Decimal("2088479.85") / 15
    assert rows["cost_per_avoided_birth_gbp"] == per_birth
    assert rows["area_route_avoidance_per_year_gbp"] == Decimal("2174.4") * per_birth
    assert rows["cost_per_woman_at_price_year_gbp"] == Decimal("29101.837608")
    programme = rows["national_programme_cost_per_year_gbp"]
    assert programme == Decimal("58577051.79251064")
    assert rows["per_woman_route_avoided_births_per_year"] == Decimal("1494.526275")
    assert rows["per_woman_route_avoidance_per_year_gbp"] == Decimal("1494.526275") * per_birth
    assert rows["per_woman_route_net_per_year_gbp"] == (
        Decimal("1494.526275") * per_birth - programme
    )
    assert rows["subsequent_newborns_in_proceedings_per_year"] == Decimal("1150.09")


def test_the_published_return_stands_beside_the_ratio_marked_not_comparable() -> None:
    """Pause's £4.50 per £1 counts four years (second-hand); the tool's ratio counts each
    avoided birth's five-year avoidance: the spans differ, so the row and a flag say so."""
    result = api.national(ENGLAND)
    row = next(row for row in result.rows if row.figure == "published_return_per_pound")
    assert row.value == Decimal("4.5")
    assert "basis not comparable" in row.kind
    assert row.source is not None
    assert "national_basis_not_comparable" in {flag.code for flag in result.flags}


def test_the_three_recurrence_shares_stay_apart() -> None:
    """Each is reported as its own figure; no derived row uses the mothers' probability or the
    applications' share."""
    rows = api.national(ENGLAND).rows
    derived = " ".join(row.derivation or "" for row in rows if row.kind == "derived")
    assert "0.24" not in derived
    assert "0.3333" not in derived
    kinds = {row.figure: row.unit for row in rows}
    assert kinds["mothers_returning_to_court_share"] == "probability a mother returns"
    assert kinds["repeat_mother_share_of_care_applications"] == "share of care applications"
    assert kinds["subsequent_infant_share_of_newborns_in_proceedings"] == (
        "share of newborns in proceedings"
    )


def test_ranges_are_seeded_and_ordered() -> None:
    first = run("national", ENGLAND, "--draws", "20000", "--seed", "3", "-f", "json")
    again = run("national", ENGLAND, "--draws", "20000", "--seed", "3", "-f", "json")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == again.stdout
    simulation = json.loads(first.stdout)["simulation"]
    net = simulation["net_per_year"]
    assert net["p5_gbp"] < net["p50_gbp"] < net["p95_gbp"]
    assert simulation["drivers"][0]["input"] == "fewer_infants_per_area_per_year"


def test_scotland_says_what_is_missing() -> None:
    result = api.national(SCOTLAND)
    assert result.reproduces_published is None
    assert result.simulation is None
    assert not any(row.figure.startswith("area_route") for row in result.rows)
    assert len(result.missing) >= 3
    outcome = run("national", SCOTLAND, "-f", "markdown")
    assert outcome.exit_code == ExitCode.SUCCESS
    assert "Missing:" in outcome.stdout
