"""The pack as Markdown: today's committee section, the headline first, analyses where run."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import yaml

from pause_cost.money import whole_pounds
from tests.conftest import SCENARIOS, UNCERTAIN_WITHOUT_CALENDAR, quoted_by_hand, run

CALENDAR = SCENARIOS / "rotherham-2020-calendar.yaml"


def test_the_headline_carries_the_engines_figures() -> None:
    document = json.loads(run("estimate", CALENDAR, "-f", "json").stdout)
    page = run("report", CALENDAR, "-f", "md").stdout
    headline = page.split("\n\n")[2]
    for figure in (
        document["horizon"]["total_gbp"],
        document["horizon"]["cashable_gbp"],
        document["horizon"]["internal_gbp"],
        document["programme"]["net_gbp"],
        document["economics"]["appraisal"]["npv_gbp"],
    ):
        assert quoted_by_hand(figure) in headline
    assert "paying back in 2019/20" in headline
    # Price base, year 0, whose costs, and what it rests on, in the same paragraph.
    assert "Prices: Real terms, 2016/17 prices; programme cost given in cash, converted" in headline
    assert "unit costs as each source states them (2016/17); not uprated." in headline
    assert "(year 0: 2018/19" in headline
    assert "the council's own costs" in headline
    assert "every avoided birth being a child who would have been removed into care" in headline
    assert "a programme cost taken second-hand" in headline


def test_the_headline_gives_the_simulated_range() -> None:
    """P5 and P95 of the judged outcome (the NPV: the scenario discounts), from the
    simulation's own JSON, rounded by hand."""
    uncertain = SCENARIOS / "rotherham-2020-uncertain.yaml"
    args = ("--draws", "2000", "--seed", "3")
    data = json.loads(run("simulate", uncertain, *args, "-f", "json").stdout)
    assert data["outcome"] == "npv"
    npv = next(s for s in data["outcomes"] if s["outcome"] == "npv")
    page = run("report", uncertain, "-f", "md", "--simulate", "2000", "--seed", "3").stdout
    headline = page.split("\n\n")[2]
    assert (
        f"In 90 of 100 simulated cases the net present value lies between "
        f"{quoted_by_hand(npv['p5'])} and {quoted_by_hand(npv['p95'])}"
    ) in headline


def test_the_same_inputs_give_the_same_bytes_and_no_date_unless_asked(tmp_path: Path) -> None:
    first = run("report", CALENDAR, "-f", "md").stdout
    assert run("report", CALENDAR, "-f", "md").stdout == first
    assert "2026" not in first.split("\n\n")[1]
    dated = run("report", CALENDAR, "-f", "md", "--date", "2026-11-25").stdout
    assert dated.split("\n\n")[2] == "2026-11-25"


def test_analyses_appear_only_when_run() -> None:
    uncertain = UNCERTAIN_WITHOUT_CALENDAR
    plain = run("report", uncertain, "-f", "md").stdout
    assert "Sensitivity:" not in plain
    assert "Monte Carlo:" not in plain
    full = run(
        "report", uncertain, "-f", "md", "--sensitivity", "--simulate", "1000", "--seed", "3"
    ).stdout
    assert "Sensitivity:" in full
    assert "Break-even:" in full
    assert "Monte Carlo:" in full


def test_markup_from_a_scenario_is_escaped(tmp_path: Path) -> None:
    data = yaml.safe_load((SCENARIOS / "rotherham-2020.yaml").read_text(encoding="utf-8"))
    data["council"] = "<script>alert(1)</script> **bold**"
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    page = run("report", path, "-f", "md").stdout
    assert "<script>" not in page
    assert "\\*\\*bold\\*\\*" in page


def test_a_workbook_needs_a_file_and_an_unknown_extension_is_a_usage_error(
    tmp_path: Path,
) -> None:
    assert run("report", CALENDAR, "-f", "xlsx").exit_code == 2
    assert run("report", CALENDAR, "-o", tmp_path / "pack.pdf").exit_code == 2


def test_every_lines_figure_in_the_pack_is_the_json_outputs() -> None:
    scenario = SCENARIOS / "rotherham-2020-bottom-up-2024-25.yaml"
    document = json.loads(run("estimate", scenario, "-f", "json").stdout)
    page = run("report", scenario, "-f", "md").stdout
    for line in document["lines"]:
        assert whole_pounds(Decimal(str(line["horizon_gbp"]))) in page, line["id"]


def test_the_headline_names_a_partial_table() -> None:
    """A table whose coverage leaves parts of the journey out is named in the sentence that
    gives the cost avoided, with the count of parts its JSON lists."""
    bottom_up = SCENARIOS / "rotherham-2020-bottom-up.yaml"
    data = json.loads(run("estimate", bottom_up, "-f", "json").stdout)
    partial = [t for t in data["tables"] if t["coverage"] and t["coverage"]["left_out"]]
    assert partial
    headline = " ".join(run("report", bottom_up, "-f", "md").stdout.split("\n\n")[2].split())
    for table in partial:
        count = len(table["coverage"]["left_out"])
        said = f"that {table['name']} costs (by its own account it leaves out {count}: "
        assert said in headline
        sentence = headline[: headline.index(said)].rsplit(". ", 1)[-1]
        assert sentence.startswith("Over 5 years after each avoided birth this avoids")


def test_each_caveat_is_said_once() -> None:
    """An analysis repeats its inputs' caveats; the pack says each once, where first said (the
    estimate's list, then each analysis's own)."""
    result = run(
        "report",
        SCENARIOS / "rotherham-2020-uncertain.yaml",
        "-f",
        "md",
        "--sensitivity",
        "--simulate",
        "2000",
    )
    assert result.exit_code == 0, result.stderr
    said = [
        line.removeprefix("Read before quoting: ").removeprefix("- ").lower()
        for line in result.stdout.splitlines()
        if line.startswith("Read before quoting: ")
        or (line.startswith("- ") and "judgement" in line)
    ]
    assert said, "the pack says none of its caveats"
    assert len(said) == len(set(said))


def test_the_headline_states_the_programme_costs_prices_as_the_estimate_does() -> None:
    """A cash cost converted to the unit costs' price year is said so in the headline, with
    the deflator and its factors (the estimate's own price-base statement), never as if the
    cost were in the sources' prices."""
    scenario = SCENARIOS / "rotherham-2020-calendar.yaml"
    statement = json.loads(run("estimate", scenario, "-f", "json").stdout)["economics"][
        "price_base"
    ]["statement"]
    assert "converted with gdp-deflator" in statement
    headline = run("report", scenario, "-f", "md").stdout
    assert f"Prices: {statement.rstrip('.')}; unit costs as each source states them" in headline
