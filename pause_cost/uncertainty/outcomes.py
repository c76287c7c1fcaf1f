"""The figures a what-if is judged by, read from an estimate by name.

``net`` is the council's horizon total less the programme's cost; where a scenario gives no
cost it is the gross horizon total, and the analyses say so. ``npv`` needs the scenario's
``discounting``. ``payback`` counts years: years after each birth, or, on a calendar,
financial years from the first (1 is the first); never paying back is infinity.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

from pause_cost.core import formulas
from pause_cost.core.case import Evaluated
from pause_cost.core.compile import Case
from pause_cost.errors import PauseCostError
from pause_cost.results.estimate import Estimate

INFINITY = Decimal("Infinity")


def _net(result: Estimate) -> Decimal:
    net = result.programme.net_gbp
    return result.horizon.total_gbp if net is None else net


def _cashable_net(result: Estimate) -> Decimal:
    """Cashable cost avoided over the horizon less the programme's cost (the cashable-only
    net beside the total's); the cashable gross where no cost is given."""
    cost = result.programme.cost_gbp
    cashable = result.horizon.cashable_gbp
    return cashable if cost is None else formulas.net(cashable, cost)


NEEDS_DISCOUNTING = "npv needs the scenario's discounting (discounting: {schedule: ...})"
NEEDS_COST_RETURN = "return_per_pound needs the scenario's programme_cost"
NEEDS_COST_PAYBACK = "payback needs the scenario's programme_cost"


def _npv(result: Estimate) -> Decimal:
    appraisal = result.economics.appraisal
    if appraisal is None:
        raise OutcomeError(NEEDS_DISCOUNTING)
    return appraisal.npv_gbp


def _return_per_pound(result: Estimate) -> Decimal:
    ratio = result.programme.return_per_pound
    if ratio is None:
        raise OutcomeError(NEEDS_COST_RETURN)
    return ratio


def _payback(result: Estimate) -> Decimal:
    if result.programme.cost_gbp is None:
        raise OutcomeError(NEEDS_COST_PAYBACK)
    calendar = result.economics.calendar
    if calendar is not None:
        labels = [year.financial_year for year in calendar.years]
        found = calendar.payback_financial_year
        return INFINITY if found is None else Decimal(labels.index(found) + 1)
    year = result.programme.payback_year
    return INFINITY if year is None else Decimal(year)


class OutcomeError(PauseCostError, ValueError):
    """An outcome the scenario cannot give (npv without discounting, ...)."""


OUTCOMES: dict[str, Callable[[Estimate], Decimal]] = {
    "net": _net,
    "cashable_net": _cashable_net,
    "npv": _npv,
    "horizon_total": lambda result: result.horizon.total_gbp,
    "horizon_cashable": lambda result: result.horizon.cashable_gbp,
    "immediate_total": lambda result: result.immediate.total_gbp,
    "return_per_pound": _return_per_pound,
    "payback": _payback,
    "avoided_births": lambda result: result.avoided_births.counted,
}
"""Every outcome by name, in the order help and outputs list them."""

UNITS = {
    "net": "GBP",
    "cashable_net": "GBP",
    "npv": "GBP",
    "horizon_total": "GBP",
    "horizon_cashable": "GBP",
    "immediate_total": "GBP",
    "return_per_pound": "ratio",
    "payback": "years",
    "avoided_births": "births",
}


def outcome(result: Estimate, name: str) -> Decimal:
    """The named outcome of an estimate (OutcomeError if the scenario cannot give it)."""
    if name not in OUTCOMES:
        raise OutcomeError(f"unknown outcome {name!r}; outcomes: {', '.join(OUTCOMES)}")
    return OUTCOMES[name](result)


def is_gross(result: Estimate, name: str) -> bool:
    """Whether ``net`` stands for the gross total, the scenario having no programme cost."""
    return name in ("net", "cashable_net") and result.programme.cost_gbp is None


def finite(value: Decimal) -> bool:
    return value.is_finite() and not math.isinf(float(value))


def evaluated_outcome(case: Case, found: Evaluated[Decimal], name: str) -> Decimal:
    """The named outcome read from an exact evaluation of the case: the figure
    :func:`outcome` reads from the estimate of the same inputs."""
    if name == "net":
        return found.net
    if name == "cashable_net":
        cost = found.programme_total
        return found.horizon[0] if cost is None else formulas.net(found.horizon[0], cost)
    if name == "npv":
        if found.npv is None:
            raise OutcomeError(NEEDS_DISCOUNTING)
        return found.npv
    if name in ("horizon_total", "horizon_cashable", "immediate_total"):
        return {
            "horizon_total": found.horizon_total,
            "horizon_cashable": found.horizon[0],
            "immediate_total": found.immediate_total,
        }[name]
    if name == "avoided_births":
        return found.births
    total = found.programme_total
    if name == "return_per_pound":
        if total is None or not total > 0:
            raise OutcomeError(NEEDS_COST_RETURN)
        return formulas.return_per_pound(found.horizon_total, total)
    if total is None:
        raise OutcomeError(NEEDS_COST_PAYBACK)
    return _evaluated_payback(case, found)


def _evaluated_payback(case: Case, found: Evaluated[Decimal]) -> Decimal:
    from pause_cost.economics.calendar import payback_financial_year
    from pause_cost.economics.cashflow import cash_flow_rows
    from pause_cost.economics.programme import payback_year

    if case.calendar:
        rows = cash_flow_rows(case, found)
        label = payback_financial_year(rows)
        return INFINITY if label is None else Decimal(case.periods.index(label) + 1)
    years = case.horizon_years
    year = payback_year(found.council_by_period[:years], found.cost_by_period[:years])
    return INFINITY if year is None else Decimal(year)
