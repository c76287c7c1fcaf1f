"""What a reader must see before quoting a figure: a list of small rules, each a function.

Each rule reads the estimate as assembled (lines after any overrides) and returns a flag or
nothing; the flags come out in the order of :data:`RULES` (beancount runs its validations so).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar, get_args

from pause_cost.model.base import crosses, year_start
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import Stage, line_ref
from pause_cost.results.economics import Economics
from pause_cost.results.estimate import (
    PROMINENT as PROMINENT,  # which flags come first is the results' to say; read here too
)
from pause_cost.results.estimate import (
    AvoidedBirths,
    Flag,
    IndexSummary,
    LineResult,
    Programme,
    TableSummary,
)


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules read."""

    scenario: Scenario
    lines: Sequence[LineResult]
    births: AvoidedBirths
    programme: Programme
    indices: Sequence[IndexSummary] = ()
    tables: Sequence[TableSummary] = ()
    economics: Economics | None = None


Rule = Callable[[Facts], Flag | None]


def _refs(lines: Sequence[LineResult]) -> list[str]:
    return [line_ref(line.table, line.id) for line in lines]


JOURNEY_STAGES = frozenset(get_args(Stage)) - {"whole_journey", "wider_costs"}
"""The stages of a child's journey into care that a ``whole_journey`` line already covers."""


def overlapping_tables(facts: Facts) -> Flag | None:
    """A whole-journey line beside lines of the journey's own stages costs the journey twice."""
    whole = [line for line in facts.lines if line.stage == "whole_journey"]
    staged = [line for line in facts.lines if line.stage in JOURNEY_STAGES]
    if not whole or not staged:
        return None
    whole_tables = sorted({line.table for line in whole})
    staged_tables = sorted({line.table for line in staged})
    return Flag(
        code="overlapping_tables",
        message=f"The journey into care is costed twice: {', '.join(whole_tables)} costs it "
        f"whole and {', '.join(staged_tables)} stage by stage, and both are added. Use one "
        "of them (wider costs may sit beside either).",
        lines=_refs([*whole, *staged]),
    )


def _nation(nation: str) -> str:
    """A nation as written in prose: 'northern_ireland' -> 'Northern Ireland'."""
    return nation.replace("_", " ").title()


class Nationed(Protocol):
    """A table as far as nations go: its name and the nation it states (or None)."""

    @property
    def name(self) -> str: ...
    @property
    def nation(self) -> str | None: ...


NationedT = TypeVar("NationedT", bound=Nationed)


def of_another_nation(nation: str, tables: Sequence[NationedT]) -> list[NationedT]:
    """The tables that state a nation other than ``nation`` (one stating none is unknown)."""
    return [table for table in tables if table.nation is not None and table.nation != nation]


def another_nation_message(nation: str, other: Sequence[Nationed]) -> str:
    """What to say of tables for another nation than the council's."""
    place = _nation(nation)
    return (
        f"The scenario is in {place}, but {_tables_for(other)}: another nation's "
        f"children's system and unit costs do not fit {place}'s, so the figures from "
        f"{'it' if len(other) == 1 else 'them'} are not costs in {place}. Use tables for "
        f"{place}."
    )


def _tables_for(tables: Sequence[Nationed]) -> str:
    """'a is for England, b is for Wales': tables that state their nation."""
    return ", ".join(f"{table.name} is for {_nation(table.nation or '')}" for table in tables)


def _lines_of(facts: Facts, tables: Sequence[TableSummary]) -> list[str]:
    names = {table.name for table in tables}
    return _refs([line for line in facts.lines if line.table in names])


def nation_mismatch(facts: Facts) -> Flag | None:
    """A table stating one nation's costs, used for a council in another (or beside another's).

    A table that states no nation is unknown, not a mismatch (see :func:`nation_unstated`).
    """
    stated = [table for table in facts.tables if table.nation is not None]
    nation = facts.scenario.nation
    if nation is None:
        if len({table.nation for table in stated}) <= 1:
            return None
        return Flag(
            code="nation_mismatch",
            message=f"Tables for different nations are added together ({_tables_for(stated)}): "
            "each nation has its own children's system and unit costs. Use one nation's "
            "tables, and state the scenario's nation (nation:).",
            lines=_lines_of(facts, stated),
        )
    other = of_another_nation(nation, stated)
    if not other:
        return None
    return Flag(
        code="nation_mismatch",
        message=another_nation_message(nation, other),
        lines=_lines_of(facts, other),
    )


def nation_unstated(facts: Facts) -> Flag | None:
    """The scenario states its nation, but a table does not say which nation's costs it holds."""
    nation = facts.scenario.nation
    unstated = [table for table in facts.tables if table.nation is None]
    if nation is None or not unstated:
        return None
    one = len(unstated) == 1
    return Flag(
        code="nation_unstated",
        message=f"The scenario is in {_nation(nation)}, but "
        f"{', '.join(table.name for table in unstated)} {'does' if one else 'do'} not say "
        f"which nation's costs {'it holds' if one else 'they hold'} (no nation: in the "
        f"table): check that {'it fits' if one else 'they fit'} {_nation(nation)}.",
        lines=_lines_of(facts, unstated),
    )


def births_rounded(facts: Facts) -> Flag | None:
    births = facts.births
    rounded = births.counted + births.observed
    if facts.scenario.avoided_births_counting == "exact" or rounded == births.exact:
        return None
    return Flag(
        code="births_rounded",
        message=f"Avoided births were rounded from {births.exact.normalize():f} to "
        f"{rounded.normalize():f} before costing, as the scenario asks.",
    )


def assumption(facts: Facts) -> Flag | None:
    assumed = _refs([line for line in facts.lines if line.assumption])
    if not assumed:
        return None
    return Flag(
        code="assumption",
        message=f"{len(assumed)} line(s) rest on an assumption rather than a published "
        "figure; see each line's assumption.",
        lines=assumed,
    )


def mixed_price_years(facts: Facts) -> Flag | None:
    price_years = sorted({line.price_year for line in facts.lines})
    if facts.scenario.price_year is not None or len(price_years) <= 1:
        return None
    return Flag(
        code="mixed_price_years",
        message=f"Lines are priced in different years ({', '.join(price_years)}) and "
        "are added without uprating to one price year.",
    )


def line_overrides(facts: Facts) -> Flag | None:
    overridden = _refs([line for line in facts.lines if line.override is not None])
    if not overridden:
        return None
    return Flag(
        code="line_overrides",
        message=f"{len(overridden)} line(s) use the scenario's own share, quantity or "
        "years in place of the table's; see each line's override.",
        lines=overridden,
    )


def costs_beyond_horizon(facts: Facts) -> Flag | None:
    horizon_years = facts.scenario.horizon_years
    beyond = _refs([line for line in facts.lines if line.last_year > horizon_years])
    if not beyond:
        return None
    return Flag(
        code="costs_beyond_horizon",
        message=f"{len(beyond)} line(s) run past year {horizon_years}; "
        "costs after the horizon are left out.",
        lines=beyond,
    )


def spliced_index(facts: Facts) -> Flag | None:
    """Figures uprated across a splice's join rest on two indices joined by judgement."""
    price_year = facts.scenario.price_year
    splices = {index.name: index for index in facts.indices if index.joins}
    if price_year is None or not splices:
        return None
    across = [
        line
        for line in facts.lines
        if line.price_index in splices
        and crosses(splices[line.price_index].joins, line.price_year, price_year)
    ]
    if not across:
        return None
    names = sorted({line.price_index for line in across if line.price_index})
    described = "; ".join(
        f"{name} joins {', then '.join(splices[name].spliced_from)} at "
        f"{', '.join(splices[name].joins)}"
        for name in names
    )
    return Flag(
        code="spliced_index",
        message=f"{len(across)} line(s) are uprated to {price_year} across a spliced index "
        f"({described}): each part is named in the output, and the join is a judgement "
        "stated on the splice's own source.",
        lines=_refs(across),
    )


def forecast_uprating(facts: Facts) -> Flag | None:
    """A line uprated to or from a year its index gives only as a forecast."""
    forecasts = {index.name: index.forecast_from for index in facts.indices if index.forecast_from}
    price_year = facts.scenario.price_year
    if not forecasts or price_year is None:
        return None
    found = [
        line
        for line in facts.lines
        if line.price_index in forecasts
        and max(year_start(price_year), year_start(line.price_year))
        >= year_start(forecasts[line.price_index] or price_year)
    ]
    if not found:
        return None
    return Flag(
        code="forecast_uprating",
        message=f"{len(found)} line(s) are uprated with an index's forecast, not outturn "
        f"({', '.join(sorted({line.price_index or '' for line in found}))}).",
        lines=_refs(found),
    )


def gross_not_net(facts: Facts) -> Flag | None:
    if facts.programme.cost_gbp is not None:
        return None
    return Flag(
        code="gross_not_net",
        message="No programme cost given: figures are gross cost avoidance, not net "
        "of what the practice costs.",
    )


def no_payback_within_horizon(facts: Facts) -> Flag | None:
    programme = facts.programme
    if programme.cost_gbp is None or programme.payback_year is not None:
        return None
    return Flag(
        code="no_payback_within_horizon",
        message=f"Cumulative avoidance does not cover cumulative programme cost within "
        f"{facts.scenario.horizon_years} years.",
    )


def payback_per_birth_timing(facts: Facts) -> Flag | None:
    """Without a calendar, every birth and the first year's cost sit together in 'year 1'."""
    case = facts.economics
    if facts.programme.cost_gbp is None or case is None or case.calendar is not None:
        return None
    return Flag(
        code="payback_per_birth_timing",
        message="Payback rests on per-birth timing: every avoided birth and the programme's "
        "first year of cost are placed together in year 1. Give the cohort's start month "
        "for payback by council financial year.",
    )


def removal_share_assumed(facts: Facts) -> Flag | None:
    """Pause's premise, that each avoided birth would have led to a removal, is a default."""
    adjustments = facts.scenario.adjustments
    if adjustments is not None and adjustments.removal_share is not None:
        return None
    return Flag(
        code="removal_share_assumed",
        message="Every avoided birth is costed as a child who would have been removed into "
        "care (Pause's premise, the default); give adjustments.removal_share with a source "
        "to cost a share of them.",
    )


def adjustments_applied(facts: Facts) -> Flag | None:
    case = facts.economics
    if case is None or case.bridge is None:
        return None
    judged = [step.name for step in case.bridge.steps if step.source is None]
    steps = ", ".join(f"{step.name} x{step.factor}" for step in case.bridge.steps)
    return Flag(
        code="adjustments_applied",
        message=f"Cost avoidance is net of adjustments ({steps}): every figure is "
        f"{case.bridge.factor} of gross; see the gross-to-net bridge."
        + (f" Judgements, not sourced: {', '.join(judged)}." if judged else ""),
    )


def observed_births_netted(facts: Facts) -> Flag | None:
    if facts.births.observed == 0:
        return None
    return Flag(
        code="observed_births_netted",
        message=f"{facts.births.observed} birth(s) observed on the programme are netted off "
        "the avoided births (ex-post); the forecast is shown beside the outturn.",
    )


def persistence_beyond_evidence(facts: Facts) -> Flag | None:
    persistence = facts.scenario.persistence
    if persistence is None:
        return None
    return Flag(
        code="persistence_beyond_evidence",
        message=f"The pause is assumed to last {persistence.months} months beyond the window: "
        "beyond the evidence (no study shows it lasting past the 27 months). "
        f"Assumption: {persistence.assumption}",
    )


def scenario_judgements(facts: Facts) -> Flag | None:
    """Judgements a scenario makes outside its tables: funders' shares, a practice's plan."""
    scenario = facts.scenario
    found = [
        f"funder {funder.name}: {funder.assumption}"
        for funder in scenario.funders or []
        if funder.assumption
    ]
    if scenario.practice is not None and scenario.practice.assumption:
        found.append(f"practice: {scenario.practice.assumption}")
    for cohort in [scenario.cohort, *(scenario.cohorts or [])]:
        if cohort is not None and cohort.observed is not None and cohort.observed.assumption:
            found.append(f"observed births: {cohort.observed.assumption}")
    if not found:
        return None
    return Flag(
        code="scenario_judgements",
        message="The scenario rests on judgements: " + "; ".join(found),
    )


def nominal_cash(facts: Facts) -> Flag | None:
    case = facts.economics
    if case is None or case.calendar is None or case.calendar.nominal_index is None:
        return None
    calendar = case.calendar
    forecast = [year.financial_year for year in calendar.nominal_years if year.forecast]
    covered = {year.financial_year for year in calendar.nominal_years}
    beyond = [year.financial_year for year in calendar.years if year.financial_year not in covered]
    if not forecast and not beyond:
        return None
    parts = []
    if forecast:
        parts.append(
            f"money-of-the-day cash for {', '.join(forecast)} uses {calendar.nominal_index}'s "
            "forecast, not outturn"
        )
    if beyond:
        parts.append(
            f"{', '.join(beyond)} lie beyond {calendar.nominal_index} and are not shown in "
            "money of the day"
        )
    return Flag(code="nominal_forecast", message="; ".join(parts).capitalize() + ".")


def cost_outside_programme(facts: Facts) -> Flag | None:
    """A programme cost in a financial year when no cohort is on the programme (a profile's
    year typed wrong, say) moves payback and present values without a word."""
    case = facts.economics
    if case is None or case.calendar is None or facts.scenario.programme_cost is None:
        return None
    starts = sorted(cohort.start for cohort in case.cohorts if cohort.start)
    if not starts:
        return None
    months = int(facts.scenario.pause_window.programme_months)
    first = year_of_month(starts[0])
    last = year_of_month(starts[-1], months - 1)
    outside = [
        year.financial_year
        for year in case.calendar.years
        if year.programme_cost_gbp and not first <= year_start(year.financial_year) <= last
    ]
    if not outside:
        return None
    return Flag(
        code="cost_outside_programme",
        message=f"Programme cost falls in {', '.join(outside)}, when no cohort is on the "
        "programme: check the cost profile's years.",
    )


def year_of_month(month: str, plus: int = 0) -> int:
    """The calendar year a financial year starts in, for the month ``plus`` months after."""
    year, number = int(month[:4]), int(month[5:7]) + plus
    year, number = year + (number - 1) // 12, (number - 1) % 12 + 1
    return year if number >= 4 else year - 1


RULES: tuple[Rule, ...] = (
    overlapping_tables,
    nation_mismatch,
    nation_unstated,
    births_rounded,
    assumption,
    mixed_price_years,
    line_overrides,
    costs_beyond_horizon,
    spliced_index,
    forecast_uprating,
    gross_not_net,
    no_payback_within_horizon,
    payback_per_birth_timing,
    cost_outside_programme,
    removal_share_assumed,
    adjustments_applied,
    observed_births_netted,
    persistence_beyond_evidence,
    scenario_judgements,
    nominal_cash,
)


def flags(facts: Facts) -> list[Flag]:
    """Every rule's flag, in the order of the rules."""
    return [flag for rule in RULES if (flag := rule(facts)) is not None]
