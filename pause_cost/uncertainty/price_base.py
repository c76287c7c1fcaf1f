"""One price base and one year 0 for figures set side by side (an options table, structural
rows). An estimate's price base is its ``price_year`` where it uprates every line to one year;
where it does not, it is the years its lines keep, as their sources state them: a table in
2007/08 prices beside one in 2016/17 prices is a mix even though neither is uprated."""

from __future__ import annotations

from collections.abc import Sequence

from pause_cost.errors import Problem
from pause_cost.results.estimate import Estimate


def price_base(result: Estimate) -> str:
    """The prices an estimate's figures are in: its price year, or its lines' price years."""
    if result.price_year is not None:
        return result.price_year
    years = sorted({line.price_year for line in result.lines})
    return ", ".join(years) if years else "no prices"


def _said(result: Estimate) -> str:
    base = price_base(result)
    if result.price_year is not None:
        return f"{base} prices (price_year, uprated)"
    return f"{base} prices (as each line's source states them, not uprated)"


def mixed_bases(found: Sequence[tuple[str, Estimate]], what: str) -> list[Problem]:
    """A problem for each of ``found`` (file, estimate) whose price base or year 0 differs
    from the first's, keyed where the scenario sets it (price_year if it uprates, else
    unit_costs; discounting for year 0)."""
    if not found:
        return []
    first_file, first = found[0]
    problems = []
    for file, result in found[1:]:
        if price_base(result) != price_base(first):
            problems.append(
                Problem(
                    file,
                    key="price_year" if result.price_year is not None else "unit_costs",
                    message=f"{_said(result)}, but {first_file} is in {_said(first)}: {what} "
                    "are compared on one price base; give each the same price_year (uprating "
                    "every line to it)",
                )
            )
        appraisal, first_appraisal = result.economics.appraisal, first.economics.appraisal
        if (
            appraisal is not None
            and first_appraisal is not None
            and appraisal.year_zero != first_appraisal.year_zero
        ):
            problems.append(
                Problem(
                    file,
                    key="discounting",
                    message=f"year 0 is {appraisal.year_zero}, but {first_file}'s is "
                    f"{first_appraisal.year_zero}: {what} are discounted from one year 0",
                )
            )
    return problems
