"""A published count of avoided births, given for a cohort in place of its birth rate.

A report may publish the births a cohort avoided (or is forecast to) without the birthing
histories behind them. A cohort then gives ``avoided_births: {count, source}`` with its
``women_open`` and no birth rate: the count is costed as given (rounded half up first where the
scenario rounds), never re-derived from an invented rate, and the scale of need scales it per
woman (count / women open), the only rate the count implies.
"""

from __future__ import annotations

from typing import Annotated, Protocol

from pydantic import Field

from pause_cost.model.base import InputModel, Number, Source


class GivenBirths(InputModel):
    """Births a report publishes for the cohort, costed as given instead of women x rate."""

    count: Annotated[Number, Field(ge=0, le=1_000_000)] = Field(
        description="The avoided births the report gives for this cohort (whole or fractional)."
    )
    source: Source = Field(description="Where the count is published: document, page, table.")


class _CohortLike(Protocol):
    @property
    def women_open(self) -> int: ...

    @property
    def birth_rate_per_woman_per_year(self) -> object: ...

    @property
    def avoided_births(self) -> GivenBirths | None: ...


def check_births_given(cohort: _CohortLike) -> None:
    """A cohort gives its births one way: a birth rate (women x rate x window) or a count."""
    rate = cohort.birth_rate_per_woman_per_year
    if cohort.avoided_births is None and rate is None:
        raise ValueError(
            "give birth_rate_per_woman_per_year (births = women x rate x window), or "
            "avoided_births: {count, source} where a report publishes the count"
        )
    if cohort.avoided_births is not None and rate is not None:
        raise ValueError(
            "gives both birth_rate_per_woman_per_year and avoided_births: the count is "
            "costed as given, so a rate would be ignored; give one"
        )
    if cohort.avoided_births is not None and cohort.women_open == 0:
        raise ValueError(
            "avoided_births is given for 0 women: give women_open, the women the count is for "
            "(the scale of need scales the count per woman)"
        )
