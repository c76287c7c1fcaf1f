"""The figures an output shows that are sums or readings of an estimate's own figures: each
year's net and cumulative net, the lines added by stage, the persistence the window carries,
the bridge's factor and the programme cost over the financial years.

They are added once, at the end of assembling an estimate, so the terminal, the page and the
workbook show one set of figures and no renderer adds anything up itself. Pure: the estimate
goes in, a new one comes out; nothing is read, printed or kept.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar, get_args

from pause_cost.model.tables import Stage
from pause_cost.results.economics import Calendar
from pause_cost.results.estimate import (
    Estimate,
    LineResult,
    ScenarioSummary,
    StageAmounts,
    YearAmounts,
)

ZERO = Decimal(0)
ONE = Decimal(1)
ResultT = TypeVar("ResultT")


def replace(result: ResultT, **changes: Any) -> ResultT:
    """A copy of a result with some fields changed: ``dataclasses.replace`` without running
    ``__init__`` again (the fields are already set), at a tenth of its cost, since this runs
    on every estimate a break-even or a sweep makes."""
    copy: ResultT = object.__new__(type(result))
    copy.__dict__.update(result.__dict__, **changes)
    return copy


def rolled_up(estimate: Estimate) -> Estimate:
    """The estimate with every roll-up an output shows filled in."""
    case = estimate.economics
    calendar = case.calendar
    return replace(
        estimate,
        scenario=_persistence(estimate.scenario),
        avoided_births=replace(estimate.avoided_births, factor=_factor(estimate)),
        by_year=_by_year(estimate.by_year, estimate.programme.cost_by_year_gbp),
        by_stage=by_stage(estimate.lines),
        economics=case if calendar is None else replace(case, calendar=_calendar(calendar)),
    )


def _persistence(scenario: ScenarioSummary) -> ScenarioSummary:
    """The months the window carries beyond the programme and gestation."""
    months = scenario.window_years * 12 - scenario.programme_months - scenario.gestation_months
    return replace(scenario, persistence_months=months)


def _factor(estimate: Estimate) -> Decimal:
    """The bridge's factor where there is a bridge, else costed / counted (1 when none)."""
    bridge = estimate.economics.bridge
    if bridge is not None:
        return bridge.factor
    births = estimate.avoided_births
    if births.costed is None or births.counted == 0:
        return ONE
    return births.costed / births.counted


def _by_year(years: list[YearAmounts], costs: list[Decimal]) -> list[YearAmounts]:
    """Each year after birth with the programme's cost in it, its net and the running net."""
    out = []
    cumulative = ZERO
    for index, year in enumerate(years):
        cost = costs[index] if index < len(costs) else ZERO
        net = year.total_gbp - cost
        cumulative += net
        out.append(
            replace(year, programme_cost_gbp=cost, net_gbp=net, cumulative_net_gbp=cumulative)
        )
    return out


def by_stage(lines: list[LineResult]) -> list[StageAmounts]:
    """The lines' horizon figures added by stage, in the journey's order (any stage the model
    does not name after, alphabetically); the council's total is cashable + internal."""
    sums: dict[Stage, dict[str, Decimal]] = {}
    for line in lines:
        by_class = sums.setdefault(line.stage, {})
        by_class[line.classification] = by_class.get(line.classification, ZERO) + line.horizon_gbp
    journey = get_args(Stage)
    order = sorted(
        sums, key=lambda stage: (journey.index(stage) if stage in journey else len(journey), stage)
    )
    stages = []
    for stage in order:
        cashable = sums[stage].get("cashable", ZERO)
        internal = sums[stage].get("internal", ZERO)
        stages.append(
            StageAmounts(
                stage=stage,
                cashable_gbp=cashable,
                internal_gbp=internal,
                total_gbp=cashable + internal,
                other_agencies_gbp=sums[stage].get("other_agency", ZERO),
            )
        )
    return stages


def _calendar(calendar: Calendar) -> Calendar:
    total = sum((year.programme_cost_gbp for year in calendar.years), ZERO)
    return replace(calendar, programme_cost_gbp=total)
