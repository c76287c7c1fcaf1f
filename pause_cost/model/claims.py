"""A published total on its stated terms: horizon, gross or net, whose costs, which stream."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from pause_cost.model.base import InputModel, Number, Source

ClaimBasis = Literal["gross", "net"]
ClaimPerspective = Literal["council", "council_and_others"]
ClaimStream = Literal["cashable", "internal", "total"]
_FINANCIAL_YEAR = r"^[0-9]{4}/[0-9]{2}$"


class Claim(InputModel):
    """One published total on its stated terms, set beside the estimate's on the same terms."""

    gbp: Annotated[Number, Field(ge=-1e12, le=1e12)] = Field(
        description="The total as published, in the scenario's price year."
    )
    stream: ClaimStream = Field(
        default="total",
        description="cashable, internal, or total (the council's: cashable + internal).",
    )
    basis: ClaimBasis = Field(
        default="gross",
        description="gross (cost avoided) or net (cost avoided less the programme cost).",
    )
    perspective: ClaimPerspective = Field(
        default="council",
        description="council, or council_and_others (adds other agencies' avoided costs; "
        "total only).",
    )
    years: Annotated[int, Field(ge=1, le=100)] | None = Field(
        default=None, description="Years 1 to this after each avoided birth; or give a window."
    )
    first_financial_year: Annotated[str, Field(pattern=_FINANCIAL_YEAR)] | None = Field(
        default=None, description="A financial-year window's first year, YYYY/YY (a calendar)."
    )
    last_financial_year: Annotated[str, Field(pattern=_FINANCIAL_YEAR)] | None = Field(
        default=None, description="A financial-year window's last year, YYYY/YY (a calendar)."
    )
    source: Source | None = Field(
        default=None, description="Where this claim is published; omitted: published.source."
    )

    @model_validator(mode="after")
    def _one_horizon(self) -> Self:
        window = (self.first_financial_year, self.last_financial_year)
        if self.years is None and window == (None, None):
            raise ValueError(
                "a claim names its horizon: years (after each birth) or first_financial_year "
                "and last_financial_year"
            )
        if self.years is not None and window != (None, None):
            raise ValueError("a claim gives years or a financial-year window, not both")
        if self.years is None and None in window:
            raise ValueError(
                "a financial-year window gives first_financial_year and last_financial_year"
            )
        first, last = window
        if first is not None and last is not None and first > last:
            raise ValueError(f"first_financial_year {first} is after last_financial_year {last}")
        if self.perspective == "council_and_others" and self.stream != "total":
            raise ValueError(
                f"council_and_others adds other agencies' costs to the council's total; "
                f"stream {self.stream} is the council's own: allowed with it: total"
            )
        return self
