"""A spliced index: one published index up to a year, then another from it on.

Where the index a table's costs belong to ends before the price year a council needs (PSSRU
has published no pay and prices index for 2024/25), a table may declare a splice, as data with
its own source and reason: the PSS index to 2023/24, then the GDP deflator. Nothing is
spliced silently: the output names the splice, and flags every figure uprated across a join.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Self

from pydantic import Field, model_validator

from pause_cost.model.base import (
    IndexReference,
    InputModel,
    PriceYear,
    Slug,
    Source,
    Text,
    financial_year,
    year_start,
)
from pause_cost.model.indices import PriceIndex


class SpliceSegment(InputModel):
    """One index's part of a splice: from the previous join (or its start) until ``until``."""

    index: IndexReference = Field(description="A shipped index name, or a path to an index file.")
    until: PriceYear | None = Field(
        default=None,
        description="The join: the last year this index carries, where the next takes over. "
        "Omitted on the last segment, which runs to its index's end.",
    )


class SpliceFile(InputModel):
    """A splice as written in an index file: segments in time order, with the splice's source."""

    name: Slug
    title: Text
    description: Text | None = None
    source: Source = Field(description="Who chose the splice and why, and where each part is from.")
    splice: list[SpliceSegment] = Field(min_length=2, max_length=5)

    @model_validator(mode="after")
    def _joins_in_order(self) -> Self:
        *joined, last = self.splice
        if any(segment.until is None for segment in joined):
            raise ValueError("every segment but the last needs 'until', the year it hands over")
        if last.until is not None:
            raise ValueError("the last segment runs to its index's end: leave out its 'until'")
        joins = [year_start(segment.until) for segment in joined if segment.until is not None]
        if joins != sorted(set(joins)):
            raise ValueError("the joins ('until') must come in time order, each year once")
        return self


@dataclass(frozen=True)
class SplicedIndex:
    """A splice with its parts loaded: it uprates as each part does over its own years."""

    file: SpliceFile
    parts: tuple[PriceIndex, ...]

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def title(self) -> str:
        return self.file.title

    @property
    def source(self) -> Source:
        return self.file.source

    @property
    def forecast_from(self) -> str | None:
        """The first forecast year: the last part's (earlier parts hand over before it)."""
        return self.segments()[-1][0].forecast_from

    @property
    def joins(self) -> list[str]:
        return [segment.until for segment in self.file.splice if segment.until is not None]

    @property
    def spliced_from(self) -> list[str]:
        return [part.name for part in self.parts]

    def segments(self) -> list[tuple[PriceIndex, str, str]]:
        """Each part with the years it carries: its start (or the join before) to the join."""
        starts = [self.parts[0].first_year, *self.joins]
        ends = [*self.joins, self.parts[-1].last_year]
        return list(zip(self.parts, starts, ends, strict=True))

    @property
    def first_year(self) -> str:
        return self.parts[0].first_year

    @property
    def last_year(self) -> str:
        return self.parts[-1].last_year

    def covers(self, price_year: str) -> bool:
        return year_start(self.first_year) <= year_start(price_year) <= year_start(self.last_year)

    def factor(self, from_year: str, to_year: str) -> Decimal:
        """The product of each part's factor over the stretch of the years it carries.

        Going back is the inverse of going forward, as for a single index.
        """
        for year in (from_year, to_year):
            if not self.covers(year):
                raise ValueError(
                    f"{self.name} covers {self.first_year} to {self.last_year}, not {year}"
                )
        low, high = sorted((year_start(from_year), year_start(to_year)))
        product = Decimal(1)
        for part, start, end in self.segments():
            stretch_from, stretch_to = max(low, year_start(start)), min(high, year_start(end))
            if stretch_from < stretch_to:
                product *= part.factor(financial_year(stretch_from), financial_year(stretch_to))
        return product if year_start(to_year) >= year_start(from_year) else 1 / product


Index = PriceIndex | SplicedIndex
"""What uprates a line: a published index, or a splice of them."""
