"""Where an input enters the compiled case's values, for the analyses that vary inputs.

A line's amount, quantity or share, a cohort's women or birth rate, a bridge step's share, the
programme's cost and the flat discount rate change only the values the case's evaluator reads
(:class:`pause_cost.core.case.Values`), never what was compiled; any other input (a window, a
year, a practice's capacity) changes the compiled case itself and is estimated whole. The Monte
Carlo places its draws here, and sensitivity, the grid and break-even their exact values.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from pause_cost.core import formulas
from pause_cost.core.case import Values
from pause_cost.core.compile import Case
from pause_cost.model.paths import Address

LINE_FIELDS = ("amount_gbp", "quantity_per_child", "share_of_children")
COST_PATHS = ("programme_cost.total_gbp", "programme_cost.per_year_gbp")


@dataclass(frozen=True, slots=True)
class Place:
    """Where one input's value goes: 'line', 'women', 'rate', 'bridge', 'cost', 'discount'."""

    target: str
    line: int = -1
    field: str = ""
    cohorts: tuple[int, ...] = ()
    step: int = -1


def place(case: Case, where: Address) -> Place | None:
    """Where the input enters the case's values; None where it changes the case itself."""
    path = where.path
    if where.where == "line":
        if where.field not in LINE_FIELDS:
            return None
        refs = [line.ref for line in case.plan.lines]
        return Place("line", line=refs.index(f"{where.table}/{where.line}"), field=where.field)
    if where.where == "rate":
        return Place("discount")
    every = tuple(range(len(case.cohorts)))
    for field, target in (("birth_rate_per_woman_per_year", "rate"), ("women_open", "women")):
        if path == f"cohort.{field}" or (target == "rate" and path == f"practice.{field}"):
            return Place(target, cohorts=every)
        parts = path.split(".")
        if len(parts) == 3 and parts[0] == "cohorts" and parts[2] == field:
            return Place(target, cohorts=(int(parts[1]),))
    steps = [step_path for step_path, _, _ in case.bridge]
    if path in steps:
        return Place("bridge", step=steps.index(path))
    if case.cost is not None and path == case.cost.path:
        return Place("cost")
    return None


def with_changes(
    case: Case,
    base: Values[Any],
    changes: Sequence[tuple[Place, Any]],
    lines: Callable[[dict[int, dict[str, Any]]], Any],
    number: Callable[[Any], Any],
) -> Values[Any]:
    """The case's values with each change in place: exact decimals or columns of draws.

    ``lines`` gives every line's cost per avoided birth per year from the changed fields (by
    line, then field); ``number`` makes a discount rate (and 1) this evaluation's number."""
    women, rates, steps = list(base.women), list(base.rates), list(base.steps)
    cost, discounts = base.cost, base.discounts
    fields: dict[int, dict[str, Any]] = {}
    for where, value in changes:
        if where.target == "line":
            fields.setdefault(where.line, {})[where.field] = value
        elif where.target in ("women", "rate"):
            chosen = women if where.target == "women" else rates
            for cohort in where.cohorts:
                chosen[cohort] = value
        elif where.target == "bridge":
            steps[where.step] = value
        elif where.target == "cost":
            cost = value
        elif where.target == "discount":
            periods = len(case.periods) - 1
            discounts = formulas.discount_factors([number(value)] * periods, number(1))
    return dataclasses.replace(
        base,
        per_birth=lines(fields) if fields else base.per_birth,
        women=women,
        rates=rates,
        steps=steps,
        cost=cost,
        discounts=discounts,
    )


def exact_values(
    case: Case, base: Values[Decimal], changes: Sequence[tuple[Place, Decimal]]
) -> Values[Decimal]:
    """The case's exact values with each change in place (as the what-if would compile them:
    a changed line's cost per birth from its fields, the rest as compiled)."""
    planned = case.plan.lines

    def lines(fields: dict[int, dict[str, Any]]) -> list[Decimal]:
        per_birth = list(base.per_birth)
        for index, changed in fields.items():
            line = planned[index]
            per_birth[index] = formulas.per_birth_per_year(
                changed.get("amount_gbp", line.amount_gbp),
                changed.get("quantity_per_child", line.quantity_per_child),
                changed.get("share_of_children", line.share_of_children),
                line.uprating_factor,
            )
        return per_birth

    return with_changes(case, base, changes, lines, Fraction)
