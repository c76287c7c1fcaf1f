"""Pieces shared by every input model: the strict base class, sources and price years.

Input files are edited by hand, so every model refuses unknown keys (a typo must not be
silently ignored), NaN and infinity, and strings or booleans where a number belongs
(``strict=True``): ``women_open: "20"`` is more likely a mistake than a wish.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer
from pydantic_core import core_schema as cs

from pause_cost.money import LARGEST_EXPONENT, json_number, number_bounds_problem, to_decimal

_FINANCIAL_YEAR = re.compile(r"^(\d{4})/(\d{2})$")


def check_price_year(value: str) -> str:
    """The value, if it is a financial year written like '2016/17'; else ValueError."""
    match = _FINANCIAL_YEAR.match(value)
    if match is None:
        raise ValueError("price year must be a financial year written like '2016/17'")
    first, second = int(match.group(1)), int(match.group(2))
    if (first + 1) % 100 != second:
        raise ValueError(
            f"'{value}' is not a financial year: the second part must be the year after "
            f"{first}, as in '{first}/{(first + 1) % 100:02d}'"
        )
    if not 1950 <= first <= 2100:
        raise ValueError(f"'{value}' is outside the years allowed (1950/51 to 2100/01)")
    return value


PriceYear = Annotated[str, AfterValidator(check_price_year)]
"""A UK financial year, ``'2016/17'``: the form PSSRU and the GMCA database state prices in."""


def year_start(price_year: str) -> int:
    """The calendar year a financial year starts in: '2016/17' -> 2016."""
    return int(price_year[:4])


def financial_year(start: int) -> str:
    """The financial year starting in a calendar year: 2016 -> '2016/17'."""
    return f"{start}/{(start + 1) % 100:02d}"


def crosses(joins: list[str], from_year: str, to_year: str) -> bool:
    """Whether a splice's join lies strictly between two years, so that uprating from one to
    the other uses more than one index (at a join, one index carries the whole stretch)."""
    low, high = sorted((year_start(from_year), year_start(to_year)))
    return any(low < year_start(join) < high for join in joins)


_SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Slug = Annotated[str, Field(pattern=_SLUG_PATTERN, max_length=80)]
"""Lower-case letters, digits, ``-`` and ``_``: safe in file names, JSON keys and CSV cells."""

Text = Annotated[str, Field(min_length=1, max_length=2000)]

_SLUG = re.compile(_SLUG_PATTERN)


def is_path_reference(reference: str) -> bool:
    """Whether a table or index reference names a file rather than a shipped name."""
    return reference.endswith((".yaml", ".yml")) or "/" in reference or "\\" in reference


def check_index_reference(value: str) -> str:
    """A shipped index name, or a path to an index file; else ValueError."""
    if _SLUG.match(value) or value.endswith((".yaml", ".yml")):
        return value
    raise ValueError(
        "a price index is a shipped name such as 'pss-all-sectors' (lower-case letters, "
        "digits, '-' and '_') or a path to a .yaml index file"
    )


IndexReference = Annotated[str, Field(max_length=500), AfterValidator(check_index_reference)]
"""A price index by shipped name, or by path to an index file (relative to the file naming it)."""


def _exact(value: Any) -> Any:
    """A number as the exact decimal written; anything else is left for strict validation.

    Files give decimals (the loader reads numbers from their text); the Python API may give
    ints or floats. Booleans and strings are not numbers here, however they look.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, int) and abs(value) >= 10 ** (LARGEST_EXPONENT + 1):
        # Not converted: a huge whole number is refused by its size alone.
        raise ValueError(
            f"a whole number of {value.bit_length():,} bits is far beyond any input's bound"
        )
    # Judged by its exponent before any arithmetic (to_decimal's rounding would overflow).
    written = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    problem = number_bounds_problem(written)
    if problem is not None:
        raise ValueError(problem)
    return to_decimal(value)


class _AsNumber:
    """In the published JSON Schema, a number: a file writes numbers, never strings."""

    def __get_pydantic_json_schema__(self, schema: cs.CoreSchema, handler: Any) -> Any:
        json_schema = handler(schema)
        branches = json_schema.pop("anyOf", None)
        if branches:
            number = next(branch for branch in branches if branch.get("type") == "number")
            json_schema = {**number, **json_schema}
        return json_schema


Number = Annotated[
    Decimal,
    BeforeValidator(_exact),
    PlainSerializer(json_number, return_type=int | float, when_used="json"),
    _AsNumber(),
]
"""An exact decimal read from a file: 0.33 is 0.33. JSON carries it as a plain number."""

_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}


def _standard_bounds(schema: dict[str, Any]) -> None:
    """Name the bounds of optional numbers as JSON Schema does (pydantic leaves 'ge', 'le')."""
    for value in schema.values():
        if isinstance(value, dict):
            _standard_bounds(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _standard_bounds(item)
    if schema.get("type") == "number":
        for short, standard in _BOUNDS.items():
            if short in schema:
                schema[standard] = schema.pop(short)


class InputModel(BaseModel):
    """Base for everything read from a user's file.

    ``defer_build``: a model's validator is built when it is first used, not when its class
    is defined, so the many parts a scenario may hold (cohorts, funders, ranges...) cost
    nothing at start-up until a file uses them; the scenario's own validator builds them once.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        frozen=True,
        str_strip_whitespace=True,
        json_schema_extra=_standard_bounds,
        defer_build=True,
    )


class Source(InputModel):
    """Where a figure comes from, precisely enough for a reader to find it."""

    document: Text = Field(description="Title of the document, with its publisher.")
    edition: Text | None = Field(default=None, description="Edition, version or date.")
    location: Text | None = Field(
        default=None, description="Table, page or section within the document."
    )
    url: Text | None = Field(default=None, description="Where the document is public.")
    note: Text | None = Field(
        default=None,
        description="Anything a reader must know, e.g. that the figure is second-hand.",
    )

    def cite(self) -> str:
        """One line: document, edition, location (the form used in tables and reports)."""
        parts = [self.document, self.edition, self.location]
        return ", ".join(part for part in parts if part)
