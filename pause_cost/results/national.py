"""A nation's case from its parts: every figure ``pause-cost national`` shows."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated

from pydantic import Field

from pause_cost.model.base import Source
from pause_cost.results.base import Exact, result
from pause_cost.results.contracts import Spread
from pause_cost.results.estimate import Flag

NATIONAL_SCHEMA_VERSION = "1"


@result
class Row:
    """One figure of the national table: its value, what it is, and where it comes from."""

    figure: str
    value: Exact
    unit: str
    kind: str
    """published, derived or judged."""
    source: Source | None
    derivation: str | None


@result
class Driver:
    input: str
    low: Exact
    high: Exact
    net_at_low_gbp: Exact
    net_at_high_gbp: Exact
    swing_gbp: Exact


@result
class NationalSimulation:
    draws: int
    seed: int
    numpy: Annotated[str, Field(description="numpy's version the draws were made with.")] = ""
    bit_generator: Annotated[str, Field(description="numpy's bit generator (seeded).")] = ""
    infants_per_year: Spread
    net_per_year: Spread
    drivers: list[Driver]


@result
class NationalResult:
    schema_version: str = NATIONAL_SCHEMA_VERSION
    name: str
    title: str
    nation: str
    rows: list[Row]
    reproduces_published: bool | None
    simulation: NationalSimulation | None
    missing: list[str]
    flags: list[Flag] = field(default_factory=list)
