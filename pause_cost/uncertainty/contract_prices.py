"""The contract's payments on the savings' price base.

The avoidance is in the savings' price year (real terms); a contract is paid in cash in the
financial years its outcomes fall due. To set the council's payments against its avoidance,
and beside the programme cost bought directly (brought to the same price year), each financial
year's payment is multiplied by the deflator's factor level(price year) / level(that year),
the same deflator and the same rounding (:data:`pause_cost.core.prices.FACTOR_PLACES`) the
programme cost uses; the factors are shown. Where no price year or deflator is known the
payments stay in cash and the figures say they mix price bases.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from pause_cost.core import contract as terms_of
from pause_cost.core.prices import factor

if TYPE_CHECKING:
    from pause_cost.model.splice import Index


@dataclass(frozen=True, slots=True)
class PaymentPrices:
    """The council's payments in cash and on the savings' price base, and how."""

    cash_gbp: Decimal
    real_gbp: Decimal
    """On the savings' price base; equal to cash where no conversion was possible."""
    price_year: str | None
    deflator: str | None
    factors: tuple[tuple[str, Decimal], ...]
    one_base: bool
    statement: str


def council_payments(
    years: dict[str, Decimal],
    council_share: Decimal,
    *,
    price_year: str | None,
    deflator: Index | None,
) -> PaymentPrices:
    """The council's share of each financial year's payments, deflated to ``price_year``."""
    cash = sum((amount * council_share for amount in years.values()), Decimal(0))
    if price_year is None or deflator is None:
        why = "the savings are in several price years" if price_year is None else "no deflator"
        return PaymentPrices(
            cash,
            cash,
            price_year,
            None,
            (),
            False,
            f"The council's position mixes price bases: its contract payments are in cash, not "
            f"converted ({why}), against an avoidance in the tables' prices.",
        )
    for year in years:
        if not deflator.covers(year):
            raise terms_of.ContractError(
                f"the deflator {deflator.name} runs from {deflator.first_year} to "
                f"{deflator.last_year} and does not reach the payments' financial year {year}: "
                "name a deflator that does (deflator:)"
            )
    factors = tuple((year, factor(deflator, year, price_year)) for year in years)
    real = sum(
        (years[year] * council_share * one for year, one in factors),
        Decimal(0),
    )
    shown = ", ".join(f"{year} x{one}" for year, one in factors)
    return PaymentPrices(
        cash,
        real,
        price_year,
        deflator.name,
        factors,
        True,
        f"Contract payments in cash by financial year, brought to {price_year} prices with "
        f"{deflator.name} ({shown}), the deflator the programme cost uses.",
    )
