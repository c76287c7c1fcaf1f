"""The region's Monte Carlo: every council run on the same draws by the compiled case's arrays
evaluator, the region's figures added draw by draw.

Invariants, not the code's output pasted back:
* two councils that are the same scenario draw every input once a draw and share it, so each
  draw of the region is twice one council's, and every figure of the region is twice the
  figure ``pause-cost simulate`` gives that scenario from the same seed (the first council's
  draws are simulate's own: the same generator, the same inputs in the same order);
* the seed is echoed and the same seed gives the same bytes;
* a council's own women are held, not drawn.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import yaml

from pause_cost import api
from pause_cost.exit_codes import ExitCode
from tests.conftest import REPO, run

UNCERTAIN = REPO / "scenarios" / "rotherham-2020-uncertain.yaml"
TWO = REPO / "tests" / "data" / "regions" / "two-councils.yaml"
MIDLANDS = REPO / "scenarios" / "regions" / "midlands-pause-hub.yaml"


def _twins(tmp_path: Path) -> Path:
    data = {
        "name": "twins",
        "title": "Twice the same council",
        "councils": [
            {"name": "First", "scenario": str(UNCERTAIN)},
            {"name": "Second", "scenario": str(UNCERTAIN)},
        ],
    }
    path = tmp_path / "twins.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_twin_councils_are_twice_simulate(tmp_path: Path) -> None:
    draws, seed = 5000, 11
    region = api.region(_twins(tmp_path), draws=draws, seed=seed)
    alone = api.simulate(UNCERTAIN, draws=draws, seed=seed)
    found = region.simulation
    assert found is not None
    assert found.seed == seed
    assert found.draws == draws
    by_name = {each.outcome: each for each in alone.outcomes}
    for each in found.outcomes:
        single = by_name[each.outcome]
        for field in ("mean", "p5", "p50", "p95"):
            twice = 2 * getattr(single, field)
            assert abs(getattr(each, field) - twice) <= Decimal("0.01") * 2, (each.outcome, field)
    first, second = found.councils
    assert first.p5 == second.p5
    assert first.p95 == second.p95
    assert all(driver.councils == ["First", "Second"] for driver in found.drivers)
    assert found.held == []


def test_the_seed_is_echoed_and_gives_the_same_bytes() -> None:
    first = run("region", TWO, "--simulate", "3000", "--seed", "5", "-f", "json")
    second = run("region", TWO, "--simulate", "3000", "--seed", "5", "-f", "json")
    other = run("region", TWO, "--simulate", "3000", "--seed", "6", "-f", "json")
    assert first.exit_code == 0, first.stderr
    assert first.stdout == second.stdout
    assert first.stdout != other.stdout
    simulation = json.loads(first.stdout)["simulation"]
    assert simulation["seed"] == 5
    assert simulation["draws"] == 3000
    assert "Seed 5, 3,000 draws" in run("region", TWO, "--simulate", "3000", "--seed", "5").stdout


def test_a_council_s_own_women_are_held_and_the_spread_brackets_the_point() -> None:
    region = api.region(TWO, draws=4000, seed=2)
    found = region.simulation
    assert found is not None
    assert found.held == ["Plymouth City Council: cohort.women_open"]
    assert found.outcome == "net"  # both councils have a programme cost
    net = next(each for each in found.outcomes if each.outcome == "net")
    assert net.point == region.net_gbp
    assert net.p5 < net.point < net.p95
    assert found.drivers[0].range.input == "cohort.birth_rate_per_woman_per_year"


def test_a_region_without_ranges_is_refused_cleanly() -> None:
    outcome = run("region", MIDLANDS, "--simulate", "100")
    assert outcome.exit_code == ExitCode.INVALID_INPUT
    assert "nothing to draw" in outcome.stderr
    assert "Traceback" not in outcome.stderr
    assert outcome.stdout == ""


def test_a_council_s_start_keeps_its_scenario_s_deflator() -> None:
    """The Midlands councils with ranges start in 2020-02 on a scenario whose programme cost is
    cash: the cost is still brought to the savings' prices (it once lost the deflator and
    stopped with an internal error). Each council's cost is its committed maximum, deflated,
    so below the cash figure; the region's net is the horizon less the four costs."""
    region = api.region(REPO / "scenarios" / "regions" / "midlands-pause-hub-ranges.yaml")
    cash = [Decimal(1004141), Decimal(55000), Decimal(794263), Decimal(704338)]
    costs = [row.programme_cost_gbp for row in region.councils]
    assert all(cost is not None and 0 < cost < paid for cost, paid in zip(costs, cash, strict=True))
    assert region.net_gbp == region.horizon_total_gbp - sum(c for c in costs if c is not None)


def test_twin_councils_drivers_and_errors_are_simulate_s(tmp_path: Path) -> None:
    """An invariant: the region of two identical councils is twice one council draw by draw,
    and doubling an outcome changes neither a standardised coefficient nor a variance share,
    so the region's drivers are simulate's own; each standard error is twice simulate's."""
    draws, seed = 5000, 11
    region = api.region(_twins(tmp_path), draws=draws, seed=seed)
    alone = api.simulate(UNCERTAIN, draws=draws, seed=seed, outcome="net")
    found = region.simulation
    assert found is not None
    assert found.outcome == "net"
    assert found.bit_generator == "PCG64"
    mine = {d.range.input: d for d in found.drivers}
    for driver in alone.drivers:
        other = mine[driver.range.input]
        assert other.first_order_share is not None
        assert driver.first_order_share is not None
        assert abs(other.first_order_share - driver.first_order_share) < Decimal("1e-9")
        assert other.standardised_coefficient is not None
        assert driver.standardised_coefficient is not None
        assert abs(other.standardised_coefficient - driver.standardised_coefficient) < Decimal(
            "1e-9"
        )
    single = {each.outcome: each for each in alone.outcomes}["net"]
    net = next(each for each in found.outcomes if each.outcome == "net")
    assert net.mean_mcse is not None
    assert single.mean_mcse is not None
    assert abs(net.mean_mcse - 2 * single.mean_mcse) <= Decimal("0.01")
