"""A published count of avoided births, given for a cohort in place of women x rate.

Rotherham's report publishes 15 avoided births for its 20 women; Y1 and Y2 are its per-birth
costs in year 1 and in each of years 2-5 (tests/test_economic_case.py gives them from the
published table: Y1 = 86,173.27, Y2 = 13,264.68).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_inputs
from tests.conftest import SCENARIOS, SOURCE
from tests.test_economic_case import Y1, Y2, WriteYaml

D = Decimal
COUNT_SOURCE = {"document": "An impact report", "location": "section 2.5, '15 pregnancies'"}
NEED = {"eligible_women": 270, "capacity_women_per_practice": 24, "source": SOURCE}


def counted(write_yaml: WriteYaml, count: Any, **more: Any) -> Path:
    """Rotherham 2020's cohort of 20 women given as a published count, on its own table."""
    cohort = {"women_open": 20, "avoided_births": {"count": count, "source": COUNT_SOURCE}}
    data = {
        "name": "counted",
        "council": "C",
        "cohort": {**cohort, "source": SOURCE, **more.pop("cohort", {})},
        "unit_costs": ["rotherham-2020-published"],
        **more,
    }
    return write_yaml("s.yaml", data)


def test_a_count_of_15_costs_exactly_as_rotherham_published(write_yaml: WriteYaml) -> None:
    # 15 births x Y1 = 15 x 86,173.27 = 1,292,599.05; over five years
    # 15 x (Y1 + 4 Y2) = 15 x (86,173.27 + 53,058.72) = 15 x 139,231.99 = 2,088,479.85.
    found = estimate(*load_inputs(counted(write_yaml, 15)))
    assert found.avoided_births.exact == found.avoided_births.counted == 15
    assert found.immediate.total_gbp == D("1292599.05") == 15 * Y1
    assert found.horizon.total_gbp == D("2088479.85") == 15 * (Y1 + 4 * Y2)
    assert found.scenario.birth_rate_per_woman_per_year is None
    assert "a published count, costed as given" in found.avoided_births.convention
    assert "An impact report" in found.avoided_births.convention
    (cohort,) = found.economics.cohorts
    assert cohort.birth_rate_per_woman_per_year is None
    assert cohort.births_source is not None
    assert cohort.births_source.document == "An impact report"


def test_a_fractional_count_is_rounded_only_where_the_scenario_rounds(
    write_yaml: WriteYaml,
) -> None:
    # 14.85 births, exact: 14.85 x 86,173.27 = 1,279,673.0595. Rounded half up: 15 births.
    exact = estimate(*load_inputs(counted(write_yaml, 14.85)))
    assert exact.immediate.total_gbp == D("1279673.0595")
    rounded = estimate(
        *load_inputs(counted(write_yaml, 14.85, avoided_births_counting="round_half_up"))
    )
    assert rounded.avoided_births.counted == 15
    assert rounded.immediate.total_gbp == D("1292599.05")


def test_the_scale_of_need_scales_the_count_per_woman_given(write_yaml: WriteYaml) -> None:
    # 270 eligible women x 15 births / 20 women = 202.5 births (no birth rate is invented);
    # at 139,231.99 a birth over five years: 202.5 x 139,231.99 = 28,194,477.975, shown as
    # £28,194,000 (to the nearest £1,000, an undated illustration). ceil(270 / 24) = 12.
    found = estimate(*load_inputs(counted(write_yaml, 15, scale_of_need=NEED)))
    scale = found.economics.scale
    assert scale is not None
    assert scale.practice_cohorts_needed == 12
    assert scale.avoided_births == D("202.5")
    assert scale.avoided_gbp == D("28194477.975")
    assert scale.avoided_rounded_gbp == 28194000
    assert "15 births / 20 women" in scale.basis
    assert "undated illustration" in scale.note


def test_the_rate_route_scales_as_before(write_yaml: WriteYaml) -> None:
    # Rotherham's 0.33 a year over 2.25 years: 270 x 0.33 x 2.25 = 200.475 births, rounded
    # half up (as the scenario counts) to 200: 200 x 139,231.99 = 27,846,398.
    path = write_yaml(
        "s.yaml",
        {"extends": str(SCENARIOS / "rotherham-2020.yaml"), "scale_of_need": NEED},
    )
    scale = estimate(*load_inputs(path)).economics.scale
    assert scale is not None
    assert scale.avoided_births == 200
    assert scale.avoided_gbp == D("27846398.00")
    assert scale.avoided_rounded_gbp == 27846000
    assert "0.33 births per woman per year x 2.25 years" in scale.basis


@pytest.mark.parametrize(
    ("cohort", "said"),
    [
        ({"birth_rate_per_woman_per_year": 0.33}, "gives both birth_rate_per_woman_per_year and"),
        ({"women_open": 0}, "avoided_births is given for 0 women"),
    ],
)
def test_bad_combinations_are_refused_where_they_are(
    write_yaml: WriteYaml, cohort: dict[str, Any], said: str
) -> None:
    path = counted(write_yaml, 15, cohort=cohort)
    with pytest.raises(InputError) as raised:
        load_inputs(path)
    (problem,) = raised.value.problems
    assert problem.key == "cohort"
    assert problem.line is not None
    assert said in problem.message


def test_a_cohort_with_neither_rate_nor_count_is_refused(write_yaml: WriteYaml) -> None:
    path = write_yaml(
        "s.yaml",
        {
            "name": "s",
            "council": "C",
            "cohort": {"women_open": 20, "source": SOURCE},
            "unit_costs": ["rotherham-2020-published"],
        },
    )
    with pytest.raises(InputError, match=re.escape("give birth_rate_per_woman_per_year")):
        load_inputs(path)
