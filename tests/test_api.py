"""The public API: one function per command, each used as a script would use it.

Every figure asserted here is worked by hand in its comment, from the numbers in the files
(Rotherham's table: £67,325.26 and £18,848.01 a birth in year 1, £10,363.40 and £2,901.28 in
each of years 2 to 5, cashable and internal; 15 births costed), not read back from the engine.
"""

from __future__ import annotations

import doctest
import importlib
import re
from decimal import Decimal
from pathlib import Path

import pytest

import pause_cost
from pause_cost import api
from pause_cost.errors import InputError
from tests.conftest import REPO, ROTHERHAM, SCENARIOS
from tests.ranged import write_ranged

PILOT = SCENARIOS / "rotherham-2020-with-pilot-cost.yaml"

IMMEDIATE = Decimal("1292599.05")
"""15 x (67,325.26 + 18,848.01) = 15 x 86,173.27."""
HORIZON = Decimal("2088479.85")
"""1,292,599.05 + 15 x 4 x (10,363.40 + 2,901.28) = 1,292,599.05 + 795,880.80."""
CASHABLE = Decimal("1631682.90")
"""15 x 67,325.26 + 15 x 4 x 10,363.40 = 1,009,878.90 + 621,804.00."""


def test_the_api_names_are_a_snapshot() -> None:
    """A guard on the published names: adding or removing one is a decision, made here."""
    assert api.__all__ == [
        "SCHEMA_KINDS",
        "TableCheck",
        "acceptability",
        "appraise",
        "breakeven",
        "compare",
        "contract",
        "estimate",
        "grid",
        "init",
        "national",
        "pack",
        "parse_axis",
        "parse_target",
        "region",
        "render_pack",
        "schema",
        "sensitivity",
        "simulate",
        "starters",
        "structural",
        "table",
        "tables",
        "validate_tables",
        "voi",
    ]
    assert pause_cost.__all__ == [
        "Estimate",
        "InputError",
        "Inputs",
        "OutputError",
        "PauseCostError",
        "Plan",
        "PriceIndex",
        "Problem",
        "Ranges",
        "Scenario",
        "TableCheck",
        "UnitCostTable",
        "__version__",
        "acceptability",
        "appraise",
        "assemble",
        "breakeven",
        "compare",
        "compile_scenario",
        "contract",
        "estimate",
        "grid",
        "init",
        "load_index",
        "load_inputs",
        "load_ranges",
        "load_scenario",
        "load_table",
        "national",
        "pack",
        "parse_axis",
        "parse_target",
        "region",
        "render_pack",
        "schema",
        "sensitivity",
        "simulate",
        "starters",
        "structural",
        "table",
        "tables",
        "to_data",
        "to_json",
        "validate_tables",
        "voi",
    ]


def test_every_name_the_package_exports_is_the_api_s_own() -> None:
    for name in pause_cost.__all__:
        assert getattr(pause_cost, name) is not None
    for name in api.__all__:
        if name != "SCHEMA_KINDS":
            assert getattr(pause_cost, name) is getattr(api, name)
    # Even once the comparison module of the same name is loaded, the name is the function.
    importlib.import_module("pause_cost.compare")
    assert pause_cost.compare is api.compare


def test_estimate_takes_a_path_or_the_loaded_inputs_whole() -> None:
    by_path = pause_cost.estimate(ROTHERHAM)
    assert by_path.immediate.total_gbp == IMMEDIATE
    assert by_path.horizon.total_gbp == HORIZON
    assert by_path.horizon.cashable_gbp == CASHABLE
    by_inputs = pause_cost.estimate(pause_cost.load_inputs(ROTHERHAM))
    assert pause_cost.to_json(by_inputs) == pause_cost.to_json(by_path)


def test_estimate_with_a_what_if() -> None:
    # 24 x 0.33 x 2.25 = 17.82, rounded to 18 births x 139,231.99 a birth = 2,506,175.82.
    result = pause_cost.estimate(ROTHERHAM, what_if={"cohort.women_open": 24})
    assert result.avoided_births.counted == 18
    assert result.horizon.total_gbp == Decimal("2506175.82")
    assert result.flags[0].code == "what_if"
    assert "cohort.women_open = 24 (was 20)" in result.flags[0].message


def test_compare_two_tables_per_avoided_birth() -> None:
    # Per birth over five years: 86,173.27 + 4 x 13,264.68 = 139,231.99.
    comparison = pause_cost.compare("rotherham-2020-published", "care-journey-england")
    assert comparison.a_basis.births == 1
    assert comparison.horizon.a.total_gbp == Decimal("139231.99")
    assert comparison.immediate.a.total_gbp == Decimal("86173.27")
    assert comparison.horizon.difference.total_gbp == (
        comparison.horizon.b.total_gbp - comparison.horizon.a.total_gbp
    )


def test_compare_two_scenarios_that_differ_only_in_their_programme_cost() -> None:
    comparison = pause_cost.compare(ROTHERHAM, PILOT)
    assert comparison.horizon.a.total_gbp == comparison.horizon.b.total_gbp == HORIZON
    # The pilot's £419,000 is the only difference: 2,088,479.85 - 419,000 = 1,669,479.85.
    assert comparison.b_basis.net_gbp == Decimal("1669479.85")


def test_tables_are_the_shipped_files() -> None:
    names = sorted(path.stem for path in (REPO / "pause_cost" / "unit_costs").glob("*.yaml"))
    assert sorted(table.name for table in pause_cost.tables()) == names


def test_table_by_name_or_file() -> None:
    by_name = pause_cost.table("rotherham-2020-published")
    by_file = pause_cost.table(REPO / "unit_costs" / "rotherham-2020-published.yaml")
    assert by_name == by_file
    amounts = {entry.id: entry.amount_gbp for entry in by_name.lines}
    assert amounts == {
        "immediate-cashable": Decimal("67325.26"),
        "immediate-internal": Decimal("18848.01"),
        "later-cashable": Decimal("10363.40"),
        "later-internal": Decimal("2901.28"),
    }


def test_validate_tables_checks_each_and_keeps_going() -> None:
    good, bad = pause_cost.validate_tables(["rotherham-2020-published", "no-such-table"])
    assert good.ok
    assert good.notes == ()
    assert not bad.ok
    (problem,) = bad.problems
    assert problem.path == "no-such-table"
    assert problem.message.startswith("unknown table 'no-such-table'")


@pytest.fixture(scope="module")
def linear(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """See :func:`tests.ranged.write_ranged`: net = 9 (a + 300) - 10,000."""
    return write_ranged(tmp_path_factory.mktemp("linear"))


def test_sensitivity(linear: Path) -> None:
    tornado = pause_cost.sensitivity(linear)
    assert tornado.base == 1700
    (swing,) = tornado.swings
    # 9 x (500 + 300) - 10,000 = -2,800; 9 x (1,500 + 300) - 10,000 = 6,200.
    assert (swing.outcome_at_low, swing.outcome_at_high) == (-2800, 6200)
    assert swing.swing == 9000


def test_grid(linear: Path) -> None:
    found = pause_cost.grid(linear, "t/a.amount_gbp=500:1500:500", "cohort.women_open=10:20:10")
    assert found.rows.values == [500, 1000, 1500]
    assert found.columns.values == [10, 20]
    # 9 or 18 births x (a + 300) - 10,000.
    assert found.values == [[-2800, 4400], [1700, 13400], [6200, 22400]]


def test_breakeven(linear: Path) -> None:
    found = pause_cost.breakeven(linear, target="net>=0")
    (solved,) = found.inputs
    # 9 (a + 300) = 10,000: a = 10,000 / 9 - 300 = 811.11...
    assert solved.value is not None
    assert abs(solved.value - (Decimal(10000) / 9 - 300)) < Decimal("0.01")
    assert solved.inside_range


def test_simulate(linear: Path) -> None:
    result = pause_cost.simulate(linear, draws=20_000, seed=7)
    net = next(summary for summary in result.outcomes if summary.outcome == "net")
    # E[net] = 9 x (1,000 + 300) - 10,000 = 1,700; sd = 9 x (4 / 0.016) = 2,250, so the mean
    # of 20,000 draws is within 5 standard errors (5 x 2,250 / sqrt(20,000) = 80) of it.
    assert abs(net.mean - 1700) < 80
    assert abs(net.sd - 2250) < 100
    assert result.draws == 20_000
    assert pause_cost.simulate(linear, draws=1000, seed=7) == pause_cost.simulate(
        linear, draws=1000, seed=7
    )


def test_pack_and_its_files() -> None:
    written = pause_cost.pack(ROTHERHAM)
    assert written.estimate.horizon.total_gbp == HORIZON
    markdown = pause_cost.render_pack(written, "markdown").decode("utf-8")
    assert "£2,088,480" in markdown
    assert pause_cost.render_pack(written, "xlsx").startswith(b"PK")
    with pytest.raises(ValueError, match="not a format of the pack"):
        pause_cost.render_pack(written, "pdf")


def test_pack_with_sensitivity_needs_ranges() -> None:
    with pytest.raises(InputError) as raised:
        pause_cost.pack(ROTHERHAM, sensitivity=True)
    assert "--sensitivity needs ranges" in raised.value.problems[0].message


def test_schema_describes_what_estimate_gives() -> None:
    document = pause_cost.schema("estimate")
    assert document["title"] == "Estimate"
    data = pause_cost.to_data(pause_cost.estimate(ROTHERHAM))
    assert set(document["properties"]) == set(data)
    assert set(api.SCHEMA_KINDS) == {
        kind.value
        for kind in __import__("pause_cost.cli.schema", fromlist=["SchemaKind"]).SchemaKind
    }


def test_init_is_a_starter_that_estimates(tmp_path: Path) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text(pause_cost.init(), encoding="utf-8")
    assert pause_cost.estimate(target).scenario.women_open == 20


def test_bad_input_raises_located_problems(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        pause_cost.estimate(REPO / "tests" / "data" / "invalid" / "several-mistakes.yaml")
    assert [problem.key for problem in raised.value.problems] == [
        "council_name",
        "cohort.women_open",
        "horizon_years",
    ]


PYCON = re.compile(r"```pycon\n(.*?)```", re.DOTALL)


def test_the_docs_python_api_section_shows_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python examples of docs/outputs.md are run as doctests: what they show is what they
    give."""
    monkeypatch.chdir(REPO)
    page = (REPO / "docs" / "outputs.md").read_text(encoding="utf-8")
    section = page.split("## Python API", 1)[1]
    section = section.split("\n## ", 1)[0]
    examples = "\n".join(PYCON.findall(section))
    assert examples.count(">>>") >= 10
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    test = parser.get_doctest(examples, {}, "Python API", "docs/outputs.md", 0)
    runner.run(test)
    assert runner.failures == 0
