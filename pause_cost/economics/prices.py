"""The price base stated: what prices every figure is in, and how the cost got there."""

from __future__ import annotations

from pause_cost.core.prices import CostPrices
from pause_cost.results.economics import CostFactor, PriceBase


def price_base(prices: CostPrices | None) -> PriceBase | None:
    """The compiled case's price conversion as the results state it (None without a cost)."""
    if prices is None:
        return None
    return PriceBase(
        price_year=prices.price_year,
        cost_prices=prices.stated,
        cost_price_year=prices.cost_price_year,
        deflator=prices.deflator,
        factors=[CostFactor(period=period, factor=factor) for period, factor in prices.factors],
        statement=statement(prices),
        one_base=one_base(prices),
    )


def one_base(prices: CostPrices) -> bool:
    """Whether the cost is in the savings' one price year: stated, and dated where cash."""
    if prices.price_year is None or prices.stated == "not stated":
        return False
    return not (prices.stated == "cash" and not prices.factors)


def statement(prices: CostPrices) -> str:
    """The price base in one sentence."""
    year = prices.price_year
    base = (
        f"Real terms, {year} prices"
        if year is not None
        else "Lines in more than one price year (no one price base)"
    )
    if prices.stated == "not stated":
        return f"{base}; the programme cost states no prices, so it is set against them as given."
    if prices.factors:
        shown = ", ".join(f"{period} x{factor}" for period, factor in prices.factors)
        given = "cash" if prices.stated == "cash" else f"real at {prices.cost_price_year}"
        return (
            f"{base}; programme cost given in {given}, converted with {prices.deflator} ({shown})."
        )
    if prices.stated == "cash":
        return (
            f"{base}; programme cost in cash, its financial years not known, so not converted "
            "to them."
        )
    return f"{base}; programme cost stated at {prices.cost_price_year} prices."
