"""An estimate as tidy rows (section, item, period, classification, value, unit): one figure a
row, for a spreadsheet or a script.

The rows are generated from the results' fields, as ``to_data`` generates the JSON: each
section names the fields it publishes (:class:`Figure`: the field, its unit, and its name in
the CSV where that differs), and a field's value becomes its cell by its type and unit
(pounds for ``GBP``, pounds per pound for ``ratio``, any other decimal a count, text and whole
numbers as they are). Nothing here computes a figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pause_cost.money import round_half_up
from pause_cost.render.business_case import business_case_tidy
from pause_cost.render.document import Count, Money, Ratio, Tidy, TidyCell
from pause_cost.render.labels import line_key, years_label
from pause_cost.results.economics import Economics
from pause_cost.results.estimate import Amounts, Estimate

COLUMNS = ("section", "item", "period", "classification", "value", "unit")

Row = tuple[TidyCell, ...]


def cell(value: Any, unit: str) -> TidyCell:
    """A field's value as a tidy cell, by its type and unit."""
    if isinstance(value, Decimal):
        return Money(value) if unit == "GBP" else Ratio(value) if unit == "ratio" else Count(value)
    if value is None or isinstance(value, str | int):
        return value
    raise TypeError(f"no tidy cell for {type(value).__name__}")


@dataclass(frozen=True)
class Figure:
    """One field of a result as a tidy figure."""

    field: str
    unit: str = "GBP"
    name: str = ""
    """Its item in the CSV; by default the field's name less any ``_gbp``."""
    shown: Callable[[Any], TidyCell] | None = None
    """Its cell where the type and unit do not say (a count published with a ratio's unit)."""

    @property
    def item(self) -> str:
        return self.name or self.field.removesuffix("_gbp")

    def of(self, result: Any) -> TidyCell:
        value = getattr(result, self.field)
        if value is None or self.shown is None:
            return cell(value, self.unit)
        return self.shown(value)


def figures(
    section: str,
    result: Any,
    published: Sequence[Figure],
    *,
    named: str | None = None,
    period: str = "",
    classification: str = "",
    keep_empty: bool = False,
) -> list[Row]:
    """A row for each figure of a result, in the order given; a null figure is left out unless
    ``keep_empty``. Where the result is ``named`` (a funder, a route, a bridge's step) the
    name is the row's item and the figure's name its classification."""
    rows: list[Row] = []
    for figure in published:
        value = figure.of(result)
        if value is None and not keep_empty:
            continue
        if named is None:
            rows.append((section, figure.item, period, classification, value, figure.unit))
        else:
            rows.append((section, named, period, figure.item, value, figure.unit))
    return rows


def _in(unit: str, *fields: str) -> tuple[Figure, ...]:
    return tuple(Figure(field, unit) for field in fields)


def _gbp(*names: str) -> tuple[Figure, ...]:
    return _in("GBP", *(f"{name}_gbp" for name in names))


AMOUNTS = _gbp("cashable", "internal", "total", "other_agencies")
"""The four amounts of every period, in the order every output shows them."""

BIRTH_PLACES = 12
"""Births by financial year to 12 places: a spread summed over cohorts carries 20, and its last
digits (9.99999999999999999999) are arithmetic, not information."""

RATE = Figure("birth_rate_per_woman_per_year", "births per woman per year")
INPUTS = (
    Figure("women_open", "women"),
    RATE,
    *_in("months", "programme_months", "gestation_months"),
    *_in("years", "window_years", "immediate_years", "horizon_years"),
    Figure("avoided_births_counting", ""),
)
COHORT = (
    Figure("start", ""),
    Figure("women_open", "women"),
    RATE,
    Figure("expected_births_counted", "births", "expected_births"),
    *_in("births", "observed_births", "avoided_births"),
)
CASH_YEAR = (
    Figure(
        "avoided_births", "births", shown=lambda births: Count(round_half_up(births, BIRTH_PLACES))
    ),
    *AMOUNTS,
    *_gbp("programme_cost", "net", "cumulative_net"),
    Figure("discount_factor", "factor"),
    Figure("present_value_net_gbp"),
)
NOMINAL_YEAR = _gbp("total", "programme_cost", "net")
FUNDER = (Figure("share_of_programme_cost", "share", "share"), *_gbp("cost", "savings", "net"))
FUNDER_PERIOD = _gbp("cost", "savings", "net")
APPRAISAL = (
    *_gbp("benefits", "costs", "net", "pv_benefits", "pv_costs", "npv", "pv_other_agencies"),
    Figure("bcr", "ratio"),
)
BRIDGE_STEP = (Figure("factor", "factor"), Figure("change_gbp", name="change"))
ROUTE = (
    Figure("units", "children", "children"),
    *_gbp("avoided"),
    Figure("return_per_pound", "ratio"),
)
ROUTES = (
    Figure("ratio", "ratio", shown=Count),
    Figure("published_return_per_pound", "ratio", "evaluation_published_return_per_pound"),
)
SCALE = (
    Figure("eligible_women", "women"),
    Figure("practice_cohorts_needed", "practice-cohorts"),
    Figure("avoided_births", "births"),
    *_gbp("avoided"),
)
SCALE_COSTED = _gbp("programme_cost", "net")
EX_POST = (
    *_in("births", "forecast_births", "observed_births", "outturn_births"),
    *_gbp("forecast_total", "outturn_total"),
)


def estimate_tidy(estimate: Estimate) -> Tidy:
    """Every figure of an estimate, one a row."""
    scenario = estimate.scenario
    rows: list[Row] = [
        ("input", item, "", "", text, "")
        for item, text in (
            ("name", scenario.name),
            ("title", scenario.title or ""),
            ("council", scenario.council),
            ("price_year", estimate.price_year or ""),
            ("unit_costs", " ".join(table.name for table in estimate.tables)),
        )
    ]
    rows += figures("input", scenario, INPUTS, keep_empty=True)
    births = estimate.avoided_births
    rows += figures(
        "avoided_births",
        births,
        _in("births", "exact", "counted", *(["observed"] if births.observed else []), "costed"),
    )
    rows += _cost_avoidance(estimate)
    for line in estimate.lines:
        for item, value in (("immediate", line.immediate_gbp), ("horizon", line.horizon_gbp)):
            rows.append(("line", line_key(line), item, line.classification, Money(value), "GBP"))
    rows += _programme(estimate)
    if estimate.published is not None:
        for check in estimate.published.checks:
            unit = "births" if check.figure == "avoided_births" else "GBP"
            rows += figures(
                "published",
                check,
                _in(unit, "published", "estimated", "difference"),
                named=check.figure,
            )
    rows += economics_tidy(estimate.economics)
    rows += business_case_tidy(estimate.economics)
    rows += [("flag", flag.code, "", "", flag.message, "") for flag in estimate.flags]
    return Tidy(COLUMNS, tuple(rows))


def _cost_avoidance(estimate: Estimate) -> list[Row]:
    periods: list[tuple[str, str, Amounts]] = [
        ("immediate", years_label(1, estimate.immediate.years), estimate.immediate),
        ("horizon", years_label(1, estimate.horizon.years), estimate.horizon),
        *(("year", f"year {year.year}", year) for year in estimate.by_year),
    ]
    return [
        ("cost_avoidance", item, period, figure.item, figure.of(amounts), "GBP")
        for item, period, amounts in periods
        for figure in AMOUNTS
    ]


def _programme(estimate: Estimate) -> list[Row]:
    programme = estimate.programme
    rows: list[Row] = []
    if programme.cost_gbp is not None:
        rows.append(("programme", "cost", "", "", Money(programme.cost_gbp), "GBP"))
        rows += [
            ("programme", "cost", f"year {number}", "", Money(cost), "GBP")
            for number, cost in enumerate(programme.cost_by_year_gbp, start=1)
        ]
    rows += figures(
        "programme",
        programme,
        (Figure("net_gbp"), Figure("return_per_pound", "ratio"), Figure("payback_year", "year")),
    )
    return rows


def economics_tidy(case: Economics) -> list[Row]:
    """The economic case's figures, one a row; a part the scenario does not ask for gives
    none."""
    rows: list[Row] = []
    for cohort in case.cohorts:
        rows += figures("cohort", cohort, COHORT, period=cohort.name, keep_empty=True)
    calendar = case.calendar
    if calendar is not None:
        for year in calendar.years:
            rows += figures("financial_year", year, CASH_YEAR, period=year.financial_year)
        rows += figures(
            "financial_year",
            calendar,
            (Figure("payback_financial_year", "financial year", "payback"),),
        )
        for nominal in calendar.nominal_years:
            label = nominal.financial_year
            forecast = "forecast" if nominal.forecast else ""
            rows += figures(
                "nominal",
                nominal,
                (Figure("inflation_factor", "factor"),),
                period=label,
                classification=forecast,
            )
            rows += figures("nominal", nominal, NOMINAL_YEAR, period=label)
    if case.funders is not None:
        for position in case.funders.positions:
            rows += figures("funder", position, FUNDER, named=position.name)
            for period in position.by_period:
                rows += figures(
                    "funder", period, FUNDER_PERIOD, named=position.name, period=period.period
                )
    if case.appraisal is not None:
        appraisal = case.appraisal
        rows += figures("appraisal", appraisal, APPRAISAL, classification=appraisal.schedule)
    if case.bridge is not None:
        rows += figures("bridge", case.bridge, (Figure("gross_gbp"),))
        for step in case.bridge.steps:
            rows += figures("bridge", step, BRIDGE_STEP, named=step.name)
        rows += figures("bridge", case.bridge, (Figure("net_gbp"),))
    if case.routes is not None:
        for route in (case.routes.per_woman, case.routes.evaluation):
            rows += figures("route", route, ROUTE, named=route.name)
        rows += figures("route", case.routes, ROUTES)
    if case.scale is not None:
        scale = case.scale
        rows += figures("scale", scale, SCALE)
        if scale.programme_cost_gbp is not None and scale.net_gbp is not None:
            rows += figures("scale", scale, SCALE_COSTED)
    if case.ex_post is not None:
        rows += figures("ex_post", case.ex_post, EX_POST)
    return rows


SUMMARY_COLUMNS = (
    "scenario",
    "council",
    "price_year",
    "avoided_births",
    "immediate_total_gbp",
    "horizon_cashable_gbp",
    "horizon_internal_gbp",
    "horizon_total_gbp",
    "horizon_other_agencies_gbp",
    "programme_cost_gbp",
    "net_gbp",
    "return_per_pound",
    "payback_year",
    "payback_financial_year",
    "npv_gbp",
    "flags",
)


def summary_rows(estimates: Iterable[Estimate]) -> list[Row]:
    """Several estimates side by side, one row each (the CSV of ``estimate A B ...``)."""
    rows: list[Row] = []
    for estimate in estimates:
        programme = estimate.programme
        case = estimate.economics
        rows.append(
            (
                estimate.scenario.name,
                estimate.scenario.council,
                estimate.price_year or "",
                Count(estimate.avoided_births.counted),
                Money(estimate.immediate.total_gbp),
                *(figure.of(estimate.horizon) for figure in AMOUNTS),
                cell(programme.cost_gbp, "GBP"),
                cell(programme.net_gbp, "GBP"),
                cell(programme.return_per_pound, "ratio"),
                programme.payback_year,
                None if case.calendar is None else case.calendar.payback_financial_year,
                None if case.appraisal is None else Money(case.appraisal.npv_gbp),
                " ".join(flag.code for flag in estimate.flags),
            )
        )
    return rows
