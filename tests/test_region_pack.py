"""The region's pack (``region -o pack.html``, ``region --pack -o pack.md``): the summary, then
one section per council, each council's section holding its estimate.

Expected figures come from the region's JSON output (``region -f json``), not from the pack's
writers: the region's horizon total and each council's, rounded by the test itself to whole
pounds (half up) and written as the pack writes money (£ and thousands commas). The Midlands
hub's figures are worked by hand in test_region.py (region: £20,745,566.51)."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib

from tests.conftest import REPO, run

MIDLANDS = REPO / "scenarios" / "regions" / "midlands-pause-hub.yaml"


def _pounds(value: Any) -> str:
    whole = Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"£{whole:,}"


def _region_json() -> dict[str, Any]:
    result = run("region", MIDLANDS, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_the_markdown_pack_has_the_summary_then_one_section_per_council(tmp_path: Path) -> None:
    expected = _region_json()
    assert _pounds(expected["horizon_total_gbp"]) == "£20,745,567"  # by hand: see the docstring
    out = tmp_path / "pack.md"
    result = run("region", MIDLANDS, "--pack", "-o", out)
    assert result.exit_code == 0, result.stderr
    sections = out.read_text(encoding="utf-8").split("\n## ")
    councils = expected["councils"]
    assert len(sections) == 1 + len(councils)
    summary = sections[0]
    region_row = next(row for row in summary.splitlines() if row.startswith("| **Region**"))
    assert _pounds(expected["horizon_total_gbp"]) in region_row
    for council, section in zip(councils, sections[1:], strict=True):
        assert section.startswith(f"{council['name']} ({council['scenario']})")
        assert council["name"] in summary  # its row and its flags
        for flag in council["flags"]:
            assert f"\\[{flag['code']}\\]" in summary
        assert _pounds(council["horizon_total_gbp"]) in section
        assert "\n### " in section  # its estimate's own headings sit beneath its own


def test_the_page_starts_each_council_on_a_new_printed_page(tmp_path: Path) -> None:
    expected = _region_json()
    out = tmp_path / "pack.html"
    result = run("region", MIDLANDS, "-o", out)
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert ".new-page { break-before: page;" in page
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: Element = parser.parse(page)
    parts = root.findall(".//body/section")
    councils = expected["councils"]
    assert len(parts) == 1 + len(councils)
    summary = parts[0]
    assert "new-page" not in summary.get("class", "")
    region_row = next(row for row in summary.iter("tr") if _text(row).startswith("Region"))
    assert _pounds(expected["horizon_total_gbp"]) in _text(region_row)
    for council, part in zip(councils, parts[1:], strict=True):
        assert "new-page" in part.get("class", "").split()
        heading = part.find("h2")
        assert heading is not None
        assert _text(heading) == f"{council['name']} ({council['scenario']})"
        assert _pounds(council["horizon_total_gbp"]) in _text(part)


def test_markdown_without_pack_is_the_region_table_alone() -> None:
    result = run("region", MIDLANDS, "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "\n## " not in result.stdout


def test_pack_in_a_format_that_is_not_a_pack_is_a_usage_error() -> None:
    result = run("region", MIDLANDS, "--pack", "-f", "json")
    assert result.exit_code == 2
    assert "--pack writes markdown, html or xlsx, not json" in result.stderr
    assert result.stdout == ""
