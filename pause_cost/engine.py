"""The engine: an estimate is the scenario compiled, evaluated exactly, assembled with the
economic case, flagged, and checked against what was published.

This is the one place the layers meet: :mod:`pause_cost.core` compiles and evaluates (and
never imports the economic case), :mod:`pause_cost.economics` lays the evaluated figures out
as the case's results, :mod:`pause_cost.core.flags` and :mod:`pause_cost.core.published`
judge them. Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from pause_cost.core import flags
from pause_cost.core.compile import compile_case
from pause_cost.core.estimate import (
    _summary,
    _table_summary,
    births_summary,
    compile_scenario,
    line_results,
    periods,
    practices,
)
from pause_cost.core.evaluate import line_sums
from pause_cost.core.exact import evaluate_exactly, line_values
from pause_cost.core.facts import Facts
from pause_cost.core.plan import Plan
from pause_cost.core.published import check_published
from pause_cost.economics.business_case import business_case
from pause_cost.economics.case import Setting, economics
from pause_cost.economics.programme import priced_programme, programme
from pause_cost.economics.rollups import rolled_up
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import UnitCostTable
from pause_cost.results.estimate import Estimate, IndexSummary
from pause_cost.results.workbook import Layout

if TYPE_CHECKING:  # the model loads only where a price year asks for an index
    from pause_cost.model.discounting import DiscountSchedule
    from pause_cost.model.inputs import Inputs
    from pause_cost.model.splice import Index

__all__ = ["assemble", "compile_scenario", "estimate", "workbook_layout"]

ZERO = Decimal(0)


def estimate(
    scenario: Scenario,
    tables: Sequence[UnitCostTable],
    indices: Mapping[str, Index] | None = None,
    schedule: DiscountSchedule | None = None,
    nominal_index: Index | None = None,
    deflator: Index | None = None,
) -> Estimate:
    """Cost avoidance for a scenario, by year, period, classification and line.

    With a scenario ``price_year``, each line is uprated from its own price year with the
    index its line or table names (``indices`` must hold them; ``load_inputs`` loads them).
    ``schedule`` (the scenario's ``discounting``) and ``nominal_index`` (its
    ``nominal_cash``) are loaded by ``load_inputs`` too.
    """
    plan = compile_scenario(scenario, tables, indices)
    return assemble(
        scenario, plan, schedule=schedule, nominal_index=nominal_index, deflator=deflator
    )


def assemble(
    scenario: Scenario,
    plan: Plan,
    *,
    schedule: DiscountSchedule | None = None,
    nominal_index: Index | None = None,
    deflator: Index | None = None,
) -> Estimate:
    """Evaluate a compiled scenario for its births and put the result together."""
    case = compile_case(scenario, plan, schedule, deflator)
    found = evaluate_exactly(case)
    planned = list(case.cohorts)
    factor = found.factor
    births = births_summary(
        scenario,
        planned,
        exact=sum(found.expected, ZERO),
        counted=found.births,
        observed=sum((cohort.observed_births for cohort in planned), ZERO),
        costed=None if found.factor == 1 else found.costed,
    )
    by_year, immediate, horizon = periods(plan, found.by_year)
    lines = line_results(line_sums(plan, found.costed, *line_values(case)))
    running = practices(scenario)
    costed = programme(scenario.programme_cost, horizon.total_gbp, by_year, running)
    uplift = case.cost is not None and case.cost.uplift is not None
    if uplift or (case.cost_prices is not None and case.cost_prices.factors):
        costed = priced_programme(costed, found, horizon.total_gbp, len(by_year))
    the_case = economics(
        scenario,
        Setting(
            plan=plan,
            cohorts=planned,
            factor=factor,
            by_year=by_year,
            programme=costed,
            practices=running,
            case=case,
            evaluated=found,
            schedule=schedule,
            nominal_index=nominal_index,
        ),
    )
    indices = [
        IndexSummary(
            name=index.name,
            title=index.title,
            first_year=index.first_year,
            last_year=index.last_year,
            source=index.source,
            spliced_from=index.spliced_from,
            joins=index.joins,
            forecast_from=index.forecast_from,
        )
        for index in plan.indices_used
    ]
    tables = [_table_summary(table) for table in plan.tables]
    result = Estimate(
        scenario=_summary(scenario, planned),
        price_year=plan.price_year,
        price_indices=indices,
        tables=tables,
        avoided_births=births,
        immediate=immediate,
        horizon=horizon,
        by_year=by_year,
        lines=lines,
        programme=costed,
        published=None,
        economics=the_case,
        flags=flags.flags(Facts(scenario, lines, births, costed, indices, tables, the_case)),
    )
    rolled = rolled_up(result)
    rolled = replace(
        rolled,
        economics=replace(
            rolled.economics, business_case=business_case(scenario, plan.tables, rolled)
        ),
    )
    # Checked once rolled up: a claim's net and calendar terms read the rolled-up years.
    published = check_published(
        scenario.published,
        births,
        immediate,
        horizon,
        rolled.by_year,
        rolled.economics.calendar,
        scenario.name,
        rolled.lines,
        scenario.price_year,
    )
    return replace(rolled, published=published)


def workbook_layout(inputs: Inputs) -> Layout:
    """The compiled case's weights as the workbook writes them (see
    :mod:`pause_cost.economics.workbook`), for the same inputs as :func:`estimate`."""
    from pause_cost.core.discounting import rates_by_year
    from pause_cost.core.programme import programme_cost_by_year
    from pause_cost.economics.workbook import layout

    scenario, schedule = inputs.scenario, inputs.schedule
    plan = compile_scenario(scenario, inputs.tables, inputs.indices)
    case = compile_case(scenario, plan, schedule, inputs.deflator)
    rates = None
    if schedule is not None:
        rates = list(rates_by_year(schedule, len(case.periods) - 1))
    names = [cohort.name for cohort in case.cohorts]
    cost = scenario.programme_cost
    year_costs = (
        []
        if cost is None
        else programme_cost_by_year(cost, plan.horizon_years, practices(scenario))
    )
    return layout(case, evaluate_exactly(case), names, rates, year_costs)
