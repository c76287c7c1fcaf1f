"""A region: many councils costed in one run, each from a scenario with local overrides."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from pause_cost.model.base import InputModel, Number, Slug, Source, Text
from pause_cost.model.month import MonthText
from pause_cost.model.tables import OptionalNation, at_key


class Override(InputModel):
    """An input of the council's scenario set to a local figure, with its source."""

    path: Text = Field(description="An input path, as --set takes it: cohort.women_open.")
    value: Number
    source: Source


class Council(InputModel):
    """One council: the scenario it is costed with (which names its tables) and its own figures."""

    name: Text
    nation: OptionalNation = None
    scenario: Text = Field(description="Scenario file, a path from the region file's folder.")
    women_open: int | None = Field(default=None, ge=0, le=100_000)
    women_source: Source | None = None
    practices: int | None = Field(default=None, ge=1, le=1000)
    start: MonthText | None = Field(
        default=None,
        description="The council's start month: the cohort's start, or the practice's first.",
    )
    unit_costs: list[Text] | None = Field(
        default=None,
        min_length=1,
        max_length=50,
        description="Tables (shipped names or files from the region file's folder) in place of "
        "the scenario's.",
    )
    overrides: list[Override] = Field(default_factory=list, max_length=100)
    assumption: Text | None = Field(default=None, description="What is judged: flagged.")
    dfe_area: Text | list[Text] | None = Field(
        default=None,
        description="The council's area as the DfE's starters CSV names it (la_name), or the "
        "areas it is now (Northamptonshire is North and West Northamptonshire since 2021), "
        "their counts added; default: its name.",
    )

    @model_validator(mode="after")
    def _women(self) -> Self:
        if self.women_open is not None and self.practices is not None:
            raise ValueError("give women_open or practices, not both")
        if (self.women_open is None) != (self.women_source is None):
            raise ValueError("women_open and women_source go together")
        return self


class Region(InputModel):
    """Councils costed together: a per-council table and the region's total."""

    name: Slug
    title: Text
    source: Source | None = None
    starters: Text | None = Field(
        default=None,
        description="A downloaded copy of the DfE's 'CLA starting during the year - "
        "characteristics - by local authority' CSV, a path from the region file's folder: each "
        "council's children under 1 starting to be looked after beside its estimate.",
    )
    councils: list[Council] = Field(min_length=1, max_length=500)

    @model_validator(mode="after")
    def _each_once(self) -> Self:
        seen: set[str] = set()
        for index, council in enumerate(self.councils):
            key = " ".join(council.name.casefold().split())  # case and spacing aside
            if key in seen:
                raise at_key(
                    f"councils.{index}.name",
                    f"council {council.name!r} is named twice: each council once, or its "
                    "figures would be counted twice in the region's total",
                )
            seen.add(key)
        return self
