"""The Monte Carlo runs the exact engine's formula on draws: the two agree at the point, its
mean matches an analytic mean, and a seed gives the same bytes in any process."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pause_cost.load.uncertainty import load_ranges
from pause_cost.uncertainty import montecarlo
from pause_cost.uncertainty.montecarlo import compile_for_draws, point_outcomes, simulate
from pause_cost.uncertainty.outcomes import outcome
from tests.conftest import REPO, SCENARIOS, SOURCE, dump_yaml, line, run

WriteYaml = Callable[[str, Any], Path]
RELATIVE = 1e-12


@pytest.fixture(autouse=True)
def numpy_raises() -> Iterator[None]:
    """Any overflow, invalid operation or division by zero in numpy fails the test."""
    previous = np.seterr(all="raise")
    yield
    np.seterr(**previous)


def assert_point_agrees(path: Path) -> None:
    compiled = compile_for_draws(load_ranges(path))
    drawn = point_outcomes(compiled)
    for name, value in drawn.items():
        exact = float(outcome(compiled.estimate, name))
        assert math.isclose(value, exact, rel_tol=RELATIVE, abs_tol=1e-6), (name, value, exact)


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda path: path.stem)
def test_at_the_point_the_draws_equal_the_exact_engine(path: Path) -> None:
    assert_point_agrees(path)


def linear_case(write_yaml: WriteYaml) -> Path:
    """9 births (10 x 0.4 x 2.25, exact) x two one-year lines whose amounts are drawn."""
    lines = [line(id="a", amount_gbp=1000), line(id="b", amount_gbp=300)]
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": lines})
    return write_yaml(
        "s.yaml",
        {
            "name": "s",
            "council": "C",
            "cohort": {"women_open": 10, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE},
            "unit_costs": ["t.yaml"],
            "programme_cost": {"total_gbp": 10000, "source": SOURCE},
            "uncertainty": [
                {
                    "input": "t/a.amount_gbp",
                    "low": 500,
                    "high": 1500,
                    "distribution": {"kind": "gamma", "shape": 16, "rate": 0.016},
                    "source": SOURCE,
                },
                {
                    "input": "t/b.amount_gbp",
                    "low": 100,
                    "high": 500,
                    "distribution": {"kind": "pert", "low": 100, "mode": 200, "high": 600},
                    "source": SOURCE,
                },
            ],
        },
    )


def test_the_mean_of_a_linear_outcome_matches_its_analytic_mean(write_yaml: WriteYaml) -> None:
    # Net = 9 x (a + b) - £10,000. E[a] = 16 / 0.016 = £1,000; sd(a) = 4 / 0.016 = £250.
    # PERT(100, 200, 600): mean (100 + 4 x 200 + 600) / 6 = £250; alpha = 1 + 4 x 100/500 =
    # 1.8, beta = 1 + 4 x 400/500 = 4.2, var = alpha beta / ((a+b)^2 (a+b+1)) x 500^2.
    mean_net = 9 * (1000 + 250) - 10000
    var_b = 1.8 * 4.2 / (6.0**2 * 7.0) * 500**2
    sd_net = 9 * math.sqrt(250**2 + var_b)
    draws = 200_000
    result = simulate(load_ranges(linear_case(write_yaml)), draws, seed=11)
    net = next(summary for summary in result.outcomes if summary.outcome == "net")
    standard_error = sd_net / math.sqrt(draws)
    assert abs(float(net.mean) - mean_net) < 4 * standard_error
    assert abs(float(net.sd) - sd_net) / sd_net < 0.01
    assert net.point == 9 * (1000 + 300) - 10000  # the exact estimate, at the points
    assert [driver.range.input for driver in result.drivers] == ["t/a.amount_gbp", "t/b.amount_gbp"]


def test_percentiles_past_the_kept_draws_come_from_the_histogram(
    write_yaml: WriteYaml, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranges = load_ranges(linear_case(write_yaml))
    compiled = compile_for_draws(ranges)
    kept = montecarlo.run_draws(compiled, 50_000, seed=3)
    monkeypatch.setattr(montecarlo, "RETAINED", 1_000)
    binned = montecarlo.run_draws(compiled, 50_000, seed=3)
    assert kept.kept is not None
    assert binned.kept is None
    for name in kept.names:
        values = np.sort(kept.kept[name])
        first, last, _ = binned.histograms[name]
        width = (last - first) / montecarlo.BINS
        for probability in (0.05, 0.5, 0.95):
            # Between the order statistics around the rank, give or take one bin.
            rank = probability * (len(values) - 1)
            below, above = values[math.floor(rank)], values[math.ceil(rank)]
            found = montecarlo.percentile(binned, name, probability)
            assert below - width <= found <= above + width, (name, probability)


@pytest.mark.slow
def test_the_same_seed_gives_the_same_bytes_in_other_processes(write_yaml: WriteYaml) -> None:
    path = linear_case(write_yaml)

    def simulated(seed: int, hash_seed: str) -> bytes:
        arguments = [sys.executable, "-m", "pause_cost", "simulate", str(path)]
        arguments += ["--draws", "20000", "--seed", str(seed), "-f", "json"]
        environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(arguments, capture_output=True, check=True, cwd=REPO, env=environment)
        return done.stdout

    first = simulated(7, "0")
    assert simulated(7, "4294967295") == first
    assert simulated(8, "0") != first
    assert json.loads(first)["seed"] == 7


def test_a_rank_correlation_between_two_inputs_is_imposed(write_yaml: WriteYaml) -> None:
    path = linear_case(write_yaml)
    text = path.read_text(encoding="utf-8")
    text += dump_yaml(
        {
            "correlations": [
                {
                    "inputs": ["t/a.amount_gbp", "t/b.amount_gbp"],
                    "rank_correlation": 0.8,
                    "assumption": "a test",
                }
            ]
        }
    )
    path.write_text(text, encoding="utf-8")
    ranges = load_ranges(path)
    independent = simulate(load_ranges(linear_case(write_yaml)), 50_000, seed=5)
    correlated = simulate(ranges, 50_000, seed=5)
    sd = {s.outcome: float(s.sd) for s in independent.outcomes}["net"]
    sd_correlated = {s.outcome: float(s.sd) for s in correlated.outcomes}["net"]
    assert sd_correlated > sd * 1.05  # positively correlated costs spread the net wider


@pytest.mark.parametrize(
    ("uncertain", "message"),
    [
        (
            {
                "input": "cohort.women_open",
                "low": 8,
                "high": 12,
                "source": SOURCE,
                "distribution": {"kind": "uniform", "low": 8, "high": 12},
            },
            "takes whole numbers, so it is drawn from a discrete_uniform distribution",
        ),
        (
            {
                "input": "t/a.share_of_children",
                "low": 0.5,
                "high": 1,
                "source": SOURCE,
                "distribution": {"kind": "normal", "mean": 0.9, "sd": 0.1},
            },
            "is a share, 0 to 1, but this normal distribution draws outside it",
        ),
        (
            {
                "input": "pause_window.programme_months",
                "low": 12,
                "high": 24,
                "source": SOURCE,
                "distribution": {"kind": "uniform", "low": 12, "high": 24},
            },
            "varies over low and high in sensitivity and breakeven only",
        ),
    ],
)
def test_draws_an_input_cannot_take_are_refused(
    write_yaml: WriteYaml, uncertain: dict[str, Any], message: str
) -> None:
    path = linear_case(write_yaml)
    data = json.loads(json.dumps(__import__("yaml").safe_load(path.read_text())))
    data["uncertainty"] = [uncertain]
    path.write_text(dump_yaml(data), encoding="utf-8")
    result = run("simulate", path, "--draws", "100")
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stdout == ""


def test_the_cli_echoes_the_seed_and_keeps_stdout_for_the_result(write_yaml: WriteYaml) -> None:
    result = run("simulate", linear_case(write_yaml), "--draws", "1000", "--seed", "42")
    assert result.exit_code == 0, result.stderr
    assert "seed 42" in result.stdout
    assert "P(net cost avoided > 0) = " in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("kind", "arguments"),
    [
        ("sensitivity", ["sensitivity"]),
        ("breakeven", ["breakeven", "--target", "npv>=0"]),
        ("simulation", ["simulate", "--draws", "2000", "--seed", "4"]),
    ],
)
def test_each_analysis_json_meets_its_published_schema(kind: str, arguments: list[str]) -> None:
    import jsonschema

    schema = json.loads(run("schema", kind).stdout)
    scenario = SCENARIOS / "rotherham-2020-uncertain.yaml"
    result = run(arguments[0], scenario, *arguments[1:], "-f", "json")
    assert result.exit_code == 0, result.stderr
    jsonschema.validate(json.loads(result.stdout), schema)


def test_a_long_run_shows_progress_on_stderr_and_keeps_stdout_for_the_result(
    write_yaml: WriteYaml, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pause_cost.cli import uncertainty as cli

    monkeypatch.setattr(cli, "PROGRESS_AFTER_SECONDS", 0.0)  # every run counts as long here
    monkeypatch.setattr(cli, "stderr_is_terminal", lambda: True)
    result = run(
        "simulate", linear_case(write_yaml), "--draws", "300000", "--seed", "1", "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["draws"] == 300000
    assert "drawing" in result.stderr
