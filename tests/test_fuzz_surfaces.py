"""Generated scenarios (calendars, practices, funders, ranges and distributions, valid and not)
through estimate, sensitivity, simulate and report: each command answers or refuses (exit 0, 1
or 2), never an internal error or a traceback; every workbook written opens in openpyxl and
every page parses as strict HTML. ``--set`` paths and values are fuzzed against the bound
checks the same way."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import html5lib
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SOURCE, dump_yaml, line, run

ANSWERED = (0, 1, 2)

NUMBERS = st.one_of(
    st.integers(-5, 2_000_000),
    st.decimals(min_value=-1, max_value=1e6, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["1e999999999", "1e-999999", "-0.0", "1e15", "9" * 39, "1E+16"]),
)
"""Numbers as a file writes them: plausible, out of bounds, and hostile in size."""


def _number(value: Any) -> Any:
    return float(value) if not isinstance(value, int | str) else value


PLAUSIBLE = [0.1, 0.2, 0.3, 0.33, 0.5, 0.9, 1]
SOME = st.one_of(*[st.sampled_from(PLAUSIBLE)] * 5, NUMBERS.map(_number))
"""Numbers that an input mostly takes (five branches in six), and the rest of NUMBERS."""


@st.composite
def people(draw: st.DrawFn) -> dict[str, Any]:
    """A cohort, cohorts on a calendar, or a practice."""
    rate = draw(st.one_of(st.sampled_from([0.33, 0.2, 0.58, 2, 0]), SOME))
    kind = draw(st.sampled_from(["cohort", "cohorts", "practice"]))
    if kind == "cohort":
        cohort: dict[str, Any] = {"women_open": draw(st.integers(0, 200)), "source": SOURCE}
        cohort["birth_rate_per_woman_per_year"] = rate
        if draw(st.booleans()):
            cohort["start"] = draw(st.sampled_from(["2018-07", "2020-04", "2020-04", "2019-13"]))
        return {"cohort": cohort}
    if kind == "cohorts":
        starts = draw(
            st.lists(st.sampled_from(["2018-07", "2019-10", "2021-01"]), min_size=1, max_size=3)
        )
        return {
            "cohorts": [
                {
                    "women_open": draw(st.integers(0, 100)),
                    "birth_rate_per_woman_per_year": rate,
                    "start": start,
                    "source": SOURCE,
                }
                for start in starts
            ]
        }
    return {
        "practice": {
            "practices": draw(st.integers(0, 3)),
            "capacity_women": draw(st.integers(1, 30)),
            "first_start": "2020-04",
            "cohorts": draw(st.integers(1, 4)),
            "birth_rate_per_woman_per_year": rate,
            "source": SOURCE,
        }
    }


DISTRIBUTIONS = st.one_of(
    st.builds(
        lambda low, high: {"kind": "uniform", "low": low, "high": high},
        NUMBERS.map(_number),
        NUMBERS.map(_number),
    ),
    st.builds(
        lambda median, sigma: {"kind": "lognormal", "median": median, "sigma": sigma},
        NUMBERS.map(_number),
        st.sampled_from([0.1, 1, 50]),
    ),
    st.builds(
        lambda mean, sd: {"kind": "normal", "mean": mean, "sd": sd},
        NUMBERS.map(_number),
        st.sampled_from([0.01, 1, 1000]),
    ),
)

PATHS = [
    "cohort.birth_rate_per_woman_per_year",
    "cohort.women_open",
    "practice.birth_rate_per_woman_per_year",
    "programme_cost.total_gbp",
    "discounting.rate_percent",
    "t/a.amount_gbp",
    "t/a.share_of_children",
    "published.avoided_births",
    "funders.0.share_of_programme_cost",
]


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"name": "fuzzed", "council": draw(st.sampled_from(["C", "# H | x"]))}
    data.update(draw(people()))
    data["unit_costs"] = ["t.yaml"]
    data["avoided_births_counting"] = draw(st.sampled_from(["exact", "round_half_up"]))
    if draw(st.booleans()):
        data["programme_cost"] = {"total_gbp": draw(SOME), "source": SOURCE}
    if draw(st.booleans()):
        share = draw(st.one_of(st.sampled_from([0.5, 1, 0.3]), SOME))
        data["funders"] = [
            {
                "name": "Council",
                "kind": "council",
                "share_of_programme_cost": share,
                "source": SOURCE,
            },
            {"name": "NHS", "kind": "nhs", "share_of_programme_cost": 0.5, "source": SOURCE},
        ][: draw(st.integers(1, 2))]
    if draw(st.booleans()):
        data["discounting"] = {"schedule": "green-book-discount-rates"}
    ranges = []
    for path in draw(st.lists(st.sampled_from(PATHS), max_size=2, unique=True)):
        low, high = sorted((draw(SOME), draw(SOME)), key=lambda value: float(value))
        item: dict[str, Any] = {"input": path, "low": low, "high": high, "assumption": "fuzzed"}
        if draw(st.booleans()):
            item["distribution"] = draw(DISTRIBUTIONS)
        ranges.append(item)
    if ranges:
        data["uncertainty"] = ranges
    return data


def _check(result: Any) -> None:
    assert result.exit_code in ANSWERED, result.output
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=scenarios())
def test_fuzzed_scenarios_through_every_command(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        (here / "t.yaml").write_text(
            dump_yaml({"name": "t", "title": "T", "lines": [line(id="a", item="- item")]})
        )
        path = here / "s.yaml"
        path.write_text(dump_yaml(data))
        _check(run("estimate", path))
        _check(run("sensitivity", path))
        _check(run("simulate", path, "--draws", "200"))
        for suffix in ("xlsx", "html", "md"):
            output = here / f"pack.{suffix}"
            result = run("report", path, "-o", output)
            _check(result)
            if result.exit_code != 0:
                continue
            if suffix == "xlsx":
                openpyxl.load_workbook(output).close()
            elif suffix == "html":
                parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
                parser.parse(output.read_text(encoding="utf-8"))


SET_PATHS = st.one_of(
    st.sampled_from([*PATHS, "cohort", "", "a" * 300, "co\x1bhort.x", "cohort.women_open.x"]),
    st.text(max_size=40),
)
SET_VALUES = st.one_of(
    NUMBERS.map(str),
    st.from_regex(r"-?[0-9]{0,5}(\.[0-9]{0,5})?([eE][-+]?[0-9]{1,12})?", fullmatch=True),
    st.text(max_size=60),
)


@settings(max_examples=150, deadline=None)
@given(path=SET_PATHS, value=SET_VALUES)
def test_fuzzed_set_paths_and_values_meet_the_bound_checks(path: str, value: str) -> None:
    scenario = Path(__file__).parent.parent / "scenarios" / "rotherham-2020-uncertain.yaml"
    result = run("estimate", scenario, "--set", f"{path}={value}")
    _check(result)
    assert len(result.stderr) < 3_000, "a refusal is a few lines"
    for raw in ("\x1b", "\r", "\x00"):
        assert raw not in result.stderr


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("cohort.women_open", "1e999999999"),
        ("cohort.women_open", "1e-999999"),
        ("cohort.women_open", "9" * 5000),
        ("\u00b2", "0"),  # a superscript two is a digit to str.isdigit, not to int()
        ("cohorts.\u0663.women_open", "1"),  # an Arabic-Indic three, likewise
    ],
)
def test_fuzzed_set_examples_found_before(path: str, value: str) -> None:
    inner = test_fuzzed_set_paths_and_values_meet_the_bound_checks.hypothesis.inner_test  # type: ignore[attr-defined]
    inner(path, value)
