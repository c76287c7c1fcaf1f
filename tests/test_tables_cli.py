"""pause-cost tables list | show | validate."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pause_cost.load.inputs import shipped_table_names
from tests.conftest import ROTHERHAM, UNIT_COSTS, line, run


def test_list_names_every_shipped_table() -> None:
    result = run("tables", "list", "-f", "json")
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [entry["name"] for entry in listed] == shipped_table_names()
    published = next(entry for entry in listed if entry["name"] == "rotherham-2020-published")
    assert published["lines"] == 4
    assert published["price_years"] == ["2016/17"]


def test_list_as_a_table() -> None:
    result = run("tables", "list")
    assert result.exit_code == 0
    for name in shipped_table_names():
        assert name in result.stdout


def test_show_gives_every_line_with_its_source() -> None:
    result = run("tables", "show", "rotherham-2020-published", "-f", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["id"] for row in rows] == [
        "immediate-cashable",
        "immediate-internal",
        "later-cashable",
        "later-internal",
    ]
    assert all(row["source"].startswith("Rotherham Pause Practice - Impact Report") for row in rows)
    assert rows[0]["amount_gbp"] == "67325.26"
    assert rows[2]["last_year"] == "5"


def test_show_as_a_table_has_the_derivations() -> None:
    result = run("tables", "show", "rotherham-2020-published")
    assert result.exit_code == 0
    assert "derivation: Immediate total £1,292,599 / 15" in result.stdout
    assert "£67,325.26 per avoided birth x 1 per child x share 1, year 1; priced 2016/17" in (
        result.stdout
    )


def test_validate_reports_each_table_with_problems_and_sums_up(
    write_yaml: Callable[[str, Any], Path],
) -> None:
    good = UNIT_COSTS / "rotherham-2020-published.yaml"
    bad = write_yaml(
        "bad.yaml", {"name": "bad", "title": "Bad", "lines": [line(share_of_children=2)]}
    )
    result = run("tables", "validate", good, bad, "wider-costs")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        # Neither shipped table says what it covers: only its lines' stages are known.
        f"{good}: costs: whole journey",
        f"{good}: leaves out: not stated (the table has no coverage)",
        "wider-costs: costs: wider costs",
        "wider-costs: leaves out: not stated (the table has no coverage)",
        "3 tables checked: 2 without problems, 1 with problems (on stderr)",
    ]
    assert result.stderr.splitlines()[0].startswith(f"{bad}:")
    assert "lines.0.share_of_children: 2 is too large; allowed: from 0 to 1" in result.stderr


def test_validate_takes_shipped_names_and_sums_up() -> None:
    # Every shipped line is priced within its index's years (the legal aid line, 2024/25, within
    # the splice that takes the PSS index on with the GDP deflator), so nothing is noted.
    names = shipped_table_names()
    result = run("tables", "validate", *names)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        f"{len(names)} tables checked: {len(names)} without problems, 0 with problems"
    )
    assert not [line for line in result.stdout.splitlines() if ": note: " in line]
    # Each table says what it costs, first, with what it leaves out.
    costs = [
        line.split(": costs: ")[0] for line in result.stdout.splitlines() if ": costs: " in line
    ]
    assert costs == names


def test_validate_notes_a_line_priced_outside_its_index(
    write_yaml: Callable[[str, Any], Path],
) -> None:
    table = write_yaml(
        "late.yaml",
        {
            "name": "late",
            "title": "Late",
            "price_index": "pss-all-sectors",
            "lines": [line(id="late-line", price_year="2024/25")],
        },
    )
    result = run("tables", "validate", table)
    assert result.stdout.splitlines()[0] == (
        f"{table}: note: late-line is priced in 2024/25, outside pss-all-sectors "
        "(2007/08 to 2023/24): it cannot be uprated"
    )


def test_validate_tells_a_scenario_that_it_is_one() -> None:
    result = run("tables", "validate", ROTHERHAM)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{ROTHERHAM}: is a scenario, not a unit-cost table; check a scenario with "
        f"pause-cost estimate {ROTHERHAM}"
    )


def test_validate_checks_the_indices_a_table_names(
    write_yaml: Callable[[str, Any], Path],
) -> None:
    misspelt = write_yaml(
        "misspelt.yaml",
        {"name": "m", "title": "M", "price_index": "pss-all-sector", "lines": [line()]},
    )
    missing = write_yaml(
        "missing.yaml",
        {"name": "n", "title": "N", "lines": [line(price_index="indices/ours.yaml")]},
    )
    result = run("tables", "validate", misspelt, missing)
    assert result.exit_code == 1
    assert result.stdout == "2 tables checked: 0 without problems, 2 with problems (on stderr)\n"
    assert result.stderr.splitlines()[:2] == [
        f"{misspelt}: price_index: unknown price index 'pss-all-sector'; did you mean "
        "'pss-all-sectors'? shipped price indices: gdp-deflator, gdp-deflator-2026-03, "
        "gdp-deflator-2026-03-with-forecast, nhs-cost-inflation, nhs-cost-inflation-2025, "
        "pss-all-sectors, pss-independent-sector, "
        "pss-local-authority, pss-then-gdp-deflator-2026 (or give a path to a .yaml file)",
        f"{missing}: price_index: price index file {missing.parent / 'indices' / 'ours.yaml'} "
        "does not exist (a path is taken from the folder of the file that names it)",
    ]


def test_validate_shows_what_a_table_costs_and_leaves_out(
    write_yaml: Callable[[str, Any], Path],
) -> None:
    """A partial table says so: the stages its lines cost (a line at share 0 costs none) and
    each gap its coverage states, with the reason, in text and JSON."""
    table = write_yaml(
        "partial.yaml",
        {
            "name": "partial",
            "title": "Partial",
            "coverage": {
                "stages": ["accommodation", "proceedings", "permanence"],
                "left_out": [{"item": "Adoption", "reason": "No figure\x1b[31m found"}],
            },
            "lines": [
                line(id="weeks", stage="accommodation"),
                line(id="court", stage="proceedings"),
                line(id="none", stage="permanence", share_of_children=0),
            ],
        },
    )
    result = run("tables", "validate", table)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{table}: costs: proceedings, accommodation",
        f"{table}: leaves out: Adoption (No figure\\x1b[31m found)",
        "1 table checked: 1 without problems, 0 with problems",
    ]
    data = json.loads(run("tables", "validate", table, "-f", "json").stdout)["tables"][0]
    assert data["stages_costed"] == ["proceedings", "accommodation"]
    assert data["coverage_stated"] is True
    assert data["left_out"] == [{"item": "Adoption", "reason": "No figure\x1b[31m found"}]
