"""The mistakes people make get a message in their own terms, with the fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pause_cost.exit_codes import ExitCode
from tests.conftest import line, run

WriteYaml = Callable[[str, Any], Path]

SCENARIO = """\
name: friendly
council: Test Council
cohort:
  women_open: 20
  birth_rate_per_woman_per_year: {rate}
  source: {{document: A test document}}
unit_costs: [rotherham-2020-published]
programme_cost: {{total_gbp: {cost}, source: {{document: A test document}}}}
"""


def messages(path: Path) -> list[str]:
    result = run("estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    return result.stderr.splitlines()[:-1]


@pytest.mark.parametrize(
    ("rate", "cost", "expected"),
    [
        (
            "22%",
            "300000",
            "birth_rate_per_woman_per_year: expected a number, got the text "
            "'22%'; write a share or rate as a decimal, without '%': 0.22",
        ),
        (
            "0.22",
            "'£300,000'",
            "programme_cost.total_gbp: expected a number, got the text "
            "'£300,000'; write the number in plain digits: 300000",
        ),
        (
            "0.22",
            "1.7m",
            "programme_cost.total_gbp: expected a number, got the text '1.7m'; "
            "write the number in plain digits: 1700000",
        ),
    ],
)
def test_a_number_written_as_people_write_it_gets_its_plain_form(
    write_yaml: WriteYaml, rate: str, cost: str, expected: str
) -> None:
    path = write_yaml("s.yaml", SCENARIO.format(rate=rate, cost=cost))
    (message,) = messages(path)
    assert message.endswith(expected)


def test_three_space_indentation_is_explained_in_words(write_yaml: WriteYaml) -> None:
    text = SCENARIO.format(rate="0.3", cost="1").replace("  women_open", "   women_open")
    path = write_yaml("s.yaml", text)
    assert messages(path) == [
        f"{path}:5:3: invalid YAML: this line is indented more or less than the lines above it "
        "at the same level; indent each level by the same number of spaces (2 is usual)"
    ]


def test_a_replacement_of_a_line_that_is_not_there_suggests_the_near_miss(
    write_yaml: WriteYaml,
) -> None:
    ours = write_yaml(
        "ours.yaml",
        {
            "name": "ours",
            "title": "Ours",
            "extends": "rotherham-2020-published",
            "replace": [line(id="later-cashables")],
        },
    )
    result = run("tables", "show", ours)
    assert "has no line 'later-cashables'; did you mean 'later-cashable'?" in result.stderr


@pytest.mark.parametrize(
    ("key", "named"),
    [
        ("name\u200b", "U+200B ZERO WIDTH SPACE at column 5"),
        ("n\u0430me", "U+0430 CYRILLIC SMALL LETTER A at column 2"),
    ],
)
def test_a_key_with_an_invisible_or_look_alike_character_names_it(
    write_yaml: WriteYaml, key: str, named: str
) -> None:
    text = SCENARIO.format(rate="0.3", cost="1").replace("name: friendly", f"{key}: friendly")
    path = write_yaml("s.yaml", text)
    result = run("estimate", path)
    assert f"unknown key: it holds {named}, which no key has; did you mean 'name'?" in result.stderr


def test_an_unknown_format_names_the_formats_there_are() -> None:
    result = run("estimate", "scenarios/rotherham-2020.yaml", "-f", "pdf")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for '--format' / '-f': 'pdf' is not a format; choose table, "
        "json, jsonl, csv, csv-wide, markdown"
    )
