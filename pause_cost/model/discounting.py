"""A discount rate schedule: the rate for each band of years, as its source prints it.

HM Treasury's Green Book prints its discount rates as a table of bands of years counted from
the current year (0-30, 31-75, ... 301 and over), each with a rate per year in real terms.
A schedule file holds that table as data, with its source, so that no rate is written in
Python: the bands must run from year 0 without a gap or an overlap, and the last band runs on
without end, so that every year has exactly one rate. What the rates are used for (year 0,
compounding across bands) is arithmetic, in :mod:`pause_cost.core.discounting`.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from pause_cost.model.base import InputModel, Number, Slug, Source, Text

MAX_YEAR = 1_000
"""The furthest year a band may name. The Green Book's last band starts at year 301; a
thousand years is far beyond any appraisal and keeps the exact arithmetic small."""

MAX_BANDS = 50


def _no_percent_sign(value: Any) -> Any:
    """Refuse '3.5%' with the number to write instead: 3.5, not the 0.035 of a share.

    Other fields take shares as decimals; this one is already in per cent, so the general
    advice (0.035) would give a rate a hundred times too small.
    """
    if isinstance(value, str) and value.strip().endswith("%"):
        number = value.strip()[:-1].strip()
        raise ValueError(
            f"write the rate in per cent as a plain number, without '%': {number} "
            "(rate_percent is already in per cent)"
        )
    return value


class Band(InputModel):
    """Years ``from_year`` to ``to_year`` (both included), discounted at ``rate_percent`` a year.

    Years count from year 0. A band with no ``to_year`` runs on without end: the last band
    of a schedule, and only the last, is written so.
    """

    from_year: int = Field(
        ge=0, le=MAX_YEAR, description="First year of the band (year 0 is the first)."
    )
    to_year: int | None = Field(
        default=None,
        ge=0,
        le=MAX_YEAR,
        description="Last year of the band, included; left out for the last band (open-ended).",
    )
    rate_percent: Annotated[Number, BeforeValidator(_no_percent_sign)] = Field(
        ge=0, le=20, description="The discount rate for each year of the band, in per cent a year."
    )

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.to_year is not None and self.to_year < self.from_year:
            raise ValueError(
                f"a band from year {self.from_year} cannot end before it starts "
                f"(to_year {self.to_year}); to_year is the band's last year, included"
            )
        return self

    def covers(self, year: int) -> bool:
        """Whether the year falls in this band."""
        return self.from_year <= year and (self.to_year is None or year <= self.to_year)

    def describe(self) -> str:
        """'years 31 to 75' or 'years 301 and over', as the Green Book's table heads them."""
        if self.to_year is None:
            return f"years {self.from_year} and over"
        return f"years {self.from_year} to {self.to_year}"


def check_bands(bands: list[Band]) -> list[Band]:
    """The bands, if they give every year from 0 on exactly one rate; else ValueError.

    They must start at year 0, each must start the year after the one before it ends (no
    gap, no overlap), and the last, and only the last, must be open-ended.
    """
    first = bands[0]
    if first.from_year != 0:
        raise ValueError(
            f"the first band (bands.0) must start at year 0, the first year of spending, "
            f"not year {first.from_year}"
        )
    for index, (earlier, later) in enumerate(itertools.pairwise(bands)):
        if earlier.to_year is None:
            raise ValueError(
                f"bands.{index} has no to_year, so it runs on without end, but bands.{index + 1} "
                "follows it; only the last band may leave out to_year"
            )
        expected = earlier.to_year + 1
        if later.from_year > expected:
            raise ValueError(
                f"bands.{index + 1} starts at year {later.from_year} but bands.{index} ends at "
                f"year {earlier.to_year}, leaving a gap; each band starts the year after the one "
                f"before it ends (here, year {expected})"
            )
        if later.from_year < expected:
            raise ValueError(
                f"bands.{index + 1} starts at year {later.from_year} but bands.{index} already "
                f"covers {earlier.describe()}, so they overlap; each band starts the year after "
                f"the one before it ends (here, year {expected})"
            )
    last = bands[-1]
    if last.to_year is not None:
        raise ValueError(
            f"the last band (bands.{len(bands) - 1}) ends at year {last.to_year}; leave out its "
            "to_year so that it covers every later year, as the Green Book's last band "
            "('301 and over') does"
        )
    return bands


Bands = Annotated[
    list[Band],
    Field(min_length=1, max_length=MAX_BANDS),
    AfterValidator(check_bands),
]
"""Bands giving every year from 0 on exactly one rate (see :func:`check_bands`)."""


class ReferenceSchedule(InputModel):
    """Another schedule printed beside the one in use, kept for reference and never applied.

    The Green Book prints, beside its standard rates, rates for health and life values and a
    lower set for a sensitivity test; a file may carry them, each saying why it is not the
    schedule to discount a programme's pounds with.
    """

    name: Slug
    title: Text
    not_for_this_use: Text = Field(
        description="Why this is not the schedule for the programme's costs and the cost it avoids."
    )
    source: Source | None = Field(
        default=None, description="Where it comes from, if not the file's own source."
    )
    bands: Bands


class DiscountSchedule(InputModel):
    """Discount rates by band of years, with their source: the schedule an appraisal uses.

    The rates are real (they discount amounts stated in the prices of one price year), per
    year, in per cent.
    """

    name: Slug
    title: Text
    description: Text | None = None
    source: Source
    other_sources: list[Source] = Field(
        default_factory=list,
        max_length=20,
        description="Further documents read to check the same rates.",
    )
    bands: Bands
    reference_schedules: list[ReferenceSchedule] = Field(
        default_factory=list,
        max_length=20,
        description="Other schedules printed beside this one, for reference only.",
    )

    def band_for(self, year: int) -> Band:
        """The band a year falls in (year 0 is the first year); every year from 0 has one."""
        if year < 0:
            raise ValueError(f"years count from 0, the first year of spending; not {year}")
        return next(band for band in self.bands if band.covers(year))

    def rate_percent(self, year: int) -> Decimal:
        """The discount rate for a year, in per cent: the rate of the band the year falls in."""
        return self.band_for(year).rate_percent
