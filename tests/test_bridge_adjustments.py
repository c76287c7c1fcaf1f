"""The gross-to-net bridge as the anchors make it, worked by hand: GMCA's order, the removal
share on the lines at or after the removal decision only, displacement and leakage, and a
postponed share of births costed as a time shift.

Every scenario here is 10 women x 0.4 births a year x 2.25 years = 9 births, counted exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from pause_cost.api import pack as build_pack
from pause_cost.engine import estimate
from pause_cost.load.inputs import load_inputs
from pause_cost.report import xlsx
from tests.conftest import REPO, SOURCE, line, run
from tests.spreadsheet import recalculated
from tests.test_report_xlsx import wrong_cells

WriteYaml = Callable[[str, Any], Path]
D = Decimal
NINE_BIRTHS: dict[str, Any] = {
    "name": "s",
    "council": "C",
    "cohort": {"women_open": 10, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE},
    "unit_costs": ["t.yaml"],
}
BEFORE_PROCEEDINGS = {
    "stages": ["pre_birth_assessment", "proceedings"],
    "removal_decision": {
        "before": ["pre_birth_assessment"],
        "reason": "assessed whether or not a removal follows",
    },
}


def _table(write_yaml: WriteYaml, *lines: dict[str, Any], **extra: Any) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", **extra, "lines": list(lines)})


def test_the_bridge_runs_in_gmca_order_whatever_order_the_file_gives(
    write_yaml: WriteYaml,
) -> None:
    _table(write_yaml, line(amount_gbp=1000))
    adjustments = {  # written in the reverse of the bridge's order
        "optimism_bias": {"share": 0.1, "assumption": "data of middling confidence"},
        "attribution": {"share": 0.5, "source": SOURCE},
        "leakage": {"share": 0.2, "assumption": "one woman in five moves away"},
        "displacement": {"share": 0.1, "source": SOURCE},
        "deadweight": {"share": 0.1, "source": SOURCE},
    }
    path = write_yaml("s.yaml", {**NINE_BIRTHS, "adjustments": adjustments})
    result = estimate(*load_inputs(path))
    bridge = result.economics.bridge
    assert bridge is not None
    # Gross 9 x £1,000 = £9,000; deadweight x 9/10 = £8,100; displacement x 9/10 = £7,290;
    # leakage x 4/5 = £5,832; attribution x 1/2 = £2,916; optimism bias last, x 9/10 = £2,624.40.
    assert bridge.gross_gbp == 9000
    assert [(step.name, step.after_gbp) for step in bridge.steps] == [
        ("deadweight", 8100),
        ("displacement", 7290),
        ("leakage", 5832),
        ("attribution", 2916),
        ("optimism_bias", D("2624.4")),
    ]
    assert bridge.net_gbp == result.horizon.total_gbp == D("2624.4")
    # 9/10 x 9/10 x 4/5 x 1/2 x 9/10 = 2916/10000 of the births are costed.
    assert result.avoided_births.costed == 9 * D("0.2916")
    judged = next(flag for flag in result.flags if flag.code == "adjustments_applied")
    assert "leakage" in judged.message
    assert "optimism_bias" in judged.message


def test_the_removal_share_leaves_lines_before_the_removal_decision_whole(
    write_yaml: WriteYaml,
) -> None:
    _table(
        write_yaml,
        line(id="assess", amount_gbp=200, stage="pre_birth_assessment"),
        line(id="proceed", amount_gbp=1000, stage="proceedings"),
        coverage=BEFORE_PROCEEDINGS,
    )
    adjustments = {"removal_share": {"share": 0.5, "source": SOURCE}}
    path = write_yaml("s.yaml", {**NINE_BIRTHS, "adjustments": adjustments})
    result = estimate(*load_inputs(path))
    # The assessment is done for all 9 births: 9 x £200 = £1,800. Half of them would have
    # been removed: 9 x £1,000 x 1/2 = £4,500. Total £6,300, not (£1,800 + £9,000) / 2.
    by_line = {found.id: found.horizon_gbp for found in result.lines}
    assert by_line == {"assess": 1800, "proceed": 4500}
    assert result.horizon.total_gbp == 6300
    assert result.avoided_births.costed is None  # no step acts on the births
    bridge = result.economics.bridge
    assert bridge is not None
    assert bridge.gross_gbp == 10800  # 9 x (£200 + £1,000)
    (step,) = bridge.steps
    assert (step.name, step.change_gbp, step.after_gbp) == ("removal_share", -4500, 6300)
    assert step.factor == D("0.583333")  # 6,300 / 10,800 = 7/12, shown to 6 places


def test_a_table_without_a_removal_decision_is_scaled_whole(write_yaml: WriteYaml) -> None:
    _table(
        write_yaml,
        line(id="assess", amount_gbp=200, stage="pre_birth_assessment"),
        line(id="proceed", amount_gbp=1000, stage="proceedings"),
    )
    adjustments = {"removal_share": {"share": 0.5, "source": SOURCE}}
    path = write_yaml("s.yaml", {**NINE_BIRTHS, "adjustments": adjustments})
    result = estimate(*load_inputs(path))
    # Every line at or after the decision, as before tables said where it falls:
    # 9 x (£200 + £1,000) x 1/2 = £5,400.
    assert result.horizon.total_gbp == 5400


def test_a_postponed_share_is_costed_as_a_time_shift(write_yaml: WriteYaml) -> None:
    _table(
        write_yaml,
        line(id="care", amount_gbp=1200, first_year=1, last_year=5, stage="accommodation"),
        line(id="proceed", amount_gbp=2400, stage="proceedings"),
    )
    adjustments = {
        "postponement": {
            "share": 0.25,
            "delay_months": 18,
            "assumption": "a quarter of the births are put off by 18 months",
        }
    }
    path = write_yaml("s.yaml", {**NINE_BIRTHS, "adjustments": adjustments})
    result = estimate(*load_inputs(path))
    # A postponed birth still happens 18 months later: half of each year's cost after it
    # falls one year on, half two years on (each year's cost spread over its months).
    # Its costs in year y after the birth that was put off:
    #   care:    y1 0; y2 1/2 x 1,200 = 600; y3-y5 1/2 x 1,200 + 1/2 x 1,200 = 1,200
    #   proceed: y2 1/2 x 2,400 = 1,200; y3 1,200
    # Avoided per birth in year y = cost - 1/4 x the postponed birth's cost then:
    #   y1: 1,200 + 2,400                    = 3,600
    #   y2: 1,200 - 600/4 + 0 - 1,200/4      = 1,200 - 150 - 300 = 750
    #   y3: 1,200 - 1,200/4 - 1,200/4        = 600
    #   y4, y5: 1,200 - 1,200/4              = 900
    # x 9 births: 32,400; 6,750; 5,400; 8,100; 8,100 = 60,750 over five years.
    assert [year.total_gbp for year in result.by_year] == [32400, 6750, 5400, 8100, 8100]
    assert result.immediate.total_gbp == 32400
    assert result.horizon.total_gbp == 60750
    # The one-off falls within the horizon either way: the postponed quarter avoids none of
    # it, 9 x 2,400 x (1 - 1/4) = 16,200. The care years pushed past year 5 are avoided:
    # 9 x (6,000 - 1/4 x (600 + 3 x 1,200)) = 9 x 4,950 = 44,550.
    by_line = {found.id: found.horizon_gbp for found in result.lines}
    assert by_line == {"care": 44550, "proceed": 16200}
    bridge = result.economics.bridge
    assert bridge is not None
    assert bridge.gross_gbp == 75600  # 9 x (5 x 1,200 + 2,400)
    (step,) = bridge.steps
    assert (step.name, step.change_gbp, step.after_gbp) == ("postponement", -14850, 60750)


def test_a_whole_year_delay_moves_each_years_cost_one_year(write_yaml: WriteYaml) -> None:
    _table(write_yaml, line(id="proceed", amount_gbp=2400, stage="proceedings"))
    adjustments = {"postponement": {"share": 0.5, "delay_months": 12, "source": SOURCE}}
    path = write_yaml("s.yaml", {**NINE_BIRTHS, "adjustments": adjustments})
    result = estimate(*load_inputs(path))
    # Year 1: 9 x 2,400 = 21,600; year 2: the postponed half's cost, 9 x -1/2 x 2,400.
    assert [year.total_gbp for year in result.by_year] == [21600, -10800, 0, 0, 0]
    assert result.horizon.total_gbp == 10800


def test_removal_share_and_postponement_together(write_yaml: WriteYaml) -> None:
    _table(
        write_yaml,
        line(id="assess", amount_gbp=200, stage="pre_birth_assessment"),
        line(id="proceed", amount_gbp=1000, stage="proceedings"),
        coverage=BEFORE_PROCEEDINGS,
    )
    adjustments = {
        "deadweight": {"share": 0.1, "source": SOURCE},
        "postponement": {"share": 0.5, "delay_months": 12, "source": SOURCE},
        "removal_share": {"share": 0.5, "source": SOURCE},
    }
    path = write_yaml("s.yaml", {**NINE_BIRTHS, "adjustments": adjustments})
    result = estimate(*load_inputs(path))
    # Per birth: £200 + 1/2 x £1,000 = £700 in year 1; the postponed half's £700 in year 2
    # (-£350), all within five years. 9 births x 9/10 (deadweight) = 8.1 costed births:
    # year 1 8.1 x 700 = 5,670; year 2 8.1 x -350 = -2,835; total 2,835.
    assert [year.total_gbp for year in result.by_year][:2] == [5670, -2835]
    bridge = result.economics.bridge
    assert bridge is not None
    assert [(step.name, step.after_gbp) for step in bridge.steps] == [
        ("removal_share", 6300),  # 9 x 700
        ("postponement", 3150),  # 9 x (700 - 350)
        ("deadweight", 2835),
    ]
    assert bridge.net_gbp == result.horizon.total_gbp == 2835


def test_bad_adjustments_are_refused_at_their_keys(write_yaml: WriteYaml) -> None:
    _table(write_yaml, line())
    adjustments = {
        "leakage": {"share": 1.2, "source": SOURCE},
        "postponement": {"share": 0.5, "delay_months": 400, "source": SOURCE},
        "displacement": {"share": 0.1},
    }
    path = write_yaml("s.yaml", {**NINE_BIRTHS, "adjustments": adjustments})
    result = run("estimate", path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any("adjustments.leakage.share" in found and "1" in found for found in lines)
    assert any("adjustments.postponement.delay_months" in found for found in lines)
    assert any("adjustments.displacement" in found and "source" in found for found in lines)
    assert all(found.startswith(str(path)) for found in lines[:-1]), lines
    assert "Traceback" not in result.stderr


def test_a_removal_decision_before_a_stage_not_costed_is_refused(write_yaml: WriteYaml) -> None:
    coverage = {
        "stages": ["proceedings"],
        "removal_decision": {"before": ["pre_birth_assessment"], "reason": "a test"},
    }
    _table(write_yaml, line(), coverage=coverage)
    path = write_yaml("s.yaml", NINE_BIRTHS)
    result = run("estimate", path)
    assert result.exit_code == 1
    assert "coverage.removal_decision.before: pre_birth_assessment: not among the stages" in (
        result.stderr
    )


@pytest.mark.slow
def test_the_workbooks_formulas_carry_the_removal_share_and_postponement(
    tmp_path: Path,
) -> None:
    """Recalculated by Calc, every formula of the bridge case's workbook (the lines at or after
    the removal decision x the share, the postponed births' costs moved later) gives the
    engine's figure."""
    pack = build_pack(REPO / "tests" / "data" / "bridge" / "bottom-up-bridge.yaml")
    data, checks = xlsx.build(pack, cache=False)
    path = tmp_path / "bridge.xlsx"
    path.write_bytes(data)
    values = openpyxl.load_workbook(recalculated(path, tmp_path), data_only=True)
    assert wrong_cells(checks, values) == []
    lines = values["Lines"]
    assert lines.cell(1, 22).value == "Removal share applied"
    assert {lines.cell(row, 22).value for row in range(2, len(pack.estimate.lines) + 2)} == {
        1,
        0.8,
    }


def test_tables_compared_for_a_scenario_take_its_line_steps(write_yaml: WriteYaml) -> None:
    """Each table takes the removal share where its own coverage puts the decision, and the
    postponed births' moved costs, as an estimate would."""
    lines = (
        line(id="assess", amount_gbp=200, stage="pre_birth_assessment"),
        line(id="proceed", amount_gbp=1000, stage="proceedings"),
    )
    a = write_yaml(
        "a.yaml", {"name": "a", "title": "A", "coverage": BEFORE_PROCEEDINGS, "lines": list(lines)}
    )
    b = write_yaml("b.yaml", {"name": "b", "title": "B", "lines": list(lines)})
    _table(write_yaml, *lines)
    adjustments = {
        "removal_share": {"share": 0.5, "source": SOURCE},
        "postponement": {"share": 0.5, "delay_months": 12, "source": SOURCE},
        "deadweight": {"share": 0.1, "source": SOURCE},
    }
    path = write_yaml("s.yaml", {**NINE_BIRTHS, "adjustments": adjustments})
    result = run("compare", a, b, "--scenario", path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    # 9 births x 9/10 = 8.1 costed. A: £200 + 1/2 x £1,000 = £700 a birth in year 1, the
    # postponed half's £700 back in year 2: 8.1 x 700 x (1 - 1/2) = £2,835 over five years.
    # B (no decision stated): 1/2 x £1,200 = £600 a birth: 8.1 x 600 x 1/2 = £2,430.
    assert document["a_basis"]["births"] == document["b_basis"]["births"] == 8.1
    assert document["horizon"]["a"]["total_gbp"] == 2835
    assert document["horizon"]["b"]["total_gbp"] == 2430
    assert document["immediate"]["a"]["total_gbp"] == 5670  # 8.1 x 700
