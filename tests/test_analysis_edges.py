"""The analyses at their edges: a payback that never comes, outcomes that step, shares near
1, strict targets, correlations that cannot hold, tails too wide to sum, nothing to vary."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.load.uncertainty import load_ranges
from pause_cost.render.simulation import percent
from pause_cost.uncertainty.montecarlo import simulate
from pause_cost.uncertainty.oneway import Target, break_even
from tests.conftest import SCENARIOS, SOURCE, line, run

D = Decimal
WriteYaml = Callable[[str, Any], Path]


def scenario(write_yaml: WriteYaml, *, cost: float = 5000, **extra: Any) -> Path:
    """10 women x 0.4 x 2.25 = 9 births; line a £1,000 a birth in year 1, line b a share."""
    lines = [line(id="a", amount_gbp=1000), line(id="b", amount_gbp=10000, share_of_children=0.5)]
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": lines})
    data = {
        "name": "s",
        "council": "C",
        "cohort": {"women_open": 10, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE},
        "unit_costs": ["t.yaml"],
        "programme_cost": {"total_gbp": cost, "source": SOURCE},
        **extra,
    }
    return write_yaml("s.yaml", data)


def test_a_payback_that_never_comes_reads_never(write_yaml: WriteYaml) -> None:
    # 9 births x £6,000 = £54,000 against £60,000: never paid back, at the low end too.
    ranges = {"input": "t/a.amount_gbp", "low": 500, "high": 7000, "source": SOURCE}
    path = scenario(write_yaml, cost=60000, uncertainty=[ranges])
    result = run("sensitivity", path, "--outcome", "payback")
    assert result.exit_code == 0, result.stderr
    assert "never" in result.stdout
    json_result = run("sensitivity", path, "--outcome", "payback", "-f", "json")
    assert '"outcome_at_low": null' in json_result.stdout


def test_break_even_on_a_stepped_outcome_is_bracketed_not_solved_as_a_line(
    write_yaml: WriteYaml,
) -> None:
    # Payback in year 1 needs 22.5 r x £6,000 >= £60,000: r >= 0.4444...; a step, not a line.
    path = scenario(write_yaml, cost=60000)
    result = break_even(load_ranges(path), Target.parse("payback<=1"))
    rate = next(i for i in result.inputs if i.range.input.endswith("birth_rate_per_woman_per_year"))
    assert rate.method == "bracketed"
    assert rate.value is not None
    assert abs(rate.value - D(4) / D(9)) < D("1e-11")


def test_a_share_breaks_even_below_1(write_yaml: WriteYaml) -> None:
    # Net = 9 x (£1,000 + £10,000 s) - £5,000 >= £85,000 needs s >= 0.9 (the point is 0.5).
    ranges = {"input": "t/b.share_of_children", "low": 0.2, "high": 0.6, "source": SOURCE}
    path = scenario(write_yaml, uncertainty=[ranges])
    result = break_even(load_ranges(path), Target.parse("net>=85000"))
    (share,) = result.inputs
    assert share.value is not None
    assert abs(share.value - D("0.9")) < D("1e-11")
    assert share.inside_range is False


def test_a_strict_target_on_a_whole_number_outcome_is_strict(write_yaml: WriteYaml) -> None:
    result = break_even(load_ranges(scenario(write_yaml)), Target.parse("payback<1"))
    assert all(item.value is None for item in result.inputs)  # payback is never below year 1


@pytest.mark.parametrize(
    ("correlation", "message"),
    [
        (
            {"inputs": ["t/a.amount_gbp", "t/a.amount_gbp"], "rank_correlation": 0.5},
            "is correlated with itself",
        ),
    ],
)
def test_a_correlation_that_cannot_be_is_refused_when_read(
    write_yaml: WriteYaml, correlation: dict[str, Any], message: str
) -> None:
    ranges = {
        "input": "t/a.amount_gbp",
        "low": 500,
        "high": 1500,
        "source": SOURCE,
        "distribution": {"kind": "uniform", "low": 500, "high": 1500},
    }
    path = scenario(
        write_yaml, uncertainty=[ranges], correlations=[{**correlation, "assumption": "test"}]
    )
    result = run("simulate", path, "--draws", "100")
    assert result.exit_code == 1
    assert message in result.stderr


def test_a_tail_too_wide_to_sum_is_refused_cleanly(write_yaml: WriteYaml) -> None:
    ranges = {
        "input": "t/a.amount_gbp",
        "low": 500,
        "high": 1500,
        "assumption": "test",
        "distribution": {"kind": "lognormal", "median": 1000, "sigma": 50},
    }
    result = run("simulate", scenario(write_yaml, uncertainty=[ranges]), "--draws", "2000")
    assert result.exit_code == 1
    # Refused when read: its upper tail (1000 x e^200) leaves the amount's bound.
    assert "t/a.amount_gbp: this lognormal distribution draws up to about" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_drawn_cost_whose_point_is_zero_is_costed_in_full(write_yaml: WriteYaml) -> None:
    # £0 a year for 2 years, drawn as exactly £1,000 a year (a narrow uniform): £2,000 in all.
    ranges = {
        "input": "programme_cost.per_year_gbp",
        "low": 0,
        "high": 2000,
        "assumption": "test",
        "distribution": {"kind": "uniform", "low": 999.999999, "high": 1000.000001},
    }
    path = scenario(write_yaml, uncertainty=[ranges])
    text = path.read_text(encoding="utf-8").replace(
        "total_gbp: 5000", "per_year_gbp: 0\n  years: 2"
    )
    path.write_text(text, encoding="utf-8")
    result = simulate(load_ranges(path), 1000, seed=1)
    net = next(s for s in result.outcomes if s.outcome == "net")
    # 9 x £6,000 = £54,000, less £2,000.
    assert abs(float(net.mean) - 52000) < 0.01


def test_nothing_to_vary_is_said_not_simulated(write_yaml: WriteYaml) -> None:
    path = scenario(write_yaml)
    simulated = run("simulate", path, "--draws", "100")
    assert simulated.exit_code == 1
    assert "no input has a distribution" in simulated.stderr
    swung = run("sensitivity", path)
    assert swung.exit_code == 1
    assert "the scenario gives no ranges" in swung.stderr


def test_a_probability_is_never_rounded_to_certainty() -> None:
    assert percent(D("0.99999")) == "more than 99.9%"
    assert percent(D("0.00001")) == "less than 0.1%"
    assert percent(D(1)) == "100.0%"
    assert percent(D("0.5")) == "50.0%"


def test_a_report_with_a_target_it_cannot_read_is_a_usage_error(tmp_path: Path) -> None:
    result = run(
        "report",
        SCENARIOS / "rotherham-2020-uncertain.yaml",
        "-o",
        tmp_path / "pack.md",
        "--sensitivity",
        "--target",
        "net=>0",
    )
    assert result.exit_code == 2
    assert not (tmp_path / "pack.md").exists()


def test_a_drawn_bridge_share_whose_point_is_zero_is_costed_as_drawn(
    write_yaml: WriteYaml,
) -> None:
    # Removal share 0 at its point (nothing costed); drawn at 0.5: 9 births x £6,000 x 0.5.
    ranges = {
        "input": "adjustments.removal_share.share",
        "low": 0,
        "high": 1,
        "assumption": "test",
        "distribution": {"kind": "uniform", "low": 0.499999999, "high": 0.500000001},
    }
    path = scenario(
        write_yaml,
        adjustments={"removal_share": {"share": 0, "assumption": "test"}},
        uncertainty=[ranges],
    )
    result = simulate(load_ranges(path), 1000, seed=2)
    horizon = next(s for s in result.outcomes if s.outcome == "horizon_total")
    assert horizon.point == 0
    assert abs(float(horizon.mean) - 27000) < 0.01


def test_the_commands_outcome_names_are_the_engines() -> None:
    """The CLI lists outcomes without importing the engine; the two lists must agree."""
    from pause_cost.cli.uncertainty import OUTCOME_NAMES
    from pause_cost.uncertainty.outcomes import OUTCOMES, UNITS

    assert OUTCOME_NAMES == tuple(OUTCOMES) == tuple(UNITS)
