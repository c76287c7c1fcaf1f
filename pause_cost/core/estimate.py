"""The estimate's core parts: births, the bridge's factor, the scenario's tables compiled,
periods and lines laid out, and the summaries an estimate carries.

Pure: no files, no printing, no clock. Arithmetic is exact decimal throughout, so the same
inputs give the same figures to the penny on every machine. The estimate itself is put
together by :mod:`pause_cost.engine`, which composes this with the economic case, flags and
the published check (``estimate`` and ``assemble`` are reached here only for code written
before the engine existed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from pause_cost.core import formulas
from pause_cost.core.cohorts import PlannedCohort, births_label, cohorts, window_years
from pause_cost.core.evaluate import LineSums, YearSums
from pause_cost.core.plan import Plan, compile_tables
from pause_cost.model.economics import BY_LINE
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import UnitCostTable
from pause_cost.money import to_decimal
from pause_cost.results.estimate import (
    AvoidedBirths,
    CoverageSummary,
    LeftOutSummary,
    LineResult,
    Period,
    ScenarioSummary,
    TableSummary,
    YearAmounts,
)

if TYPE_CHECKING:  # the model loads only where a price year asks for an index
    from pause_cost.model.splice import Index

ZERO = Decimal(0)
ONE = Decimal(1)


def avoided_births(scenario: Scenario) -> AvoidedBirths:
    """Each cohort's women x births per woman per year x window years, counted as the scenario
    says, less births observed on the programme."""
    return _avoided(scenario, cohorts(scenario), ONE)


def _avoided(scenario: Scenario, planned: list[PlannedCohort], factor: Decimal) -> AvoidedBirths:
    counted = sum((cohort.avoided for cohort in planned), ZERO)
    return births_summary(
        scenario,
        planned,
        exact=sum((cohort.expected_exact for cohort in planned), ZERO),
        counted=counted,
        observed=sum((cohort.observed_births for cohort in planned), ZERO),
        costed=None if factor == ONE else counted * factor,
    )


def births_summary(
    scenario: Scenario,
    planned: list[PlannedCohort],
    *,
    exact: Decimal,
    counted: Decimal,
    observed: Decimal,
    costed: Decimal | None,
) -> AvoidedBirths:
    """The births an estimate reports: expected (exact), counted net of those observed, and
    costed (after the bridge's factor; None where the scenario has no bridge factor)."""
    return AvoidedBirths(
        exact=exact,
        counted=counted,
        counting=scenario.avoided_births_counting,
        convention=births_label(scenario, planned),
        observed=observed,
        costed=costed,
    )


def adjustment_factor(scenario: Scenario) -> Decimal:
    """The product of the bridge's adjustments on births (1 when the scenario asks for none);
    the removal share and postponement act on the lines (:func:`plan_line_values`)."""
    adjustments = scenario.adjustments
    if adjustments is None:
        return ONE
    factor: Decimal = formulas.bridge_factor(
        ONE, [(step, False) for name, step, _ in adjustments.steps() if name not in BY_LINE]
    )
    return factor


def practices(scenario: Scenario) -> int:
    """Practices running: the practice's count, else one."""
    return scenario.practice.practices if scenario.practice is not None else 1


def compile_scenario(
    scenario: Scenario,
    tables: Sequence[UnitCostTable],
    indices: Mapping[str, Index] | None = None,
) -> Plan:
    """The scenario's tables compiled at its price year, with its line overrides."""
    return compile_tables(
        tables,
        price_year=scenario.price_year,
        indices=indices or {},
        immediate_years=scenario.immediate_years,
        horizon_years=scenario.horizon_years,
        overrides=scenario.line_overrides,
    )


def periods(plan: Plan, by_year: YearSums) -> tuple[list[YearAmounts], Period, Period]:
    """Each year's amounts, then the immediate and horizon periods summed from them."""
    years = [
        YearAmounts(
            year=year,
            cashable_gbp=cashable,
            internal_gbp=internal,
            total_gbp=cashable + internal,
            other_agencies_gbp=other_agencies,
        )
        for year, (cashable, internal, other_agencies) in enumerate(by_year, start=1)
    ]
    return years, _period(years[: plan.immediate_years]), _period(years)


def _period(years: Sequence[YearAmounts]) -> Period:
    cashable = sum((year.cashable_gbp for year in years), ZERO)
    internal = sum((year.internal_gbp for year in years), ZERO)
    return Period(
        years=len(years),
        cashable_gbp=cashable,
        internal_gbp=internal,
        total_gbp=cashable + internal,
        other_agencies_gbp=sum((year.other_agencies_gbp for year in years), ZERO),
    )


def line_results(sums: Sequence[LineSums]) -> list[LineResult]:
    """Every line with its figures and the evidence behind them."""
    results = []
    for line_sums in sums:
        planned = line_sums.planned
        line = planned.line
        results.append(
            LineResult(
                table=planned.table,
                id=line.id,
                item=line.item,
                stage=line.stage,
                classification=line.classification,
                agency=line.agency,
                amount_gbp=planned.amount_gbp,
                unit=line.unit,
                quantity_per_child=planned.quantity_per_child,
                share_of_children=planned.share_of_children,
                first_year=line.first_year,
                last_year=line.final_year,
                per_avoided_birth_per_year_gbp=planned.per_birth_per_year_gbp,
                immediate_gbp=line_sums.immediate_gbp,
                horizon_gbp=line_sums.horizon_gbp,
                source=line.source,
                price_year=line.price_year,
                price_index=planned.price_index.name if planned.price_index else None,
                uprating_factor=planned.uprating_factor,
                derivation=line.derivation,
                assumption=line.assumption,
                fee_in_force_from=planned.fee_in_force_from,
                override=planned.override.reason if planned.override is not None else None,
            )
        )
    return results


def _summary(scenario: Scenario, planned: list[PlannedCohort]) -> ScenarioSummary:
    window = scenario.pause_window
    rates = {cohort.birth_rate_per_woman_per_year for cohort in planned}
    return ScenarioSummary(
        name=scenario.name,
        title=scenario.title,
        council=scenario.council,
        nation=scenario.nation,
        notes=scenario.notes,
        women_open=sum(cohort.women_open for cohort in planned),
        birth_rate_per_woman_per_year=rates.pop() if len(rates) == 1 else None,
        programme_months=to_decimal(window.programme_months),
        gestation_months=to_decimal(window.gestation_months),
        window_years=window_years(scenario),
        avoided_births_counting=scenario.avoided_births_counting,
        immediate_years=scenario.immediate_years,
        horizon_years=scenario.horizon_years,
        unit_costs=list(scenario.unit_costs),
        cohort_source=planned[0].source,
    )


def _table_summary(table: UnitCostTable) -> TableSummary:
    return TableSummary(
        name=table.name,
        title=table.title,
        edition=table.edition,
        lines=len(table.lines),
        price_years=table.price_years,
        nation=table.nation,
        coverage=coverage_summary(table),
    )


def coverage_summary(table: UnitCostTable) -> CoverageSummary | None:
    """What the table says its journey covers and leaves out (None where it does not say)."""
    if table.coverage is None:
        return None
    return CoverageSummary(
        stages=list(table.coverage.stages),
        left_out=[
            LeftOutSummary(item=gap.item, reason=gap.reason) for gap in table.coverage.left_out
        ],
    )
