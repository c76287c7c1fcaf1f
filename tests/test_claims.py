"""Published claims on stated terms, each expected figure worked by hand from the inputs.

Y1 and Y2 are Rotherham's per-birth costs in year 1 and in each of years 2-5, as
tests/test_economic_case.py gives them from the published table.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_inputs
from pause_cost.results.estimate import PublishedCheck
from tests.conftest import SCENARIOS, SOURCE, dump_yaml, line
from tests.test_economic_case import TEN_WOMEN, Y1, Y2, WriteYaml

D = Decimal


def with_claims(write_yaml: WriteYaml, base: str, claims: list[dict[str, Any]]) -> Path:
    """A shipped Rotherham scenario extended with claims (its own published figures kept)."""
    data = {
        "extends": str(SCENARIOS / f"{base}.yaml"),
        "published": {"source": SOURCE, "claims": claims},
    }
    return write_yaml("s.yaml", data)


def claim_checks(path: Path) -> list[PublishedCheck]:
    published = estimate(*load_inputs(path)).published
    assert published is not None
    return [check for check in published.checks if check.figure.startswith("claim_")]


def test_a_three_year_net_claim_takes_the_programme_cost_off_years_1_to_3(
    write_yaml: WriteYaml,
) -> None:
    # 15 births x (Y1 + 2 Y2) = 15 x (86,173.27 + 26,529.36) = 15 x 112,702.63 = 1,690,539.45;
    # less the £419,000 pilot, spent in year 1: 1,271,539.45, published as £1,271,539.
    path = with_claims(
        write_yaml,
        "rotherham-2020-with-pilot-cost",
        [{"gbp": 1271539, "years": 3, "basis": "net"}],
    )
    (check,) = claim_checks(path)
    assert check.figure == "claim_total_net_council_years_1_to_3_gbp"
    assert check.estimated == D("1271539.45")
    assert check.difference == 0
    # The same years gross are £419,000 more: a gross claim of the net figure is £419,000 short.
    gross = with_claims(
        write_yaml, "rotherham-2020-with-pilot-cost", [{"gbp": 1271539, "years": 3}]
    )
    (check,) = claim_checks(gross)
    assert (check.estimated, check.difference) == (D("1690539.45"), D(419000))


def test_a_council_and_others_claim_adds_other_agencies_costs(write_yaml: WriteYaml) -> None:
    # 10 women x 0.4 a year x 2.25 years = 9 births. Council: £1,000 a child in year 1 and
    # £100 in each of years 2-5; a court: £300 in year 1. Over years 1-2:
    # council 9 x (1,000 + 100) = 9,900; and others: + 9 x 300 = 2,700: 12,600.
    lines = [
        line(id="placement", amount_gbp=1000),
        line(id="support", amount_gbp=100, first_year=2, last_year=5),
        line(id="court", amount_gbp=300, classification="other_agency", agency="HMCTS"),
    ]
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": lines})
    path = write_yaml(
        "s.yaml",
        {
            **TEN_WOMEN,
            "published": {
                "source": SOURCE,
                "claims": [
                    {"gbp": 12600, "years": 2, "perspective": "council_and_others"},
                    {"gbp": 9900, "years": 2},
                ],
            },
        },
    )
    others, council = claim_checks(path)
    assert others.figure == "claim_total_gross_council_and_others_years_1_to_2_gbp"
    assert (others.estimated, others.difference) == (D(12600), D(0))
    assert (council.estimated, council.difference) == (D(9900), D(0))


def test_a_financial_year_window_sums_the_calendar_years(write_yaml: WriteYaml) -> None:
    # As tests/test_economic_case.py works out the calendar, with m = 5/72:
    # 2019/20 78 m Y1; 2020/21 m (123 Y1 + 78 Y2); together m (201 Y1 + 78 Y2).
    expected = Fraction(5, 72) * (201 * Y1 + 78 * Y2)
    published = round(expected)
    path = with_claims(
        write_yaml,
        "rotherham-2020-calendar",
        [
            {
                "gbp": published,
                "first_financial_year": "2019/20",
                "last_financial_year": "2020/21",
            }
        ],
    )
    (check,) = claim_checks(path)
    assert check.figure == "claim_total_gross_council_2019/20_to_2020/21_gbp"
    assert abs(Fraction(check.estimated) - expected) < Fraction(1, 10**6)
    assert check.difference == 0


def window(write_yaml: WriteYaml, first: str, last: str) -> Path:
    """Rotherham's calendar (2018/19 to 2025/26) with a claim over first to last."""
    claim = {"gbp": 1, "first_financial_year": first, "last_financial_year": last}
    return with_claims(write_yaml, "rotherham-2020-calendar", [claim])


def test_a_window_outside_the_calendar_is_refused_where_it_is(write_yaml: WriteYaml) -> None:
    path = window(write_yaml, "2019/20", "2030/31")
    with pytest.raises(InputError) as raised:
        estimate(*load_inputs(path))
    (problem,) = raised.value.problems
    assert problem.key == "published.claims.0.last_financial_year"
    assert "2030/31 is outside the calendar, which runs 2018/19 to 2025/26" in problem.message


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        ({"gbp": 1}, "a claim names its horizon"),
        ({"gbp": 1, "years": 9}, "9 years is beyond horizon_years (5)"),
        (
            {"gbp": 1, "first_financial_year": "2019/20", "last_financial_year": "2020/21"},
            "needs a calendar",
        ),
        (
            {"gbp": 1, "years": 2, "stream": "cashable", "perspective": "council_and_others"},
            "allowed with it: total",
        ),
    ],
)
def test_a_claim_on_terms_the_estimate_cannot_meet_is_refused(
    write_yaml: WriteYaml, claim: dict[str, Any], said: str
) -> None:
    path = with_claims(write_yaml, "rotherham-2020", [claim])
    with pytest.raises(InputError, match=re.escape(said)):
        load_inputs(path)


def test_claims_leave_the_published_figures_as_they_were(write_yaml: WriteYaml) -> None:
    # Rotherham 2020's own figures (the immediate and five-year totals, the cashable) still
    # reproduce to the pound beside a claim.
    path = write_yaml(
        "s.yaml",
        dump_yaml(
            {
                "extends": str(SCENARIOS / "rotherham-2020.yaml"),
                "published": {"claims": [{"gbp": 2088480, "years": 5}]},
            }
        ),
    )
    published = estimate(*load_inputs(path)).published
    assert published is not None
    assert [(check.figure, check.difference) for check in published.checks] == [
        ("avoided_births", 0),
        ("immediate_total_gbp", 0),
        ("horizon_cashable_gbp", 0),
        ("horizon_total_gbp", 0),
        ("claim_total_gross_council_years_1_to_5_gbp", 0),
    ]


def test_the_command_places_the_window_refusal_at_its_key(write_yaml: WriteYaml) -> None:
    from pause_cost import api

    path = window(write_yaml, "2017/18", "2019/20")
    with pytest.raises(InputError) as raised:
        api.estimate(path)
    (problem,) = raised.value.problems
    text = path.read_text(encoding="utf-8").splitlines()
    assert problem.line is not None
    assert "2017/18" in text[problem.line - 1]
    assert str(problem).startswith(f"{path}:{problem.line}:")
    assert "2017/18 is outside the calendar" in problem.message
