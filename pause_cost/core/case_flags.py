"""The economic case's flags: gross or net, payback, the bridge's adjustments, observed births,
persistence, the scenario's own judgements, nominal cash and costs outside the programme.

Rules of :mod:`pause_cost.core.flags`, kept apart so each module stays small; the order in
which flags come out is :data:`pause_cost.core.flags.RULES`'.
"""

from __future__ import annotations

from pause_cost.core.facts import Facts
from pause_cost.core.timing import before_gestation
from pause_cost.model.base import year_start
from pause_cost.results.estimate import Flag


def gross_not_net(facts: Facts) -> Flag | None:
    if facts.programme.cost_gbp is not None:
        return None
    return Flag(
        code="gross_not_net",
        message="No programme cost given: figures are gross cost avoidance, not net "
        "of what the practice costs.",
    )


def no_payback_within_horizon(facts: Facts) -> Flag | None:
    programme = facts.programme
    if programme.cost_gbp is None or programme.payback_year is not None:
        return None
    return Flag(
        code="no_payback_within_horizon",
        message=f"Cumulative avoidance does not cover cumulative programme cost within "
        f"{facts.scenario.horizon_years} years.",
    )


def payback_per_birth_timing(facts: Facts) -> Flag | None:
    """Without a calendar, every birth and the first year's cost sit together in 'year 1'."""
    case = facts.economics
    if facts.programme.cost_gbp is None or case is None or case.calendar is not None:
        return None
    return Flag(
        code="payback_per_birth_timing",
        message="Payback rests on per-birth timing: every avoided birth and the programme's "
        "first year of cost are placed together in year 1. Give the cohort's start month "
        "for payback by council financial year.",
    )


def removal_share_assumed(facts: Facts) -> Flag | None:
    """Pause's premise, that each avoided birth would have led to a removal, is a default."""
    adjustments = facts.scenario.adjustments
    if adjustments is not None and adjustments.removal_share is not None:
        return None
    return Flag(
        code="removal_share_assumed",
        message="Every avoided birth is costed as a child who would have been removed into "
        "care (Pause's premise, the default); give adjustments.removal_share with a source "
        "to cost a share of them.",
    )


def adjustments_applied(facts: Facts) -> Flag | None:
    case = facts.economics
    if case is None or case.bridge is None:
        return None
    judged = [step.name for step in case.bridge.steps if step.source is None]
    steps = ", ".join(f"{step.name} x{step.factor}" for step in case.bridge.steps)
    return Flag(
        code="adjustments_applied",
        message=f"Cost avoidance is net of adjustments ({steps}): the council's avoidance "
        f"over the horizon is {case.bridge.share_of_gross} of gross; see the gross-to-net "
        "bridge." + (f" Judgements, not sourced: {', '.join(judged)}." if judged else ""),
    )


def observed_births_netted(facts: Facts) -> Flag | None:
    if facts.births.observed == 0:
        return None
    return Flag(
        code="observed_births_netted",
        message=f"{facts.births.observed} birth(s) observed on the programme are netted off "
        "the avoided births (ex-post); the forecast is shown beside the forecast less births "
        "observed.",
    )


def persistence_beyond_evidence(facts: Facts) -> Flag | None:
    persistence = facts.scenario.persistence
    if persistence is None:
        return None
    return Flag(
        code="persistence_beyond_evidence",
        message=f"The pause is assumed to last {persistence.months} months beyond the window: "
        "beyond the evidence (no study shows it lasting past the 27 months). "
        f"Assumption: {persistence.assumption}",
    )


def scenario_judgements(facts: Facts) -> Flag | None:
    """Judgements a scenario makes outside its tables: funders' shares, a practice's plan."""
    scenario = facts.scenario
    found = [
        f"funder {funder.name}: {funder.assumption}"
        for funder in scenario.funders or []
        if funder.assumption
    ]
    if scenario.practice is not None and scenario.practice.assumption:
        found.append(f"practice: {scenario.practice.assumption}")
    for cohort in [scenario.cohort, *(scenario.cohorts or [])]:
        if cohort is not None and cohort.observed is not None and cohort.observed.assumption:
            found.append(f"observed births: {cohort.observed.assumption}")
    if not found:
        return None
    return Flag(
        code="scenario_judgements",
        message="The scenario rests on judgements: " + "; ".join(found),
    )


def nominal_cash(facts: Facts) -> Flag | None:
    case = facts.economics
    if case is None or case.calendar is None or case.calendar.nominal_index is None:
        return None
    calendar = case.calendar
    forecast = [year.financial_year for year in calendar.nominal_years if year.forecast]
    covered = {year.financial_year for year in calendar.nominal_years}
    beyond = [year.financial_year for year in calendar.years if year.financial_year not in covered]
    if not forecast and not beyond:
        return None
    parts = []
    if forecast:
        parts.append(
            f"money-of-the-day cash for {', '.join(forecast)} uses {calendar.nominal_index}'s "
            "forecast, not outturn"
        )
    if beyond:
        parts.append(
            f"{', '.join(beyond)} lie beyond {calendar.nominal_index} and are not shown in "
            "money of the day"
        )
    return Flag(code="nominal_forecast", message="; ".join(parts).capitalize() + ".")


def cost_outside_programme(facts: Facts) -> Flag | None:
    """A programme cost in a financial year when no cohort is on the programme (a profile's
    year typed wrong, say) moves payback and present values without a word."""
    case = facts.economics
    if case is None or case.calendar is None or facts.scenario.programme_cost is None:
        return None
    starts = sorted(cohort.start for cohort in case.cohorts if cohort.start)
    if not starts:
        return None
    months = int(facts.scenario.pause_window.programme_months)
    first = year_of_month(starts[0])
    last = year_of_month(starts[-1], months - 1)
    outside = [
        year.financial_year
        for year in case.calendar.years
        if year.programme_cost_gbp and not first <= year_start(year.financial_year) <= last
    ]
    if not outside:
        return None
    return Flag(
        code="cost_outside_programme",
        message=f"Programme cost falls in {', '.join(outside)}, when no cohort is on the "
        "programme: check the cost profile's years.",
    )


def year_of_month(month: str, plus: int = 0) -> int:
    """The calendar year a financial year starts in, for the month ``plus`` months after."""
    year, number = int(month[:4]), int(month[5:7]) + plus
    year, number = year + (number - 1) // 12, (number - 1) % 12 + 1
    return year if number >= 4 else year - 1


def births_before_gestation(facts: Facts) -> Flag | None:
    """A birth profile that puts births in the first gestation months: no birth the programme
    prevents can fall before a conception it prevents has come to term."""
    scenario = facts.scenario
    given = [scenario.cohort] if scenario.cohort is not None else list(scenario.cohorts or [])
    gestation = int(scenario.pause_window.gestation_months)
    found = [
        (cohort.name or ("cohort" if len(given) == 1 else f"cohort {index + 1}"), share)
        for index, cohort in enumerate(given)
        if cohort.birth_profile is not None
        and (share := before_gestation(cohort.birth_profile, gestation)) > 0
    ]
    if not found:
        return None
    shares = ", ".join(f"{name} {share:.1%}" for name, share in found)
    return Flag(
        code="births_before_gestation",
        message=f"The birth profile puts avoided births in the first {gestation} months of the "
        f"window ({shares} of its weight), when a woman open at month 0 cannot yet have had a "
        "birth the programme prevents: those births, and their costs, fall too early.",
    )


def programme_cost_prices(facts: Facts) -> Flag | None:
    """A programme cost with no stated prices, or in cash that could not be converted."""
    case = facts.economics
    base = None if case is None else case.price_base
    if base is None:
        return None
    if base.cost_prices == "not stated":
        return Flag(
            code="programme_cost_prices_unstated",
            message="The programme cost states no prices (cash in the years it is spent, or "
            "real at a price year): net, the ratio and payback set it against cost avoided in "
            f"{base.price_year or 'several price years'} prices as if they were the same. Give "
            "programme_cost.prices.",
        )
    if base.cost_prices == "cash" and not base.factors and base.price_year is not None:
        return Flag(
            code="programme_cost_cash_not_converted",
            message=f"The programme cost is cash, but without a calendar or a profile its "
            f"financial years are not known, so it is not brought to {base.price_year} prices: "
            "net and the ratio mix cash with real cost avoided, and present values are refused. "
            "Give the cohort a start month, or the cost as a profile by financial year.",
        )
    return None


def optimism_bias_on_costs(facts: Facts) -> Flag | None:
    """The programme cost uplifted for optimism bias, as the Green Book applies it."""
    adjustments = facts.scenario.adjustments
    found = None if adjustments is None else adjustments.cost_optimism_bias
    if found is None:
        return None
    mitigation = f" Mitigation: {found.mitigation}." if found.mitigation else ""
    judged = " A judgement, not sourced." if found.source is None else ""
    return Flag(
        code="optimism_bias_on_costs",
        message=f"The programme cost is uplifted by {found.uplift:%} for optimism bias (Green "
        f"Book: an uplift on costs, reduced as risks are mitigated).{mitigation}{judged}",
    )
