"""The case's cash flow: the calendar by financial year, its nominal view, and the appraisal.

Every figure comes from the one evaluation of the case
(:func:`pause_cost.core.case.evaluate_case`, exact); this module lays the figures out as the
budget paper's table and the economic case's present values.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pause_cost.core import timing
from pause_cost.core.case import Evaluated
from pause_cost.core.compile import CLASSIFICATIONS, Case, whole_months
from pause_cost.core.discounting import discount_factor, present_value
from pause_cost.core.exact import EXACT
from pause_cost.core.prices import savings_price_year
from pause_cost.economics.calendar import FinancialYearRow, payback_financial_year
from pause_cost.economics.prices import statement
from pause_cost.economics.setting import Setting
from pause_cost.model.scenario import Scenario
from pause_cost.results.economics import Appraisal, Basis, Calendar, CashYear, NominalYear

ZERO = Decimal(0)

CALENDAR_CONVENTION = (
    "Avoided births fall evenly over the months from gestation's end to the window's end "
    "(conceptions prevented in the programme's months are births prevented gestation_months "
    "later; none falls before), from each woman's start where the women open over a ramp-up, "
    "or by the cohort's birth profile; year y after a birth is the 12 months from the birth's "
    "month + 12(y - 1), its cost spread evenly over them; financial years run April to March."
)
DISCOUNT_CONVENTION = (
    "An amount in year t is discounted by t full "
    "years, at the rate of the band each year falls in, compounded; no mid-year adjustment."
)


def cash_labels(setting: Setting) -> list[str]:
    """The financial years the avoided cash spans, first to last."""
    case = setting.case
    return [timing.label(case.cash_first + index) for index in range(case.cash_years)]


def cash_flow_rows(case: Case, found: Evaluated[Decimal]) -> list[FinancialYearRow]:
    """The evaluated cash flow as the budget paper's rows, one a period."""
    return [
        FinancialYearRow(*row)
        for row in zip(
            case.periods,
            found.council_by_period,
            found.cost_by_period,
            found.net_by_period,
            found.cumulative_net,
            strict=True,
        )
    ]


def calendar_table(scenario: Scenario, setting: Setting) -> Calendar:
    """The budget paper's table: by financial year, what is avoided, spent, net, discounted."""
    case, found = setting.case, setting.evaluated
    assert found.cash is not None
    assert case.timings is not None
    labels = cash_labels(setting)
    columns = {
        classification: dict(zip(labels, found.cash[index], strict=True))
        for index, classification in enumerate(CLASSIFICATIONS)
    }
    births = timing.births_by_financial_year(
        list(zip(case.timings, found.cohort_births, strict=True))
    )
    rows = cash_flow_rows(case, found)
    schedule = setting.schedule
    years: list[CashYear] = []
    for offset, row in enumerate(rows):
        factor = None if schedule is None else discount_factor(schedule, offset)
        label = row.financial_year
        years.append(
            CashYear(
                financial_year=label,
                avoided_births=births.get(label, ZERO),
                cashable_gbp=columns["cashable"].get(label, ZERO),
                internal_gbp=columns["internal"].get(label, ZERO),
                total_gbp=row.avoided_gbp,
                other_agencies_gbp=columns["other_agency"].get(label, ZERO),
                programme_cost_gbp=row.cost_gbp,
                net_gbp=row.net_gbp,
                cumulative_net_gbp=row.cumulative_net_gbp,
                discount_year=None if schedule is None else offset,
                discount_factor=factor,
                present_value_net_gbp=None if factor is None else row.net_gbp * factor,
            )
        )
    return Calendar(
        window_months=whole_months(scenario),
        convention=CALENDAR_CONVENTION,
        years=years,
        payback_financial_year=(payback_financial_year(rows) if scenario.programme_cost else None),
        prices="real" if setting.nominal_index is None else "nominal",
        nominal_index=None if setting.nominal_index is None else setting.nominal_index.name,
        nominal_years=_nominal(scenario, setting, years),
    )


def _nominal(scenario: Scenario, setting: Setting, years: Sequence[CashYear]) -> list[NominalYear]:

    index = setting.nominal_index
    if index is None or scenario.nominal_cash is None:
        return []
    price_year = setting.plan.price_year
    assert price_year is not None  # the loader asks nominal_cash for a price_year
    forecast_from = index.forecast_from
    rows = []
    for year in years:
        if not index.covers(year.financial_year):
            continue  # flagged: beyond the index, the year's cash is left real
        inflation = index.factor(price_year, year.financial_year)
        rows.append(
            NominalYear(
                financial_year=year.financial_year,
                inflation_factor=inflation,
                forecast=forecast_from is not None
                and timing.financial_year_start(year.financial_year)
                >= timing.financial_year_start(forecast_from),
                total_gbp=year.total_gbp * inflation,
                programme_cost_gbp=year.programme_cost_gbp * inflation,
                net_gbp=year.net_gbp * inflation,
            )
        )
    return rows


def appraisal(
    scenario: Scenario, setting: Setting, cal: Calendar | None, basis: Basis
) -> Appraisal | None:
    """Present values, NPV and BCR as the evaluation gives them, with what they rest on."""
    schedule = setting.schedule
    found = setting.evaluated
    if schedule is None:
        return None
    assert found.pv_benefits is not None
    assert found.pv_costs is not None
    assert found.npv is not None
    if cal is not None:
        benefits = [year.total_gbp for year in cal.years]
        costs = [year.programme_cost_gbp for year in cal.years]
        others = [year.other_agencies_gbp for year in cal.years]
        year_zero = f"{cal.years[0].financial_year}, the first financial year of the cash flow"
    else:
        benefits = [year.total_gbp for year in setting.by_year]
        costs = found.cost_by_period if scenario.programme_cost is not None else []
        others = [year.other_agencies_gbp for year in setting.by_year]
        year_zero = "year 1 after each avoided birth (no calendar given)"
    benefits_gbp, costs_gbp = _exact_sum(benefits), _exact_sum(costs)
    return Appraisal(
        schedule=schedule.name,
        schedule_title=schedule.title,
        source=schedule.source,
        basis=basis,
        year_zero=year_zero,
        convention=_prices_stated(setting) + " " + DISCOUNT_CONVENTION,
        benefits_gbp=benefits_gbp,
        costs_gbp=costs_gbp,
        net_gbp=_exact_sum([benefits_gbp, costs_gbp.copy_negate()]),
        pv_benefits_gbp=found.pv_benefits,
        pv_costs_gbp=found.pv_costs,
        npv_gbp=found.npv,
        bcr=found.bcr,
        pv_other_agencies_gbp=present_value(list(enumerate(others)), schedule),
    )


def _exact_sum(amounts: Sequence[Decimal]) -> Decimal:
    from decimal import localcontext

    with localcontext(EXACT):
        return sum(amounts, ZERO)


def _prices_stated(setting: Setting) -> str:
    """The price base, stated beside every present value."""
    prices = setting.case.cost_prices
    if prices is not None:
        return statement(prices)
    year = savings_price_year(setting.plan)
    return f"Real terms, {year} prices." if year else "Lines in more than one price year."
