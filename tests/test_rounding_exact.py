"""Counting births half up is the exact rule on the Monte Carlo's arrays too.

The expected births here sit just below a half: exact arithmetic counts them down, while floats
plus the allowance that catches a half computed as 130.49999999999997 would count them up. Each
rate has more decimal places (13 to 16) than the allowance's argument assumes, so the arrays
must take each cohort's counted births from the exact engine when neither its women nor its rate
is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pause_cost.load.uncertainty import load_ranges
from pause_cost.uncertainty.draws import draw_values, evaluate_draws
from pause_cost.uncertainty.montecarlo import compile_for_draws, point_outcomes, simulate
from pause_cost.uncertainty.outcomes import outcome
from tests.conftest import line

WriteYaml = Callable[[str, Any], Path]

SCENARIO = """\
name: s
council: C
cohort:
  women_open: {women}
  birth_rate_per_woman_per_year: {rate}
  source: {{document: A test document, location: table 1}}
pause_window:
  programme_months: 3
  gestation_months: 9
avoided_births_counting: round_half_up
unit_costs: [t.yaml]
programme_cost:
  total_gbp: 10000
  source: {{document: A test document, location: table 1}}
uncertainty:
  - input: t/a.amount_gbp
    low: 500
    high: 1500
    distribution: {{kind: pert, low: 500, mode: 1000, high: 1500}}
    source: {{document: A test document, location: table 1}}
"""

# (women, rate, births counted by hand). The window is 3 + 9 = 12 months, one year, so the
# expected births are women x rate exactly:
#   1000 x 0.1304999999999999 = 130.4999999999999, below 130.5 by 1e-13: half up, 130;
#   1 x 1.4999999999999 = 1.4999999999999, below 1.5 by 1e-13: half up, 1.
# Floats with the allowance (1e-12 x the births, at least 1e-12) would count 131 and 2.
CASES = [(1000, "0.1304999999999999", 130), (1, "1.4999999999999", 1)]


@pytest.mark.parametrize(("women", "rate", "births"), CASES, ids=["16-places", "13-places"])
def test_births_just_below_a_half_count_as_the_exact_engine_counts_them(
    write_yaml: WriteYaml, women: int, rate: str, births: int
) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(id="a", amount_gbp=1000)]})
    path = write_yaml("s.yaml", SCENARIO.format(women=women, rate=rate))
    compiled = compile_for_draws(load_ranges(path))
    assert compiled.estimate.avoided_births.counted == births

    # One chunk of three draws of the line's amount: every draw counts what estimate counts.
    columns = [np.array([600.0, 1000.0, 1400.0])]
    found = evaluate_draws(compiled, draw_values(compiled, columns, 3))
    assert np.array_equal(np.broadcast_to(found.births, (3,)), [births] * 3)

    # At the point, every outcome is the estimate's: net = births x £1,000 - £10,000.
    point = point_outcomes(compiled)
    assert point["net"] == births * 1000 - 10000
    for name, value in point.items():
        exact = float(outcome(compiled.estimate, name))
        assert math.isclose(value, exact, rel_tol=1e-12, abs_tol=1e-6), (name, value, exact)

    # And simulate reports the estimate's net as its point.
    result = simulate(load_ranges(path), 1000, seed=1)
    net = next(summary for summary in result.outcomes if summary.outcome == "net")
    assert net.point == births * 1000 - 10000
