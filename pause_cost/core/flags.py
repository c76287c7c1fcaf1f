"""What a reader must see before quoting a figure: a list of small rules, each a function.

Each rule reads the estimate as assembled (lines after any overrides) and returns a flag or
nothing; the flags come out in the order of :data:`RULES` (beancount runs its validations so).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from pause_cost.core.case_flags import (
    adjustments_applied,
    cost_outside_programme,
    gross_not_net,
    no_payback_within_horizon,
    nominal_cash,
    observed_births_netted,
    payback_per_birth_timing,
    persistence_beyond_evidence,
    removal_share_assumed,
    scenario_judgements,
)
from pause_cost.core.facts import Facts
from pause_cost.model.base import crosses, year_start
from pause_cost.model.tables import JOURNEY_STAGES, line_ref
from pause_cost.results.estimate import (
    PROMINENT as PROMINENT,  # which flags come first is the results' to say; read here too
)
from pause_cost.results.estimate import (
    Flag,
    LineResult,
    TableSummary,
)

__all__ = ["RULES", "Facts", "flags"]

Rule = Callable[[Facts], Flag | None]


def _refs(lines: Sequence[LineResult]) -> list[str]:
    return [line_ref(line.table, line.id) for line in lines]


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
