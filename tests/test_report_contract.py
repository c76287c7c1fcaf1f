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
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import openpyxl
import pytest

from pause_cost.money import round_half_up
from tests.conftest import SCENARIOS, run

PLYMOUTH = SCENARIOS / "plymouth-2019-outcomes-contract.yaml"
DRAWS, SEED = "2000", "3"
REACHED = re.compile(r"P\(contract maximum reached\) = (\d+(?:\.\d+)?)")

Tables = list[dict[str, dict[str, Any]]]
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


def shown_in_pounds(cell: Any, want: Decimal, money: bool = True) -> bool:
    """A page's or Markdown's cell: money in whole pounds, a share as the JSON gives it."""
    return figure(str(cell)) == (pounds(want) if money else want)


def exact(cell: Any, want: Decimal, money: bool = True) -> bool:
    """A workbook's cell: the engine's figure unrounded, a number in the sheet."""
    return isinstance(cell, int | float) and cell == pytest.approx(float(want), rel=1e-12)


def check(
    tables: Tables,
    prose: str,
    expected: dict[str, Any],
    same: Callable[..., bool] = shown_in_pounds,
) -> None:
    """Every figure of the contract's JSON that the pack shows, compared as numbers."""
    payments = _table(tables, "All payers")
    for row in expected["by_year"]:
        assert same(payments[row["payer"]][row["financial_year"]], row["paid_gbp"])
    for payer in expected["payers"]:
        shown = payments[payer["name"]]
        assert same(shown["Total"], payer["expected_paid_gbp"])
        assert same(shown["Committed maximum"], payer["committed_maximum_gbp"])
        assert same(shown["Share"], payer["share_of_payments"], money=False)
    assert same(payments["All payers"]["Total"], expected["expected_paid_gbp"])
    assert same(payments["All payers"]["Committed maximum"], expected["maximum_gbp"])

    metrics = _table(tables, expected["metrics"][0]["id"])
    for metric in expected["metrics"]:
        shown = metrics[metric["id"]]
        assert same(shown["Council break-even price"], metric["breakeven_price_gbp"])
        assert same(shown["Price per outcome"], metric["price_per_outcome_gbp"])
        assert same(shown["Paid"], metric["expected_paid_gbp"])

    position = expected["position"]
    paid = f"The council pays, {position['price_year']} prices"
    shown_position = _table(tables, paid)
    assert same(shown_position["Net"]["Under the contract"], position["contract_net_gbp"])
    assert same(shown_position["Net"]["Bought directly"], position["direct_net_gbp"])
    assert same(shown_position[paid]["Under the contract"], position["contract_council_paid_gbp"])
    assert same(shown_position[paid]["Bought directly"], position["direct_programme_cost_gbp"])
    assert same(
        shown_position["The council pays, cash"]["Under the contract"],
        position["contract_council_paid_cash_gbp"],
    )
    for column in ("Under the contract", "Bought directly"):
        assert same(
            shown_position["Avoidance falling to the council"][column],
            position["council_avoidance_gbp"],
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
            want = Decimal(str(simulation[key][f"{column.lower()}_gbp"]))
            error = Decimal(str(simulation[key][f"{column.lower()}_mcse"]))
            if error > 0:  # shown to the power of ten at or below its standard error
                step = Decimal(1).scaleb(error.adjusted())
                want = (want / step).quantize(Decimal(1)) * step
            assert same(spreads[name][column], want), (name, column)
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


def sheet_tables(rows: list[tuple[Any, ...]]) -> Tables:
    """A document's sheet: each table a header row (its first cell names the first column) and
    its rows down to the blank row after it."""
    tables: Tables = []
    header: list[str] | None = None
    for row in rows:
        if row[0] in ("Payer", "Metric", "Figure"):
            header = [str(cell) for cell in row if cell is not None]
            tables.append({})
        elif row[0] is None:
            header = None
        elif header is not None:
            tables[-1][str(row[0])] = dict(zip(header, row[: len(header)], strict=True))
    return tables


def test_the_workbook_has_a_contract_sheet(tmp_path: Path, expected: dict[str, Any]) -> None:
    _pack(tmp_path, "xlsx")
    book = openpyxl.load_workbook(tmp_path / "pack.xlsx")
    assert "Contract" in book.sheetnames
    rows = list(book["Contract"].iter_rows(values_only=True))
    assert rows[0][0] == expected["contract"]
    prose = " ".join(str(row[0]) for row in rows if isinstance(row[0], str))
    check(sheet_tables(rows), prose, expected, exact)
