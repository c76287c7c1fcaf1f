"""The calculation: a scenario and its unit-cost tables in, an :class:`Estimate` out.

Pure: no files, no printing, no clock. Arithmetic is exact decimal throughout, so the same
inputs give the same figures to the penny on every machine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import get_args

from pause_cost.model.indices import PriceIndex
from pause_cost.model.scenario import LineOverride, ProgrammeCost, Published, Scenario
from pause_cost.model.tables import Classification, Line, UnitCostTable, line_ref
from pause_cost.money import round_half_up, to_decimal
from pause_cost.results.estimate import (
    Amounts,
    AvoidedBirths,
    Estimate,
    Flag,
    IndexSummary,
    LineResult,
    Period,
    Programme,
    PublishedCheck,
    PublishedComparison,
    ScenarioSummary,
    TableSummary,
    YearAmounts,
)

MONTHS_PER_YEAR = Decimal(12)
ZERO = Decimal(0)


def window_years(scenario: Scenario) -> Decimal:
    """Programme months plus gestation months, in years (Rotherham: (18 + 9) / 12 = 2.25)."""
    window = scenario.pause_window
    months = to_decimal(window.programme_months) + to_decimal(window.gestation_months)
    return months / MONTHS_PER_YEAR


def avoided_births(scenario: Scenario) -> AvoidedBirths:
    """Women open x births per woman per year x window years, counted as the scenario says."""
    cohort = scenario.cohort
    exact = (
        Decimal(cohort.women_open)
        * to_decimal(cohort.birth_rate_per_woman_per_year)
        * window_years(scenario)
    )
    counted = round_half_up(exact) if scenario.avoided_births_counting == "round_half_up" else exact
    return AvoidedBirths(exact=exact, counted=counted, counting=scenario.avoided_births_counting)


def per_birth_per_year(line: Line) -> Decimal:
    """What one avoided birth saves on this line in each year the line falls in."""
    return (
        to_decimal(line.amount_gbp)
        * to_decimal(line.quantity_per_child)
        * to_decimal(line.share_of_children)
    )


def years_within(line: Line, last_year: int) -> int:
    """How many of the line's years fall in years 1 to ``last_year``."""
    return max(0, min(line.final_year, last_year) - line.first_year + 1)


def uprating(
    price_year: str | None,
    table: UnitCostTable,
    line: Line,
    indices: Mapping[str, PriceIndex],
) -> tuple[Decimal, PriceIndex | None]:
    """The factor that states a line in ``price_year`` prices, and the index giving it."""
    if price_year is None:
        return Decimal(1), None
    reference = table.index_reference(line)
    if reference is None or reference not in indices:
        raise ValueError(f"{table.name}/{line.id}: no price index {reference!r} to uprate it with")
    index = indices[reference]
    return index.factor(line.price_year, price_year), index


def overridden(
    table: UnitCostTable, line: Line, overrides: Sequence[LineOverride]
) -> tuple[Line, LineOverride | None]:
    """The line with the scenario's own share, quantity or years, if the scenario gives any."""
    for override in overrides:
        if override.line == line_ref(table.name, line.id):
            return line.with_changes(override.changes()), override
    return line, None


def estimate(
    scenario: Scenario,
    tables: Sequence[UnitCostTable],
    indices: Mapping[str, PriceIndex] | None = None,
) -> Estimate:
    """Cost avoidance for a scenario, by year, period, classification and line.

    With a scenario ``price_year``, each line is uprated from its own price year with the
    index its line or table names (``indices`` must hold them; ``load_inputs`` loads them).
    """
    indices = indices or {}
    births = avoided_births(scenario)
    counted = births.counted
    horizon_years = scenario.horizon_years
    immediate_years = scenario.immediate_years

    by_class: dict[Classification, list[Decimal]] = {
        classification: [ZERO] * horizon_years for classification in get_args(Classification)
    }
    line_results: list[LineResult] = []
    used: dict[str, PriceIndex] = {}
    for table in tables:
        for original in table.lines:
            line, override = overridden(table, original, scenario.line_overrides)
            factor, index = uprating(scenario.price_year, table, line, indices)
            index_name = None
            if index is not None:
                index_name = index.name
                used[index_name] = index
            yearly = per_birth_per_year(line) * factor * counted
            for year in range(line.first_year, min(line.final_year, horizon_years) + 1):
                by_class[line.classification][year - 1] += yearly
            line_results.append(
                _line_result(
                    table.name,
                    line,
                    yearly,
                    (factor, index_name),
                    (immediate_years, horizon_years),
                    override.reason if override is not None else None,
                )
            )

    by_year = [
        _year(
            year,
            by_class["cashable"][year - 1],
            by_class["internal"][year - 1],
            by_class["other_agency"][year - 1],
        )
        for year in range(1, horizon_years + 1)
    ]
    immediate = _period(by_year[:immediate_years])
    horizon = _period(by_year)
    programme = _programme(scenario.programme_cost, horizon.total_gbp, by_year)
    published = _published(scenario.published, births, immediate, horizon)
    return Estimate(
        scenario=_summary(scenario),
        price_year=scenario.price_year,
        price_indices=[
            IndexSummary(
                name=index.name,
                title=index.title,
                first_year=index.first_year,
                last_year=index.last_year,
                source=index.source,
            )
            for index in used.values()
        ],
        tables=[_table_summary(table) for table in tables],
        avoided_births=births,
        immediate=immediate,
        horizon=horizon,
        by_year=by_year,
        lines=line_results,
        programme=programme,
        published=published,
        flags=_flags(scenario, line_results, births, programme),
    )


def _year(year: int, cashable: Decimal, internal: Decimal, other: Decimal) -> YearAmounts:
    return YearAmounts(
        year=year,
        cashable_gbp=cashable,
        internal_gbp=internal,
        total_gbp=cashable + internal,
        other_agencies_gbp=other,
    )


def _period(years: Sequence[YearAmounts]) -> Period:
    cashable = sum((year.cashable_gbp for year in years), ZERO)
    internal = sum((year.internal_gbp for year in years), ZERO)
    return Period(
        years=len(years),
        cashable_gbp=cashable,
        internal_gbp=internal,
        total_gbp=cashable + internal,
        other_agencies_gbp=sum((year.other_agencies_gbp for year in years), ZERO),
    )


def _line_result(
    table: str,
    line: Line,
    yearly: Decimal,
    uprated: tuple[Decimal, str | None],
    periods: tuple[int, int],
    override: str | None,
) -> LineResult:
    immediate_years, horizon_years = periods
    return LineResult(
        table=table,
        id=line.id,
        item=line.item,
        stage=line.stage,
        classification=line.classification,
        agency=line.agency,
        amount_gbp=to_decimal(line.amount_gbp),
        unit=line.unit,
        quantity_per_child=to_decimal(line.quantity_per_child),
        share_of_children=to_decimal(line.share_of_children),
        first_year=line.first_year,
        last_year=line.final_year,
        per_avoided_birth_per_year_gbp=per_birth_per_year(line) * uprated[0],
        immediate_gbp=yearly * years_within(line, immediate_years),
        horizon_gbp=yearly * years_within(line, horizon_years),
        source=line.source,
        price_year=line.price_year,
        price_index=uprated[1],
        uprating_factor=uprated[0],
        derivation=line.derivation,
        assumption=line.assumption,
        override=override,
    )


def programme_cost_by_year(cost: ProgrammeCost, horizon_years: int) -> list[Decimal]:
    """The programme's cost in each year of the horizon, for the payback test.

    Yearly costs fall in years 1, 2, ... (a part year last); a total with no profile is taken
    as spent in year 1, which can only make payback later, never earlier.
    """
    by_year = [ZERO] * horizon_years
    if cost.total_gbp is not None:
        by_year[0] = to_decimal(cost.total_gbp)
        return by_year
    assert cost.per_year_gbp is not None  # the model ensures both are given
    assert cost.years is not None
    per_year, remaining = to_decimal(cost.per_year_gbp), to_decimal(cost.years)
    for index in range(horizon_years):
        share = min(Decimal(1), remaining)
        if share <= 0:
            break
        by_year[index] = per_year * share
        remaining -= share
    return by_year


def programme_total(cost: ProgrammeCost) -> Decimal:
    """What the programme costs in all: the total, or per year x years."""
    if cost.total_gbp is not None:
        return to_decimal(cost.total_gbp)
    assert cost.per_year_gbp is not None  # the model ensures both are given
    assert cost.years is not None
    return to_decimal(cost.per_year_gbp) * to_decimal(cost.years)


def _programme(
    cost: ProgrammeCost | None, horizon_total: Decimal, by_year: Sequence[YearAmounts]
) -> Programme:
    if cost is None:
        return Programme(
            cost_gbp=None,
            net_gbp=None,
            return_per_pound=None,
            payback_year=None,
            cost_by_year_gbp=[],
            source=None,
        )
    total = programme_total(cost)
    cost_by_year = programme_cost_by_year(cost, len(by_year))
    payback_year = None
    saved = spent = ZERO
    for year, amounts in enumerate(by_year, start=1):
        saved += amounts.total_gbp
        spent += cost_by_year[year - 1]
        if saved >= spent and spent > 0:
            payback_year = year
            break
    return Programme(
        cost_gbp=total,
        net_gbp=horizon_total - total,
        return_per_pound=horizon_total / total if total > 0 else None,
        payback_year=payback_year,
        cost_by_year_gbp=cost_by_year,
        source=cost.source,
    )


def _published(
    published: Published | None, births: AvoidedBirths, immediate: Amounts, horizon: Amounts
) -> PublishedComparison | None:
    if published is None:
        return None
    ours: dict[str, Decimal] = {
        "avoided_births": births.counted,
        "immediate_cashable_gbp": immediate.cashable_gbp,
        "immediate_internal_gbp": immediate.internal_gbp,
        "immediate_total_gbp": immediate.total_gbp,
        "horizon_cashable_gbp": horizon.cashable_gbp,
        "horizon_internal_gbp": horizon.internal_gbp,
        "horizon_total_gbp": horizon.total_gbp,
    }
    checks = []
    for figure, estimated in ours.items():
        value = getattr(published, figure)
        if value is None:
            continue
        given = to_decimal(value)
        places = max(0, -int(given.as_tuple().exponent))
        checks.append(
            PublishedCheck(
                figure=figure,
                published=given,
                estimated=estimated,
                difference=round_half_up(estimated, places) - given,
            )
        )
    return PublishedComparison(source=published.source, checks=checks)


def _summary(scenario: Scenario) -> ScenarioSummary:
    window = scenario.pause_window
    return ScenarioSummary(
        name=scenario.name,
        title=scenario.title,
        council=scenario.council,
        women_open=scenario.cohort.women_open,
        birth_rate_per_woman_per_year=to_decimal(scenario.cohort.birth_rate_per_woman_per_year),
        programme_months=to_decimal(window.programme_months),
        gestation_months=to_decimal(window.gestation_months),
        window_years=window_years(scenario),
        avoided_births_counting=scenario.avoided_births_counting,
        immediate_years=scenario.immediate_years,
        horizon_years=scenario.horizon_years,
        unit_costs=list(scenario.unit_costs),
        cohort_source=scenario.cohort.source,
    )


def _table_summary(table: UnitCostTable) -> TableSummary:
    return TableSummary(
        name=table.name,
        title=table.title,
        edition=table.edition,
        lines=len(table.lines),
        price_years=table.price_years,
    )


def _flags(
    scenario: Scenario,
    lines: Sequence[LineResult],
    births: AvoidedBirths,
    programme: Programme,
) -> list[Flag]:
    """What a reader must see, read from the lines as costed (after any overrides)."""
    flags: list[Flag] = []
    if births.counted != births.exact:
        flags.append(
            Flag(
                code="births_rounded",
                message=f"Avoided births were rounded from {births.exact.normalize():f} to "
                f"{births.counted.normalize():f} before costing, as the scenario asks.",
            )
        )
    assumed = [line_ref(line.table, line.id) for line in lines if line.assumption]
    if assumed:
        flags.append(
            Flag(
                code="assumption",
                message=f"{len(assumed)} line(s) rest on an assumption rather than a published "
                "figure; see each line's assumption.",
                lines=assumed,
            )
        )
    price_years = sorted({line.price_year for line in lines})
    if scenario.price_year is None and len(price_years) > 1:
        flags.append(
            Flag(
                code="mixed_price_years",
                message=f"Lines are priced in different years ({', '.join(price_years)}) and "
                "are added without uprating to one price year.",
            )
        )
    overrides = [line_ref(line.table, line.id) for line in lines if line.override is not None]
    if overrides:
        flags.append(
            Flag(
                code="line_overrides",
                message=f"{len(overrides)} line(s) use the scenario's own share, quantity or "
                "years in place of the table's; see each line's override.",
                lines=overrides,
            )
        )
    beyond = [
        line_ref(line.table, line.id) for line in lines if line.last_year > scenario.horizon_years
    ]
    if beyond:
        flags.append(
            Flag(
                code="costs_beyond_horizon",
                message=f"{len(beyond)} line(s) run past year {scenario.horizon_years}; "
                "costs after the horizon are left out.",
                lines=beyond,
            )
        )
    if programme.cost_gbp is None:
        flags.append(
            Flag(
                code="gross_not_net",
                message="No programme cost given: figures are gross cost avoidance, not net "
                "of what the practice costs.",
            )
        )
    elif programme.payback_year is None:
        flags.append(
            Flag(
                code="no_payback_within_horizon",
                message=f"Cumulative avoidance does not cover cumulative programme cost within "
                f"{scenario.horizon_years} years.",
            )
        )
    return flags
