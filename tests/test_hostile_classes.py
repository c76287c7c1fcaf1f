"""Each class of hostile input, refused by the one mechanism that guards it, in every place the
input can arrive (a file, the command line, the Python API): exit 1 or 2, a one-line reason, no
traceback, and no work before the refusal (each within a second or two on any machine)."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from pause_cost import api
from pause_cost.exit_codes import ExitCode
from pause_cost.model.paths import PathError
from pause_cost.model.scenario import Scenario
from tests.conftest import REPO, SOURCE, dump_yaml, line, run, scenario_data

WriteYaml = Callable[[str, Any], Path]

SCENARIOS = REPO / "scenarios"
UNCERTAIN = SCENARIOS / "rotherham-2020-uncertain.yaml"
JOINT = SCENARIOS / "rotherham-2021-joint-funding.yaml"

REFUSED = (ExitCode.INVALID_INPUT, 2)
"""Bad input in a file (1) or on the command line (2, a usage error)."""


def _refused_quickly(*args: str | Path) -> str:
    """Run the command; it must refuse within two seconds, say why on stderr in a few lines
    and write nothing on stdout. Returns stderr."""
    started = time.perf_counter()
    result = run(*args)
    elapsed = time.perf_counter() - started
    assert result.exit_code in REFUSED, result.output
    assert elapsed < 2, f"{elapsed:.1f} s to refuse"
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr) < 2_000, "a refusal is a few lines, whatever the input's size"
    return result.stderr


def _edited(write_yaml: WriteYaml, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    return write_yaml(source.name, text.replace(old, new, 1))


# -- Work before bounds: a number's size is judged while it is text ---------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("--set", "cohort.women_open=1e999999999"), id="set-whole-number"),
        pytest.param(("--set", "programme_cost.total_gbp=1e9999999"), id="set-amount"),
        pytest.param(("--set", "cohort.women_open=" + "9" * 100_000), id="set-100k-digits"),
    ],
)
def test_work_before_bounds_huge_number_on_the_command_line(args: tuple[str, ...]) -> None:
    stderr = _refused_quickly("estimate", UNCERTAIN, *args)
    assert "far beyond any input's bound" in stderr or "characters long" in stderr
    assert "(100,000 characters)" in stderr or "9" * 100 not in stderr


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("women_open: 20", "women_open: 1e999999999", "cohort.women_open"),
        ("total_gbp: 419000", "total_gbp: 1e9999999", "programme_cost.total_gbp"),
        ("mode: 0.33", "mode: 1e9999999", "uncertainty.1.distribution.mode"),
        ("low: 16", "low: 1e9999999", "uncertainty.0.low"),
    ],
)
def test_work_before_bounds_huge_number_in_a_file(
    write_yaml: WriteYaml, old: str, new: str, key: str
) -> None:
    path = _edited(write_yaml, UNCERTAIN, old, new)
    stderr = _refused_quickly("estimate", path)
    assert f": {key}: a number of about 1e" in stderr
    assert "far beyond any input's bound; numbers here are below 1e16" in stderr


@pytest.mark.parametrize(
    "axis",
    [
        # 1e15 + 1e-14 needs 30 significant digits: the step cannot move the value.
        "programme_cost.total_gbp=1000000000000000:1000000000000000.0000000000001:0.00000000000001",
        "programme_cost.total_gbp=1e30:1e30:1",  # beyond any bound, refused as text
        "programme_cost.total_gbp=0:0:1e-999999",  # a step that underflows
        "programme_cost.total_gbp=0:1000000:1",  # a million values, counted before any is made
    ],
)
def test_work_before_bounds_grid_steps_that_cannot_finish(axis: str) -> None:
    stderr = _refused_quickly(
        "sensitivity", UNCERTAIN, "--grid", axis, "--grid", "cohort.women_open=16:24:1"
    )
    assert "Invalid value" in stderr


def test_work_before_bounds_grid_values_are_made_from_their_index() -> None:
    # 0.1 added ten times is not 1 in binary; made as LOW + i x STEP in decimals it is.
    axis = api.parse_axis("cohort.birth_rate_per_woman_per_year=0:1:0.1")
    assert axis.values() == [Decimal(i) / 10 for i in range(11)]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("--set", "programme_cost.total_gbp=1e-999999"), id="set"),
        pytest.param(("--grid", "cohort.women_open=1e-999999:1:1"), id="grid"),
    ],
)
def test_work_before_bounds_tiny_number_gives_a_short_answer(args: tuple[str, ...]) -> None:
    command = "sensitivity" if args[0] == "--grid" else "estimate"
    extra = ("--grid", "programme_cost.total_gbp=1:2:1") if command == "sensitivity" else ()
    stderr = _refused_quickly(command, UNCERTAIN, *args, *extra)
    assert "finer than any input needs" in stderr


def test_work_before_bounds_tiny_number_in_a_file(write_yaml: WriteYaml) -> None:
    path = _edited(
        write_yaml,
        UNCERTAIN,
        "birth_rate_per_woman_per_year: 0.33",
        "birth_rate_per_woman_per_year: 1e-999999",
    )
    stderr = _refused_quickly("estimate", path)
    assert "cohort.birth_rate_per_woman_per_year: a number of about 1e-999999 is finer" in stderr


# -- Internal errors: numbers beyond exact arithmetic's range never reach it ----------------


@pytest.mark.parametrize(
    ("source", "old", "new"),
    [
        (JOINT, "share_of_programme_cost: 0.5", "share_of_programme_cost: 1e9999999"),
        (UNCERTAIN, "mode: 67325.26", "mode: 1e9999999"),
        (UNCERTAIN, "high: 3.5", "high: 1e9999999"),
        (UNCERTAIN, "women_open: 20", "women_open: 20\n  birth_profile: [1e9999999]"),
    ],
)
def test_internal_errors_number_beyond_decimal_range_in_a_file(
    write_yaml: WriteYaml, source: Path, old: str, new: str
) -> None:
    path = _edited(write_yaml, source, old, new)
    for command in ("estimate", "sensitivity", "simulate"):
        result = run(command, path)
        assert result.exit_code == ExitCode.INVALID_INPUT, result.output
        assert "a number of about 1e9999999 is far beyond" in result.stderr


@pytest.mark.parametrize(
    "value",
    [Decimal("1e9999999"), 10**1_000_000, 1e300, Decimal("-1e-999999")],
    ids=["decimal", "million-digit-int", "float", "tiny"],
)
def test_internal_errors_number_beyond_decimal_range_from_python(value: Any) -> None:
    data = scenario_data(programme_cost={"total_gbp": value, "source": SOURCE})
    with pytest.raises(ValidationError, match=r"beyond any input's bound|finer than any input"):
        Scenario.model_validate(data)
    with pytest.raises(PathError):
        api.estimate(SCENARIOS / "rotherham-2020.yaml", what_if={"cohort.women_open": value})


def _steep(write_yaml: WriteYaml, name: str, percent: int, first: int, last: int) -> None:
    years = {f"{y}/{(y + 1) % 100:02d}": percent for y in range(first + 1, last + 1)}
    write_yaml(
        name,
        {"name": name[:-5], "title": "Steep", "source": SOURCE, "annual_increase_percent": years},
    )


def test_internal_errors_uprating_chain_beyond_exact_arithmetic(write_yaml: WriteYaml) -> None:
    # 50% a year for 150 years: 1.5 ** 150, about 2.6e26, against a bound of 1e9.
    _steep(write_yaml, "steep.yaml", 50, 1950, 2100)
    # A splice of two indices, each within the bound (1.5 ** 50, about 6.4e8), but 4.1e17 together.
    _steep(write_yaml, "early.yaml", 50, 1950, 2000)
    _steep(write_yaml, "late.yaml", 50, 2000, 2050)
    write_yaml(
        "spliced.yaml",
        {
            "name": "spliced",
            "title": "Spliced",
            "source": SOURCE,
            "splice": [{"index": "early.yaml", "until": "2000/01"}, {"index": "late.yaml"}],
        },
    )
    for index, last in (("steep.yaml", "2100/01"), ("spliced.yaml", "2050/51")):
        table = {
            "name": "t",
            "title": "T",
            "lines": [line(price_year="1950/51", price_index=index)],
        }
        write_yaml("t.yaml", table)
        path = write_yaml(
            "s.yaml", dump_yaml(scenario_data(unit_costs=["t.yaml"], price_year=last))
        )
        result = run("estimate", path)
        assert result.exit_code == ExitCode.INVALID_INPUT, result.output
        assert "an index may move by at most 1,000,000,000" in result.stderr


# -- Distributions fit their inputs: a draw is never a value no file could give ---------------


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "{kind: pert, low: 0.2, mode: 0.33, high: 0.45}",
            "{kind: uniform, low: 0.2, high: 50}",
            "cohort.birth_rate_per_woman_per_year: this uniform distribution draws up to about 50",
        ),
        (
            "{kind: uniform, low: 419000, high: 470587}",
            "{kind: triangular, low: 419000, mode: 450000, high: 900000000000}",
            "total_gbp: this triangular distribution draws up to about 900,000,000,000",
        ),
        (
            "{kind: triangular, low: 53860.21, mode: 67325.26, high: 80790.31}",
            "{kind: lognormal, median: 67325.26, sigma: 1.5}",
            # 67,325.26 x e^(4 x 1.5), to 6 figures
            "amount_gbp: this lognormal distribution draws up to about 27,160,900",
        ),
        (
            "  - input: discounting.rate_percent\n    low: 3.0\n    high: 3.5\n",
            "  - input: discounting.rate_percent\n    low: 3.0\n    high: 3.5\n"
            "    distribution: {kind: normal, mean: 18, sd: 1}\n",
            "discounting.rate_percent: this normal distribution draws up to about 22",
        ),
    ],
    ids=["birth-rate-to-50", "cost-to-900bn", "amount-over-10m", "discount-rate-over-20"],
)
def test_distributions_fit_their_inputs(
    write_yaml: WriteYaml, old: str, new: str, said: str
) -> None:
    path = _edited(write_yaml, UNCERTAIN, old, new)
    for command in ("simulate", "sensitivity"):
        result = run(command, path)
        assert result.exit_code == ExitCode.INVALID_INPUT, result.output
        assert said in result.stderr
        assert "a value the input cannot take" in result.stderr


# -- Text that acts: file text is inert in every Markdown output -----------------------------

BLOCK_CONSTRUCTS = ["# Injected heading", "- item", "+ item", "1. item", "2) item", "---", "==="]


def _blocks(markdown_text: str) -> list[tuple[str, str]]:
    """The block structure a CommonMark reader (with tables) builds: each block token's type
    and tag, with a table row's cell count."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown_text)
    return [(token.type, token.tag) for token in tokens if token.block]


def _hostile_scenario(write_yaml: WriteYaml, text: str) -> Path:
    table = {
        "name": "t",
        "title": "T",
        "lines": [line(id="a", item=text, agency=text, source={**SOURCE, "location": text})],
    }
    write_yaml("t.yaml", table)
    data = scenario_data(unit_costs=["t.yaml"], council=text, title=text, notes=text)
    return write_yaml("s.yaml", data)


@pytest.mark.parametrize("text", [*BLOCK_CONSTRUCTS, "a | b | c", "a \\| b"])
def test_text_that_acts_markdown_block_constructs_and_pipes(
    write_yaml: WriteYaml, tmp_path: Path, text: str
) -> None:
    """The hostile text gives the very blocks (headings, lists, rules, table cells) that plain
    words give, in the Markdown estimate and in the Markdown pack."""
    plain = _hostile_scenario(write_yaml, "Plain words")
    expected = run("estimate", plain, "-f", "md").stdout
    run("report", plain, "-o", tmp_path / "plain.md")
    hostile = _hostile_scenario(write_yaml, text)
    found = run("estimate", hostile, "-f", "md").stdout
    assert _blocks(found) == _blocks(expected)
    run("report", hostile, "-o", tmp_path / "hostile.md")
    pack = (tmp_path / "hostile.md").read_text(encoding="utf-8")
    assert _blocks(pack) == _blocks((tmp_path / "plain.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("args", "raw"),
    [
        (("estimate", UNCERTAIN, "--set", "co\x1b[2Jhort\n.women_open=3"), "\x1b"),
        (("estimate", UNCERTAIN, "--set", "cohort.women_open=" + "x" * 100_000), "x" * 100),
        (("sensitivity", UNCERTAIN, "--grid", "a\u202e=1:2:1", "--grid", "b=1:2:1"), "\u202e"),
        (("simulate", UNCERTAIN, "--outcome", "net\r\n" + "y" * 5_000), "\r"),
    ],
    ids=["escape-in-path", "long-value", "bidi-in-grid", "newline-in-outcome"],
)
def test_text_that_acts_command_line_text_in_messages(args: tuple[Any, ...], raw: str) -> None:
    result = run(*args)
    assert result.exit_code in REFUSED
    assert raw not in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr) < 2_000


# -- Disclosure: no line of a foreign file is printed ----------------------------------------

PASSWORD_FILE = (
    "root: x:0:0:root:/root:/bin/bash\n"
    "daemon: x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "operator: hunter2\n"
)


@pytest.mark.parametrize("named_as", ["ranges", "schedule", "index", "scenario", "table"])
def test_disclosure_a_foreign_file_is_never_quoted(write_yaml: WriteYaml, named_as: str) -> None:
    write_yaml("passwd.yaml", PASSWORD_FILE)
    table = {"name": "t", "title": "T", "lines": [line()]}
    if named_as == "index":
        table["lines"] = [line(price_index="passwd.yaml")]
    write_yaml("t.yaml", table)
    overrides: dict[str, Any] = {"unit_costs": ["passwd.yaml" if named_as == "table" else "t.yaml"]}
    if named_as == "ranges":
        overrides["uncertainty_files"] = ["passwd.yaml"]
    if named_as == "schedule":
        overrides["discounting"] = {"schedule": "passwd.yaml"}
    if named_as == "index":
        overrides["price_year"] = "2020/21"
    scenario = write_yaml("s.yaml", scenario_data(**overrides))
    path = write_yaml("passwd.yaml", PASSWORD_FILE) if named_as == "scenario" else scenario
    result = run("sensitivity" if named_as == "ranges" else "estimate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT, result.output
    assert "passwd.yaml:1:1: this is not a" in result.stderr
    said = result.stderr.replace(str(path.parent), "")  # the temporary folder's own name
    for word in ("root", "daemon", "operator", "hunter2", "bash"):
        assert word not in said


@pytest.mark.parametrize("where", ["top", "nested"])
def test_disclosure_many_unknown_keys_are_counted_not_listed(
    write_yaml: WriteYaml, where: str
) -> None:
    keys = {f"unknown_{index}": 1 for index in range(20_000)}
    data = scenario_data(**keys) if where == "top" else scenario_data()
    if where == "nested":
        data["cohort"] = {**data["cohort"], **keys}
    result = run("estimate", write_yaml("s.yaml", data))
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert "unknown_4: unknown key" in result.stderr
    assert "unknown_5: unknown key" not in result.stderr
    assert "19,995 more unknown keys from here (20,000 in all" in result.stderr
    assert len(result.stderr.splitlines()) < 10


# -- Small ones --------------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2026-13-45", "2026-02-30", "2026-1-1"])
def test_small_ones_an_impossible_report_date_is_refused(tmp_path: Path, date: str) -> None:
    result = run(
        "report", SCENARIOS / "rotherham-2020.yaml", "--date", date, "-o", tmp_path / "p.md"
    )
    assert result.exit_code == 2
    assert "--date" in result.stderr
    assert not (tmp_path / "p.md").exists()


# -- Workbook: the Summary says what the estimate says ----------------------------------------


def _rotherham(write_yaml: WriteYaml, *edits: tuple[str, str]) -> Path:
    text = (SCENARIOS / "rotherham-2020.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return write_yaml("r.yaml", text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "edits",
    [
        # 20 x 0.33 x 2.25 = 14.85 births, counted exactly and published to two places.
        (
            ("avoided_births_counting: round_half_up", "avoided_births_counting: exact"),
            ("avoided_births: 15", "avoided_births: 14.85"),
        ),
        # 20 x 0.3 x 2.25 = 13.5 births, counted exactly and published to one place.
        (
            ("avoided_births_counting: round_half_up", "avoided_births_counting: exact"),
            ("birth_rate_per_woman_per_year: 0.33", "birth_rate_per_woman_per_year: 0.3"),
            ("avoided_births: 15", "avoided_births: 13.5"),
        ),
    ],
    ids=["14.85", "13.5"],
)
def test_workbook_published_difference_recalculates_to_the_estimates(
    write_yaml: WriteYaml, tmp_path: Path, edits: tuple[tuple[str, str], ...]
) -> None:
    import openpyxl

    from pause_cost.report import xlsx
    from tests.spreadsheet import recalculated

    pack = api.pack(_rotherham(write_yaml, *edits))
    assert pack.estimate.published is not None
    births = next(c for c in pack.estimate.published.checks if c.figure == "avoided_births")
    assert births.difference == 0  # the estimate equals the published figure
    data, checks = xlsx.build(pack, cache=False)
    (tmp_path / "w.xlsx").write_bytes(data)
    values = openpyxl.load_workbook(recalculated(tmp_path / "w.xlsx", tmp_path), data_only=True)
    difference = next(check for check in checks if check.what == "published avoided_births")
    found = values[difference.sheet].cell(difference.row + 1, difference.column + 1).value
    assert found == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(
    ("edits", "warning"),
    [
        ((("council: Rotherham", "nation: scotland\ncouncil: Rotherham"),), "england"),
        ((), None),
    ],
    ids=["table-for-another-nation", "no-warning"],
)
def test_workbook_summary_shows_the_prominent_warnings(
    write_yaml: WriteYaml, tmp_path: Path, edits: tuple[tuple[str, str], ...], warning: str | None
) -> None:
    import openpyxl

    path = _rotherham(write_yaml, *edits)
    pack = api.pack(path)
    prominent = [flag.message for flag in pack.estimate.flags if flag.prominent]
    assert bool(prominent) == (warning is not None)
    run("report", path, "-o", tmp_path / "w.xlsx")
    summary = openpyxl.load_workbook(tmp_path / "w.xlsx")["Summary"]
    shown = summary.cell(5, 1).value
    if warning is None:
        assert shown is None
    else:
        assert shown == "\n".join(f"WARNING: {message}" for message in prominent)
        assert warning in shown.lower()


@pytest.mark.parametrize(
    ("schedule", "said"),
    [
        ("green-book-discount-rates", "At the Green Book's discount rates"),
        ("own.yaml", "At the discount rates of A council's own rates"),
    ],
)
def test_workbook_headline_names_the_schedule_used(
    write_yaml: WriteYaml, schedule: str, said: str
) -> None:
    from pause_cost.report.pack import headline

    write_yaml(
        "own.yaml",
        {
            "name": "own",
            "title": "A council's own rates",
            "source": SOURCE,
            "bands": [{"from_year": 0, "rate_percent": 5}],
        },
    )
    data = scenario_data(
        unit_costs=["rotherham-2020-published"],
        programme_cost={
            "total_gbp": 100000,
            "prices": "real",
            "price_year": "2016/17",
            "source": SOURCE,
        },
        discounting={"schedule": schedule},
    )
    text = headline(api.estimate(write_yaml("s.yaml", data)))
    assert said in text
    assert ("Green Book" in text) == (schedule == "green-book-discount-rates")


@pytest.mark.parametrize(
    "text",
    [
        "name: x\n" + "k" * 1100 + ": 1\nb: 2\n",
        "name: x\ncohort:\n  " + "k" * 1100 + ": 1\n  b: 2\n",
    ],
    ids=["top", "nested"],
)
def test_small_ones_a_key_over_yamls_limit_is_explained(write_yaml: WriteYaml, text: str) -> None:
    result = run("estimate", write_yaml("s.yaml", text))
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert "a key more than 1,024 characters long" in result.stderr
    assert "k" * 100 not in result.stderr


@pytest.mark.parametrize("given", ["bad-table", "scenario"])
def test_small_ones_a_failed_tables_validate_writes_nothing_on_stdout(
    write_yaml: WriteYaml, given: str
) -> None:
    bad = write_yaml("bad.yaml", {"name": "bad", "title": "Bad", "lines": [line(amount_gbp=-1)]})
    path = bad if given == "bad-table" else SCENARIOS / "rotherham-2020.yaml"
    result = run("tables", "validate", path)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stdout == ""
    assert result.stderr.startswith("1 table checked: 0 without problems, 1 with problems (below)")


# -- Slow on hostile sizes: refusals come before the work ----------------------------------------


@pytest.mark.parametrize(
    ("scenario", "outcome"),
    [(UNCERTAIN, "payback"), (REPO / "tests" / "data" / "uncertain-without-calendar.yaml", "npv")],
    ids=["payback", "npv-without-discounting"],
)
def test_slow_on_hostile_sizes_an_outcome_simulate_cannot_give_is_refused_before_drawing(
    scenario: Path, outcome: str
) -> None:
    stderr = _refused_quickly("simulate", scenario, "--outcome", outcome, "--draws", "100000000")
    # An outcome simulate never reports is a usage error (its --outcome lists only those it
    # reports); npv without discounting is refused by the engine, before drawing.
    said = "not an outcome simulate reports" if outcome == "payback" else "simulate reports"
    assert said in stderr
