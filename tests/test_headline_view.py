"""The headline's view (a funder's own position, or the council's) and its words on coverage.

Figures worked by hand: 10 women x 0.4 births a year x 2.25 years = 9 births, on a table of one
line of £1,000 in year 1 (9 x 1,000 = £9,000 avoided); the programme costs £3,000, real at the
line's 2016/17 prices.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost import api
from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_inputs
from pause_cost.report.pack import headline
from pause_cost.results.headline import Headline
from tests.conftest import SOURCE, line, run
from tests.test_economic_case import TEN_WOMEN, WriteYaml

D = Decimal
COST = {"total_gbp": 3000, "prices": "real", "price_year": "2016/17", "source": SOURCE}
FUNDERS = [
    {"name": "The council", "kind": "council", "share_of_programme_cost": 0, "source": SOURCE},
    {"name": "A trust", "kind": "other", "share_of_programme_cost": 1, "source": SOURCE},
]
LEFT_OUT = [
    {"item": "The sheriff court", "reason": "no cost found"},
    {"item": "Adoption allowances", "reason": "no rate found"},
    {"item": "Aftercare", "reason": "beyond 18"},
]


def scenario(write_yaml: WriteYaml, *, coverage: bool = False, **more: Any) -> Path:
    table: dict[str, Any] = {"name": "t", "title": "T", "lines": [line(amount_gbp=1000)]}
    if coverage:
        table["coverage"] = {"stages": ["proceedings"], "left_out": LEFT_OUT}
    write_yaml("t.yaml", table)
    return write_yaml("s.yaml", {**TEN_WOMEN, "programme_cost": COST, **more})


def view_of(path: Path) -> Headline:
    found = estimate(*load_inputs(path)).economics.headline
    assert found is not None
    return found


def test_without_funders_the_headline_is_the_councils_against_the_whole_cost(
    write_yaml: WriteYaml,
) -> None:
    view = view_of(scenario(write_yaml))
    assert (view.view, view.view_kind, view.view_named) == ("council", "council", False)
    # 9,000 avoided against 3,000: 6,000 net, £3 for each £1.
    assert (view.avoided_gbp, view.cost_gbp, view.net_gbp) == (9000, 3000, 6000)
    assert view.return_per_pound == 3
    # The table states no coverage: the headline says so, but does not call it partial.
    assert view.partial is False
    assert view.coverage == (
        "counting what t costs, a table that does not say which parts of a child's journey it "
        "covers"
    )


def test_an_outside_funder_paying_the_whole_cost_leaves_the_council_no_loss(
    write_yaml: WriteYaml,
) -> None:
    # By default the council's funder: it pays 0 of the £3,000 and avoids £9,000: £9,000 net,
    # no ratio (it pays nothing). The whole-cost figures stay as they were (net £6,000).
    path = scenario(write_yaml, funders=FUNDERS)
    view = view_of(path)
    assert (view.view, view.view_kind, view.view_named) == ("The council", "funder", False)
    assert (view.cost_gbp, view.avoided_gbp, view.net_gbp) == (0, 9000, 9000)
    assert view.return_per_pound is None
    said = headline(api.estimate(path))
    assert "from The council's view, it pays £0 (its share) and avoids £9,000" in said
    assert "leaving it £9,000 net" in said


def test_a_named_view_gives_that_funders_own_position(write_yaml: WriteYaml) -> None:
    # The trust pays all £3,000 and none of the lines falls to it: £0 avoided, -£3,000 net.
    view = view_of(scenario(write_yaml, funders=FUNDERS, headline_view="A trust"))
    assert (view.view, view.view_named) == ("A trust", True)
    assert (view.cost_gbp, view.avoided_gbp, view.net_gbp) == (3000, 0, -3000)
    assert view.return_per_pound == 0


@pytest.mark.parametrize(
    ("more", "said"),
    [
        ({"funders": FUNDERS, "headline_view": "The NHS"}, "which is no funder; allowed: "),
        ({"headline_view": "A trust"}, "but the scenario has no funders"),
    ],
)
def test_a_view_that_names_no_funder_is_refused(
    write_yaml: WriteYaml, more: dict[str, Any], said: str
) -> None:
    with pytest.raises(InputError, match=re.escape(said)) as raised:
        load_inputs(scenario(write_yaml, **more))
    (problem,) = raised.value.problems
    assert problem.line is not None


def test_a_partial_table_is_named_in_the_sentence_that_gives_the_figure(
    write_yaml: WriteYaml,
) -> None:
    path = scenario(write_yaml, coverage=True)
    view = view_of(path)
    words = (
        "counting only the parts of a child's journey that t costs (by its own account it "
        "leaves out 3: the sheriff court; adoption allowances; and 1 more)"
    )
    assert view.partial
    assert view.coverage == words
    # The pack's headline: in the sentence giving the cost avoided, before its full stop.
    said = headline(api.estimate(path))
    assert f"of it in the first year, {words}." in said
    # The estimate's text and Markdown, and its JSON.
    for form in ("table", "markdown"):
        shown = run("estimate", str(path), "-f", form).stdout
        assert "Coverage: these figures are partial, counting only the parts" in " ".join(
            shown.split()
        )
    data = json.loads(run("estimate", str(path), "-f", "json").stdout)
    assert data["economics"]["headline"]["coverage"] == words
    assert data["economics"]["headline"]["partial"] is True


def test_a_table_covering_the_whole_journey_adds_no_words(write_yaml: WriteYaml) -> None:
    table = {
        "name": "t",
        "title": "T",
        "coverage": {"stages": ["proceedings"]},
        "lines": [line(amount_gbp=1000)],
    }
    write_yaml("t.yaml", table)
    path = write_yaml("s.yaml", {**TEN_WOMEN, "programme_cost": COST})
    view = view_of(path)
    assert (view.partial, view.coverage) == (False, None)
    assert "Coverage:" not in run("estimate", str(path)).stdout
