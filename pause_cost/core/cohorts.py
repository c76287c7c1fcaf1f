"""The cohorts a scenario describes, and the births each one avoids.

A scenario gives one cohort, a list of cohorts, or a practice from which cohorts follow
(cohort after cohort, each ``programme_months`` long). Each cohort's expected births are
women x birth rate x window years, or the published count the cohort gives, counted as the
scenario says (Pause's tool rounded each cohort's births half up); births observed on the
programme (ex-post) are netted off, never below zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pause_cost.core import formulas
from pause_cost.model.base import Source
from pause_cost.model.births import GivenBirths
from pause_cost.model.economics import ObservedBirths
from pause_cost.model.month import Month
from pause_cost.model.scenario import Cohort, Scenario
from pause_cost.money import round_half_up, to_decimal

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class PlannedCohort:
    """One cohort as costed: who, when, and the births it avoids."""

    name: str
    start: Month | None
    women_open: int
    birth_rate_per_woman_per_year: Decimal | None
    """None where the cohort gives a published count of avoided births instead."""
    source: Source
    profile: tuple[Decimal, ...] | None
    observed: ObservedBirths | None
    ramp_up_months: int | None
    expected_exact: Decimal
    expected_counted: Decimal
    given: GivenBirths | None = None
    """A published count of avoided births, costed as given (``expected_exact`` is it)."""

    @property
    def observed_births(self) -> Decimal:
        return ZERO if self.observed is None else to_decimal(self.observed.births)

    @property
    def avoided(self) -> Decimal:
        """Expected births (as counted) less those observed, never below zero."""
        return formulas.netted_births(self.expected_counted, self.observed_births, _at_least_zero)


def window_months(scenario: Scenario) -> Decimal:
    """Programme plus gestation months, plus any persistence the scenario assumes."""
    window = scenario.pause_window
    months = to_decimal(window.programme_months) + to_decimal(window.gestation_months)
    if scenario.persistence is not None:
        months += to_decimal(scenario.persistence.months)
    return months


def window_years(scenario: Scenario) -> Decimal:
    """The window in years (Rotherham: (18 + 9) / 12 = 2.25)."""
    window = scenario.pause_window
    persistence = ZERO if scenario.persistence is None else to_decimal(scenario.persistence.months)
    return formulas.window_years(
        to_decimal(window.programme_months), to_decimal(window.gestation_months) + persistence
    )


def counting_years(scenario: Scenario) -> Decimal:
    """The years each woman's births are counted over, by the scenario's convention.

    Pause's (the default): the whole window, programme + gestation (+ persistence) months, as
    the published figures count them (Rotherham: 27 months, 2.25 years). The conception
    window: the programme's months (+ persistence) only, the months in which the programme
    prevents conceptions (Rotherham: 18 months, 1.5 years); the gestation months after it are
    when those births would have fallen, not more births.
    """
    window = scenario.pause_window
    if window.convention == "pause":
        return window_years(scenario)
    persistence = ZERO if scenario.persistence is None else to_decimal(scenario.persistence.months)
    return formulas.window_years(to_decimal(window.programme_months), persistence)


def convention_label(scenario: Scenario) -> str:
    """The counting convention, named as every output showing births names it."""
    window = scenario.pause_window
    years = counting_years(scenario)
    months = years * 12
    if window.convention == "pause":
        return (
            f"Pause's convention: rate x {months.normalize():f} months "
            "(programme + gestation), as the published figures count"
        )
    return f"conception window: rate x {months.normalize():f} programme months"


def births_label(scenario: Scenario, planned: list[PlannedCohort]) -> str:
    """How births were counted: the convention, or the published count a cohort gives."""
    given = [cohort for cohort in planned if cohort.given is not None]
    if not given:
        return convention_label(scenario)
    counts = "; ".join(
        f"{'' if len(planned) == 1 else cohort.name + ': '}"
        f"{to_decimal(cohort.given.count).normalize():f} as published"
        f" ({cohort.given.source.cite()})"
        for cohort in given
        if cohort.given is not None
    )
    if len(given) == len(planned):
        return f"a published count, costed as given, not women x rate: {counts}"
    return f"{convention_label(scenario)}; a published count for {counts}"


def count(scenario: Scenario, exact: Decimal) -> Decimal:
    """Births as the scenario counts them: exact, or rounded half up to whole births."""
    rounding = scenario.avoided_births_counting == "round_half_up"
    return formulas.counted_births(exact, rounding, round_half_up)


def _at_least_zero(value: Decimal) -> Decimal:
    return max(ZERO, value)


def cohorts(scenario: Scenario) -> list[PlannedCohort]:
    """Every cohort the scenario describes, in order, with its births."""
    years = counting_years(scenario)
    if scenario.practice is not None:
        return _from_practice(scenario, years)
    given = [scenario.cohort] if scenario.cohort is not None else list(scenario.cohorts or [])
    return [
        _planned(scenario, cohort, index, len(given), years) for index, cohort in enumerate(given)
    ]


def _planned(
    scenario: Scenario, cohort: Cohort, index: int, of: int, years: Decimal
) -> PlannedCohort:
    given = cohort.avoided_births
    if given is not None:
        rate = None
        exact = to_decimal(given.count)
    else:
        assert cohort.birth_rate_per_woman_per_year is not None  # the model holds one or other
        rate = to_decimal(cohort.birth_rate_per_woman_per_year)
        exact = formulas.avoided_births(Decimal(cohort.women_open), rate, years)
    return PlannedCohort(
        name=cohort.name or ("cohort" if of == 1 else f"cohort {index + 1}"),
        start=None if cohort.start is None else Month.parse(cohort.start),
        women_open=cohort.women_open,
        birth_rate_per_woman_per_year=rate,
        source=cohort.source,
        profile=None if cohort.birth_profile is None else tuple(cohort.birth_profile),
        observed=cohort.observed,
        ramp_up_months=cohort.ramp_up_months,
        expected_exact=exact,
        expected_counted=count(scenario, exact),
        given=given,
    )


def _from_practice(scenario: Scenario, years: Decimal) -> list[PlannedCohort]:
    practice = scenario.practice
    assert practice is not None
    programme_months = to_decimal(scenario.pause_window.programme_months)
    if programme_months != programme_months.to_integral_value():
        raise ValueError(
            "a practice's cohorts start whole months apart: programme_months must be whole"
        )
    first = Month.parse(practice.first_start)
    rate = to_decimal(practice.birth_rate_per_woman_per_year)
    full = practice.capacity_women * practice.practices
    planned = []
    for index in range(practice.cohorts):
        women = practice.ramp_up_women[index] if index < len(practice.ramp_up_women) else full
        exact = formulas.avoided_births(Decimal(women), rate, years)
        planned.append(
            PlannedCohort(
                name=f"cohort {index + 1}",
                start=first.plus(int(programme_months) * index),
                women_open=women,
                birth_rate_per_woman_per_year=rate,
                source=practice.source,
                profile=None,
                observed=None,
                ramp_up_months=None,
                expected_exact=exact,
                expected_counted=count(scenario, exact),
            )
        )
    return planned
