"""A price index: the published annual increases that uprate a cost from one year to another.

PSSRU publishes its pay and prices indices as annual percentage increases, not index levels,
so that is what an index file holds, exactly as printed; the chaining is arithmetic here.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Self

from pydantic import Field, model_validator

from pause_cost.base import InputModel, PriceYear, Slug, Source, Text, financial_year, year_start

HUNDRED = Decimal(100)


class PriceIndex(InputModel):
    """Annual increases by financial year; the increase named 2017/18 is from 2016/17."""

    name: Slug
    title: Text
    description: Text | None = None
    source: Source
    annual_increase_percent: dict[PriceYear, float] = Field(min_length=1)

    @model_validator(mode="after")
    def _consecutive_plausible_years(self) -> Self:
        years = sorted(self.annual_increase_percent, key=year_start)
        for earlier, later in itertools.pairwise(years):
            if year_start(later) != year_start(earlier) + 1:
                raise ValueError(
                    f"years must follow one another without gaps: {earlier} is followed by {later}"
                )
        for year, percent in self.annual_increase_percent.items():
            if not -50 <= percent <= 50:
                raise ValueError(
                    f"{year}: an annual increase of {percent}% is not plausible; allowed: -50 to 50"
                )
        return self

    @property
    def first_year(self) -> str:
        """The earliest year a price can be uprated from: the year before the first increase."""
        return financial_year(min(map(year_start, self.annual_increase_percent)) - 1)

    @property
    def last_year(self) -> str:
        return financial_year(max(map(year_start, self.annual_increase_percent)))

    def covers(self, price_year: str) -> bool:
        return year_start(self.first_year) <= year_start(price_year) <= year_start(self.last_year)

    def factor(self, from_year: str, to_year: str) -> Decimal:
        """What a price in ``from_year`` is multiplied by to state it in ``to_year`` prices.

        The product of (1 + increase / 100) over the years after ``from_year`` up to
        ``to_year`` (its inverse when going back). Both years must be covered: there is no
        extrapolation.
        """
        for year in (from_year, to_year):
            if not self.covers(year):
                raise ValueError(
                    f"{self.name} covers {self.first_year} to {self.last_year}, not {year}"
                )
        start, end = sorted((year_start(from_year), year_start(to_year)))
        product = Decimal(1)
        for start_year in range(start + 1, end + 1):
            percent = self.annual_increase_percent[financial_year(start_year)]
            product *= 1 + Decimal(repr(percent)) / HUNDRED
        return product if year_start(to_year) >= year_start(from_year) else 1 / product
