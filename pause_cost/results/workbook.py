"""What the workbook needs of the compiled case to write its figures as formulas: each cohort's
timing weights by financial year, the cost per avoided birth by year after birth, the
programme cost's shape over the periods, and the discount rates by year.

Not part of the estimate's JSON: the compiled case's own weights, laid out so that every
figure of the cash flow can be recomputed in a spreadsheet from the inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class CohortWeights:
    """One cohort's timing weights over the case's periods, in whole numbers."""

    name: str
    births_costed: Decimal
    """The cohort's avoided births x the bridge's factor."""
    births: tuple[int, ...]
    """Per period: the weight of the cohort's births falling there (over ``weight``)."""
    weight: int
    costs: tuple[tuple[int, ...], ...]
    """Per year after birth, per period: one birth's cost falling there (over
    ``denominator``)."""
    denominator: int


@dataclass(frozen=True, slots=True)
class CostLayout:
    """The programme's cost by period: ``value`` x ``given`` / ``divisor`` x factor x uplift."""

    path: str | None
    """The input that sizes it (programme_cost.total_gbp, .per_year_gbp); None: a profile,
    whose ``given`` weights are its amounts."""
    value: Decimal
    given: tuple[Decimal | None, ...]
    """Per period, the weight as the cost gives it (months, years or a profile's amount, x
    practices paid for), before prices and uplift; None where nothing falls."""
    divisor: int
    factors: tuple[Decimal | None, ...]
    """Per period, the factor that brings the cost to the savings' price year (None: none)."""
    uplift: Decimal | None
    """Optimism bias on costs as a factor (None: none)."""
    by_period: tuple[Decimal, ...]
    """The engine's cost by period, for the checks."""


@dataclass(frozen=True, slots=True)
class Layout:
    """The compiled case as the workbook lays it out."""

    periods: tuple[str, ...]
    calendar: bool
    cohorts: tuple[CohortWeights, ...]
    """On a calendar, each cohort's weights (empty without one)."""
    per_birth: tuple[tuple[Decimal, Decimal, Decimal], ...]
    """Per year after birth: one avoided birth's cashable, internal and other agencies' cost."""
    line_years: tuple[tuple[int, int], ...]
    """Per line: the years it falls in within the immediate period and within the horizon."""
    cost: CostLayout | None
    year_shares: tuple[Decimal, ...]
    """Per year after birth: the share of the programme's cost the years-after-birth view puts
    there (all in year 1 for a total)."""
    rates: tuple[Decimal, ...] | None
    """The discount rate in per cent for years 1, 2, ... of the periods (None: no
    discounting)."""
    discounts: tuple[Decimal, ...] | None = None
    """Each period's discount factor (None: no discounting)."""
    funders: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """Each funder (then those not funding): its name, and per line 1 where the line's
    savings fall to it."""
