"""The outcomes contract's results: every figure ``pause-cost contract`` shows."""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from pause_cost.model.base import Source
from pause_cost.results.base import Exact, result
from pause_cost.results.economics import CostFactor
from pause_cost.results.estimate import Flag

CONTRACT_SCHEMA_VERSION = "1"

MeanMcse = Annotated[
    Exact | None, Field(description="Monte Carlo standard error of the mean: sd / sqrt(n).")
]
PercentileMcse = Annotated[
    Exact | None,
    Field(
        description="Monte Carlo standard error of the percentile: half the distance between "
        "the quantiles at p -/+ sqrt(p (1 - p) / n)."
    ),
]


@result
class MetricResult:
    id: str
    definition: str
    price_per_outcome_gbp: Exact
    price_source: Source
    price_assumption: str | None
    share_achieving: Exact
    share_how: Annotated[str, Field(description="Given (with its source) or linked to the model.")]
    counterfactual_share: Annotated[
        Exact | None,
        Field(description="Linked metrics: women who would achieve it without the programme."),
    ]
    repeatable: bool
    outcomes_per_achiever: Exact
    pro_rata: str | None
    expected_per_woman_gbp: Annotated[Exact, Field(description="After the cap per woman.")]
    expected_uncapped_gbp: Exact
    expected_paid_gbp: Annotated[Exact, Field(description="After every cap.")]
    cap_gbp: Exact | None
    cap_reached: bool
    breakeven_price_gbp: Annotated[
        Exact | None,
        Field(
            description="Price per outcome at which the council's payments equal its avoidance; "
            "null where none exists (breakeven_note says why), never negative."
        ),
    ]
    breakeven_note: Annotated[
        str | None, Field(description="Why no break-even price is shown, where none is.")
    ] = None


@result
class PayerYear:
    payer: str
    financial_year: str
    paid_gbp: Exact


@result
class PayerResult:
    name: str
    kind: str
    share_of_payments: Exact
    committed_maximum_gbp: Exact
    expected_paid_gbp: Exact
    above_commitment: bool
    source: Source


@result
class Spread:
    """A figure's distribution over the Monte Carlo's draws."""

    mean_gbp: Exact
    p5_gbp: Exact
    p50_gbp: Exact
    p95_gbp: Exact
    mean_mcse: MeanMcse = None
    p5_mcse: PercentileMcse = None
    p50_mcse: PercentileMcse = None
    p95_mcse: PercentileMcse = None


@result
class ContractSimulation:
    draws: int
    seed: int
    numpy: Annotated[str, Field(description="numpy's version the draws were made with.")] = ""
    bit_generator: Annotated[str, Field(description="numpy's bit generator (seeded).")] = ""
    total_paid: Spread
    council_paid: Spread
    central_paid: Spread
    council_net: Spread
    council_net_price_factor: Annotated[
        Exact,
        Field(
            description="The council's payments x this in its net: the expected payments' value "
            "at the price year over their cash (1 where they stay in cash)."
        ),
    ] = Decimal(1)
    maximum_reached_share: Annotated[
        Exact, Field(description="Share of draws in which the contract's maximum is reached.")
    ]
    maximum_reached_bound: Annotated[
        str, Field(description="How to read a share of 0 or 1 from this many draws.")
    ]


@result
class Position:
    """The council's avoidance and what it pays, one way of buying or the other."""

    council_avoidance_gbp: Annotated[
        Exact, Field(description="The horizon's cost avoidance that falls to the council.")
    ]
    horizon_years: int
    contract_council_paid_gbp: Annotated[
        Exact,
        Field(
            description="The council's expected payments on the savings' price base: each "
            "financial year's cash x payment_factors (cash where none is known)."
        ),
    ]
    contract_net_gbp: Exact
    direct_programme_cost_gbp: Annotated[
        Exact | None, Field(description="The scenario's programme cost, bought directly.")
    ]
    direct_net_gbp: Exact | None
    contract_council_paid_cash_gbp: Annotated[
        Exact | None, Field(description="The council's expected payments in cash.")
    ] = None
    price_year: Annotated[
        str | None, Field(description="The savings' price year every figure here is in.")
    ] = None
    deflator: Annotated[
        str | None, Field(description="The index the payments are deflated with.")
    ] = None
    payment_factors: Annotated[
        list[CostFactor],
        Field(description="Per financial year paid: level(price year) / level(that year)."),
    ] = field(default_factory=list)
    one_base: Annotated[
        bool, Field(description="Whether payments, avoidance and programme cost share one base.")
    ] = True
    price_base: Annotated[str, Field(description="The price base in words.")] = ""


@result
class ContractResult:
    """An outcomes contract costed against its scenario."""

    schema_version: str = CONTRACT_SCHEMA_VERSION
    scenario: str
    council: str
    contract: str
    contract_source: Source
    women: int
    start: str
    maximum_gbp: Exact
    cap_per_woman_gbp: Exact | None
    investor_capital_gbp: Exact | None
    metrics: list[MetricResult]
    payers: list[PayerResult]
    by_year: list[PayerYear]
    expected_uncapped_gbp: Exact
    expected_paid_gbp: Exact
    maximum_reached: bool
    central_share_of_payments: Exact
    position: Position
    simulation: ContractSimulation | None
    flags: list[Flag] = field(default_factory=list)
