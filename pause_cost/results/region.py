"""A region's results: one row a council and the region's total."""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal

from pydantic import Field

from pause_cost.results.base import Exact, result
from pause_cost.results.contracts import MeanMcse, PercentileMcse
from pause_cost.results.estimate import Flag
from pause_cost.results.uncertainty import InputRange

REGION_SCHEMA_VERSION = "1"


@result
class RegionOutcome:
    """A region's figure over the draws: the councils' figures added draw by draw."""

    outcome: str
    point: Annotated[
        Exact, Field(description="The region's exact figure, every input at its point.")
    ]
    mean: Exact
    p5: Exact
    p50: Exact
    p95: Exact
    mean_mcse: MeanMcse = None
    p5_mcse: PercentileMcse = None
    p50_mcse: PercentileMcse = None
    p95_mcse: PercentileMcse = None


@result
class CouncilSpread:
    """One council's part of the judged outcome over the same draws: its mean exact, its P5
    and P95 from a histogram of 16,384 bins (within about 0.05% of its spread), so memory does
    not grow with councils x draws."""

    name: str
    point: Exact
    mean: Exact
    p5: Exact
    p95: Exact


@result
class RegionDriver:
    """A drawn input and how much of the region's spread it carries."""

    range: InputRange
    distribution: str
    councils: Annotated[
        list[str], Field(description="The councils whose figures take this input's draw.")
    ]
    correlation: Annotated[
        Exact, Field(description="Pearson correlation of its draws with the region's outcome.")
    ]
    share: Annotated[
        Exact, Field(description="correlation squared (kept for reference; not the ranking).")
    ]
    standardised_coefficient: Annotated[
        Exact | None,
        Field(
            description="Standardised regression coefficient of the region's outcome on every "
            "drawn input together (sd of the outcome per sd of the input)."
        ),
    ] = None
    first_order_share: Annotated[
        Exact | None,
        Field(
            description="Var(E[outcome | input]) / Var(outcome), binned into 50 equal-count "
            "bins: the share of the spread this input alone would remove if known (the ranking)."
        ),
    ] = None


@result
class RegionSimulation:
    draws: int
    seed: Annotated[int, Field(description="The seed: the same seed gives the same figures.")]
    outcome: Annotated[str, Field(description="The outcome the drivers and councils judge.")]
    percentiles: Literal["exact", "histogram"]
    outcomes: list[RegionOutcome]
    councils: list[CouncilSpread]
    drivers: list[RegionDriver]
    held: Annotated[
        list[str],
        Field(description="Ranged inputs held at a council's own figure (the region sets it)."),
    ]
    shared: Annotated[str, Field(description="How draws are shared between councils, in words.")]
    numpy: str = ""
    bit_generator: Annotated[str, Field(description="numpy's bit generator (seeded).")] = ""
    r_squared: Annotated[
        Exact | None, Field(description="R² of the regression the coefficients come from.")
    ] = None


@result
class CouncilBaseline:
    """A council's published baseline beside its estimate: children under 1 starting to be
    looked after in a year, as the DfE's CSV gives them."""

    area: Annotated[str, Field(description="The area's name as the CSV spells it.")]
    period: str | None
    under_one_starting: Annotated[
        int | None,
        Field(
            description="Children under 1 starting to be looked after; null where "
            "suppressed or absent."
        ),
    ]
    all_ages_starting: int | None
    avoided_births_per_year: Annotated[
        Exact,
        Field(description="The council's avoided births over its window, per year of the window."),
    ]
    note: str | None = None


@result
class RegionBaseline:
    """The DfE CSV a region read, and what the reader could not use."""

    file: str
    layout: str
    not_used: list[str]
    not_found: Annotated[list[str], Field(description="Councils whose area is not in the file.")]
    licence: str


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
    baseline: Annotated[
        CouncilBaseline | None,
        Field(description="The council's published baseline, where the region reads one."),
    ] = None


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
    simulation: Annotated[
        RegionSimulation | None,
        Field(description="The region's Monte Carlo (region --simulate N --seed S); else null."),
    ] = None
    baseline: Annotated[
        RegionBaseline | None,
        Field(description="The DfE starters CSV read beside the councils (starters:); else null."),
    ] = None
