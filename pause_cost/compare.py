"""What moves the answer between two estimates: the change in each figure, line by line.

Lines are matched by id (by table and id where an id repeats within one side), or rolled up
by stage, for tables that cost the same journey with different lines. A contribution is its
amount in B minus its amount in A, in each classification, so the contributions add up to
the change in each total exactly: there is no residual to explain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Protocol

from pause_cost.core.estimate import coverage_summary, line_results, periods
from pause_cost.core.evaluate import line_sums, year_sums
from pause_cost.core.plan import Plan
from pause_cost.model.tables import JOURNEY_STAGES, STAGE_ORDER, line_ref
from pause_cost.results.compare import (
    Change,
    Comparison,
    Contribution,
    Costed,
    Grouping,
    PeriodName,
    SideBasis,
    Status,
)
from pause_cost.results.estimate import Amounts, CoverageSummary, Estimate, Flag, LineResult

__all__ = [
    "Change",
    "Comparison",
    "Contribution",
    "Costed",
    "Grouping",
    "PeriodName",
    "Side",
    "SideBasis",
    "Status",
    "basis_of",
    "compare",
    "cost_plan",
    "mismatches",
    "plan_basis",
    "price_years_of",
    "side_warnings",
]
"""The result classes live in :mod:`pause_cost.results.compare`; they are named here too."""

ZERO = Decimal(0)


class Side(Protocol):
    """What a comparison reads of each side: an Estimate, or a :class:`Costed` plan."""

    @property
    def lines(self) -> Sequence[LineResult]: ...
    @property
    def immediate(self) -> Amounts: ...
    @property
    def horizon(self) -> Amounts: ...


def cost_plan(
    plan: Plan,
    births: Decimal,
    by_line: tuple[list[Decimal], tuple[int, ...]] | None = None,
) -> Costed:
    """A compiled table (or tables) evaluated for a number of births, for comparison (with a
    scenario's removal share and postponement, the lines' values and moves they give)."""
    values, moves = (None, (0,)) if by_line is None else by_line
    _, immediate, horizon = periods(plan, year_sums(plan, births, values, moves))
    lines = line_results(line_sums(plan, births, values, moves))
    return Costed(lines=lines, immediate=immediate, horizon=horizon)


def _groups(lines: Iterable[LineResult], by: Grouping) -> dict[str, list[LineResult]]:
    """The lines under the key they are matched by: id (table/id if ids repeat), or stage."""
    lines = list(lines)
    if by == "stage":
        groups: dict[str, list[LineResult]] = {}
        for line in lines:
            groups.setdefault(line.stage, []).append(line)
        return groups
    ids = [line.id for line in lines]
    if len(set(ids)) == len(ids):
        return {line.id: [line] for line in lines}
    return {line_ref(line.table, line.id): [line] for line in lines}


def _amounts(lines: Iterable[LineResult], period: PeriodName) -> Amounts:
    """The lines' amounts for a period, each in its classification's column."""
    columns = {"cashable": ZERO, "internal": ZERO, "other_agency": ZERO}
    for line in lines:
        columns[line.classification] += getattr(line, f"{period}_gbp")
    return Amounts(
        cashable_gbp=columns["cashable"],
        internal_gbp=columns["internal"],
        total_gbp=columns["cashable"] + columns["internal"],
        other_agencies_gbp=columns["other_agency"],
    )


def _classification(lines: list[LineResult]) -> str | None:
    kinds = {line.classification for line in lines}
    return None if not kinds else kinds.pop() if len(kinds) == 1 else "mixed"


def _item(lines_a: list[LineResult], lines_b: list[LineResult], by: Grouping) -> str:
    if by == "stage":
        return f"{len(lines_a)} line(s) in A, {len(lines_b)} in B"
    return (lines_b or lines_a)[0].item


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


def price_years_of(lines: Sequence[LineResult], price_year: str | None) -> list[str]:
    """The price years figures are in: the one asked for, or each line's own."""
    return [price_year] if price_year is not None else sorted({line.price_year for line in lines})


def plan_basis(plan: Plan, costed: Costed, births: Decimal, counting: str) -> SideBasis:
    """What a plan evaluated for a number of births is counted on (no programme cost)."""
    return SideBasis(
        births=births,
        counting=counting,
        immediate_years=plan.immediate_years,
        horizon_years=plan.horizon_years,
        price_years=price_years_of(costed.lines, plan.price_year),
        programme_cost_gbp=None,
        net_gbp=None,
        **coverage_of(costed.lines, [coverage_summary(table) for table in plan.tables]),
    )


def coverage_of(
    lines: Sequence[LineResult], coverages: Sequence[CoverageSummary | None]
) -> dict[str, Any]:
    """The stages a side's lines cost and what its tables say they leave out, so that a
    partial table is never read as a whole journey."""
    costing = {line.stage for line in lines if line.per_avoided_birth_per_year_gbp != 0}
    left_out = [gap.item for coverage in coverages if coverage for gap in coverage.left_out]
    return {
        "stages_costed": [stage for stage in STAGE_ORDER if stage in costing],
        "left_out": list(dict.fromkeys(left_out)),
        "coverage_stated": all(coverage is not None for coverage in coverages),
    }


def side_warnings(label: str, estimate: Estimate) -> list[Flag]:
    """The warnings an estimate shows above its figures, said of one side of a comparison."""
    from pause_cost.core.flags import PROMINENT

    return [
        Flag(code=flag.code, message=f"{label}: {flag.message}", lines=flag.lines)
        for flag in estimate.flags
        if flag.code in PROMINENT
    ]


def basis_of(estimate: Estimate) -> SideBasis:
    """What a scenario's estimate is counted on."""
    return SideBasis(
        births=(
            estimate.avoided_births.counted
            if estimate.avoided_births.costed is None
            else estimate.avoided_births.costed
        ),
        counting=estimate.avoided_births.counting,
        immediate_years=estimate.immediate.years,
        horizon_years=estimate.horizon.years,
        price_years=price_years_of(estimate.lines, estimate.price_year),
        programme_cost_gbp=estimate.programme.cost_gbp,
        net_gbp=estimate.programme.net_gbp,
        **coverage_of(estimate.lines, [table.coverage for table in estimate.tables]),
    )


_BASIS_WORDS = {
    "horizon_years": "horizons",
    "immediate_years": "immediate periods",
    "counting": "ways of counting births",
    "price_years": "price years",
}


WHOLE_JOURNEY = "whole_journey"


def _covered(basis: SideBasis) -> set[str]:
    """The stages a side's figures cover: a whole-journey line covers every stage of the
    journey, so a published per-birth total and a stage-by-stage table cover the same."""
    stages = set(basis.stages_costed)
    if WHOLE_JOURNEY in stages:
        stages = (stages - {WHOLE_JOURNEY}) | set(JOURNEY_STAGES)
    return stages


def mismatches(a: SideBasis, b: SideBasis) -> list[Flag]:
    """A flag for each way A and B are counted differently (births may differ: that is a result)."""
    flags = []
    for field, words in _BASIS_WORDS.items():
        first, second = getattr(a, field), getattr(b, field)
        if first != second:
            shown = [
                ", ".join(value) if isinstance(value, list) else str(value)
                for value in (first, second)
            ]
            flags.append(
                Flag(
                    code=f"different_{field}",
                    message=f"A and B have different {words} ({shown[0]} and {shown[1]}): "
                    "their figures are not like for like, and the change includes the "
                    "difference.",
                )
            )
    covered_a, covered_b = _covered(a), _covered(b)
    only_a = [stage for stage in STAGE_ORDER if stage in covered_a - covered_b]
    only_b = [stage for stage in STAGE_ORDER if stage in covered_b - covered_a]
    if only_a or only_b:
        said = [
            f"only {side} costs {', '.join(stage.replace('_', ' ') for stage in stages)}"
            for side, stages in (("A", only_a), ("B", only_b))
            if stages
        ]
        flags.append(
            Flag(
                code="different_coverage",
                message=f"A and B cost different parts of the journey ({'; '.join(said)}): "
                "the change includes what one side leaves out.",
            )
        )
    return flags


def compare(
    a: Side,
    b: Side,
    *,
    a_label: str,
    b_label: str,
    a_basis: SideBasis,
    b_basis: SideBasis,
    by: Grouping = "line",
    side_flags: Sequence[Flag] = (),
) -> Comparison:
    """The change from A to B in each figure, and each line's (or stage's) part in it.

    ``side_flags`` are warnings about A or B themselves (a side that costs the journey twice,
    or uses another nation's table), carried after the mismatches between them.
    """
    groups_a, groups_b = _groups(a.lines, by), _groups(b.lines, by)
    contributions = []
    for key in [*groups_a, *(key for key in groups_b if key not in groups_a)]:
        lines_a, lines_b = groups_a.get(key, []), groups_b.get(key, [])
        immediate = _minus(_amounts(lines_b, "immediate"), _amounts(lines_a, "immediate"))
        horizon = _minus(_amounts(lines_b, "horizon"), _amounts(lines_a, "horizon"))
        classification_a, classification_b = _classification(lines_a), _classification(lines_b)
        if not lines_a:
            status: Status = "added"
        elif not lines_b:
            status = "removed"
        elif _moves(immediate) or _moves(horizon) or classification_a != classification_b:
            status = "changed"
        else:
            status = "unchanged"
        contributions.append(
            Contribution(
                key=key,
                item=_item(lines_a, lines_b, by),
                status=status,
                classification_a=classification_a,
                classification_b=classification_b,
                immediate=immediate,
                horizon=horizon,
            )
        )
    contributions.sort(key=_size, reverse=True)
    return Comparison(
        a=a_label,
        b=b_label,
        by=by,
        a_basis=a_basis,
        b_basis=b_basis,
        flags=[*mismatches(a_basis, b_basis), *side_flags],
        immediate=_change(a.immediate, b.immediate),
        horizon=_change(a.horizon, b.horizon),
        contributions=contributions,
    )


def _moves(amounts: Amounts) -> bool:
    return any(
        value != 0
        for value in (amounts.cashable_gbp, amounts.internal_gbp, amounts.other_agencies_gbp)
    )


def _size(contribution: Contribution) -> tuple[Decimal, Decimal, Decimal]:
    """Largest change in the council's horizon total first; then other agencies', immediate."""
    horizon = contribution.horizon
    return (
        abs(horizon.total_gbp),
        abs(horizon.other_agencies_gbp),
        abs(contribution.immediate.total_gbp),
    )
