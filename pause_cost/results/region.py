"""A region's results: one row a council and the region's total."""

from __future__ import annotations

from dataclasses import field

from pause_cost.results.base import Exact, result
from pause_cost.results.estimate import Flag

REGION_SCHEMA_VERSION = "1"


@result
class CouncilRow:
    name: str
    nation: str | None
    scenario: str
    start: str | None
    changes: str
    women_open: int
    avoided_births: Exact
    immediate_total_gbp: Exact
    horizon_cashable_gbp: Exact
    horizon_total_gbp: Exact
    programme_cost_gbp: Exact | None
    net_gbp: Exact | None
    flags: list[Flag] = field(default_factory=list)


@result
class RegionResult:
    schema_version: str = REGION_SCHEMA_VERSION
    name: str
    title: str
    councils: list[CouncilRow]
    women_open: int
    avoided_births: Exact
    immediate_total_gbp: Exact
    horizon_cashable_gbp: Exact
    horizon_total_gbp: Exact
    programme_cost_gbp: Exact | None
    net_gbp: Exact | None
