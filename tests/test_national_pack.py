"""The nation's pack (``national -o national.html``, ``national --pack -o national.md``): a
headline, the nation's case, then every source in full.

Expected text comes from the national JSON output (``national -f json``), not from the pack's
writers: the 2,174.4 of the area route is worked by hand in test_national.py (14.4 x 151)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import html5lib

from tests.conftest import REPO, run

ENGLAND = REPO / "scenarios" / "national" / "england.yaml"
SCOTLAND = REPO / "scenarios" / "national" / "scotland.yaml"
DRAWS = ("--draws", "2000", "--seed", "4")


def _json(case: Path) -> dict[str, Any]:
    result = run("national", case, *DRAWS, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_the_markdown_pack_has_the_headline_the_case_and_every_source(tmp_path: Path) -> None:
    expected = _json(ENGLAND)
    out = tmp_path / "national.md"
    result = run("national", ENGLAND, *DRAWS, "--pack", "-o", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    headline = text.split("\n\n")[1]
    assert "2174.4 fewer infants entering care a year" in headline
    assert "reproducing the published 2174" in headline
    assert "2,000 draws, seed 4" in headline
    case, _, sources = text.partition("\n### Sources\n")
    assert "| area_route_infants_per_year | 2174.4 |" in case
    sourced = [row for row in expected["rows"] if row["source"] is not None]
    assert sourced
    for number, row in enumerate(expected["rows"], start=1):
        line = next(line for line in sources.splitlines() if line.startswith(f"- S{number}: "))
        assert line.startswith(f"- S{number}: {row['figure']} (")
        if row["source"] is not None:
            assert row["source"]["document"] in line
        else:
            assert row["derivation"] in line


def test_the_page_opens_with_the_case_and_puts_the_sources_on_their_own_page(
    tmp_path: Path,
) -> None:
    out = tmp_path / "national.html"
    result = run("national", ENGLAND, *DRAWS, "-o", out)
    assert result.exit_code == 0, result.stderr
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(out.read_text(encoding="utf-8"))
    parts = [(element.get("id"), element.get("class")) for element in tree.iter("section")]
    parts = [part for part in parts if part[0] is not None]
    assert parts == [("nation", "part"), ("sources", "part new-page")]
    text = " ".join("".join(tree.itertext()).split())
    assert "Boddy, Bowyer et al., Evaluation of Pause" in text
    assert "2174.4 fewer infants" in text


def test_scotland_s_pack_says_what_is_missing() -> None:
    result = run("national", SCOTLAND, "--pack", "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "do not allow the nation's case to be built" in result.stdout
    assert "Missing: (1)" in result.stdout


def test_pack_in_a_format_that_is_not_a_pack_is_a_usage_error() -> None:
    result = run("national", ENGLAND, "--pack", "-f", "json")
    assert result.exit_code == 2
    assert "--pack writes markdown or html, not json" in result.stderr
    assert result.stdout == ""
