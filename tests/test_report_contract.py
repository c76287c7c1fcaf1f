"""The committee pack of a scenario with an outcomes contract carries the contract's results:
expected payments by payer and financial year, the council's net position under the contract
beside the practice bought directly, the break-even price per outcome and, with ``--simulate N
--seed S``, the Monte Carlo's ranges and P(contract maximum reached).

Every expected figure is read from ``pause-cost contract -f json`` with the same draws and seed
(never from the pack) and compared as a number with the figure the pack's table cell shows
(whole pounds, rounded half up, as every pack shows money), not as text in prose.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest

from pause_cost.money import round_half_up
from tests.conftest import SCENARIOS, run

PLYMOUTH = SCENARIOS / "plymouth-2019-outcomes-contract.yaml"
DRAWS, SEED = "2000", "3"
REACHED = re.compile(r"P\(contract maximum reached\) = (\d+(?:\.\d+)?)")

Tables = list[dict[str, dict[str, str]]]
"""Each table as its rows by first cell, each row its cells by column heading."""


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    result = run("contract", PLYMOUTH, "--draws", DRAWS, "--seed", SEED, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal)
    return data


def _pack(tmp_path: Path, suffix: str) -> bytes:
    out = tmp_path / f"pack.{suffix}"
    result = run("report", PLYMOUTH, "--simulate", DRAWS, "--seed", SEED, "-o", out)
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def pounds(value: Decimal | int) -> Decimal:
    return round_half_up(Decimal(value), 0)


def figure(cell: str) -> Decimal:
    """A cell's number: '£1,620,000' is 1620000, '0.4045' is 0.4045."""
    return Decimal(cell.strip().strip("*").replace("£", "").replace(",", ""))


def _table(tables: Tables, first: str) -> dict[str, dict[str, str]]:
    found = [table for table in tables if first in table]
    assert found, f"no table with a row {first!r}"
    return found[0]


def check(tables: Tables, prose: str, expected: dict[str, Any]) -> None:
    """Every figure of the contract's JSON that the pack shows, compared as numbers."""
    payments = _table(tables, "All payers")
    for row in expected["by_year"]:
        assert figure(payments[row["payer"]][row["financial_year"]]) == pounds(row["paid_gbp"])
    for payer in expected["payers"]:
        shown = payments[payer["name"]]
        assert figure(shown["Total"]) == pounds(payer["expected_paid_gbp"])
        assert figure(shown["Committed maximum"]) == pounds(payer["committed_maximum_gbp"])
        assert figure(shown["Share"]) == payer["share_of_payments"]
    assert figure(payments["All payers"]["Total"]) == pounds(expected["expected_paid_gbp"])
    assert figure(payments["All payers"]["Committed maximum"]) == pounds(expected["maximum_gbp"])

    metrics = _table(tables, expected["metrics"][0]["id"])
    for metric in expected["metrics"]:
        shown = metrics[metric["id"]]
        assert figure(shown["Council break-even price"]) == pounds(metric["breakeven_price_gbp"])
        assert figure(shown["Price per outcome"]) == pounds(metric["price_per_outcome_gbp"])
        assert figure(shown["Paid"]) == pounds(metric["expected_paid_gbp"])

    position = expected["position"]
    shown_position = _table(tables, "The council pays")
    assert figure(shown_position["Net"]["Under the contract"]) == pounds(
        position["contract_net_gbp"]
    )
    assert figure(shown_position["Net"]["Bought directly"]) == pounds(position["direct_net_gbp"])
    assert figure(shown_position["The council pays"]["Under the contract"]) == pounds(
        position["contract_council_paid_gbp"]
    )
    assert figure(shown_position["The council pays"]["Bought directly"]) == pounds(
        position["direct_programme_cost_gbp"]
    )
    for column in ("Under the contract", "Bought directly"):
        assert figure(shown_position["Avoidance falling to the council"][column]) == pounds(
            position["council_avoidance_gbp"]
        )

    simulation = expected["simulation"]
    spreads = _table(tables, "Paid, all payers")
    for name, key in (
        ("Paid, all payers", "total_paid"),
        ("Paid by the council", "council_paid"),
        ("Paid by the central fund", "central_paid"),
        ("Council's net under the contract", "council_net"),
    ):
        for column in ("Mean", "P5", "P50", "P95"):
            want = simulation[key][f"{column.lower()}_gbp"]
            assert figure(spreads[name][column]) == pounds(want), (name, column)
    reached = REACHED.findall(prose)
    assert [Decimal(share) for share in reached] == [simulation["maximum_reached_share"]]


def markdown_tables(text: str) -> Tables:
    tables: Tables = []
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        if len(lines) < 2 or not lines[0].startswith("|") or not lines[1].startswith("|---"):
            continue
        header = [cell.strip() for cell in lines[0].strip("|").split("|")]
        rows: dict[str, dict[str, str]] = {}
        for line in lines[2:]:
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            rows[cells[0].strip("*")] = dict(zip(header, cells, strict=True))
        tables.append(rows)
    return tables


def test_the_markdown_pack_carries_the_contract(tmp_path: Path, expected: dict[str, Any]) -> None:
    text = _pack(tmp_path, "md").decode("utf-8")
    heading = f"## {expected['contract']}\n"
    assert text.count(heading) == 1
    section = text.split(heading, 1)[1]
    check(markdown_tables(section), section, expected)


def _text(element: Element) -> str:
    return "".join(element.itertext()).strip()


def html_tables(section: Element) -> Tables:
    tables: Tables = []
    for table in section.iter("table"):
        header = [_text(cell) for cell in table.iterfind("./thead/tr/th")]
        rows: dict[str, dict[str, str]] = {}
        for row in table.iterfind("./tbody/tr"):
            cells = [_text(cell) for cell in row if cell.tag in ("th", "td")]
            if len(cells) == len(header):
                rows[cells[0]] = dict(zip(header, cells, strict=True))
        tables.append(rows)
    return tables


def test_the_page_carries_the_contract_and_parses_strictly(
    tmp_path: Path, expected: dict[str, Any]
) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: Element = parser.parse(_pack(tmp_path, "html"))
    section = root.find(".//section[@id='contract']")
    assert section is not None
    heading = section.find("h2")
    assert heading is not None
    assert _text(heading) == expected["contract"]
    prose = " ".join(_text(p) for p in section.iter("p"))
    check(html_tables(section), prose, expected)


def test_a_scenario_without_a_contract_has_no_contract_section(tmp_path: Path) -> None:
    out = tmp_path / "pack.md"
    result = run("report", SCENARIOS / "rotherham-2020-calendar.yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "P(contract maximum reached)" not in out.read_text(encoding="utf-8")
    assert "Committed maximum" not in out.read_text(encoding="utf-8")
