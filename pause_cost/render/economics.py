"""The economic case's blocks: cohorts, financial years, funders, present
values, the bridge, the two routes, the scale of need and the forecast less births observed.

Each part appears only where the estimate carries it. Nothing here computes a figure.
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.render.document import (
    MARKDOWN,
    TEXT,
    Block,
    Column,
    Count,
    Gap,
    Money,
    Paragraph,
    Ratio,
    Row,
    Table,
)
from pause_cost.render.perspectives import perspective_blocks
from pause_cost.render.scale import scale_blocks
from pause_cost.results.economics import Economics
from pause_cost.results.estimate import Estimate

BIRTH_PLACES = 2
"""Births by financial year shown to two places (15 births over 27 months: 6.67 in 2019/20)."""

FACTOR_PLACES = 4
"""Discount and inflation factors shown to four places (0.9662)."""


def _numeric(*labels: str) -> tuple[Column, ...]:
    return tuple(Column(label, numeric=True) for label in labels)


def _titled(blocks: list[Block]) -> list[Block]:
    """Each table headed by its title in a report, where tables carry no caption."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(Paragraph(f"{block.title}:", media=MARKDOWN))
        out.append(block)
    return out


def economics_blocks(estimate: Estimate) -> list[Block]:
    """The economic case's tables, in reading order; none where the scenario asks for none."""
    case = estimate.economics
    blocks: list[Block] = []
    parts = (_cohorts, _calendar, _nominal, _funders, perspective_blocks, _appraisal, _bridge)
    for part in (*parts, _routes, scale_blocks):
        found = _titled(part(case))
        blocks += found
        if found and isinstance(found[-1], Paragraph):
            blocks.append(Gap(media=TEXT))
    if case.ex_post is not None:
        post = case.ex_post
        blocks += _titled(
            [
                Table(
                    title="Forecast, and forecast less births observed",
                    columns=(
                        Column("Figure"),
                        *_numeric("Forecast", "Forecast less births observed"),
                    ),
                    rows=(
                        Row(
                            (
                                "Avoided births",
                                Count(post.forecast_births),
                                Count(post.outturn_births),
                            )
                        ),
                        Row(("Births observed on the programme", "", Count(post.observed_births))),
                        Row(
                            (
                                f"Council's avoidance, {estimate.horizon.years} years",
                                Money(post.forecast_total_gbp),
                                Money(post.outturn_total_gbp),
                            )
                        ),
                    ),
                ),
            ]
        )
    return blocks


def _cohorts(case: Economics) -> list[Block]:
    cohorts = case.cohorts
    if len(cohorts) == 1 and cohorts[0].start is None and cohorts[0].observed_births is None:
        return []
    observed = any(cohort.observed_births is not None for cohort in cohorts)
    rows = [
        Row(
            (
                cohort.name,
                cohort.start or "",
                str(cohort.women_open),
                "count given"
                if cohort.birth_rate_per_woman_per_year is None
                else Count(cohort.birth_rate_per_woman_per_year),
                Count(cohort.expected_births_counted),
                *([Count(cohort.observed_births or Decimal(0))] if observed else []),
                Count(cohort.avoided_births),
            )
        )
        for cohort in cohorts
    ]
    return [
        Table(
            title="Cohorts",
            columns=(
                Column("Cohort"),
                Column("Start"),
                *_numeric(
                    "Women",
                    "Birth rate",
                    "Expected births",
                    *(["Observed"] if observed else []),
                    "Avoided births",
                ),
            ),
            rows=tuple(rows),
        )
    ]


def _calendar(case: Economics) -> list[Block]:
    calendar = case.calendar
    if calendar is None:
        return []
    discounted = any(year.present_value_net_gbp is not None for year in calendar.years)
    others = any(year.other_agencies_gbp for year in calendar.years)
    rows = [
        Row(
            (
                year.financial_year,
                Count(year.avoided_births, BIRTH_PLACES),
                Money(year.cashable_gbp),
                Money(year.internal_gbp),
                *([Money(year.other_agencies_gbp)] if others else []),
                Money(year.programme_cost_gbp),
                Money(year.net_gbp),
                Money(year.cumulative_net_gbp),
                *(
                    [Money(year.present_value_net_gbp)]
                    if year.present_value_net_gbp is not None
                    else []
                ),
            )
        )
        for year in calendar.years
    ]
    costed = any(year.programme_cost_gbp for year in calendar.years)
    payback = calendar.payback_financial_year or (
        "not within the cash flow" if costed else "none: no programme cost is given"
    )
    prices = (
        "in the price year's prices (real terms): no forecast inflation index is named"
        if calendar.prices == "real"
        else f"real; money of the day below, inflated by {calendar.nominal_index}"
    )
    return [
        Table(
            title="By council financial year (April to March)",
            columns=(
                Column("Year"),
                *_numeric(
                    "Births",
                    "Cashable",
                    "Internal",
                    *(["Other agencies"] if others else []),
                    "Programme",
                    "Net",
                    "Cumulative",
                    *(["Discounted net"] if discounted else []),
                ),
            ),
            rows=tuple(rows),
        ),
        Paragraph(f"Payback on this basis: {payback}. Cash is {prices}."),
        Paragraph(f"Timing: {calendar.convention}"),
    ]


def _nominal(case: Economics) -> list[Block]:
    calendar = case.calendar
    if calendar is None or not calendar.nominal_years:
        return []
    rows = [
        Row(
            (
                year.financial_year + (" (forecast)" if year.forecast else ""),
                Count(year.inflation_factor, FACTOR_PLACES),
                Money(year.total_gbp),
                Money(year.programme_cost_gbp),
                Money(year.net_gbp),
            )
        )
        for year in calendar.nominal_years
    ]
    return [
        Table(
            title=f"In money of the day ({calendar.nominal_index})",
            columns=(Column("Year"), *_numeric("Inflation", "Avoided", "Programme", "Net")),
            rows=tuple(rows),
        )
    ]


def _funders(case: Economics) -> list[Block]:
    funders = case.funders
    if funders is None:
        return []
    totals = [
        Row(
            (
                position.name,
                Count(position.share_of_programme_cost),
                Money(position.cost_gbp),
                Money(position.savings_gbp),
                Money(position.net_gbp),
            )
        )
        for position in funders.positions
    ]
    by_period = [
        Row(
            (
                position.name,
                period.period,
                Money(period.cost_gbp),
                Money(period.savings_gbp),
                Money(period.net_gbp),
            ),
            group=index == 0,
        )
        for position in funders.positions
        for index, period in enumerate(position.by_period)
    ]
    basis = "financial year" if funders.basis == "financial_year" else "year after each birth"
    return [
        Table(
            title="Funders",
            columns=(Column("Funder"), *_numeric("Share", "Cost", "Cost avoided", "Net")),
            rows=tuple(totals),
        ),
        Table(
            title=f"Funders by {basis}",
            columns=(Column("Funder"), Column("Period"), *_numeric("Cost", "Cost avoided", "Net")),
            rows=tuple(by_period),
        ),
    ]


def _appraisal(case: Economics) -> list[Block]:
    appraisal = case.appraisal
    if appraisal is None:
        return []
    rows = [
        Row(
            ("Council's avoidance", Money(appraisal.benefits_gbp), Money(appraisal.pv_benefits_gbp))
        )
    ]
    if appraisal.bcr is None:
        rows.append(Row(("Programme cost", "not given", "not given")))
    else:
        rows += [
            Row(("Programme cost", Money(appraisal.costs_gbp), Money(appraisal.pv_costs_gbp))),
            Row(("Net", Money(appraisal.net_gbp), Money(appraisal.npv_gbp)), strong=True),
            Row(("Benefit-cost ratio", "", Count(appraisal.bcr, 2))),
        ]
    rows.append(
        Row(("Other agencies' avoidance (not above)", "", Money(appraisal.pv_other_agencies_gbp)))
    )
    return [
        Table(
            title="Present values",
            columns=(Column("Figure"), *_numeric("Undiscounted", "Present value")),
            rows=tuple(rows),
        ),
        Paragraph(
            f"Discounted at {appraisal.schedule} ({appraisal.source.cite()}). Year 0 is "
            f"{appraisal.year_zero}. {appraisal.convention}"
        ),
    ]


def _bridge(case: Economics) -> list[Block]:
    bridge = case.bridge
    if bridge is None:
        return []
    rows = [Row(("Gross avoidance", "", Money(bridge.gross_gbp)))]
    for step in bridge.steps:
        why = step.source.cite() if step.source is not None else f"judgement: {step.assumption}"
        rows.append(
            Row((f"{step.name} ({why})", Count(step.factor), Money(step.change_gbp, signed=True)))
        )
    rows.append(
        Row(
            (
                "Net avoidance (the figures above; factor: net / gross)",
                Count(bridge.share_of_gross),
                Money(bridge.net_gbp),
            ),
            strong=True,
        )
    )
    return [
        Table(
            title="Gross to net",
            columns=(Column("Step"), *_numeric("Factor", "Amount")),
            rows=tuple(rows),
        )
    ]


def _routes(case: Economics) -> list[Block]:
    routes = case.routes
    if routes is None:
        return []
    rows = []
    for route in (routes.per_woman, routes.evaluation):
        per_pound = Ratio(route.return_per_pound) if route.return_per_pound is not None else "n/a"
        rows.append(
            Row(
                (
                    route.name,
                    route.counts,
                    Count(route.units, BIRTH_PLACES),
                    Money(route.avoided_gbp),
                    per_pound,
                )
            )
        )
    if routes.ratio is not None:
        rows.append(Row(("evaluation / per woman", "", "", Count(routes.ratio, FACTOR_PLACES), "")))
    if routes.published_return_per_pound is not None:
        years = (
            f" over {Count(routes.published_return_years).value} years"
            if routes.published_return_years is not None
            else ""
        )
        rows.append(
            Row(
                (
                    f"evaluation's own return{years}",
                    "published; basis not comparable",
                    "",
                    "",
                    Ratio(routes.published_return_per_pound),
                )
            )
        )
    return [
        Table(
            title="Two routes to the cost avoided",
            columns=(Column("Route"), Column("Counts"), *_numeric("Children", "Avoided", "Per £1")),
            rows=tuple(rows),
        ),
        Paragraph(
            f"{routes.note} Per-woman: {routes.per_woman.source.cite()}. Evaluation: "
            f"{routes.evaluation.source.cite()}."
        ),
    ]
