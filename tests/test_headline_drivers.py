"""The headline names the judged or second-hand inputs that drive it, in every format of the
pack: by the sensitivity's swings where it ran, else the Monte Carlo's drivers, else the lines
the estimate flags as judgements. The names expected are read from the analyses' own JSON (their
order and which ranges are judgements) and the scenario's flags, never from the headline."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.conftest import SCENARIOS, run

UNCERTAIN = SCENARIOS / "rotherham-2020-uncertain.yaml"


def _json(*args: str | Path) -> Any:
    result = run(*args, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _headlines(tmp_path: Path, *options: str) -> dict[str, str]:
    """The headline paragraph as each format of the pack gives it."""
    found = {}
    for suffix in ("md", "html", "xlsx"):
        target = tmp_path / f"pack.{suffix}"
        result = run("report", UNCERTAIN, "-o", target, *options)
        assert result.exit_code == 0, result.stderr
        if suffix == "xlsx":
            value = openpyxl.load_workbook(target)["Summary"]["A3"].value
            found[suffix] = str(value)
        else:
            text = target.read_text(encoding="utf-8")
            line = next(line for line in text.splitlines() if "They rest on" in line)
            found[suffix] = html.unescape(re.sub(r"<[^>]+>", "", line))
    return found


def _in_order(text: str, names: list[str]) -> bool:
    places = [text.find(name) for name in names]
    return -1 not in places and places == sorted(places)


@pytest.mark.parametrize(
    ("options", "how"),
    [
        (("--sensitivity",), "largest swing first"),
        (("--simulate", "500", "--seed", "3"), "largest share of the simulated spread first"),
    ],
    ids=["sensitivity", "simulation"],
)
def test_the_headline_names_the_judged_inputs_that_drive_it(
    tmp_path: Path, options: tuple[str, ...], how: str
) -> None:
    if options[0] == "--sensitivity":
        ranges = [swing["range"] for swing in _json("sensitivity", UNCERTAIN)["swings"]]
    else:
        simulated = _json("simulate", UNCERTAIN, "--draws", "500", "--seed", "3")
        ranges = [driver["range"] for driver in simulated["drivers"]]
    judged = [_lower(r["label"]) + " (a judged range)" for r in ranges if r["basis"] == "judgement"]
    assert len(judged) >= 3  # the scenario's birth rate and two unit costs are judged ranges
    for medium, headline in _headlines(tmp_path, *options).items():
        assert f"drive it most ({how}) are: " in headline, medium
        assert _in_order(headline, judged[:3]), medium
        assert "a programme cost taken second-hand" in headline, medium


def test_without_an_analysis_the_headline_names_the_judged_lines(tmp_path: Path) -> None:
    estimate = _json("estimate", UNCERTAIN)
    flagged = next(flag for flag in estimate["flags"] if flag["code"] == "assumption")["lines"]
    items = [
        _lower(line["item"])
        for line in estimate["lines"]
        if f"{line['table']}/{line['id']}" in flagged
    ]
    assert len(items) == 4
    for medium, headline in _headlines(tmp_path).items():
        assert "The unit costs resting on an assumption are: " in headline, medium
        assert _in_order(headline, items[:3]), medium
        assert "and 1 more." in headline, medium
