"""The results of an options appraisal: each option's present values, NPV, BCR, paybacks and
chance of a positive NPV; the increments of each over the next smaller; switching values side
by side. Plain dataclasses whose JSON dump is the published contract."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from pause_cost.results.base import Exact, result
from pause_cost.results.decision import Population
from pause_cost.results.uncertainty import Chance

SCHEMA_VERSION = "1"


@result
class OptionFigures:
    """One option, on the appraisal's price base and year 0."""

    option: Annotated[str, Field(description="The option's scenario name.")]
    file: str
    pv_benefits: Exact
    pv_costs: Exact
    npv: Exact
    bcr: Annotated[Exact | None, Field(description="PV benefits / PV costs; null if no cost.")]
    payback: Annotated[
        str | None,
        Field(description="First year (or financial year) cumulative net >= 0; null: never."),
    ]
    cashable_payback: Annotated[
        str | None,
        Field(
            description="First year (or financial year) cumulative cashable cost avoided less the "
            "programme's cost >= 0; null: never within the horizon."
        ),
    ]
    chance: Annotated[
        Chance | None,
        Field(description="P(NPV > 0) from the Monte Carlo; null where nothing is drawn."),
    ]


@result
class Increment:
    """An option against the next smaller (by PV costs)."""

    option: str
    against: str
    npv: Annotated[Exact, Field(description="Incremental NPV.")]
    pv_benefits: Exact
    pv_costs: Exact
    bcr: Annotated[
        Exact | None,
        Field(description="Incremental BCR: extra PV benefits / extra PV costs; null if equal."),
    ]


@result
class SwitchingRow:
    """An input's switching value (NPV = 0, the rest held) in each option."""

    input: str
    points: Annotated[
        list[Exact | None], Field(description="Per option, the input's point; null: unranged.")
    ]
    values: Annotated[
        list[Exact | None],
        Field(description="Per option, in the table's order; null where no value switches it."),
    ]


@result
class OptionsEvppi:
    """The expected value of partial perfect information about one drawn input, or a group
    of them learnt together."""

    input: Annotated[str, Field(description="The input, or a group's inputs joined by '+'.")]
    value: Annotated[
        Exact,
        Field(
            description="E[max fitted NPV] - max E[fitted NPV] over the options and doing "
            "nothing, each option's NPV regressed on the input(s) (as voi's evppi does)."
        ),
    ]
    inputs: Annotated[list[str], Field(description="The inputs learnt, one or a group.")]
    mcse: Annotated[
        Exact,
        Field(description="Monte Carlo standard error, with the regression's own (delta method)."),
    ]
    method: Annotated[
        str, Field(description="The regression: a restricted cubic spline, or a polynomial.")
    ]
    terms: int
    population: Annotated[
        Exact | None, Field(description="Scaled to the population of decisions, if stated.")
    ]


@result
class OptionsAppraisal:
    schema_version: str = SCHEMA_VERSION
    price_year: Annotated[str | None, Field(description="The options' one price base.")]
    year_zero: Annotated[str, Field(description="The options' one year 0.")]
    baseline: Annotated[str, Field(description="What the smallest option is measured against.")]
    options: Annotated[list[OptionFigures], Field(description="Smallest PV costs first.")]
    increments: list[Increment]
    switching: list[SwitchingRow]
    draws: int | None
    seed: int | None
    numpy: str | None
    bit_generator: str | None
    evpi: Annotated[
        Exact | None,
        Field(
            description="Expected value of perfect information for the choice among the "
            "options and doing nothing: mean over draws of the best NPV less the best mean "
            "NPV, from joint draws; null without draws or where the draws are not joint."
        ),
    ]
    evppi: Annotated[
        list[OptionsEvppi] | None,
        Field(
            description="EVPPI per drawn input (and per group asked for) for the same choice, "
            "from the same joint draws, largest first; null where there is no EVPI."
        ),
    ] = None
    evpi_mcse: Annotated[
        Exact | None, Field(description="EVPI's Monte Carlo standard error; null with no EVPI.")
    ] = None
    evpi_population: Annotated[
        Exact | None,
        Field(description="EVPI scaled to the population of decisions, where one is stated."),
    ] = None
    population: Annotated[
        Population | None,
        Field(description="The decisions EVPI and EVPPI are scaled to, and a study's cost."),
    ] = None
    flags: list[str]


@result
class ReturnChance:
    """The share of draws whose return per £1 (the council's avoidance per £1 of the
    programme's total cost) is at least ``at_least``, stated as surely as the draws allow."""

    at_least: Exact
    reached: Annotated[int, Field(description="Draws with the return per £1 >= at_least.")]
    draws: int
    probability: Exact
    bound: Annotated[
        Exact | None,
        Field(
            description="Where no draw (or every draw) reaches it: the chance of the other "
            "side is below this at 95% (1 - 0.05^(1/n), about 3/n); else null."
        ),
    ]


@result
class AcceptabilityPoint:
    value: Exact
    chance: Chance
    returns: Annotated[
        list[ReturnChance],
        Field(description="P(return per £1 >= x) for each x asked for, from the same draws."),
    ]


@result
class Acceptability:
    """P(outcome > 0) as one input is set to each value in turn (the rest drawn as before)."""

    schema_version: str = SCHEMA_VERSION
    scenario: str
    input: str
    outcome: str
    draws: int
    seed: Annotated[int, Field(description="Each value's draws come from this same seed.")]
    numpy: str
    bit_generator: str
    returns: Annotated[
        list[Exact], Field(description="The returns per £1 whose chance each point gives.")
    ]
    points: list[AcceptabilityPoint]
    flags: list[str]


@result
class StructuralRow:
    """The case under one structural assumption: a what-if, or another scenario file."""

    label: str
    change: Annotated[str, Field(description="What differs from the base, in words.")]
    npv: Exact
    bcr: Exact | None
    payback: Annotated[str | None, Field(description="Null: never within the horizon.")]
    npv_change: Annotated[Exact, Field(description="NPV less the base's.")]


@result
class Structural:
    """Structural scenarios as a table: the assumptions no range covers, one row each."""

    schema_version: str = SCHEMA_VERSION
    scenario: str
    base: StructuralRow
    rows: list[StructuralRow]
    flags: list[str]
