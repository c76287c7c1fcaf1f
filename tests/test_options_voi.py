"""The options' value of information worked by hand: EVPI, EVPPI of each input and of a group,
their Monte Carlo errors, the population they are scaled to, and the refusals.

Two options drawing the same two inputs from one seed (joint draws): the birth rate r, uniform
on 0.05 to 0.25, and the table line's amount a, uniform on £5,000 to £15,000. As in
tests/test_options.py, an option of W women at cost C has NPV = W x 2.25 x r x a x (1 + 1/1.035)
- C: "drawn" (10 women, £50,000) has s = K a r - 50,000 with K = 22.5 x 1.966183575 =
44.239130; "large" (20 women, £100,000) has 2 s. Doing nothing has 0. In every draw the best
is 2 max(0, s); on average it is "large" (E[s] = K x 10,000 x 0.15 - 50,000 = 16,358.70 > 0).

- EVPI = E[2 max(0, s)] - 2 E[s] = 2 E[(50,000 - K a r)+], a double integral: for each a,
  E_r[(c - K a r)+] is 0 below r's range, c - K a 0.15 above it, else
  K a (t - 0.05)^2 / 0.4 with t = c / (K a); averaged over a on a fine grid below.
- EVPPI(r) = 2 E_r[(c - K 10,000 r)+] = 2 k (r0 - 0.05)^2 / 0.4, k = 442,391.30,
  r0 = c / k = 0.113022: £8,785.42.
- EVPPI(a) = 2 E_a[(c - K 0.15 a)+] = 2 m (a0 - 5,000)^2 / 20,000, m = K x 0.15 = 6.635870,
  a0 = c / m = 7,534.81: £4,263.71.
- EVPPI(r + a) = EVPI: the group's regression (a cubic polynomial in both) holds 1, r, a and
  r a, so it fits s exactly and knowing both is knowing everything.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from pause_cost import api
from pause_cost.cli import app
from tests.conftest import SOURCE, dump_yaml, line

K = 22.5 * (1 + 1 / 1.035)
COST = 50_000.0
RATE = "cohort.birth_rate_per_woman_per_year"
AMOUNT = "t/a.amount_gbp"
POPULATION = {
    "decisions_per_year": 10,
    "years": 10,
    "discount_rate_percent": 3.5,
    "study": {"cost_gbp": 20_000, "source": SOURCE},
    "source": SOURCE,
}


def _evpi() -> float:
    """2 E[(c - K a r)+] over a uniform on 5,000..15,000 (a midpoint grid of 200,000) and r
    uniform on 0.05..0.25 (in closed form for each a)."""
    a = 5_000 + (np.arange(200_000) + 0.5) * (10_000 / 200_000)
    t = COST / (K * a)
    inner = np.where(
        t <= 0.05,
        0.0,
        np.where(t >= 0.25, COST - K * a * 0.15, K * a * (t - 0.05) ** 2 / 0.4),
    )
    return float(2 * inner.mean())


def _evppi_rate() -> float:
    k = K * 10_000
    return 2 * k * (COST / k - 0.05) ** 2 / 0.4


def _evppi_amount() -> float:
    m = K * 0.15
    return 2 * m * (COST / m - 5_000) ** 2 / 20_000


def _option(folder: Path, name: str, women: int, cost: int, **extra: Any) -> Path:
    data: dict[str, Any] = {
        "name": name,
        "council": "C",
        "cohort": {"women_open": women, "birth_rate_per_woman_per_year": 0.15, "source": SOURCE},
        "unit_costs": ["t.yaml"],
        "horizon_years": 2,
        "programme_cost": {
            "total_gbp": cost,
            "prices": "real",
            "price_year": "2016/17",
            "source": SOURCE,
        },
        "discounting": {"schedule": "green-book-discount-rates"},
        "uncertainty": [
            {
                "input": RATE,
                "low": 0.05,
                "high": 0.25,
                "distribution": {"kind": "uniform", "low": 0.05, "high": 0.25},
                "source": SOURCE,
            },
            {
                "input": AMOUNT,
                "low": 5_000,
                "high": 15_000,
                "distribution": {"kind": "uniform", "low": 5_000, "high": 15_000},
                "source": SOURCE,
            },
            {"input": "cohort.women_open", "low": 1, "high": 40, "source": SOURCE},
        ],
    }
    data.update(extra)
    path = folder / f"{name}.yaml"
    path.write_text(dump_yaml(data))
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    table = [line(id="a", amount_gbp=10_000, first_year=1, last_year=2)]
    (tmp_path / "t.yaml").write_text(dump_yaml({"name": "t", "title": "T", "lines": table}))
    return tmp_path


def _pair(folder: Path, **extra: Any) -> tuple[Path, Path]:
    return (
        _option(folder, "drawn", 10, 50_000, **extra),
        _option(folder, "large", 20, 100_000, **extra),
    )


def test_the_closed_forms() -> None:
    # The figures the docstring works out, from its formulas.
    assert _evppi_rate() == pytest.approx(8_785.42, abs=0.01)
    assert _evppi_amount() == pytest.approx(4_263.71, abs=0.01)
    assert _evppi_rate() < _evpi() < _evppi_rate() + _evppi_amount() + 10_000


def test_evpi_evppi_and_a_group_against_their_closed_forms(folder: Path) -> None:
    drawn, large = _pair(folder)
    found = api.appraise([drawn, large], draws=100_000, seed=3, groups=[[RATE], [AMOUNT]])
    found_group = api.appraise([drawn, large], draws=100_000, seed=3, groups=[[RATE, AMOUNT]])
    assert found.evpi is not None
    assert found.evpi_mcse is not None
    assert found.evppi is not None
    assert found_group.evppi is not None
    # Each within four of its own reported Monte Carlo errors of its closed form.
    assert abs(float(found.evpi) - _evpi()) < 4 * float(found.evpi_mcse)
    by_input = {row.input: row for row in found.evppi}
    for name, expected in ((RATE, _evppi_rate()), (AMOUNT, _evppi_amount())):
        row = by_input[name]
        assert row.method == "restricted cubic spline, 7 knots"
        assert abs(float(row.value) - expected) < 4 * float(row.mcse), (name, row.value)
    [group] = found_group.evppi
    assert group.input == f"{RATE}+{AMOUNT}"
    assert group.inputs == [RATE, AMOUNT]
    assert group.method == "polynomial of total degree 3"
    assert group.terms == 10
    # Knowing both is knowing everything: the group's EVPPI is the EVPI on the same draws.
    assert float(group.value) == pytest.approx(float(found_group.evpi or 0), rel=1e-6)
    # The MCSE is the spread of the per-draw gain over sqrt(n): at 10^5 draws a few tens of
    # pounds, far below the figures.
    assert 10 < float(found.evpi_mcse) < 100


def test_the_population_and_a_study_beside_them(folder: Path) -> None:
    drawn, large = _pair(folder, value_of_information=POPULATION)
    found = api.appraise([drawn, large], draws=20_000, seed=1)
    # 10 decisions a year for 10 years at 3.5%, discounted continuously (voi's pop_voi):
    # 10 x (1 - e^-0.35) / 0.035 = 84.3749 decisions.
    factor = 10 * (1 - math.exp(-0.35)) / 0.035
    assert factor == pytest.approx(84.3749, abs=1e-4)
    assert found.population is not None
    assert float(found.population.factor) == pytest.approx(factor)
    assert float(found.evpi_population or 0) == pytest.approx(float(found.evpi or 0) * factor)
    for row in found.evppi or []:
        assert float(row.population or 0) == pytest.approx(float(row.value) * factor)
    shown = CliRunner().invoke(
        app, ["appraise", str(drawn), str(large), "--draws", "20000"], env={"COLUMNS": "100"}
    )
    assert shown.exit_code == 0, shown.output
    assert "Population: 10 decisions a year for 10 years at 3.5%" in shown.stdout
    assert "A study costing £20,000" in shown.stdout
    assert "Population" in shown.stdout.split("EVPPI: the value")[1]


def test_a_group_stated_in_the_scenario(folder: Path) -> None:
    drawn, large = _pair(folder, evppi_groups=[[AMOUNT, RATE]])
    found = api.appraise([drawn, large], draws=5_000, seed=1)
    assert [row.inputs for row in found.evppi or []] == [[AMOUNT, RATE], [RATE], [AMOUNT]]
    # voi, for funding the one option or not, values the same group beside each input.
    assert [AMOUNT, RATE] in [row.inputs for row in api.voi(drawn, draws=5_000).partial]


def test_a_stated_group_on_an_input_not_drawn_is_refused_where_it_is_written(
    folder: Path,
) -> None:
    drawn, large = _pair(folder, evppi_groups=[[RATE, "cohort.women_open"]])
    result = CliRunner().invoke(app, ["appraise", str(drawn), str(large), "--draws", "2000"])
    assert result.exit_code == 1
    [first, *_] = result.stderr.splitlines()
    assert re.match(rf"{re.escape(str(drawn))}:\d+:\d+: evppi_groups\.0\.1: ", first), first
    assert "cohort.women_open: EVPPI needs a drawn input; it has a range but no distribution" in (
        first
    )
    assert "Traceback" not in result.output


def test_the_refusals(folder: Path) -> None:
    drawn, large = _pair(folder)
    runner = CliRunner()

    def refused(*args: str) -> str:
        result = runner.invoke(app, ["appraise", str(drawn), *args])
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        return result.stderr.splitlines()[0]

    # Fewer draws than a group's regression needs: 10 terms x 50 is 500, never under 1,000.
    assert refused(str(large), "--draws", "999", "--evppi", f"{RATE}+{AMOUNT}") == (
        f"{drawn}: --draws: {RATE}+{AMOUNT}: 999 draws are too few for EVPPI's regression on "
        "2 input(s) (10 terms need 1,000 draws); ask for at least 1,000"
    )
    # An input that is not drawn, and one that is no uncertain input at all.
    assert refused(str(large), "--draws", "2000", "--evppi", "cohort.women_open").startswith(
        f"{drawn}: --evppi: cohort.women_open: EVPPI needs a drawn input; it has a range but "
        "no distribution"
    )
    assert refused(str(large), "--draws", "2000", "--evppi", "x.y").startswith(
        f"{drawn}: --evppi: x.y: EVPPI needs a drawn input; it is not an uncertain input"
    )
    # EVPPI asked for with no draws, or of options whose draws are not joint.
    assert refused(str(large), "--evppi", RATE) == (
        f"{drawn}: --evppi: EVPPI needs draws: give --draws N"
    )
    other = _option(folder, "other", 20, 100_000, uncertainty=[])
    assert refused(str(other), "--draws", "2000", "--evppi", RATE).startswith(
        f"{drawn}: --evppi: EVPPI needs joint draws"
    )
    # Two populations of decisions for one decision: the second option's is refused.
    one = _option(folder, "one", 10, 50_000, value_of_information=POPULATION)
    two = _option(folder, "two", 20, 100_000, value_of_information={**POPULATION, "years": 5})
    result = runner.invoke(app, ["appraise", str(one), str(two), "--draws", "2000"])
    assert result.exit_code == 1
    at = two.read_text().splitlines().index("value_of_information:") + 1
    assert result.stderr.splitlines()[0] == (
        f"{two}:{at}:1: value_of_information: differs from {one}'s: the options are one decision, "
        "whose value of information is scaled to one population of decisions"
    )


def test_a_group_of_more_than_eight_inputs_is_refused(folder: Path) -> None:
    # A cubic polynomial in 9 inputs would have C(12, 3) = 220 terms; 8 is the most.
    drawn, large = _pair(folder)
    group = "+".join([RATE, AMOUNT, *(f"x{number}.y" for number in range(7))])
    result = CliRunner().invoke(
        app, ["appraise", str(drawn), str(large), "--draws", "2000", "--evppi", group]
    )
    assert result.exit_code == 1
    assert (
        f"{drawn}: --evppi: {group}: a group of 9 inputs; at most 8 are learnt together (a "
        "cubic polynomial in 8 has 165 terms)"
    ) in result.stderr.splitlines()
