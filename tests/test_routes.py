"""The evaluation's route like for like, worked by hand.

A £360,000 programme over one 18-month cohort from April 2019 is £360,000 / 1.5 = £240,000 per
practice-year. One £1,000 line in year 1; 10 women x 0.4 x 27/12 = 9 births; the per-woman span
is the 27-month window plus the infant year, 39 months.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from tests.conftest import SOURCE, line

D = Decimal
WriteYaml = Callable[[str, Any], Path]


def scenario(write_yaml: WriteYaml, **route: Any) -> Path:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=1000)]})
    cohort = {
        "women_open": 10,
        "birth_rate_per_woman_per_year": 0.4,
        "source": SOURCE,
        "start": "2019-04",
    }
    data = {
        "name": "s",
        "council": "C",
        "cohort": cohort,
        "unit_costs": ["t.yaml"],
        "programme_cost": {"total_gbp": 360000, "source": SOURCE},
        "evaluation_route": {
            "months_before_effect": 12,
            "infants_per_practice_per_year": 14.4,
            "published_return_per_pound": 4.5,
            "source": SOURCE,
            **route,
        },
    }
    return write_yaml("s.yaml", data)


def test_two_practices_over_four_years(write_yaml: WriteYaml) -> None:
    result = estimate(*load_inputs(scenario(write_yaml, practices=2, years_open=4)))
    routes = result.economics.routes
    assert routes is not None
    evaluation = routes.evaluation
    # Cost: £240,000 per practice-year x 2 practices x 4 years = £1,920,000 (not one cohort's
    # £360,000). Effect: 2 x (4 - 1) years x 14.4 = 86.4 infants x £1,000 = £86,400; 0.045 per £1.
    assert evaluation.cost_per_practice_year_gbp == 240000
    assert evaluation.practice_years == 8
    assert evaluation.programme_cost_gbp == 1920000
    assert evaluation.units == D("86.4")
    assert evaluation.avoided_gbp == 86400
    assert evaluation.return_per_pound == D("0.045")
    # 48 months open against the per-woman 39: no ratio between the routes.
    assert (evaluation.span_months, routes.per_woman.span_months) == (48, 39)
    assert routes.ratio is None
    assert "basis not comparable" in routes.note


def test_by_default_the_routes_span_the_same_months(write_yaml: WriteYaml) -> None:
    # Years open default to 39/12 = 3.25: 1 x (3.25 - 1) x 14.4 = 32.4 infants against 9
    # births, a ratio of 3.6; cost £240,000 x 3.25 = £780,000.
    result = estimate(*load_inputs(scenario(write_yaml, practices=1)))
    routes = result.economics.routes
    assert routes is not None
    assert routes.evaluation.units == D("32.4")
    assert routes.evaluation.programme_cost_gbp == 780000
    assert routes.ratio == D("3.6")
