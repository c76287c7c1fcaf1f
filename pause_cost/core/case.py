"""The case's outcomes, written once: run exactly (decimals) or on numpy arrays of draws.

:func:`evaluate_case` is the one sequence of formulas from a compiled case and one set of input
values to every outcome: births counted (half up where the scenario rounds) and netted of
those observed (never below 0), the bridge's factor, cost avoidance by year, period and class,
cash by period (financial years on a calendar), the programme's cost by period, net and
cumulative net, present values, NPV and BCR, net over the horizon, and each funder's savings,
cost and net. It never asks what type its numbers are: what differs between exact and array
evaluation (summing a column of lines, spreading a cohort's births over financial years,
rounding half up, rounding a present value to its published places) is an operation of
``ops`` (:class:`pause_cost.core.exact.ExactOps`, :class:`pause_cost.core.arrays.ArrayOps`),
each plain arithmetic over the compiled weights.

The exact evaluation keeps the order of every operation the engine has always used, so the
figures it gives are the estimate's to the last digit; the array evaluation is the same
formulas on floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from pause_cost.core import formulas
from pause_cost.core.by_line import council_stages, line_costs
from pause_cost.core.compile import Case, CostShape, FunderLines, Matrix
from pause_cost.core.timing import CohortTiming

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    N = TypeVar("N", Decimal, Fraction, float, NDArray[np.float64])
else:
    N = TypeVar("N")
Lines = Any
"""One value per line: a list of decimals, or an array (draws, lines)."""


class Ops(Protocol[N]):
    """What an evaluation does differently on exact numbers and on arrays of draws."""

    zero: N
    one: N

    def number(self, value: Any) -> N:
        """A compiled constant (a Decimal, an int) as this evaluation's number."""

    def line_sums(self, lines: Lines, matrix: Matrix) -> list[N]:
        """Per column of ``matrix``: the sum of the lines' values where it has 1, in order."""

    def scaled_sums(self, lines: Lines, factor: N, matrices: Sequence[Matrix]) -> list[list[N]]:
        """Per matrix, per column: the sum of each line's value x ``factor`` where it has 1
        (each line scaled first, then summed in order, as the engine has always summed)."""

    def timed(
        self, births: Sequence[N], per_birth_by_year: Sequence[N], timings: Sequence[CohortTiming]
    ) -> list[N]:
        """Cost avoided by financial year: cohorts' births x cost per birth by year, through
        their timing weights (from the first cohort's first financial year)."""

    def spread(self, value: N, shape: CostShape) -> list[N]:
        """The programme's cost by period: ``value`` x each weight (/ the divisor)."""

    def masked(self, lines: Lines, factor: N, mask: Sequence[bool]) -> Lines:
        """The lines, those where ``mask`` is True multiplied by ``factor``."""

    def joined(self, lines: Lines, factors: Sequence[N]) -> Lines:
        """The lines, followed by the lines x each factor in turn (more lines, in order)."""

    def round_half_up(self, value: N) -> N: ...

    def at_least_zero(self, value: N) -> N: ...

    def exact(self) -> AbstractContextManager[Any]:
        """Where sums must not round (the cash flow's running totals)."""

    def present_value(self, amounts: Sequence[N], factors: Sequence[Any]) -> N:
        """The sum of each period's amount x its discount factor (exactly, unrounded)."""

    def money(self, value: N) -> N:
        """A present value as published (to 1e-12 of a pound, half up; arrays as they are)."""

    def ratio(self, over: N, under: N) -> N | None:
        """``over`` / ``under`` as published (None where ``under`` is 0; arrays: nan there)."""


@dataclass(frozen=True)
class Values(Generic[N]):
    """One evaluation's inputs: each an exact number, or an array with one entry per draw."""

    per_birth: Lines
    """Each line's cost per avoided birth per year (formulas.per_birth_per_year)."""
    women: Sequence[N]
    rates: Sequence[N]
    observed: Sequence[N]
    steps: Sequence[N]
    """The bridge's shares, in the case's order."""
    cost: N | None
    discounts: Sequence[Any] | None
    drawn_births: Sequence[N | None] | None = None
    """Per cohort, births in place of counting the expected births: drawn as counts (a Poisson
    draw), or counted beforehand by the exact rule (a cohort the draws leave exact); None for a
    cohort whose expected births are counted here."""


@dataclass(frozen=True)
class Funded(Generic[N]):
    """One funder's savings and cost by period (the case's periods), and totals."""

    savings: list[N]
    cost: list[N]
    savings_total: N
    cost_total: N
    net: N


@dataclass(frozen=True)
class Evaluated(Generic[N]):
    """Every outcome of one evaluation."""

    expected: list[N]
    counted: list[N]
    avoided: list[N]
    """Per cohort: expected births (exact), as counted, less those observed (never below 0)."""
    births: N
    """All cohorts' avoided births."""
    cohort_births: list[N]
    """Each cohort's avoided births x the bridge's factor."""
    factor: N
    costed: N
    """Births costed: avoided x the bridge's factor."""
    by_year: list[list[N]]
    """Per year after birth, per class (cashable, internal, other agencies)."""
    immediate: list[N]
    horizon: list[N]
    """Per class: the sums over the immediate and horizon periods, year by year."""
    immediate_total: N
    horizon_total: N
    """The council's (cashable + internal)."""
    per_birth_council: list[N]
    """What one avoided birth saves the council in each year after it (after the removal
    share and postponement, which act on the lines)."""
    cash: list[list[N]] | None
    """On a calendar, per class: cost avoided by financial year (the avoided cash's span)."""
    council_by_period: list[N]
    cost_by_period: list[N]
    net_by_period: list[N]
    cumulative_net: list[N]
    programme_total: N | None
    net: N
    """The council's horizon total less the programme's cost (the gross total without one)."""
    pv_benefits: N | None
    pv_costs: N | None
    npv: N | None
    bcr: N | None
    funders: list[Funded[N]]
    public: list[Funded[N]] = field(default_factory=list)
    """The public sector's position (every agency's lines but transfers, the whole cost), then
    the transfers between public bodies (their lines, no cost); empty without a cost."""
    per_birth_council_stages: list[list[N]] = field(default_factory=list)
    """With a removal share or a postponement: what one avoided birth saves the council in
    each year after it, gross, then after the removal share (for the bridge)."""


EVERYTHING = frozenset(("cash", "present_value", "funders", "council"))
"""The parts beyond births and periods: the cash flow by period, present values, funders,
and what one birth saves the council by year."""


def evaluate_case(
    ops: Ops[N], case: Case, values: Values[N], parts: frozenset[str] = EVERYTHING
) -> Evaluated[N]:
    """Every outcome of the case for one set of values (see the module's docstring); of the
    later parts, only those asked for (present values need the cash flow)."""
    expected = [
        formulas.avoided_births(women, rate, ops.number(case.window_years))
        if cohort.given is None
        else ops.number(cohort.expected_exact)
        for women, rate, cohort in zip(values.women, values.rates, case.cohorts, strict=True)
    ]
    given = [None] * len(expected) if values.drawn_births is None else values.drawn_births
    counted = [
        formulas.counted_births(found, case.rounding, ops.round_half_up) if held is None else held
        for found, held in zip(expected, given, strict=True)
    ]
    avoided = [
        formulas.netted_births(found, observed, ops.at_least_zero)
        for found, observed in zip(counted, values.observed, strict=True)
    ]
    births = _total(ops, avoided)
    by_line = case.by_line
    factor = formulas.bridge_factor(
        ops.one,
        [
            (step, takes_off)
            for index, (step, (_, takes_off, _)) in enumerate(
                zip(values.steps, case.bridge, strict=True)
            )
            if index not in by_line.steps
        ],
    )
    stages: list[list[N]] = []
    if case.by_line.steps:
        gross = values.per_birth
        values = replace(values, per_birth=line_costs(ops, case.by_line, values))
        if "council" in parts:
            stages = council_stages(ops, case, values, gross)
    costed = births * factor
    columns = ops.scaled_sums(values.per_birth, costed, case.classes)
    by_year = [[column[year] for column in columns] for year in range(case.horizon_years)]
    immediate = [_total(ops, column[: case.immediate_years]) for column in columns]
    horizon = [_total(ops, column) for column in columns]
    cohort_births = [cohort * factor for cohort in avoided]
    programme_total = (
        None
        if case.cost is None or values.cost is None
        else values.cost * ops.number(case.cost.total_weight)
    )
    if programme_total is not None and case.cost is not None and _converted(case):
        # Brought to the price year, period by period: to the places the periods' parts are
        # carried to, so the whole is their sum (as a funder's shares of them are).
        programme_total = ops.money(programme_total)
    horizon_total = horizon[0] + horizon[1]
    empty: list[N] = []
    flow: _Flow[N] = (
        _cash_flow(ops, case, values, cohort_births, by_year)
        if "cash" in parts
        else _Flow(None, empty, empty, empty, empty)
    )
    pv_benefits = pv_costs = npv = bcr = None
    discounts = values.discounts
    if discounts is not None and "present_value" in parts:
        benefit_periods = flow.council if case.calendar else flow.council[: case.horizon_years]
        exact_benefits = ops.present_value(benefit_periods, discounts)
        exact_costs = ops.present_value(flow.cost, discounts)
        pv_benefits, pv_costs = ops.money(exact_benefits), ops.money(exact_costs)
        with ops.exact():
            npv = formulas.net(pv_benefits, pv_costs)
        bcr = ops.ratio(exact_benefits, exact_costs)
    return Evaluated(
        expected=expected,
        counted=counted,
        avoided=avoided,
        births=births,
        cohort_births=cohort_births,
        factor=factor,
        costed=costed,
        by_year=by_year,
        immediate=immediate,
        horizon=horizon,
        immediate_total=immediate[0] + immediate[1],
        horizon_total=horizon_total,
        per_birth_council=(
            ops.line_sums(values.per_birth, case.council) if "council" in parts else []
        ),
        cash=flow.cash,
        council_by_period=flow.council,
        cost_by_period=flow.cost,
        net_by_period=flow.net,
        cumulative_net=flow.cumulative,
        programme_total=programme_total,
        net=horizon_total
        if programme_total is None
        else formulas.net(horizon_total, programme_total),
        pv_benefits=pv_benefits,
        pv_costs=pv_costs,
        npv=npv,
        bcr=bcr,
        funders=(
            [
                _funded(ops, case, values, (cohort_births, factor, births), flow.cost, funder)
                for funder in case.funders
            ]
            if "funders" in parts
            else []
        ),
        public=(
            [
                _funded(ops, case, values, (cohort_births, factor, births), flow.cost, lines)
                for lines in case.public
            ]
            if "funders" in parts and "cash" in parts
            else []
        ),
        per_birth_council_stages=stages,
    )


@dataclass(frozen=True)
class _Flow(Generic[N]):
    cash: list[list[N]] | None
    council: list[N]
    cost: list[N]
    net: list[N]
    cumulative: list[N]


def _cash_flow(
    ops: Ops[N], case: Case, values: Values[N], cohort_births: list[N], by_year: list[list[N]]
) -> _Flow[N]:
    """Cost avoided, the programme's cost, net and cumulative net, by period."""
    periods = len(case.periods)
    cost_by_period = (
        [ops.zero] * periods
        if case.cost is None or values.cost is None
        else ops.spread(values.cost, case.cost)
    )
    cash = None
    if case.timings is not None:
        cash = [
            ops.timed(cohort_births, ops.line_sums(values.per_birth, matrix), case.timings)
            for matrix in case.classes
        ]
        council = [cashable + internal for cashable, internal in zip(cash[0], cash[1], strict=True)]
        council_by_period = _placed(ops, council, case.cash_first, case)
    else:
        council_by_period = [cashable + internal for cashable, internal, _ in by_year]
        council_by_period += [ops.zero] * (periods - len(council_by_period))
    with ops.exact():
        net_by_period = [
            formulas.net(avoided_gbp, cost_gbp)
            for avoided_gbp, cost_gbp in zip(council_by_period, cost_by_period, strict=True)
        ]
        cumulative_net = _running(ops, net_by_period)
    return _Flow(cash, council_by_period, cost_by_period, net_by_period, cumulative_net)


def _total(ops: Ops[N], values: Sequence[N]) -> N:
    total = ops.zero
    for value in values:
        total = total + value
    return total


def _running(ops: Ops[N], values: Sequence[N]) -> list[N]:
    running, found = ops.zero, []
    for value in values:
        running = running + value
        found.append(running)
    return found


def _placed(ops: Ops[N], amounts: list[N], first_year: int, case: Case) -> list[N]:
    """Amounts from financial year ``first_year`` on, placed among the case's periods."""
    from pause_cost.core.timing import financial_year_start

    shift = first_year - financial_year_start(case.periods[0])
    placed = [ops.zero] * len(case.periods)
    for index, amount in enumerate(amounts):
        placed[shift + index] = amount
    return placed


def _funded(
    ops: Ops[N],
    case: Case,
    values: Values[N],
    counted: tuple[list[N], N, N],
    cost_by_period: list[N],
    funder: FunderLines,
) -> Funded[N]:
    cohort_births, factor, births = counted
    per_birth = ops.line_sums(values.per_birth, funder.lines)
    if case.timings is not None:
        cash = ops.timed(cohort_births, per_birth, case.timings)
        savings = _placed(ops, cash, case.cash_first, case)
    else:
        costed = births * factor
        savings = [amount * costed for amount in per_birth]
        savings += [ops.zero] * (len(case.periods) - len(savings))
    weight = ops.number(funder.share)
    present = case.cost.present if case.cost is not None else ()
    cost = [
        amount * weight if paid else ops.zero
        for amount, paid in zip(cost_by_period, present, strict=True)
    ]
    savings_total, cost_total = _total(ops, savings), _total(ops, cost)
    return Funded(
        savings=savings,
        cost=cost,
        savings_total=savings_total,
        cost_total=cost_total,
        net=formulas.net(savings_total, cost_total),
    )


def _converted(case: Case) -> bool:
    """Whether the cost was brought to the price year or uplifted (so differs from as given)."""
    prices = case.cost_prices
    uplift = case.cost is not None and case.cost.uplift is not None
    return uplift or (prices is not None and bool(prices.factors))
