"""When avoided births can fall, and how they are counted: each figure worked by hand.

A woman is open once contraception is in place, so no birth the programme prevents falls before
month ``gestation_months``; Pause's count (rate x programme + gestation months) is the default,
the conception window (rate x programme months) the alternative; women may open over a ramp-up.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from pause_cost.core import timing
from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from tests.conftest import SOURCE, line, run

D = Decimal
WriteYaml = Callable[[str, Any], Path]


def scenario(write_yaml: WriteYaml, cohort: dict[str, Any], **extra: Any) -> Path:
    """20 women at 0.4 births a year on one £1,200 year-1 line, from April 2019."""
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line(amount_gbp=1200)]})
    base = {"women_open": 20, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE}
    data = {
        "name": "s",
        "council": "C",
        "cohort": {**base, "start": "2019-04", **cohort},
        "unit_costs": ["t.yaml"],
        **extra,
    }
    return write_yaml("s.yaml", data)


def test_default_weights_start_after_gestation() -> None:
    # 9 months of gestation, births over the 18 programme months after them: 0 x 9, 1 x 18.
    assert timing.births_after_gestation(9, 18) == (0,) * 9 + (1,) * 18


def test_a_ramp_up_spreads_each_womans_births_from_her_own_start() -> None:
    # Women open evenly over 3 months (starts k = 0, 1, 2); each start's births fall over
    # months k + 9 .. k + 26. Month 9 is reached by start 0 only (1), month 10 by 0 and 1 (2),
    # months 11-26 by all three (3), month 27 by starts 1 and 2 (2), month 28 by start 2 (1).
    weights = timing.births_after_gestation(9, 18, 3)
    assert weights == (0,) * 9 + (1, 2) + (3,) * 16 + (2, 1)
    assert sum(weights) == 3 * 18


def test_a_ramp_up_moves_births_later_never_their_number(write_yaml: WriteYaml) -> None:
    # 20 x 0.4 x 27/12 = 18 births. From April 2019 (month 0), 2019/20 holds months 0-11,
    # 2020/21 months 12-23, 2021/22 months 24-35. With a 3-month ramp (weights above, 54 in
    # all): 2019/20 has months 9, 10, 11 = 1 + 2 + 3 = 6, so 18 x 6/54 = 2 births; 2020/21
    # has 12 x 3 = 36, 12 births; 2021/22 has 3 + 3 + 3 + 2 + 1 = 12, 4 births.
    result = estimate(*load_inputs(scenario(write_yaml, {"ramp_up_months": 3})))
    assert result.avoided_births.counted == 18
    calendar = result.economics.calendar
    assert calendar is not None
    births = {year.financial_year: year.avoided_births for year in calendar.years}
    assert births["2019/20"] == 2
    assert births["2020/21"] == 12
    assert births["2021/22"] == 4
    # Without the ramp, one a month over months 9-26: 3, 12 and 3 births.
    plain = estimate(*load_inputs(scenario(write_yaml, {})))
    assert plain.economics.calendar is not None
    assert [year.avoided_births for year in plain.economics.calendar.years[:3]] == [3, 12, 3]


def test_the_conception_window_counts_the_programme_months_only(write_yaml: WriteYaml) -> None:
    # 20 x 0.4 x 18/12 = 12 births (Pause's convention: 20 x 0.4 x 27/12 = 18); named.
    path = scenario(write_yaml, {}, pause_window={"convention": "conception_window"})
    result = estimate(*load_inputs(path))
    assert result.avoided_births.exact == 12
    assert result.horizon.total_gbp == 12 * 1200
    assert result.avoided_births.convention == "conception window: rate x 18 programme months"
    default = estimate(*load_inputs(scenario(write_yaml, {})))
    assert default.avoided_births.exact == 18
    assert default.avoided_births.convention.startswith("Pause's convention: rate x 27 months")


def test_the_convention_is_named_where_births_are_shown(write_yaml: WriteYaml) -> None:
    result = run("estimate", str(scenario(write_yaml, {})))
    assert "Births counted by" in result.stdout
    assert "Pause's convention: rate x 27 months" in result.stdout


def test_a_profile_putting_births_in_the_gestation_months_is_flagged(
    write_yaml: WriteYaml,
) -> None:
    # 27 weights of 1: the first 9 carry 9/27 = 33.3% of the births.
    result = estimate(*load_inputs(scenario(write_yaml, {"birth_profile": [1] * 27})))
    flags = {flag.code: flag.message for flag in result.flags}
    assert "33.3% of its weight" in flags["births_before_gestation"]
    after = [0] * 9 + [1] * 18
    clean = estimate(*load_inputs(scenario(write_yaml, {"birth_profile": after})))
    assert "births_before_gestation" not in [flag.code for flag in clean.flags]


@pytest.mark.parametrize(
    ("cohort", "message"),
    [
        (
            {"ramp_up_months": 19},
            "cohort.ramp_up_months is 19, longer than the 18-month programme: women become "
            "open over the programme's first months, so give at most 18",
        ),
        (
            {"ramp_up_months": 2, "birth_profile": [1] * 27},
            "cohort gives both ramp_up_months and birth_profile",
        ),
    ],
)
def test_a_ramp_up_that_cannot_be_kept_is_refused(
    write_yaml: WriteYaml, cohort: dict[str, Any], message: str
) -> None:
    result = run("estimate", str(scenario(write_yaml, cohort)))
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_births_before_gestation_share_by_hand() -> None:
    # 9 of 27 equal weights: a third, to the decimal context's 28 digits.
    assert abs(Fraction(timing.before_gestation([D(1)] * 27, 9)) - Fraction(1, 3)) < Fraction(
        1, 10**27
    )
