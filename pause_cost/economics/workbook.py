"""The compiled case laid out for the workbook (:class:`~pause_cost.results.workbook.Layout`):
each cohort's timing weights over the case's periods, the cost per avoided birth by year after
birth, the programme cost's shape and the discount rates, so the workbook can write every
figure of the cash flow as a formula over its inputs.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.core.case import Evaluated
from pause_cost.core.compile import Case
from pause_cost.core.exact import ExactOps, line_values
from pause_cost.core.timing import financial_year_start
from pause_cost.results.workbook import CohortWeights, CostLayout, Layout


def layout(
    case: Case,
    found: Evaluated[Decimal],
    names: list[str],
    rates: list[Decimal] | None,
    year_costs: list[Decimal],
) -> Layout:
    """The case's weights as the workbook writes them (``names``: the cohorts', in order;
    ``rates``: the discount rate in per cent for years 1, 2, ... of the periods;
    ``year_costs``: the programme's cost by year after birth, as the estimate gives it)."""
    ops = ExactOps()
    # After a removal share and with a postponement's moved lines: what the Lines sheet's
    # column V and moved parts give, year by year.
    per_birth, _ = line_values(case)
    columns = [ops.line_sums(per_birth, matrix) for matrix in case.classes]
    count = len(case.plan.lines)
    cohorts: list[CohortWeights] = []
    if case.timings is not None:
        first = financial_year_start(case.periods[0])
        width = len(case.periods)
        for name, timing, births in zip(names, case.timings, found.cohort_births, strict=True):
            shift = timing.first_year - first

            def placed(row: tuple[int, ...], shift: int = shift) -> tuple[int, ...]:
                out = [0] * width
                for index, value in enumerate(row):
                    out[shift + index] = value
                return tuple(out)

            cohorts.append(
                CohortWeights(
                    name=name,
                    births_costed=births,
                    births=placed(timing.births),
                    weight=timing.weight,
                    costs=tuple(placed(row) for row in timing.costs),
                    denominator=timing.denominator,
                )
            )
    return Layout(
        periods=case.periods,
        calendar=case.calendar,
        cohorts=tuple(cohorts),
        per_birth=tuple(
            (columns[0][year], columns[1][year], columns[2][year])
            for year in range(case.horizon_years)
        ),
        line_years=tuple(
            (sum(row[: case.immediate_years]), sum(row))
            for row in (
                tuple(max(column) for column in zip(*rows, strict=True))
                for rows in list(zip(*case.classes, strict=True))[:count]
            )
        ),
        cost=_cost(case, found),
        year_shares=_shares(year_costs),
        rates=None if rates is None else tuple(rates),
        discounts=None
        if case.discounts is None
        else tuple(
            Decimal(factor.numerator) / Decimal(factor.denominator) for factor in case.discounts
        ),
        funders=tuple(
            (funder.name, tuple(int(any(row)) for row in funder.lines[:count]))
            for funder in case.funders
        ),
    )


def _cost(case: Case, found: Evaluated[Decimal]) -> CostLayout | None:
    shape = case.cost
    if shape is None:
        return None
    given = shape.given or shape.weights
    known = () if case.cost_prices is None else case.cost_prices.factors
    factors: list[Decimal | None] = [None] * len(given)
    if known:  # one factor for each period the cost falls in, in order
        applied = iter(known)
        factors = [next(applied)[1] if weight else None for weight in given]
    return CostLayout(
        path=shape.path,
        value=shape.value,
        given=given,
        divisor=shape.divisor,
        factors=tuple(factors),
        uplift=shape.uplift,
        by_period=tuple(found.cost_by_period),
    )


def _shares(amounts: list[Decimal]) -> tuple[Decimal, ...]:
    """Each amount's share of their total (none where the total is 0)."""
    total = sum(amounts, Decimal(0))
    if total == 0:
        return tuple(Decimal(0) for _ in amounts)
    return tuple(amount / total for amount in amounts)
