"""One price base, checked when read: the deflator a programme cost needs, and a refusal of
present values or money of the day over figures in more than one price year.

A scenario that discounts, or states cash in money of the day, must have one price year for
everything: every line in it (the scenario's price_year, or the lines' one year) and the
programme cost stated in prices that can be brought to it (cash in the years it is spent, or
real at a price year). Each problem is located and says how to put it right.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.indices import load_index_file
from pause_cost.load.messages import located
from pause_cost.load.resolve import Cited, resolve, shipped_names
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import UnitCostTable

if TYPE_CHECKING:
    from pause_cost.model.splice import Index

_VINTAGE = re.compile(r"gdp-deflator-([0-9]{4})-([0-9]{2})(-with-forecast)?")


def latest_deflator() -> str | None:
    """The shipped GDP deflator of the latest vintage (YYYY-MM in its name); of one vintage,
    the outturn file (its forecast file starts later; name it with deflator: for years past
    the outturn)."""
    found = [
        (match[1], match[2], match[3] is None, name)
        for name in shipped_names("index")
        if (match := _VINTAGE.fullmatch(name))
    ]
    return max(found)[3] if found else None


def load_deflator(
    scenario: Scenario,
    base_dir: Path,
    shown: str,
    document: yamlmarks.Document,
    problems: list[Problem],
) -> Index | None:
    """The deflator the programme cost's stated prices need (none if it states none)."""
    cost = scenario.programme_cost
    if cost is None or cost.prices is None:
        return None
    name = scenario.deflator or latest_deflator()
    keys = ("deflator",) if scenario.deflator else ("programme_cost", "prices")
    cited: Cited = (shown, document.marks.locate(keys), ".".join(map(str, keys)))
    if name is None:
        problems.append(located(*cited, "no GDP deflator is shipped: name one with deflator:"))
        return None
    try:
        path, index_shown = resolve("index", name, base_dir, cited)
        return load_index_file(path, index_shown, cited)
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def check_price_base(
    scenario: Scenario,
    tables: list[UnitCostTable],
    deflator: Index | None,
    shown: str,
    document: yamlmarks.Document,
    problems: list[Problem],
) -> None:
    """Refuse present values or money of the day over more than one price year."""
    asks = [
        name
        for name, given in (
            ("discounting", scenario.discounting),
            ("nominal_cash", scenario.nominal_cash),
        )
        if given is not None
    ]
    if not asks:
        return
    what = " and ".join(
        {"discounting": "present values", "nominal_cash": "money of the day"}[name] for name in asks
    )
    where: Cited = (shown, document.marks.locate((asks[0],)), asks[0])
    target = scenario.price_year
    if target is None:
        years = sorted({line.price_year for table in tables for line in table.lines})
        if len(years) > 1:
            problems.append(
                located(
                    *where,
                    f"{what} need every figure in one price year, but the lines are priced in "
                    f"{', '.join(years)}: give price_year (every line is then uprated to it)",
                )
            )
            return
        target = years[0] if years else None
    cost = scenario.programme_cost
    if cost is None:
        return
    at: Cited = (shown, document.marks.locate(("programme_cost",)), "programme_cost")
    if cost.prices is None:
        problems.append(
            located(
                *at,
                f"{what} need the programme cost in the unit costs' prices ({target}), but it "
                "states none: give programme_cost.prices: cash (in the financial years it is "
                "spent, converted with the GDP deflator) or real (with programme_cost.price_year)",
            )
        )
        return
    if deflator is None or target is None:
        return
    for year in (target, cost.price_year):
        if year is not None and not deflator.covers(year):
            problems.append(
                located(
                    *at,
                    f"the deflator {deflator.name} runs from {deflator.first_year} to "
                    f"{deflator.last_year} and does not reach {year}: name one that does "
                    "(deflator:)",
                )
            )
            return
    on_calendar = scenario.practice is not None or any(
        cohort.start
        for cohort in ([scenario.cohort] if scenario.cohort else scenario.cohorts or [])
    )
    if cost.prices == "cash" and not on_calendar and cost.profile is None:
        problems.append(
            located(
                *at,
                f"{what} (the NPV and the BCR) are refused: they need the programme cost in "
                f"the unit costs' prices ({target}), but it is cash in financial years that are "
                "not known, so it cannot be brought to them. Give the cohort a start month, or "
                "the cost as a profile by financial year, or state it real at a price year "
                "(prices: real, price_year); without discounting the undiscounted net and "
                "ratio are shown, flagged as mixing prices",
            )
        )
