"""The scenario: who is on the programme, for how long, and what it costs.

Bounds are wide enough for any real practice or region and narrow enough to catch a slip of
the keyboard (a birth rate of 33 a year, a horizon of 200 years).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import Field, ValidationInfo, field_validator, model_validator

from pause_cost.model.base import InputModel, Number, PriceYear, Slug, Source, Text
from pause_cost.model.births import GivenBirths, check_births_given
from pause_cost.model.business import BusinessCase
from pause_cost.model.claims import Claim as Claim
from pause_cost.model.contract import Contract
from pause_cost.model.decision import EvppiGroup, ValueOfInformation
from pause_cost.model.economics import (
    Adjustments,
    CostYear,
    Discounting,
    EvaluationRoute,
    Funder,
    NominalCash,
    ObservedBirths,
    Persistence,
    Practice,
    ScaleOfNeed,
)
from pause_cost.model.funding import check_funders
from pause_cost.model.month import MonthText
from pause_cost.model.overrides import LineOverride as LineOverride
from pause_cost.model.tables import OptionalNation
from pause_cost.model.uncertainty import Correlation, Uncertain

Counting = Literal["exact", "round_half_up"]
BirthConvention = Literal["pause", "conception_window"]
CostPrices = Literal["cash", "real"]


class Cohort(InputModel):
    """The women open on the programme (long-acting contraception in place)."""

    women_open: int = Field(
        ge=0, le=100_000, description="Women open on the programme (whole number)."
    )
    birth_rate_per_woman_per_year: Annotated[Number, Field(ge=0, le=2)] | None = Field(
        default=None,
        description="Births per woman per year without the programme, from birthing histories "
        "(or give avoided_births).",
    )
    avoided_births: GivenBirths | None = Field(
        default=None,
        description="A published count of the cohort's avoided births, with its source, "
        "costed as given in place of women x rate x window.",
    )
    source: Source
    name: Text | None = Field(default=None, max_length=200)
    start: MonthText | None = Field(
        default=None, description="The month the cohort's programme starts, YYYY-MM."
    )
    birth_profile: list[Annotated[Number, Field(ge=0, le=1e6)]] | None = Field(
        default=None,
        max_length=600,
        description="Weights, one per month of the window, for when the avoided births would "
        "have fallen (only their ratios matter); uniform if omitted.",
    )
    observed: ObservedBirths | None = Field(
        default=None, description="Births on the programme that happened anyway (ex-post)."
    )
    ramp_up_months: int | None = Field(
        default=None,
        ge=1,
        le=120,
        description="Months over which the women become open, evenly, from the start (at most "
        "the programme's months); all open at the start if omitted. Moves births later on a "
        "calendar, never their number.",
    )

    @model_validator(mode="after")
    def _births_one_way(self) -> Self:
        check_births_given(self)
        return self


class PauseWindow(InputModel):
    """How long a woman is taken to be without a birth because of the programme."""

    programme_months: Number = Field(default=Decimal(18), gt=0, le=120)
    gestation_months: Number = Field(default=Decimal(9), ge=0, le=12)
    source: Source | None = None
    convention: BirthConvention = Field(
        default="pause",
        description="How avoided births are counted: 'pause', rate x (programme + gestation) "
        "months, the published convention that reproduces Pause's figures (the default); or "
        "'conception_window', rate x programme months, the conceptions the programme prevents.",
    )
    convention_source: Source | None = Field(
        default=None,
        description="Where the counting convention comes from; for 'pause' the window's source "
        "serves.",
    )


class ProgrammeCost(InputModel):
    """What the practice costs: per year for a number of years, one total, or a profile."""

    per_year_gbp: Annotated[Number, Field(ge=0, le=1e9)] | None = None
    years: Annotated[Number, Field(gt=0, le=50)] | None = None
    total_gbp: Annotated[Number, Field(ge=0, le=1e10)] | None = None
    profile: list[CostYear] | None = Field(
        default=None,
        min_length=1,
        max_length=50,
        description="Set-up and running costs by council financial year, in order.",
    )
    per_practice: bool = Field(
        default=False,
        description="The figures are for one practice: multiplied by the practices running.",
    )
    prices: CostPrices | None = Field(
        default=None,
        description="The prices the cost is stated in: 'cash', in the financial years it is "
        "spent (converted to the price year with the GDP deflator), or 'real' at price_year. "
        "Omitted: flagged, and present values and money of the day are refused.",
    )
    price_year: PriceYear | None = Field(
        default=None, description="With prices: real, the price year the cost is stated in."
    )
    source: Source

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        yearly = self.per_year_gbp is not None or self.years is not None
        forms = [yearly, self.total_gbp is not None, self.profile is not None]
        if sum(forms) > 1:
            raise ValueError(
                "give one of: per_year_gbp with years, total_gbp, or profile, not more than one"
            )
        if yearly and (self.per_year_gbp is None or self.years is None):
            raise ValueError("per_year_gbp and years go together: give both")
        if not any(forms):
            raise ValueError("give per_year_gbp with years, total_gbp, or profile")
        if self.profile is not None:
            years = [year.financial_year for year in self.profile]
            if years != sorted(set(years)):
                raise ValueError(
                    "profile's financial years must each appear once, in order (2018/19, "
                    "2019/20, ...)"
                )
        if self.prices == "real" and self.price_year is None:
            raise ValueError(
                "prices: real states the cost at a price year: give programme_cost.price_year"
            )
        if self.prices != "real" and self.price_year is not None:
            raise ValueError(
                "programme_cost.price_year goes with prices: real; a cash cost is in the years "
                "it is spent"
            )
        return self


class Published(InputModel):
    """Figures a report published for this scenario, to check the estimate against."""

    source: Source
    price_year: PriceYear | None = Field(
        default=None,
        description="The price year the published sums of money are in. Omitted: the unit "
        "costs' own, where every line states one; else not known. Where the estimate's price "
        "year differs, the estimate is brought back to it before comparing.",
    )
    avoided_births: Annotated[Number, Field(ge=0, le=1_000_000)] | None = None
    immediate_cashable_gbp: Annotated[Number, Field(ge=0, le=1e12)] | None = None
    immediate_internal_gbp: Annotated[Number, Field(ge=0, le=1e12)] | None = None
    immediate_total_gbp: Annotated[Number, Field(ge=0, le=1e12)] | None = None
    horizon_cashable_gbp: Annotated[Number, Field(ge=0, le=1e12)] | None = None
    horizon_internal_gbp: Annotated[Number, Field(ge=0, le=1e12)] | None = None
    horizon_total_gbp: Annotated[Number, Field(ge=0, le=1e12)] | None = None
    claims: list[Claim] | None = Field(
        default=None,
        max_length=100,
        description="Published totals on stated terms: horizon, gross or net, whose costs.",
    )


class Scenario(InputModel):
    """One costing: a cohort, a pause window, unit-cost tables and the periods reported."""

    name: Slug
    title: Text | None = None
    council: Text
    nation: OptionalNation = Field(
        default=None,
        description="The UK nation the council is in: england, scotland, wales or "
        "northern_ireland. A table stating another nation is flagged (nation_mismatch); "
        "omitted: not stated, and tables are not checked against it.",
    )
    notes: Text | None = None
    extends: Text | None = Field(
        default=None,
        description="A base scenario file, relative to this one: its keys, with this file's "
        "over them (mappings merged key by key; anything else replaced whole).",
    )
    cohort: Cohort | None = Field(
        default=None, description="One cohort; or give cohorts, or a practice."
    )
    cohorts: list[Cohort] | None = Field(
        default=None, min_length=1, max_length=200, description="Cohorts, each with its start."
    )
    practice: Practice | None = Field(
        default=None, description="A practice run cohort after cohort, from which cohorts follow."
    )
    pause_window: PauseWindow = PauseWindow()
    avoided_births_counting: Counting = Field(
        default="exact",
        description="'exact' costs fractional births; 'round_half_up' rounds to whole births "
        "first, as Pause's own tool did (14.85 -> 15).",
    )
    unit_costs: list[Text] = Field(
        min_length=1,
        max_length=20,
        description="Unit-cost tables, each a shipped table's name or a path to a YAML file.",
    )
    price_year: PriceYear | None = Field(
        default=None,
        description="State every figure in this financial year's prices, uprating each line "
        "with its table's (or its own) price_index. Omitted: lines keep their own price years.",
    )
    horizon_years: int = Field(default=5, ge=1, le=50)
    immediate_years: int = Field(default=1, ge=1, le=50)
    programme_cost: ProgrammeCost | None = None
    line_overrides: list[LineOverride] = Field(default_factory=list, max_length=1000)
    published: Published | None = None
    funders: list[Funder] | None = Field(
        default=None,
        min_length=1,
        max_length=20,
        description="Who pays the programme, by share, and whose cost avoided falls to them.",
    )
    headline_view: Text | None = Field(
        default=None,
        max_length=200,
        description="The funder (by name) whose own position the headline gives: its cost "
        "avoided against its own share. Omitted: the council's funder where funders are given.",
    )
    discounting: Discounting | None = Field(
        default=None, description="Present values, NPV and BCR at a schedule's rates."
    )
    deflator: Text | None = Field(
        default=None,
        max_length=500,
        description="The price index (a shipped name or a path) that converts a programme cost "
        "in cash or at another price year to the price year: the GDP deflator, as the Green Book "
        "uses it for general inflation. Omitted: the latest shipped GDP deflator vintage.",
    )
    nominal_cash: NominalCash | None = Field(
        default=None, description="Cash by financial year in money of the day."
    )
    adjustments: Adjustments | None = Field(
        default=None, description="Removal share, optimism bias, deadweight, attribution."
    )
    persistence: Persistence | None = Field(
        default=None, description="Months the pause lasts after the window (beyond evidence)."
    )
    evaluation_route: EvaluationRoute | None = None
    scale_of_need: ScaleOfNeed | None = None
    value_of_information: ValueOfInformation | None = Field(
        default=None,
        description="The decisions and the study the value of information is set beside.",
    )
    evppi_groups: list[EvppiGroup] = Field(
        default_factory=list,
        max_length=20,
        description="Groups of drawn inputs whose EVPPI voi and appraise give jointly (each "
        "a list of input paths learnt together), beside each input's own.",
    )
    uncertainty: list[Uncertain] = Field(
        default_factory=list,
        max_length=2000,
        description="Inputs' plausible ranges and distributions, for sensitivity, break-even "
        "and simulate.",
    )
    uncertainty_files: list[Text] = Field(
        default_factory=list,
        max_length=20,
        description="Files of ranges kept apart from the scenario (paths relative to it).",
    )
    correlations: list[Correlation] = Field(default_factory=list, max_length=100)
    contract: Contract | None = Field(
        default=None,
        description="An outcomes contract for the practice: see `pause-cost contract`.",
    )
    business_case: BusinessCase | None = Field(
        default=None, description="The council's payback threshold and its figures' sources."
    )

    @field_validator("immediate_years")
    @classmethod
    def _immediate_within_horizon(cls, immediate_years: int, info: ValidationInfo) -> int:
        horizon_years = info.data.get("horizon_years")
        if horizon_years is not None and immediate_years > horizon_years:
            raise ValueError(
                f"{immediate_years} years is longer than horizon_years ({horizon_years}); "
                f"allowed: 1 to {horizon_years}"
            )
        return immediate_years

    def _on_calendar(self) -> bool:
        given = [self.cohort] if self.cohort is not None else list(self.cohorts or [])
        return self.practice is not None or any(cohort.start for cohort in given)

    def on_calendar(self) -> bool:
        """Cohorts with start months, or a practice: cash falls in financial years."""
        return self._on_calendar()

    def _check_calendar(self) -> None:
        """A calendar counts whole months: the window, the programme and a yearly cost's."""
        given = [self.cohort] if self.cohort is not None else list(self.cohorts or [])
        if not self._on_calendar():
            return
        window = self.pause_window
        parts = {
            "pause_window.programme_months": window.programme_months,
            "pause_window.gestation_months": window.gestation_months,
        }
        if self.persistence is not None:
            parts["persistence.months"] = self.persistence.months
        for name, months in parts.items():
            if months != months.to_integral_value():
                raise ValueError(
                    f"{name} is {months}: a calendar (a start month) counts whole months"
                )
        cost = self.programme_cost
        if cost is not None and cost.years is not None:
            months = cost.years * 12
            if months != months.to_integral_value():
                raise ValueError(
                    f"programme_cost.years is {cost.years}, {months} months: a calendar "
                    "counts whole months"
                )
        window_months = int(sum(parts.values(), Decimal(0)))
        for index, cohort in enumerate(given):
            if cohort.birth_profile is not None and len(cohort.birth_profile) != window_months:
                where = "cohort" if self.cohort is not None else f"cohorts.{index}"
                raise ValueError(
                    f"{where}.birth_profile has {len(cohort.birth_profile)} weights for a "
                    f"{window_months}-month window: give one weight per month"
                )
            if cohort.birth_profile is not None and not any(cohort.birth_profile):
                raise ValueError("a birth_profile's weights add up to 0: give some month weight")

    def _check_ramp_up(self) -> None:
        """A ramp-up spreads the women's start over the programme's first months, no longer."""
        given = [self.cohort] if self.cohort is not None else list(self.cohorts or [])
        for index, cohort in enumerate(given):
            if cohort.ramp_up_months is None:
                continue
            where = "cohort" if self.cohort is not None else f"cohorts.{index}"
            programme = self.pause_window.programme_months
            if cohort.ramp_up_months > programme:
                raise ValueError(
                    f"{where}.ramp_up_months is {cohort.ramp_up_months}, longer than the "
                    f"{programme}-month programme: women become open over the programme's "
                    f"first months, so give at most {programme}"
                )
            if cohort.birth_profile is not None:
                raise ValueError(
                    f"{where} gives both ramp_up_months and birth_profile: a profile already "
                    "says when births fall; give one"
                )

    @model_validator(mode="after")
    def _one_way_to_give_women(self) -> Self:
        given = [
            name for name in ("cohort", "cohorts", "practice") if getattr(self, name) is not None
        ]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of cohort, cohorts or practice"
                + (f" (given: {', '.join(given)})" if given else "")
            )
        if self.cohorts is not None:
            started = [cohort.start is not None for cohort in self.cohorts]
            if any(started) and not all(started):
                raise ValueError(
                    "give every cohort a start month, or none: the calendar needs them all"
                )
        self._check_calendar()
        self._check_ramp_up()
        if self.nominal_cash is not None and not self._on_calendar():
            raise ValueError(
                "nominal_cash states cash by financial year, which needs a calendar: give the "
                "cohort a start month (or a practice)"
            )
        check_funders(self.funders, self.programme_cost is not None, self.headline_view)
        return self
