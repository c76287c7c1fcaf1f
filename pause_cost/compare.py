"""What moves the answer between two estimates: the change in each figure, line by line.

Lines are matched by id (by table and id where an id repeats within one side). A line's
contribution is its amount in B minus its amount in A, in each classification, so the
contributions add up to the change in each total exactly: there is no residual to explain.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Literal

from pydantic import Field

from pause_cost.base import Source
from pause_cost.results import SCHEMA_VERSION, Amounts, Estimate, LineResult, ResultModel
from pause_cost.scenario import Cohort, PauseWindow, Scenario
from pause_cost.tables import line_ref

ZERO = Decimal(0)
Status = Literal["changed", "unchanged", "added", "removed"]


class Change(ResultModel):
    """A figure in A, in B, and B minus A."""

    a: Amounts
    b: Amounts
    difference: Amounts


class Contribution(ResultModel):
    key: str = Field(description="The line's id (table/id where ids repeat within a side).")
    item: str
    status: Status
    classification_a: str | None
    classification_b: str | None
    immediate: Amounts = Field(description="B minus A, by classification.")
    horizon: Amounts = Field(description="B minus A, by classification.")


class Comparison(ResultModel):
    schema_version: str = SCHEMA_VERSION
    a: str = Field(description="What A is (a table or scenario name).")
    b: str
    immediate: Change
    horizon: Change
    contributions: list[Contribution] = Field(
        description="Largest change in the horizon total first; unchanged lines last."
    )


def per_birth_scenario(*, price_year: str | None, horizon_years: int) -> Scenario:
    """One avoided birth, exactly: the basis on which two tables are compared without a cohort.

    One woman x one birth a year x a 12-month window = 1 birth, so every figure is per birth.
    """
    return Scenario(
        name="per-avoided-birth",
        title="Per avoided birth",
        council="(none: tables compared per avoided birth)",
        cohort=Cohort(
            women_open=1,
            birth_rate_per_woman_per_year=1,
            source=Source(document="No cohort: one avoided birth, to compare tables per birth"),
        ),
        pause_window=PauseWindow(programme_months=12, gestation_months=0),
        unit_costs=["(compared table)"],
        price_year=price_year,
        horizon_years=horizon_years,
        immediate_years=1,
    )


def _keys(lines: Iterable[LineResult]) -> dict[str, LineResult]:
    lines = list(lines)
    ids = [line.id for line in lines]
    if len(set(ids)) == len(ids):
        return {line.id: line for line in lines}
    return {line_ref(line.table, line.id): line for line in lines}


def _amounts(line: LineResult | None, period: Literal["immediate", "horizon"]) -> Amounts:
    """A line's amount for a period, placed in its classification's column."""
    value = ZERO if line is None else getattr(line, f"{period}_gbp")
    classification = None if line is None else line.classification
    cashable = value if classification == "cashable" else ZERO
    internal = value if classification == "internal" else ZERO
    other = value if classification == "other_agency" else ZERO
    return Amounts(
        cashable_gbp=cashable,
        internal_gbp=internal,
        total_gbp=cashable + internal,
        other_agencies_gbp=other,
    )


def _minus(b: Amounts, a: Amounts) -> Amounts:
    return Amounts(
        cashable_gbp=b.cashable_gbp - a.cashable_gbp,
        internal_gbp=b.internal_gbp - a.internal_gbp,
        total_gbp=b.total_gbp - a.total_gbp,
        other_agencies_gbp=b.other_agencies_gbp - a.other_agencies_gbp,
    )


def _plain_amounts(amounts: Amounts) -> Amounts:
    return Amounts(
        cashable_gbp=amounts.cashable_gbp,
        internal_gbp=amounts.internal_gbp,
        total_gbp=amounts.total_gbp,
        other_agencies_gbp=amounts.other_agencies_gbp,
    )


def _change(a: Amounts, b: Amounts) -> Change:
    return Change(a=_plain_amounts(a), b=_plain_amounts(b), difference=_minus(b, a))


def compare(a: Estimate, b: Estimate, *, a_label: str, b_label: str) -> Comparison:
    """The change from A to B in each figure, and each line's part in it."""
    lines_a, lines_b = _keys(a.lines), _keys(b.lines)
    contributions = []
    for key in [*lines_a, *(key for key in lines_b if key not in lines_a)]:
        line_a, line_b = lines_a.get(key), lines_b.get(key)
        immediate = _minus(_amounts(line_b, "immediate"), _amounts(line_a, "immediate"))
        horizon = _minus(_amounts(line_b, "horizon"), _amounts(line_a, "horizon"))
        if line_a is None:
            status: Status = "added"
        elif line_b is None:
            status = "removed"
        elif _moves(immediate) or _moves(horizon) or line_a.classification != line_b.classification:
            status = "changed"
        else:
            status = "unchanged"
        present = line_b or line_a
        assert present is not None  # every key comes from one side or the other
        contributions.append(
            Contribution(
                key=key,
                item=present.item,
                status=status,
                classification_a=line_a.classification if line_a else None,
                classification_b=line_b.classification if line_b else None,
                immediate=immediate,
                horizon=horizon,
            )
        )
    contributions.sort(key=_size, reverse=True)
    return Comparison(
        a=a_label,
        b=b_label,
        immediate=_change(a.immediate, b.immediate),
        horizon=_change(a.horizon, b.horizon),
        contributions=contributions,
    )


def _moves(amounts: Amounts) -> bool:
    return any(
        value != 0
        for value in (amounts.cashable_gbp, amounts.internal_gbp, amounts.other_agencies_gbp)
    )


def _size(contribution: Contribution) -> tuple[Decimal, Decimal]:
    horizon = contribution.horizon
    return (
        abs(horizon.total_gbp) + abs(horizon.other_agencies_gbp),
        abs(contribution.immediate.total_gbp),
    )
