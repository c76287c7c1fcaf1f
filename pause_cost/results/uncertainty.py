"""The results of the uncertainty analyses: a tornado, a two-way grid, break-even values and
a Monte Carlo summary. Plain dataclasses whose JSON dump is the published contract."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Literal

from pydantic import Field

from pause_cost.money import round_half_up
from pause_cost.results.base import Exact, result

SCHEMA_VERSION = "1"

RangeBasis = Literal["source", "derived", "judgement", "none"]


@result
class InputRange:
    """An uncertain input as analysed: its point value, range and where the range comes from."""

    input: str
    point: Exact
    low: Exact
    high: Exact
    basis: Annotated[
        RangeBasis,
        Field(description="Where the range comes from; 'judgement' is flagged."),
    ]
    assumption: str | None = None
    label: Annotated[str, Field(description="The input in plain English (input is its path).")] = ""
    unit: Annotated[str, Field(description="The input's unit: '£', 'women', 'share', ...")] = ""


@result
class Swing:
    """One input at its low and its high, the rest held at their points."""

    range: InputRange
    outcome_at_low: Annotated[Exact | None, Field(description="Null: never (a payback).")]
    outcome_at_high: Annotated[Exact | None, Field(description="Null: never (a payback).")]
    swing: Annotated[
        Exact | None,
        Field(description="|outcome at high - outcome at low|; null where one end is never."),
    ]


@result
class Tornado:
    schema_version: str = SCHEMA_VERSION
    scenario: str
    outcome: str
    unit: str
    base: Annotated[
        Exact | None,
        Field(description="The outcome with every input at its point; null: never (a payback)."),
    ]
    gross: Annotated[bool, Field(description="net stands for the gross total (no cost given).")]
    swings: Annotated[list[Swing], Field(description="Largest swing first.")]
    flags: list[str]


@result
class GridAxis:
    input: str
    values: list[Exact]


@result
class Grid:
    """A two-way table: the outcome for each pair of values, the rest held."""

    schema_version: str = SCHEMA_VERSION
    scenario: str
    outcome: str
    unit: str
    rows: GridAxis
    columns: GridAxis
    values: Annotated[
        list[list[Exact | None]],
        Field(description="values[row][column]; null if refused, or never (a payback)."),
    ]
    flags: list[str]


Method = Literal["linear", "bracketed", "none"]


@result
class BreakEvenInput:
    range: InputRange
    value: Annotated[
        Exact | None,
        Field(
            description="The value at which the target is just met, the rest held; null "
            "if no value in the input's allowed range meets it, or every value does."
        ),
    ]
    method: Annotated[
        Method,
        Field(
            description="'linear': solved exactly from two evaluations and checked by a "
            "third; 'bracketed': root-finding on the exact engine; 'none': no crossing."
        ),
    ]
    met_above: Annotated[
        bool | None, Field(description="The target is met at values above the break-even.")
    ]
    inside_range: Annotated[
        bool | None,
        Field(description="Whether the value lies within low..high (null if no range)."),
    ]
    note: str


@result
class BreakEven:
    schema_version: str = SCHEMA_VERSION
    scenario: str
    target: str
    outcome: str
    unit: str
    base: Annotated[Exact | None, Field(description="Null: never (a payback).")]
    met_at_base: bool
    gross: bool
    inputs: list[BreakEvenInput]
    flags: list[str]


@result
class OutcomeSummary:
    outcome: str
    unit: str
    point: Annotated[Exact, Field(description="The exact estimate, every input at its point.")]
    mean: Exact
    sd: Exact
    p5: Exact
    p50: Exact
    p95: Exact
    low: Annotated[Exact, Field(description="The least value drawn.")]
    high: Annotated[Exact, Field(description="The greatest value drawn.")]
    mean_mcse: Annotated[
        Exact | None, Field(description="Monte Carlo standard error of the mean: sd / sqrt(n).")
    ] = None
    p5_mcse: Annotated[
        Exact | None,
        Field(description="Monte Carlo standard error of P5, from the order statistics."),
    ] = None
    p50_mcse: Exact | None = None
    p95_mcse: Exact | None = None


@result
class Driver:
    """How much of the judged outcome's spread an input's draws carry."""

    range: InputRange
    distribution: str
    correlation: Annotated[
        Exact, Field(description="Pearson correlation of the input's draws with the outcome.")
    ]
    share: Annotated[
        Exact,
        Field(
            description="correlation squared: the share of the outcome's variance that a "
            "straight line in this input alone explains (with independent inputs and a "
            "near-linear outcome, its first-order variance share; shares need not add to 1)."
        ),
    ]
    standardised_coefficient: Annotated[
        Exact | None,
        Field(
            description="Standardised regression coefficient of the outcome on every drawn "
            "input together (sd of the outcome per sd of the input)."
        ),
    ] = None
    first_order_share: Annotated[
        Exact | None,
        Field(
            description="Var(E[outcome | input]) / Var(outcome), binned into 50 equal-count "
            "bins: the share of the spread this input alone would remove if known."
        ),
    ] = None


@result
class HistogramBin:
    low: Exact
    high: Exact
    draws: int
    tail: Annotated[
        Literal["below", "above"] | None,
        Field(description="'below': draws under P0.5; 'above': over P99.5 (an end bar)."),
    ] = None


@result
class Chance:
    """The share of draws with an outcome above 0, stated as surely as the draws allow."""

    outcome: str
    above: Annotated[int, Field(description="Draws with the outcome > 0.")]
    draws: int
    probability: Exact
    bound: Annotated[
        Exact | None,
        Field(
            description="Where no draw (or every draw) is above 0: the chance of the other "
            "side is below this at 95% (1 - 0.05^(1/n), about 3/n); else null."
        ),
    ]
    held: Annotated[list[str], Field(description="Inputs held at their point, not drawn.")]
    statement: Annotated[
        str,
        Field(
            description="The chance in words, never 0 or 1: 'no draw of 2,000 gave net <= 0 "
            "(the chance of net <= 0 is below 0.15% at 95%)', or 'A of N draws gave net > 0'."
        ),
    ] = ""

    def __post_init__(self) -> None:
        if not self.statement:
            self.statement = stated(self, "NPV" if self.outcome == "npv" else self.outcome)


def stated(chance: Chance, label: str) -> str:
    """A chance in words as the draws support it: where no draw (or every draw) is above 0,
    the other side's bound at 95%, never 0% or 100%; else the draws above 0 of all."""
    if chance.bound is None:
        return f"{chance.above:,} of {chance.draws:,} draws gave {label} > 0"
    bound = f"{round_half_up(chance.bound * 100, 3).normalize():f}%"
    side = "<= 0" if chance.above == chance.draws else "> 0"
    return (
        f"no draw of {chance.draws:,} gave {label} {side} (the chance of {label} {side} is "
        f"below {bound} at 95%)"
    )


@result
class Simulation:
    schema_version: str = SCHEMA_VERSION
    scenario: str
    draws: int
    seed: Annotated[int, Field(description="The seed: the same seed gives the same figures.")]
    poisson_births: bool
    percentiles: Annotated[
        Literal["exact", "histogram"],
        Field(
            description="'exact' where every draw is kept (up to 1,000,000); else from a "
            "histogram of 2^20 bins."
        ),
    ]
    outcome: Annotated[str, Field(description="The outcome the histogram and drivers judge.")]
    outcomes: list[OutcomeSummary]
    probability_net_positive: Annotated[
        Exact,
        Field(
            description="Share of draws with net > 0, exactly (1 where every draw was): quote "
            "probability_net_positive_statement instead."
        ),
    ]
    probability_net_positive_statement: Annotated[
        str,
        Field(
            description="P(net > 0) in words, never 0 or 1: where no draw (or every draw) gave "
            "net > 0, the other side's bound at 95%."
        ),
    ] = ""
    chances: Annotated[
        list[Chance], Field(description="P(net > 0), and P(NPV > 0) where discounted.")
    ] = dataclasses.field(default_factory=list)
    r_squared: Annotated[
        Exact | None,
        Field(description="R² of the outcome's linear regression on every drawn input."),
    ] = None
    inputs_correlated: bool = False
    numpy: Annotated[str, Field(description="numpy's version: the draws depend on it.")] = ""
    bit_generator: str = ""
    histogram: list[HistogramBin]
    drivers: Annotated[list[Driver], Field(description="Largest share first.")]
    held: Annotated[
        list[InputRange], Field(description="Ranges with no distribution, held at their point.")
    ]
    gross: bool
    flags: list[str]
