"""A calendar month, as scenarios write it ('2018-07'), and the field type that reads one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field

MONTHS_PER_YEAR = 12
_MONTH_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True, slots=True, order=True)
class Month:
    """A calendar month, written 'YYYY-MM' (2018-07 is July 2018); months order in time.

    Years are four digits (1000 to 9999), so a month reads back as it was written and
    financial-year labels sort as text in time order.
    """

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= MONTHS_PER_YEAR:
            raise ValueError(f"a month is 1 to 12, not {self.month}")
        if not 1000 <= self.year <= 9999:
            raise ValueError(f"a year is four digits (1000 to 9999), not {self.year}")

    @classmethod
    def parse(cls, text: str) -> Month:
        """The month written 'YYYY-MM' ('2018-07'); anything else is refused with ValueError."""
        match = _MONTH_TEXT.fullmatch(text)
        if match is None:
            raise ValueError(f"a month is written YYYY-MM (e.g. 2018-07), not {text!r}")
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= MONTHS_PER_YEAR:
            raise ValueError(f"{text!r} has no month {month}: months are 01 to 12")
        return cls(year, month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def plus(self, months: int) -> Month:
        """The month ``months`` later (earlier, if negative): 2018-07 plus 6 is 2019-01."""
        index = self.year * MONTHS_PER_YEAR + self.month - 1 + months
        return Month(index // MONTHS_PER_YEAR, index % MONTHS_PER_YEAR + 1)


FIRST_YEAR, LAST_YEAR = 1950, 2100
"""Start months run over the years price years may name (1950/51 to 2100/01)."""


def check_month(text: str) -> str:
    """The text, if it names a month as 'YYYY-MM' from 1950 to 2100; else ValueError."""
    month = Month.parse(text)
    if not FIRST_YEAR <= month.year <= LAST_YEAR:
        raise ValueError(
            f"{text!r} is outside the months allowed ({FIRST_YEAR}-01 to {LAST_YEAR}-12)"
        )
    return text


MonthText = Annotated[str, Field(max_length=7), AfterValidator(check_month)]
"""A month written 'YYYY-MM' (2018-07 is July 2018), kept as text in the model."""
