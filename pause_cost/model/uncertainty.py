"""How sure each input is: a range for one-way work, a distribution for Monte Carlo.

An uncertain input is addressed by a path: a scenario input (``cohort.women_open``,
``cohort.birth_rate_per_woman_per_year``, ``pause_window.programme_months``,
``programme_cost.total_gbp``, ``adjustments.removal_share.share``, ...) or a table line's
field (``care-journey-england/adoption-placement.share_of_children``). Each carries its
``low`` and ``high`` (the plausible range one-way analysis and break-even use), optionally a
``distribution`` for Monte Carlo, and either a ``source`` (the range comes from data) or an
``assumption`` (a judgement, flagged in every output). A ``derived`` block computes the range
and distribution from counts instead of guessing them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from pause_cost.model.base import InputModel, Number, Source, Text

Kind = Literal[
    "normal", "lognormal", "gamma", "beta", "triangular", "pert", "uniform", "discrete_uniform"
]

INPUT_PATH = r"^[a-z0-9][a-z0-9_./-]*$"


class Distribution(InputModel):
    """A distribution, by its kind's own parameters.

    normal: ``mean``, ``sd``; lognormal: ``median`` and ``sigma`` (of the log); gamma:
    ``shape`` and ``rate``; beta: ``alpha``, ``beta``; triangular and pert: ``low``,
    ``mode``, ``high``; uniform: ``low``, ``high``; discrete_uniform: whole ``low`` and
    ``high``, each whole number between equally likely (for a whole-number input, the women).
    """

    kind: Kind
    mean: Number | None = None
    sd: Annotated[Number, Field(gt=0)] | None = None
    median: Annotated[Number, Field(gt=0)] | None = None
    sigma: Annotated[Number, Field(gt=0)] | None = None
    shape: Annotated[Number, Field(gt=0)] | None = None
    rate: Annotated[Number, Field(gt=0)] | None = None
    alpha: Annotated[Number, Field(gt=0)] | None = None
    beta: Annotated[Number, Field(gt=0)] | None = None
    low: Number | None = None
    mode: Number | None = None
    high: Number | None = None

    @model_validator(mode="after")
    def _parameters(self) -> Self:
        needed = PARAMETERS[self.kind]
        given = {name for name in ALL_PARAMETERS if getattr(self, name) is not None}
        missing = [name for name in needed if name not in given]
        extra = sorted(given - set(needed))
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing {', '.join(missing)}")
            if extra:
                parts.append(f"{', '.join(extra)} not used by {self.kind}")
            raise ValueError(
                f"a {self.kind} distribution takes {', '.join(needed)}: {'; '.join(parts)}"
            )
        if self.kind in ("triangular", "pert"):
            assert self.low is not None
            assert self.mode is not None
            assert self.high is not None
            if not self.low <= self.mode <= self.high or self.low == self.high:
                raise ValueError(
                    f"a {self.kind} distribution needs low <= mode <= high and low < high, "
                    f"not {self.low}, {self.mode}, {self.high}"
                )
        if self.kind == "discrete_uniform":
            assert self.low is not None
            assert self.high is not None
            if (
                self.low != self.low.to_integral_value()
                or self.high != self.high.to_integral_value()
            ):
                raise ValueError(
                    "a discrete_uniform distribution draws whole numbers: low and high must be "
                    f"whole, not {self.low}, {self.high}"
                )
            if not self.low < self.high:
                raise ValueError(
                    f"a discrete_uniform distribution needs low < high, not {self.low}, {self.high}"
                )
        if self.kind == "uniform":
            assert self.low is not None
            assert self.high is not None
            if not self.low < self.high:
                raise ValueError(
                    f"a uniform distribution needs low < high, not {self.low}, {self.high}"
                )
        return self

    def support(self) -> tuple[Decimal | None, Decimal | None]:
        """The least and greatest values a draw can take (None: unbounded that way)."""
        if self.kind == "normal":
            return None, None
        if self.kind in ("lognormal", "gamma"):
            return Decimal(0), None
        if self.kind == "beta":
            return Decimal(0), Decimal(1)
        return self.low, self.high


PARAMETERS: dict[str, tuple[str, ...]] = {
    "normal": ("mean", "sd"),
    "lognormal": ("median", "sigma"),
    "gamma": ("shape", "rate"),
    "beta": ("alpha", "beta"),
    "triangular": ("low", "mode", "high"),
    "pert": ("low", "mode", "high"),
    "uniform": ("low", "high"),
    "discrete_uniform": ("low", "high"),
}
ALL_PARAMETERS = (
    "mean",
    "sd",
    "median",
    "sigma",
    "shape",
    "rate",
    "alpha",
    "beta",
    "low",
    "mode",
    "high",
)


class CountedRate(InputModel):
    """A rate measured as events over exposure (births over woman-years): its sampling error.

    With ``events`` counted over ``exposure`` years, the rate's uncertainty is a gamma with
    shape ``events + 0.5`` and rate ``exposure`` (the Jeffreys posterior for a Poisson rate),
    and its range the 5th to 95th percentiles of that gamma.
    """

    events: Annotated[Number, Field(ge=0, le=1_000_000)]
    exposure: Annotated[Number, Field(gt=0, le=1e9)]


class Uncertain(InputModel):
    """One input's uncertainty: its plausible range, and optionally a distribution."""

    input: Text = Field(pattern=INPUT_PATH, max_length=300)
    low: Number | None = None
    high: Number | None = None
    distribution: Distribution | None = None
    derived: CountedRate | None = Field(
        default=None, description="Derive the range and distribution from counts."
    )
    source: Source | None = None
    assumption: Text | None = None

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if self.derived is not None:
            if self.low is not None or self.high is not None or self.distribution is not None:
                raise ValueError(
                    "a derived range comes from its counts: leave out low, high and distribution"
                )
        elif self.low is None or self.high is None:
            raise ValueError("give low and high (the plausible range), or derived counts")
        elif not self.low <= self.high:
            raise ValueError(f"low ({self.low}) must not be above high ({self.high})")
        if self.source is None and self.assumption is None:
            raise ValueError("give the range's source, or an assumption saying it is a judgement")
        return self

    @property
    def judgement(self) -> bool:
        """Whether the range is a judgement (flagged), not derived from data or a source."""
        return self.derived is None and self.source is None


class Correlation(InputModel):
    """A rank correlation between two uncertain inputs' draws."""

    inputs: list[Annotated[str, Field(pattern=INPUT_PATH, max_length=300)]] = Field(
        min_length=2, max_length=2
    )
    rank_correlation: Annotated[Number, Field(ge=-1, le=1)]
    source: Source | None = None
    assumption: Text | None = None


class UncertaintyFile(InputModel):
    """Ranges kept apart from a scenario (a council's own, beside a national table)."""

    name: Text | None = None
    inputs: list[Uncertain] = Field(min_length=1, max_length=2000)
    correlations: list[Correlation] = Field(default_factory=list, max_length=100)


__all__ = [
    "ALL_PARAMETERS",
    "PARAMETERS",
    "Correlation",
    "CountedRate",
    "Distribution",
    "Kind",
    "Uncertain",
    "UncertaintyFile",
]
