"""The economic case: cash by financial year, funders' positions, present values, the
gross-to-net bridge, the evaluation's route and the scale of need, from one evaluation.

Every part is built only where the scenario asks for it, from the exact evaluation of the
compiled case (:func:`pause_cost.core.case.evaluate_case`), so a financial-year table adds up
to the horizon total, and the funders' savings to the council's total plus other agencies'.
The parts live in :mod:`~pause_cost.economics.cashflow`, :mod:`~pause_cost.economics.funders`
and :mod:`~pause_cost.economics.adjustments`.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from dataclasses import replace

from pause_cost.core.cohorts import PlannedCohort
from pause_cost.economics.adjustments import bridge, ex_post
from pause_cost.economics.cashable import cashable
from pause_cost.economics.cashflow import appraisal, calendar_table
from pause_cost.economics.funders import funders
from pause_cost.economics.headline import headline
from pause_cost.economics.perspectives import public_sector, with_returns
from pause_cost.economics.prices import price_base
from pause_cost.economics.routes import routes
from pause_cost.economics.scale import scale
from pause_cost.economics.setting import Setting
from pause_cost.model.scenario import Scenario
from pause_cost.results.economics import Basis, CohortResult, Economics

__all__ = ["PER_BIRTH_CONVENTION", "Setting", "economics"]

PER_BIRTH_CONVENTION = (
    "Year 1 is the first year after each avoided birth, all births and the programme's first "
    "year of cost placed together (Pause's own convention): no calendar is given."
)


def economics(scenario: Scenario, setting: Setting) -> Economics:
    """The case's parts the scenario asks for; the rest null."""
    basis: Basis = "financial_year" if setting.case.calendar else "year_after_birth"
    cal = calendar_table(scenario, setting) if setting.case.calendar else None
    found = Economics(
        cohorts=[_cohort_result(cohort) for cohort in setting.cohorts],
        timing=basis,
        calendar=cal,
        funders=with_returns(setting, funders(scenario, setting, basis)),
        appraisal=appraisal(scenario, setting, cal, basis),
        bridge=bridge(scenario, setting),
        routes=routes(scenario, setting),
        scale=scale(scenario, setting),
        ex_post=ex_post(setting),
        price_base=price_base(setting.case.cost_prices),
        public_sector=public_sector(setting),
        cashable=cashable(setting, setting.programme, list(setting.by_year), cal),
    )
    return replace(found, headline=headline(scenario, setting, found))


def _cohort_result(cohort: PlannedCohort) -> CohortResult:
    return CohortResult(
        name=cohort.name,
        start=None if cohort.start is None else str(cohort.start),
        women_open=cohort.women_open,
        birth_rate_per_woman_per_year=cohort.birth_rate_per_woman_per_year,
        expected_births_exact=cohort.expected_exact,
        expected_births_counted=cohort.expected_counted,
        observed_births=None if cohort.observed is None else cohort.observed_births,
        avoided_births=cohort.avoided,
        source=cohort.source,
        observed_source=None if cohort.observed is None else cohort.observed.source,
        births_source=None if cohort.given is None else cohort.given.source,
    )
