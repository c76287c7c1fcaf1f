"""An outcomes contract: a practice bought on outcomes rather than by grant.

A contract names its metrics (each priced per outcome, with the price's source), the share of
women expected to achieve each (given with a source, or linked to the scenario's own birth
rate), its caps (per woman, per metric, the contract's maximum) and the payers who share each
payment, each with the most it has committed. Every price needs a source: a contract priced
from nowhere is refused rather than costed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from pause_cost.model.base import InputModel, Number, Slug, Source, Text
from pause_cost.model.month import MonthText

Share = Annotated[Number, Field(ge=0, le=1)]
Money = Annotated[Number, Field(ge=0, le=1e10)]


def check_range(low: Decimal | None, value: Decimal, high: Decimal | None) -> None:
    """A figure's range: both ends or neither, and the value inside it; else ValueError."""
    if (low is None) != (high is None):
        raise ValueError("give both low and high, or neither")
    if low is not None and high is not None and not low <= value <= high:
        raise ValueError(f"value {value} lies outside its range {low} to {high}")


class GivenShare(InputModel):
    """A share of women, with where it comes from (and what is judged, if anything)."""

    value: Share
    low: Share | None = Field(
        default=None, description="The range's low end, drawn uniformly in the Monte Carlo."
    )
    high: Share | None = None
    source: Source
    assumption: Text | None = None

    @model_validator(mode="after")
    def _range(self) -> Self:
        check_range(self.low, self.value, self.high)
        return self


class NoPregnancyLink(InputModel):
    """The share follows from the scenario: its avoided births take every woman open to have
    no birth in the programme window, so on the model's own terms she is not pregnant for
    ``months`` (up to the programme's months). The share achieving is then the share who
    complete the engagement the metric asks for, given with its source."""

    no_pregnancy_months: int = Field(ge=1, le=120)
    engagement: GivenShare = Field(
        description="Share of women engaged who complete the engagement the metric asks for."
    )


class Metric(InputModel):
    """One priced outcome."""

    id: Slug
    definition: Text
    price_per_outcome_gbp: Money
    price_source: Source = Field(description="Where the price comes from: required.")
    price_assumption: Text | None = Field(
        default=None, description="What about the price is a judgement (a derived split, say)."
    )
    share_achieving: GivenShare | None = None
    linked: NoPregnancyLink | None = None
    repeatable: bool = False
    outcomes_per_achiever: Number = Field(
        default=Decimal(1),
        gt=0,
        le=1000,
        description="Outcomes paid to each woman who achieves the metric (above 1 only if "
        "repeatable).",
    )
    outcomes_source: Source | None = None
    pro_rata: Text | None = Field(
        default=None, description="The contract's pro-rata rule for a partial outcome, as written."
    )
    pro_rata_fraction: GivenShare | None = Field(
        default=None,
        description="Expected fraction of the price paid to a woman who does not achieve the "
        "metric in full, under the pro-rata rule.",
    )
    paid_months_after_engagement: int = Field(
        ge=0,
        le=240,
        description="Months from a woman's start of engagement to the payment (when the "
        "outcome is verified).",
    )
    paid_every_months: int | None = Field(
        default=None,
        ge=1,
        le=60,
        description="A repeatable metric paid one outcome at a time: the months between "
        "payments, the first at paid_months_after_engagement.",
    )
    cap_gbp: Money | None = Field(default=None, description="Most paid on this metric.")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.paid_every_months is not None and (
            not self.repeatable
            or self.outcomes_per_achiever != self.outcomes_per_achiever.to_integral_value()
        ):
            raise ValueError(
                "paid_every_months pays a repeatable metric's outcomes one at a time: it needs "
                "repeatable: true and a whole number of outcomes_per_achiever"
            )
        if (self.share_achieving is None) == (self.linked is None):
            raise ValueError("give exactly one of share_achieving or linked")
        if self.outcomes_per_achiever != 1 and not self.repeatable:
            raise ValueError(
                f"outcomes_per_achiever is {self.outcomes_per_achiever}, but the metric is not "
                "repeatable: set repeatable: true, or 1 outcome per achiever"
            )
        if self.outcomes_per_achiever != 1 and self.outcomes_source is None:
            raise ValueError("outcomes_per_achiever above 1 needs outcomes_source")
        if (self.pro_rata is None) != (self.pro_rata_fraction is None):
            raise ValueError("a pro_rata rule and its pro_rata_fraction go together")
        return self


PayerKind = Literal["central", "council", "other"]


class Payer(InputModel):
    """An outcome payer: its share of every payment and the most it has committed."""

    name: Text
    kind: PayerKind
    share_of_payments: Share
    committed_maximum_gbp: Money
    source: Source
    assumption: Text | None = None


class Contract(InputModel):
    """An outcomes contract for the scenario's practice."""

    name: Text
    source: Source
    women: int = Field(ge=1, le=100_000, description="Women expected to engage.")
    start: MonthText = Field(description="The month the first women start engaging.")
    enrolment_months: int = Field(
        default=1,
        ge=1,
        le=240,
        description="Women start evenly over this many months from start.",
    )
    metrics: list[Metric] = Field(min_length=1, max_length=10)
    cap_per_woman_gbp: Money | None = None
    maximum_gbp: Money = Field(description="The contract's maximum outcome payment.")
    payers: list[Payer] = Field(min_length=1, max_length=20)
    investor_capital_gbp: Money | None = None
    investor_source: Source | None = None
    assumption: Text | None = None

    @model_validator(mode="after")
    def _payers_and_metrics(self) -> Self:
        ids = [metric.id for metric in self.metrics]
        twice = sorted({name for name in ids if ids.count(name) > 1})
        if twice:
            raise ValueError(f"metric id {twice[0]!r} is given twice: each metric once")
        total = sum((payer.share_of_payments for payer in self.payers), Decimal(0))
        if total != 1:
            raise ValueError(
                f"payers' shares of payments add up to {total}, not 1: they must cover every "
                "payment exactly"
            )
        committed = sum((payer.committed_maximum_gbp for payer in self.payers), Decimal(0))
        if committed > self.maximum_gbp:
            raise ValueError(
                f"payers' committed maxima add up to {committed}, above the contract's "
                f"maximum {self.maximum_gbp}: a payer cannot commit more than the contract pays"
            )
        names = [payer.name for payer in self.payers]
        if len(set(names)) != len(names):
            raise ValueError("a payer is named twice: each payer once")
        if (self.investor_capital_gbp is None) != (self.investor_source is None):
            raise ValueError("investor_capital_gbp and investor_source go together")
        return self
