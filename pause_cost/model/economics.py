"""What a scenario may add for the economic case: when, who pays, and on what terms.

Every part is optional, and none changes a figure unless a scenario gives it, so a scenario
written before these existed costs exactly as it did. Each figure carries its source, or a
stated ``assumption`` that outputs flag.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from pause_cost.model.base import InputModel, Number, PriceYear, Source, Text
from pause_cost.model.month import MonthText

Share = Annotated[Number, Field(ge=0, le=1)]
"""A share of a whole, written as a decimal: 0.25 for a quarter."""


class ObservedBirths(InputModel):
    """Births that happened on the programme anyway (ex-post): the avoided count nets them off."""

    births: Annotated[Number, Field(ge=0, le=100_000)]
    source: Source
    assumption: Text | None = Field(
        default=None,
        description="A judgement in reading the source (e.g. a pregnancy counted as a birth).",
    )


class Practice(InputModel):
    """A practice (or several) run cohort after cohort, from which the cohorts follow.

    Cohort ``k`` (from 0) starts ``k x programme_months`` after ``first_start`` and has
    ``capacity_women x practices`` women, or the ramp-up's figure for the first cohorts.
    """

    practices: int = Field(default=1, ge=1, le=1_000)
    capacity_women: int = Field(
        ge=1, le=1_000, description="Women one practice works with at a time (one cohort)."
    )
    first_start: MonthText = Field(description="The month the first cohort starts, YYYY-MM.")
    cohorts: int = Field(
        ge=1, le=50, description="Cohorts run one after another, each programme_months long."
    )
    ramp_up_women: list[Annotated[int, Field(ge=0, le=100_000)]] = Field(
        default_factory=list,
        max_length=50,
        description="Women open in each of the first cohorts, all practices together, while "
        "the practice fills; later cohorts are at capacity_women x practices.",
    )
    birth_rate_per_woman_per_year: Number = Field(ge=0, le=2)
    source: Source
    assumption: Text | None = None

    @model_validator(mode="after")
    def _ramp_within_cohorts(self) -> Self:
        if len(self.ramp_up_women) > self.cohorts:
            raise ValueError(
                f"ramp_up_women gives {len(self.ramp_up_women)} cohorts' women for "
                f"{self.cohorts} cohorts: give at most one figure per cohort"
            )
        return self


CostKind = Literal["set_up", "running"]


class CostYear(InputModel):
    """What the programme costs in one council financial year."""

    financial_year: PriceYear
    amount_gbp: Annotated[Number, Field(ge=0, le=1e10)]
    kind: CostKind = "running"
    source: Source | None = Field(
        default=None, description="Where this year's figure comes from, if not the cost's source."
    )


FunderKind = Literal["council", "nhs", "central_government", "social_investor", "other"]


class Sourced(InputModel):
    """A figure given with its source, or with an assumption saying it is a judgement."""

    source: Source | None = None
    assumption: Text | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Self:
        if self.source is None and self.assumption is None:
            raise ValueError("give the figure's source, or an assumption saying it is a judgement")
        return self


class Funder(Sourced):
    """Who pays a share of the programme, and whose cost avoided falls to them.

    The council's own lines (cashable and internal) fall to the funder of kind ``council``;
    a line for another agency falls to the funder whose ``agencies`` names its agency.
    """

    name: Text = Field(max_length=200)
    kind: FunderKind
    share_of_programme_cost: Share
    agencies: list[Text] = Field(
        default_factory=list,
        max_length=100,
        description="Agencies (as lines write them) whose avoided costs fall to this funder.",
    )


class Discounting(InputModel):
    """Present values on Green Book terms: the schedule of rates, by shipped name or path."""

    schedule: Text = Field(
        default="green-book-discount-rates",
        max_length=500,
        description="A shipped schedule's name or a path to a schedule file.",
    )


class NominalCash(InputModel):
    """Cash in money of the day: the price index that inflates it (its forecast years, as the
    index file marks them with ``forecast_from``, are flagged)."""

    index: Text = Field(max_length=500, description="A shipped index's name or a path.")


class Adjustment(Sourced):
    """One step of the gross-to-net bridge, with its source."""

    share: Share


class CostUplift(Sourced):
    """Optimism bias as the Green Book applies it: an uplift on costs, reduced as risks are
    mitigated (say how in ``mitigation``)."""

    uplift: Annotated[Number, Field(ge=0, le=2)]
    mitigation: Text | None = None


class Postponement(Adjustment):
    """A share of avoided births delayed, not avoided: each such birth still happens,
    ``delay_months`` later, and its costs fall then. Within the horizon (counted in years after
    the birth the programme put off) only what the delay moves past the horizon is avoided."""

    delay_months: int = Field(
        ge=1,
        le=360,
        description="Months by which a postponed birth (and every cost after it) is delayed.",
    )


BRIDGE_ORDER: tuple[tuple[str, bool], ...] = (
    ("removal_share", False),
    ("postponement", True),
    ("deadweight", True),
    ("displacement", True),
    ("leakage", True),
    ("attribution", False),
    ("optimism_bias", True),
)
"""The gross-to-net bridge, in order, each step with whether its share is taken off (True) or
kept (False). The first two say what an avoided birth would have cost (which children would
have been removed; which births were only put off). The rest are GMCA / New Economy's
additionality and confidence adjustments in their order: deadweight, displacement, leakage,
then attribution, with optimism bias (the confidence adjustment on benefits) last. Source:
HM Treasury, Public Service Transformation Network and New Economy, *Supporting public service
transformation: cost benefit analysis guidance for local partnerships* (2014), and the GMCA
CBA model built on it, as summarised second-hand in the project's domain notes ("Additionality
(GMCA): deadweight, displacement, leakage, substitution, then attribution, applied as shares";
optimism bias "by the confidence of the data"). Substitution has no step: a Pause practice
displaces no other provider's clients."""

BY_LINE = frozenset(("removal_share", "postponement"))
"""Steps that act on the costs per birth (by line), not on the births costed."""


class Adjustments(InputModel):
    """What the anchors (GMCA / New Economy CBA model, Green Book) take off gross avoidance,
    applied in :data:`BRIDGE_ORDER`.

    ``removal_share``: the share of avoided births that would have led to a removal (Pause's
    premise, and the default, is all of them), applied to lines at or after the removal
    decision only (a table's ``coverage.removal_decision`` names the stages before it).
    ``postponement``: a share of births delayed, not avoided, costed as a time shift.
    ``deadweight``: the share that would have happened anyway. ``displacement``: the share
    of the avoidance that reappears elsewhere in the council's area. ``leakage``: the share
    that falls outside it (a woman who moves away takes the avoided cost elsewhere).
    ``attribution``: the share of what is left that is due to the programme.
    ``optimism_bias``: the share taken off benefits for the confidence of their data.
    """

    removal_share: Adjustment | None = None
    postponement: Postponement | None = None
    deadweight: Adjustment | None = None
    displacement: Adjustment | None = Field(
        default=None,
        description="The share of the avoidance that reappears elsewhere in the area.",
    )
    leakage: Adjustment | None = Field(
        default=None,
        description="The share that falls outside the council's area: a woman who moves away "
        "takes the avoided cost elsewhere.",
    )
    attribution: Adjustment | None = None
    optimism_bias: Adjustment | None = None
    cost_optimism_bias: CostUplift | None = Field(
        default=None,
        description="Optimism bias on costs: the programme cost x (1 + uplift), as the Green "
        "Book applies it; apart from optimism_bias, the confidence adjustment on benefits.",
    )

    def given(self) -> list[tuple[str, bool, Adjustment]]:
        """Each adjustment given, in bridge order, with whether its share is taken off."""
        found = ((name, takes_off, getattr(self, name)) for name, takes_off in BRIDGE_ORDER)
        return [(name, takes_off, step) for name, takes_off, step in found if step is not None]

    def steps(self) -> list[tuple[str, Decimal, Adjustment]]:
        """Each adjustment given, in bridge order, with the factor it multiplies by (for the
        steps that act by line, the factor on the lines they reach)."""
        return [
            (name, Decimal(1) - step.share if takes_off else step.share, step)
            for name, takes_off, step in self.given()
        ]


class Persistence(InputModel):
    """Months the pause is assumed to last after the window: beyond the evidence, flagged."""

    months: Annotated[Number, Field(gt=0, le=120)]
    assumption: Text
    source: Source | None = None


class EvaluationRoute(InputModel):
    """The evaluation's route: fewer infant care entries per practice per year, after a lag."""

    practices: int = Field(ge=1, le=1_000)
    years_open: Annotated[Number, Field(gt=0, le=50)] | None = Field(
        default=None,
        description="Years the practices are open, counted; default the per-woman span (the "
        "window plus the infant year), so the routes compare like for like.",
    )
    infants_per_practice_per_year: Annotated[Number, Field(ge=0, le=1_000)]
    months_before_effect: Annotated[Number, Field(ge=0, le=120)] = Field(
        description="Months after opening before the reduction is counted (12 in the evaluation)."
    )
    published_return_per_pound: Annotated[Number, Field(ge=0, le=1_000)] | None = None
    published_return_years: Annotated[Number, Field(gt=0, le=50)] | None = None
    source: Source


class ScaleOfNeed(InputModel):
    """Eligible women in the area, against a practice's capacity."""

    eligible_women: int = Field(ge=1, le=1_000_000)
    children_removed: int | None = Field(default=None, ge=0, le=10_000_000)
    capacity_women_per_practice: int = Field(ge=1, le=1_000)
    source: Source
    capacity_source: Source | None = None
