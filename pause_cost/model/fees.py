"""A statutory fee schedule: the fee in force from each day, and the one a price year pays."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field

from pause_cost.model.base import InputModel, Number, Source, year_start


def check_date(value: str) -> str:
    """The value, if it is a date written like '2014-04-22'; else ValueError."""
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError("a date is written like 2014-04-22 (year-month-day)") from None
    if len(value) != len("2014-04-22"):
        raise ValueError("a date is written like 2014-04-22 (year-month-day)")
    return value


Date = Annotated[str, AfterValidator(check_date)]


class Fee(InputModel):
    """A statutory fee and the day it came into force."""

    in_force_from: Date
    amount_gbp: Number = Field(ge=0, le=1_000_000)
    source: Source | None = None


def fee_in_force(schedule: list[Fee], price_year: str) -> Fee | None:
    """The fee in force at the middle of a financial year (30 September), where one is.

    A fee changes on a day, not at a year's start; the middle of the year takes the fee paid
    for most of it when it changes once in the year, and says which day it dates from.
    """
    middle = f"{year_start(price_year)}-09-30"
    in_force = [fee for fee in schedule if fee.in_force_from <= middle]
    return in_force[-1] if in_force else None
