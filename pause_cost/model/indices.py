"""A price index: what uprates a cost from one financial year to another.

Publishers print indices in one of two forms, and an index file holds whichever its source
prints, exactly as printed, so that it can be checked against the page: annual percentage
increases (PSSRU's pay and prices indices) or index levels (HM Treasury's GDP deflator,
2016-17 = 100 and the like). The chaining is arithmetic here.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any, Self

from pydantic import Field, model_validator

from pause_cost.model.base import (
    InputModel,
    Number,
    PriceYear,
    Slug,
    Source,
    Text,
    financial_year,
    year_start,
)

HUNDRED = Decimal(100)

MAX_SPAN = Decimal(1_000_000_000)
"""The most an index may move over all its years, highest level over lowest: the ratio levels
from 0.001 to 1,000,000 allow. Every real index moves by far less (prices since 1950 by about
forty times); the bound keeps every uprated figure far inside exact arithmetic."""


def span_problem(index: PriceIndex | Any) -> str | None:
    """Why an index (or a splice) moves more over its years than :data:`MAX_SPAN`, or None."""
    first = year_start(index.first_year)
    levels = [
        index.factor(index.first_year, financial_year(start))
        for start in range(first, year_start(index.last_year) + 1)
    ]
    if max(levels) / min(levels) <= MAX_SPAN:
        return None
    return (
        f"the index moves by a factor of {max(levels) / min(levels):.2E} over its years "
        f"({index.first_year} to {index.last_year}); an index may move by at most "
        f"{MAX_SPAN:,} (levels from 0.001 to 1,000,000)"
    )


class PriceIndex(InputModel):
    """Annual increases or index levels, by financial year.

    The increase named 2017/18 is from 2016/17 to 2017/18; the level named 2017/18 is the
    index in 2017/18. A file gives one form or the other, never both.
    """

    name: Slug
    title: Text
    description: Text | None = None
    source: Source
    annual_increase_percent: dict[PriceYear, Number] | None = Field(
        default=None,
        min_length=1,
        description="Percentage increase on the previous financial year, as published.",
    )
    index_levels: dict[PriceYear, Number] | None = Field(
        default=None,
        min_length=2,
        description="The index in each financial year, as published (any base year).",
    )
    forecast_from: PriceYear | None = Field(
        default=None,
        description="The first year whose figure is a forecast, not outturn; outputs flag "
        "every use of a forecast year. Omitted: every year is outturn.",
    )

    @model_validator(mode="after")
    def _one_form_consecutive_plausible(self) -> Self:
        if (self.annual_increase_percent is None) == (self.index_levels is None):
            raise ValueError(
                "give either annual_increase_percent or index_levels (exactly one of them)"
            )
        years = sorted(self._series, key=year_start)
        if self.forecast_from is not None and self.forecast_from not in self._series:
            raise ValueError(
                f"forecast_from {self.forecast_from} is not one of the index's years "
                f"({years[0]} to {years[-1]})"
            )
        for earlier, later in itertools.pairwise(years):
            if year_start(later) != year_start(earlier) + 1:
                raise ValueError(
                    f"years must follow one another without gaps: {earlier} is followed by {later}"
                )
        if self.annual_increase_percent is not None:
            for year, percent in self.annual_increase_percent.items():
                if not -50 <= percent <= 50:
                    raise ValueError(
                        f"{year}: an annual increase of {percent}% is not plausible; "
                        "allowed: -50 to 50"
                    )
            problem = span_problem(self)
            if problem is not None:
                raise ValueError(problem)
        if self.index_levels is not None:
            for year, level in self.index_levels.items():
                # Levels are published near 100 (any base year); the bounds keep every ratio
                # of two levels, and so every uprated figure, far inside what JSON can carry.
                if not Decimal("0.001") <= level <= 1_000_000:
                    raise ValueError(
                        f"{year}: an index level of {level} is not plausible; "
                        "allowed: from 0.001 to 1,000,000"
                    )
        return self

    @property
    def _series(self) -> dict[str, Decimal]:
        series = self.index_levels or self.annual_increase_percent
        assert series is not None  # the validator guarantees one of them
        return series

    @property
    def joins(self) -> list[str]:
        """None: a published index is one series (a splice has joins)."""
        return []

    @property
    def spliced_from(self) -> list[str]:
        return []

    @property
    def first_year(self) -> str:
        """The earliest year a price can be uprated from.

        For increases, the year before the first increase; for levels, the first level.
        """
        first = min(map(year_start, self._series))
        return financial_year(first if self.index_levels is not None else first - 1)

    @property
    def last_year(self) -> str:
        return financial_year(max(map(year_start, self._series)))

    def covers(self, price_year: str) -> bool:
        return year_start(self.first_year) <= year_start(price_year) <= year_start(self.last_year)

    def factor(self, from_year: str, to_year: str) -> Decimal:
        """What a price in ``from_year`` is multiplied by to state it in ``to_year`` prices.

        Levels: the level in ``to_year`` over the level in ``from_year``. Increases: the
        product of (1 + increase / 100) over the years after ``from_year`` up to ``to_year``
        (its inverse when going back). Both years must be covered: there is no extrapolation.
        """
        for year in (from_year, to_year):
            if not self.covers(year):
                raise ValueError(
                    f"{self.name} covers {self.first_year} to {self.last_year}, not {year}"
                )
        if self.index_levels is not None:
            level = self.index_levels
            return level[to_year] / level[from_year]
        assert self.annual_increase_percent is not None
        start, end = sorted((year_start(from_year), year_start(to_year)))
        product = Decimal(1)
        for start_year in range(start + 1, end + 1):
            percent = self.annual_increase_percent[financial_year(start_year)]
            product *= 1 + percent / HUNDRED
        return product if year_start(to_year) >= year_start(from_year) else 1 / product
