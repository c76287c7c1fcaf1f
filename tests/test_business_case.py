"""The finance officer's case: the invest-to-save table, budget lines, cash-releasing savings and
evidence grades, checked against a small scenario worked by hand.

The scenario: 10 women at 0.2 births a year over the default 27-month window (2.25 years),
counted exactly: 10 x 0.2 x 2.25 = 4.5 avoided births. Four lines, per avoided birth:

  L1 cashable, accommodation, 10,000 in year 1, stated a council's published figure
  L2 cashable, accommodation, 2,000 a year in years 2-5, a second-hand note, a budget line
  L3 internal, decision_making, 1,000 in year 1, no kind and no note
  L4 other agency (Cafcass), proceedings, 3,000 in year 1, stated a national unit cost

The programme costs 50,000 set-up in its first year, then 15,000 running in each of the next
two. No calendar: year n is the n-th year after each birth, Pause's convention.

By hand (4.5 births):
  cashable savings: year 1 10,000 x 4.5 = 45,000; years 2-5 2,000 x 4.5 = 9,000 each
  internal 1,000 x 4.5 = 4,500; other agency 3,000 x 4.5 = 13,500
  costs:      one-off 50,000 | ongoing 0, 15,000, 15,000, 0, 0
  net:        45,000 - 50,000 = -5,000 | 9,000 - 15,000 = -6,000 | -6,000 | 9,000 | 9,000
  cumulative: -5,000 | -11,000 | -17,000 | -8,000 | +1,000  -> payback in year 5
  totals:     one-off 50,000; ongoing 30,000; costs 80,000; cashable 45,000 + 4 x 9,000 =
              81,000; net 1,000
  threshold 3 years -> payback in year 5 is not within it
  cash-releasing 81,000; non-cash-releasing 4,500; other agencies 13,500
  grades: sufficient L1 45,000 cash; partial L2 36,000 cash + L4 13,500 other;
          insufficient L3 4,500 non-cash
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, SCENARIOS, SOURCE, line, run, scenario_data

BUDGET = {
    "line": "Fostering placements",
    "owner": "Head of children in care",
    "source": {"document": "A council's budget book", "location": "page 12"},
}
LINES = [
    line(
        id="l1",
        stage="accommodation",
        amount_gbp=10000,
        source_kind="council_published",
    ),
    line(
        id="l2",
        stage="accommodation",
        amount_gbp=2000,
        first_year=2,
        last_year=5,
        source={**SOURCE, "note": "Second-hand: read in a newspaper's report of it."},
        budget=BUDGET,
    ),
    line(id="l3", stage="decision_making", amount_gbp=1000, classification="internal"),
    line(
        id="l4",
        stage="proceedings",
        amount_gbp=3000,
        classification="other_agency",
        agency="Cafcass",
        source_kind="national_unit_cost",
    ),
]
PROGRAMME = {
    "profile": [
        {"financial_year": "2019/20", "amount_gbp": 50000, "kind": "set_up"},
        {"financial_year": "2020/21", "amount_gbp": 15000},
        {"financial_year": "2021/22", "amount_gbp": 15000},
    ],
    "source": SOURCE,
}
THRESHOLD = {
    "payback_threshold_years": 3,
    "assumption": "A threshold for the test.",
    "programme_cost_source_kind": "council_published",
}


@pytest.fixture
def case(write_yaml: Callable[[str, Any], Path]) -> dict[str, Any]:
    table = write_yaml("table.yaml", {"name": "hand", "title": "By hand", "lines": LINES})
    path = write_yaml(
        "scenario.yaml",
        scenario_data(
            cohort={"birth_rate_per_woman_per_year": 0.2},
            unit_costs=[str(table)],
            programme_cost=PROGRAMME,
            business_case=THRESHOLD,
        ),
    )
    result = run("estimate", path, "-f", "json")
    assert result.exit_code == 0, result.output
    found: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal)
    return found


def _column(year: dict[str, Any]) -> tuple[Any, ...]:
    return (
        year["one_off_costs_gbp"],
        year["ongoing_costs_gbp"],
        year["total_costs_gbp"],
        year["cashable_savings_gbp"],
        year["net_gbp"],
        year["cumulative_net_gbp"],
    )


def test_the_invest_to_save_table_is_the_one_worked_by_hand(case: dict[str, Any]) -> None:
    table = case["economics"]["business_case"]["invest_to_save"]
    assert [year["period"] for year in table["years"]] == [f"year {n}" for n in range(1, 6)]
    assert [_column(year) for year in table["years"]] == [
        (50000, 0, 50000, 45000, -5000, -5000),
        (0, 15000, 15000, 9000, -6000, -11000),
        (0, 15000, 15000, 9000, -6000, -17000),
        (0, 0, 0, 9000, 9000, -8000),
        (0, 0, 0, 9000, 9000, 1000),
    ]
    assert _column(table["total"]) == (50000, 30000, 80000, 81000, 1000, None)
    assert (table["later_costs_gbp"], table["later_cashable_savings_gbp"]) == (0, 0)
    assert (table["payback"], table["payback_years"]) == ("year 5", 5)
    assert (table["threshold_years"], table["within_threshold"]) == (3, False)
    assert "not within the council's payback threshold of 3 years" in table["statement"]


def test_payback_on_cashable_agrees_with_the_cashable_headline(case: dict[str, Any]) -> None:
    economics = case["economics"]
    assert (
        economics["cashable"]["payback"] == economics["business_case"]["invest_to_save"]["payback"]
    )


def test_cash_releasing_savings_are_kept_apart(case: dict[str, Any]) -> None:
    split = case["economics"]["business_case"]["cash_releasing"]
    assert (
        split["cash_releasing_gbp"],
        split["non_cash_releasing_gbp"],
        split["other_agencies_gbp"],
    ) == (81000, Decimal("4500"), Decimal("13500"))
    assert "Cabinet Office" in split["source"]["document"]


def test_each_line_has_its_budget_owner_and_grade(case: dict[str, Any]) -> None:
    lines = {line["line"]: line for line in case["economics"]["business_case"]["lines"]}
    assert {
        ref: (line["budget_line"], line["owner"], line["budget_basis"])
        for ref, line in lines.items()
    } == {
        "hand/l1": (
            "Children looked after: placements (fostering and residential)",
            "Head of service for children in care",
            "judgement",
        ),
        "hand/l2": ("Fostering placements", "Head of children in care", "source"),
        "hand/l3": (
            "Children's social care: assessment and child protection (social work staff)",
            "Head of service for safeguarding and assessment",
            "judgement",
        ),
        "hand/l4": ("Not the council's: Cafcass's own budget", "Cafcass", "judgement"),
    }
    assert {
        ref: (line["source_kind"], line["source_kind_basis"], line["grade"])
        for ref, line in lines.items()
    } == {
        "hand/l1": ("council_published", "stated", "sufficient"),
        "hand/l2": ("second_hand", "note", "partial"),
        "hand/l3": ("not_stated", "not_stated", "insufficient"),
        "hand/l4": ("national_unit_cost", "stated", "partial"),
    }
    assert lines["hand/l2"]["budget_source"]["document"] == "A council's budget book"


def test_avoided_costs_add_up_by_grade(case: dict[str, Any]) -> None:
    grades = case["economics"]["business_case"]["grades"]
    assert [
        (
            grade["grade"],
            grade["cash_releasing_gbp"],
            grade["non_cash_releasing_gbp"],
            grade["other_agencies_gbp"],
            grade["lines"],
        )
        for grade in grades
    ] == [
        ("sufficient", 45000, 0, 0, 1),
        ("partial", 36000, 0, Decimal("13500"), 2),
        ("insufficient", 0, Decimal("4500"), 0, 1),
    ]
    assert "relevant and reliable evidence" in grades[0]["meaning"]


def test_the_programme_cost_and_births_are_graded(case: dict[str, Any]) -> None:
    figures = case["economics"]["business_case"]["figures"]
    assert [(f["figure"], f["source_kind"], f["grade"]) for f in figures] == [
        ("programme cost", "council_published", "sufficient"),
        ("births avoided (the cohort's birth rate)", "not_stated", "insufficient"),
    ]


def test_the_grading_rule_is_published_with_its_source(case: dict[str, Any]) -> None:
    found = case["economics"]["business_case"]
    assert {rule["kind"]: rule["grade"] for rule in found["rules"]} == {
        "council_published": "sufficient",
        "national_unit_cost": "partial",
        "second_hand": "partial",
        "judgement": "insufficient",
        "not_stated": "insufficient",
    }
    assert "Savings from operational PFI contracts" in found["grading_source"]["document"]


def test_csv_and_text_carry_the_same_table(
    write_yaml: Callable[[str, Any], Path], case: dict[str, Any]
) -> None:
    path = Path(write_yaml("unused.yaml", {})).parent / "scenario.yaml"
    rows = list(csv.DictReader(io.StringIO(run("estimate", path, "-f", "csv").stdout)))
    net = {
        row["period"]: row["value"]
        for row in rows
        if row["section"] == "invest_to_save" and row["item"] == "net"
    }
    assert net == {
        "year 1": "-5000.00",
        "year 2": "-6000.00",
        "year 3": "-6000.00",
        "year 4": "9000.00",
        "year 5": "9000.00",
        "total": "1000.00",
    }
    grades = {
        row["item"]: row["value"]
        for row in rows
        if row["section"] == "evidence" and row["classification"] == "grade"
    }
    assert grades["hand/l3"] == "insufficient"
    text = run("estimate", path).stdout
    assert "Invest to save: the council's cashable case, years 1-5" in text
    assert "-£17,000" in text
    markdown = run("estimate", path, "-f", "markdown").stdout
    assert "Budget lines and benefit owners (horizon):" in markdown


def test_without_a_threshold_none_is_assumed_and_the_output_says_so() -> None:
    result = run("estimate", SCENARIOS / "rotherham-2020-calendar.yaml", "-f", "json")
    table = json.loads(result.stdout)["economics"]["business_case"]["invest_to_save"]
    assert table["threshold_years"] is None
    assert table["within_threshold"] is None
    assert "gives no figure, so none is assumed" in table["statement"]


def test_the_calendar_table_adds_up_to_the_horizon_and_the_programme_cost() -> None:
    """An invariant on the shipped calendar scenario: the five years shown plus the years after
    them give the horizon's cashable total and the programme's cost over the financial years;
    payback agrees with the cashable headline's."""
    result = run("estimate", SCENARIOS / "rotherham-2020-calendar.yaml", "-f", "json")
    found = json.loads(result.stdout, parse_float=Decimal)
    economics = found["economics"]
    table = economics["business_case"]["invest_to_save"]
    assert [year["period"] for year in table["years"]] == [
        "2018/19",
        "2019/20",
        "2020/21",
        "2021/22",
        "2022/23",
    ]
    saved = table["total"]["cashable_savings_gbp"] + table["later_cashable_savings_gbp"]
    assert abs(saved - found["horizon"]["cashable_gbp"]) < Decimal("1e-6")
    spent = table["total"]["total_costs_gbp"] + table["later_costs_gbp"]
    assert abs(spent - economics["calendar"]["programme_cost_gbp"]) < Decimal("1e-6")
    assert table["payback"] == economics["cashable"]["payback"] == "2020/21"


def test_no_programme_cost_no_business_case() -> None:
    result = run("estimate", SCENARIOS / "rotherham-2020.yaml", "-f", "json")
    assert json.loads(result.stdout)["economics"]["business_case"] is None


def test_a_threshold_without_a_source_is_refused_where_it_is_written(
    write_yaml: Callable[[str, Any], Path],
) -> None:
    path = write_yaml(
        "scenario.yaml",
        scenario_data(
            unit_costs=["rotherham-2020-published"],
            programme_cost=PROGRAMME,
            business_case={"payback_threshold_years": 5, "births_source_kind": "guess"},
        ),
    )
    result = run("estimate", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "business_case" in result.stderr
    assert "births_source_kind" in result.stderr
    assert "council_published" in result.stderr


def test_a_threshold_must_say_where_it_comes_from(write_yaml: Callable[[str, Any], Path]) -> None:
    path = write_yaml(
        "scenario.yaml",
        scenario_data(
            unit_costs=["rotherham-2020-published"],
            programme_cost=PROGRAMME,
            business_case={"payback_threshold_years": 5},
        ),
    )
    result = run("estimate", path)
    assert result.exit_code == 1
    assert "business_case: a payback threshold needs its source" in result.stderr


@pytest.mark.slow
def test_the_business_case_sheet_recalculated_by_calc_gives_the_hand_worked_table(
    write_yaml: Callable[[str, Any], Path], case: dict[str, Any], tmp_path: Path
) -> None:
    """Written with no cached values, so every figure read back is LibreOffice's own."""
    import openpyxl

    from pause_cost.api import pack as build_pack
    from pause_cost.report import xlsx
    from tests.spreadsheet import recalculated

    path = tmp_path / "scenario.yaml"
    data, checks = xlsx.build(build_pack(path), cache=False)
    book_path = tmp_path / "pack.xlsx"
    book_path.write_bytes(data)
    sheet = openpyxl.load_workbook(recalculated(book_path, tmp_path), data_only=True)[
        "Business case"
    ]
    rows = {sheet.cell(row, 1).value: row for row in range(1, 9)}
    cumulative = [sheet.cell(rows["Cumulative net"], column).value for column in range(2, 7)]
    assert cumulative == [-5000, -11000, -17000, -8000, 1000]
    totals = [sheet.cell(rows[label], 7).value for label in ("Total costs", "Cashable savings")]
    assert totals == [80000, 81000]
    assert [check for check in checks if check.sheet == "Business case"]
    grade_rows = {
        sheet.cell(row, 1).value: [sheet.cell(row, column).value for column in (2, 3, 4)]
        for row in range(1, sheet.max_row + 1)
        if sheet.cell(row, 1).value in ("sufficient", "partial", "insufficient", "All grades")
    }
    assert grade_rows == {
        "sufficient": [45000, 0, 0],
        "partial": [36000, 0, 13500],
        "insufficient": [0, 4500, 0],
        "All grades": [81000, 4500, 13500],
    }


def test_the_page_gives_the_case_a_part_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "pack.html"
    result = run("report", SCENARIOS / "rotherham-2020-calendar.yaml", "-o", path)
    assert result.exit_code == 0, result.stderr
    page = path.read_text(encoding="utf-8")
    part = page.index('id="business-case"')
    assert page.index('<div class="business-case">') > part
    # Moved, not copied: each of the case's tables appears once, in its own part.
    for caption in (
        # As the page writes them: a token a browser could break is kept whole in a span.
        'Invest to save: the council&#39;s cashable case, years <span class="nw">1-5</span>',
        'Budget lines and benefit owners <span class="nw">(horizon)</span>',
        "Evidence, graded on the National Audit Office&#39;s scale",
    ):
        assert page.count(caption) == 1
        assert page.index(caption) > part


def test_the_markdown_pack_carries_the_case(tmp_path: Path) -> None:
    path = tmp_path / "pack.md"
    result = run("report", SCENARIOS / "rotherham-2020-calendar.yaml", "-o", path)
    assert result.exit_code == 0, result.stderr
    text = path.read_text(encoding="utf-8")
    assert "Invest to save: the council's cashable case, years 1-5" in text
    assert "Cash-releasing or not (Cabinet Office), horizon" in text


DOC = (REPO / "docs" / "business-case.md").read_text(encoding="utf-8")
DOC_BLOCKS = re.findall(r"```console\n\$ (pause-cost [^\n]*)\n(.*?)```", DOC, re.DOTALL)


@pytest.mark.parametrize(
    ("command", "excerpt"), DOC_BLOCKS, ids=[f"{i}: {c}" for i, (c, _) in enumerate(DOC_BLOCKS)]
)
def test_the_docs_blocks_are_excerpts_of_real_output(
    command: str, excerpt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/business-case.md shows real output: each console block's lines appear, in order
    and together, in what its command prints at 80 columns."""
    monkeypatch.chdir(REPO)
    result = run(*command.split()[1:], env={"COLUMNS": "80"})
    printed = "\n".join(line.rstrip() for line in result.stdout.splitlines())
    assert excerpt.rstrip("\n") in printed
