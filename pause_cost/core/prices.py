"""One price base: the programme's cost brought to the price year of the savings.

The Green Book states costs and benefits in real prices of one base year and converts cash to
real with the GDP deflator. The savings are in one price year when the scenario names one
(every line uprated to it) or every line is priced in the same year. A programme cost states
its prices: ``cash`` in the financial years it is spent (each year's cash x level(price year) /
level(that year)), or ``real`` at its own price year (x level(price year) / level(its year)).
The factors are rounded to :data:`FACTOR_PLACES` and shown, so the conversion can be checked by
hand.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import TYPE_CHECKING

from pause_cost.core.plan import Plan
from pause_cost.errors import PauseCostError
from pause_cost.model.scenario import ProgrammeCost, Scenario
from pause_cost.money import to_decimal

if TYPE_CHECKING:
    from pause_cost.core.compile import CostShape
    from pause_cost.model.splice import Index

FACTOR_PLACES = 6
"""Deflator factors are rounded to six places (a millionth), as they are shown."""


@dataclass(frozen=True, slots=True)
class CostPrices:
    """How the programme's cost was brought to the savings' price year."""

    price_year: str | None
    """The savings' one price year; None where lines are priced in several years."""
    stated: str
    """'cash', 'real' or 'not stated'."""
    cost_price_year: str | None
    """For a real cost, the price year it is stated at."""
    deflator: str | None
    factors: tuple[tuple[str, Decimal], ...]
    """Per period the cost falls in: (period, factor applied); empty where none is applied."""


def savings_price_year(plan: Plan) -> str | None:
    """The price year every saving is stated in: the scenario's, or the lines' one year."""
    if plan.price_year is not None:
        return plan.price_year
    years = {line.line.price_year for line in plan.lines}
    return years.pop() if len(years) == 1 else None


class PriceBaseError(PauseCostError, ValueError):
    """A programme cost that cannot be brought to the savings' prices: bad input, exit 1."""


def factor(deflator: Index, from_year: str, to_year: str) -> Decimal:
    """level(to) / level(from), rounded to :data:`FACTOR_PLACES`; refuses a year the
    deflator does not reach, saying which."""
    for year in (from_year, to_year):
        if not deflator.covers(year):
            raise PriceBaseError(
                f"programme_cost: the deflator {deflator.name} runs from {deflator.first_year} "
                f"to {deflator.last_year} and does not reach {year}: name a deflator that does "
                "(deflator:), or state the cost's prices in a year it covers"
            )
    exact = deflator.factor(from_year, to_year)
    return exact.quantize(Decimal(1).scaleb(-FACTOR_PLACES), rounding=ROUND_HALF_EVEN)


def cost_factors(
    cost: ProgrammeCost,
    plan: Plan,
    deflator: Index | None,
    periods: Sequence[str | None],
) -> CostPrices:
    """The factor for each period of the cost (None where none is known or none applies).

    ``periods`` are the financial years the cost's weights fall in (None where a period has no
    financial year: years after birth without a profile).
    """
    target = savings_price_year(plan)
    name = None if deflator is None else deflator.name
    if cost.prices is None or target is None:
        return CostPrices(target, cost.prices or "not stated", cost.price_year, name, ())
    if cost.prices == "real":
        assert cost.price_year is not None
        if cost.price_year == target:
            return CostPrices(target, "real", cost.price_year, name, ())
        if deflator is None:
            raise ValueError("programme_cost: a deflator is needed to convert the cost")
        one = factor(deflator, cost.price_year, target)
        return CostPrices(
            target,
            "real",
            cost.price_year,
            name,
            tuple((period or f"period {index + 1}", one) for index, period in enumerate(periods)),
        )
    if deflator is None:
        raise ValueError("programme_cost: a deflator is needed to convert cash")
    if any(period is None for period in periods):
        return CostPrices(target, "cash", None, name, ())  # years unknown: left as given
    found = []
    for period in periods:
        assert period is not None
        found.append((period, factor(deflator, period, target)))
    return CostPrices(target, "cash", None, name, tuple(found))


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros after the point (399340.168000 -> 399340.168)."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if exponent >= 0:
        return value
    places = -exponent
    while places > 0 and len(digits) > 1 and digits[-1] == 0:
        digits = digits[:-1]
        places -= 1
    return Decimal((sign, digits, -places))


def priced_shape(shape: CostShape, years: list[str | None], prices: CostPrices) -> CostShape:
    """The cost's weights x each period's factor, and its total weight to match."""
    if not prices.factors:
        return shape
    by_period = dict(prices.factors)
    weights: list[Decimal | None] = []
    index = 0
    for year, weight in zip(years, shape.weights, strict=True):
        if not weight:
            weights.append(weight)
            continue
        index += 1
        key = year if year is not None else f"period {index}"
        weights.append(weight * by_period[key])
    with localcontext() as context:
        context.prec = 60
        total = sum((weight for weight in weights if weight), Decimal(0)) / shape.divisor
    return replace(
        shape,
        weights=tuple(None if weight is None else plain(weight) for weight in weights),
        total_weight=plain(+total),
    )


def price_cost(
    cost: ProgrammeCost,
    shape: CostShape,
    plan: Plan,
    deflator: Index | None,
    periods: Sequence[str],
    calendar: bool,
) -> tuple[CostShape, CostPrices]:
    """The cost's shape brought to the savings' price year, and how: on a calendar each
    period is a financial year; without one a profile names its years, else none is known."""
    if calendar:
        years: list[str | None] = list(periods)
    elif cost.profile is not None:
        named = [year.financial_year for year in cost.profile]
        years = [*named, *([None] * (len(shape.weights) - len(named)))]
    else:
        years = [None] * len(shape.weights)
    present = [year for year, weight in zip(years, shape.weights, strict=True) if weight]
    prices = cost_factors(cost, plan, deflator, present)
    return priced_shape(shape, years, prices), prices


def cost_uplift(scenario: Scenario) -> Decimal | None:
    """The Green Book's optimism bias on costs, as a factor (1 + uplift); None if not given."""
    adjustments = scenario.adjustments
    if adjustments is None or adjustments.cost_optimism_bias is None:
        return None
    return Decimal(1) + to_decimal(adjustments.cost_optimism_bias.uplift)


def uplifted(shape: CostShape, factor: Decimal | None) -> CostShape:
    """The cost's weights and total x ``factor`` (optimism bias on costs)."""
    if factor is None:
        return shape
    return replace(
        shape,
        weights=tuple(None if weight is None else weight * factor for weight in shape.weights),
        total_weight=shape.total_weight * factor,
        uplift=factor,
    )
