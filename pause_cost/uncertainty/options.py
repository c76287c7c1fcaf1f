"""An options appraisal (the Green Book's options table; dampack's ``calculate_icers`` is the
health-economics analogue): options given as scenarios on one price base and one year 0, each
with its NPV, BCR, payback, cashable payback and P(NPV > 0); the increment of each over the
next smaller (by PV costs); and each ranged input's switching value in every option.

Every figure is the option's own estimate's (the compiled case, exactly), its Monte Carlo's,
or its break-even's; the only arithmetic here is differences between options, their ratio,
and the running sum of an estimate's cashable savings less its cost for the cashable payback.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from pause_cost.engine import estimate
from pause_cost.errors import InputError, Problem
from pause_cost.model.ranges import Ranges
from pause_cost.results.decision import PartialValue
from pause_cost.results.estimate import Estimate
from pause_cost.results.options import (
    Increment,
    OptionFigures,
    OptionsAppraisal,
    OptionsEvppi,
    SwitchingRow,
)
from pause_cost.results.uncertainty import Chance
from pause_cost.uncertainty.breakeven import Target, break_even
from pause_cost.uncertainty.options_voi import plan, value
from pause_cost.uncertainty.price_base import mixed_bases

BASELINE = "doing nothing (no practice: no cost, no cost avoided)"
NPV_ZERO = Target(outcome="npv", operator=">=", threshold=Decimal(0))


def payback_of(result: Estimate) -> str | None:
    """The first year (or financial year) whose cumulative net reaches 0; None: never."""
    calendar = result.economics.calendar
    if calendar is not None:
        return calendar.payback_financial_year
    year = result.programme.payback_year
    return None if year is None else f"year {year}"


def cashable_payback(result: Estimate) -> str | None:
    """The first year whose cumulative cashable savings less the programme's cost reach 0."""
    calendar = result.economics.calendar
    running = Decimal(0)
    if calendar is not None:
        for year in calendar.years:
            running += year.cashable_gbp - year.programme_cost_gbp
            if running >= 0:
                return year.financial_year
        return None
    for amounts in result.by_year:
        running += amounts.cashable_gbp - amounts.programme_cost_gbp
        if running >= 0:
            return f"year {amounts.year}"
    return None


def generated(file: str, ranges: Ranges, practices: int) -> list[tuple[str, Ranges]]:
    """A practice scenario as options of 1 to ``practices`` practices: ``practice.practices``
    set in each, as a what-if sets it. The option of 0 practices, the do-minimum (no
    programme, no avoidance), has no estimate: ``appraise(..., do_minimum=True)`` adds it."""
    from pause_cost.uncertainty.whatif import apply

    if ranges.inputs.scenario.practice is None:
        raise InputError(
            [
                Problem(
                    file,
                    key="practice",
                    message="--practices generates options from the scenario's practice "
                    "block (practices, capacity and a cost per practice); this scenario has none",
                )
            ]
        )
    cost = ranges.inputs.scenario.programme_cost
    if cost is None or not cost.per_practice:
        raise InputError(
            [
                Problem(
                    file,
                    key="programme_cost.per_practice",
                    message="--practices scales the practices, but this programme cost is not "
                    "per practice, so every option would cost the same; set per_practice: true "
                    "with one practice's cost",
                )
            ]
        )
    options = []
    for count in range(1, practices + 1):
        inputs, _ = apply(ranges.inputs, [("practice.practices", Decimal(count))])
        options.append(
            (
                f"{file} [{count} practice{'s' if count > 1 else ''}]",
                dataclasses.replace(ranges, inputs=inputs),
            )
        )
    return options


def _label(file: str, result: Estimate) -> str:
    """An option's name: a generated option's count of practices, else its scenario's name."""
    if file.endswith("]") and " [" in file:
        return f"{result.scenario.name} x {file.rsplit(' [', 1)[1].split(' ')[0]}"
    return result.scenario.name


def _checked(named: Sequence[tuple[str, Ranges]]) -> list[tuple[str, Ranges, Estimate]]:
    """Each option estimated; refused, every problem at once, unless all are discounted on
    one price base and one year 0."""
    found = [(file, ranges, estimate(*ranges.inputs)) for file, ranges in named]
    problems = [
        Problem(file, key="discounting", message="an option needs discounting for its NPV")
        for file, _, result in found
        if result.economics.appraisal is None
    ]
    if len(found) < 2:
        problems.append(Problem("appraise", message="an options appraisal needs two options"))
    if problems:
        raise InputError(problems)
    problems = mixed_bases([(file, result) for file, _, result in found], "options")
    names = [_label(file, result) for file, _, result in found]
    for index, name in enumerate(names):
        if name in names[:index]:
            problems.append(
                Problem(found[index][0], key="name", message=f"{name}: two options share a name")
            )
    if problems:
        raise InputError(problems)
    return found


def appraise(
    named: Sequence[tuple[str, Ranges]],
    draws: int | None = None,
    seed: int = 1,
    groups: Sequence[Sequence[str]] = (),
    do_minimum: bool = False,
) -> OptionsAppraisal:
    """The options table for the scenarios given (file, ranges); with ``draws``, each option
    with a distribution has its P(NPV > 0) from a Monte Carlo of ``draws`` from ``seed``, and
    where the options draw jointly, EVPI and the EVPPI of each drawn input (or of each group
    in ``groups``) and of each option's ``evppi_groups``. With ``do_minimum`` (options generated
    from a practice), the option of 0 practices is added first: no programme, no avoidance, so
    every figure 0 (it is the baseline the others are set against, so EVPI counts it as 0)."""
    found = _checked(named)
    joint = draws is not None and _joint([ranges for _, ranges, _ in found])
    if groups and not joint:
        why = (
            "EVPPI needs draws: give --draws N"
            if draws is None
            else "EVPPI needs joint draws: every option must draw the same inputs from the "
            "same distributions (and rank correlations), and these do not"
        )
        raise InputError([Problem(found[0][0], key="--evppi", message=why)])
    planned = None
    if joint:
        assert draws is not None
        planned = plan([(file, ranges) for file, ranges, _ in found], draws, seed, groups)
    figures: list[tuple[OptionFigures, Ranges]] = []
    numpy = bit_generator = None
    for file, ranges, result in found:
        appraisal = result.economics.appraisal
        assert appraisal is not None
        chance = None
        if draws is not None and any(each.distribution is not None for each in ranges.ranges):
            from pause_cost.uncertainty.montecarlo import simulate

            simulation = simulate(ranges, draws, seed, outcome="npv")
            chance = next(found for found in simulation.chances if found.outcome == "npv")
            numpy, bit_generator = simulation.numpy, simulation.bit_generator
        figures.append(
            (
                OptionFigures(
                    option=_label(file, result),
                    file=file,
                    pv_benefits=appraisal.pv_benefits_gbp,
                    pv_costs=appraisal.pv_costs_gbp,
                    npv=appraisal.npv_gbp,
                    bcr=appraisal.bcr,
                    payback=payback_of(result),
                    cashable_payback=cashable_payback(result),
                    chance=chance,
                ),
                ranges,
            )
        )
    figures.sort(key=lambda pair: (pair[0].pv_costs, pair[0].option))
    options: list[OptionFigures] = [option for option, _ in figures]
    switching = _switching([ranges for _, ranges in figures])
    baseline = BASELINE
    increments = _increments(options, BASELINE)
    if do_minimum:
        nothing = _do_minimum(found[0][0], found[0][2])
        baseline = f"{nothing.option}, the do-minimum: {BASELINE}"
        increments = _increments(options, nothing.option)
        options = [nothing, *options]
        switching = [
            dataclasses.replace(row, points=[None, *row.points], values=[None, *row.values])
            for row in switching
        ]
    valued = None if planned is None else value(planned)
    return OptionsAppraisal(
        price_year=found[0][2].price_year,
        year_zero=_year_zero(found[0][2]),
        baseline=baseline,
        options=options,
        increments=increments,
        switching=switching,
        draws=draws,
        seed=seed if draws is not None else None,
        numpy=numpy,
        bit_generator=bit_generator,
        evpi=None if valued is None else _decimal(valued.evpi.value),
        evpi_mcse=None if valued is None else _decimal(valued.evpi.mcse),
        evpi_population=None
        if valued is None or valued.evpi_population is None
        else _decimal(valued.evpi_population),
        evppi=None if valued is None else [_partial(row) for row in valued.partial],
        population=None if valued is None else valued.population,
        flags=(
            []
            if draws is None or joint
            else [
                "no EVPI: the options do not all draw the same inputs from the same "
                "distributions, so their draws are not joint"
            ]
        )
        + ([] if valued is None else valued.flags),
    )


def _do_minimum(file: str, result: Estimate) -> OptionFigures:
    """The option of 0 practices: no programme, no avoidance; nothing to pay back."""
    zero = Decimal(0)
    return OptionFigures(
        option=f"{result.scenario.name} x 0",
        file=f"{file.rsplit(' [', 1)[0]} [0 practices]",
        pv_benefits=zero,
        pv_costs=zero,
        npv=zero,
        bcr=None,
        payback=None,
        cashable_payback=None,
        chance=None,
    )


def _increments(options: Sequence[OptionFigures], first_against: str) -> list[Increment]:
    """Each option against the next smaller (the first against ``first_against``: doing
    nothing, or the do-minimum, which costs and saves nothing)."""
    increments = []
    previous = None
    for option in options:
        base = (
            (Decimal(0), Decimal(0))
            if previous is None
            else (
                previous.pv_benefits,
                previous.pv_costs,
            )
        )
        extra_benefits = option.pv_benefits - base[0]
        extra_costs = option.pv_costs - base[1]
        increments.append(
            Increment(
                option=option.option,
                against=first_against if previous is None else previous.option,
                npv=extra_benefits - extra_costs,
                pv_benefits=extra_benefits,
                pv_costs=extra_costs,
                bcr=None if extra_costs == 0 else extra_benefits / extra_costs,
            )
        )
        previous = option
    return increments


def _joint(options: Sequence[Ranges]) -> bool:
    """Whether every option draws the same inputs from the same distributions (and the same
    rank correlations), so the same seed gives each the same draws of them: joint draws."""

    def drawn(ranges: Ranges) -> tuple[object, ...]:
        return (
            tuple(
                (found.path, found.distribution) for found in ranges.ranges if found.distribution
            ),
            tuple(ranges.correlations),
        )

    first = drawn(options[0])
    return bool(first[0]) and all(drawn(ranges) == first for ranges in options[1:])


def _partial(row: PartialValue) -> OptionsEvppi:
    return OptionsEvppi(
        input="+".join(row.inputs),
        value=row.value,
        inputs=row.inputs,
        mcse=row.mcse,
        method=row.method,
        terms=row.terms,
        population=row.population,
    )


def _decimal(value: float) -> Decimal:
    """A float as the decimal of its shortest repr: the same bytes on every machine."""
    return Decimal(repr(float(value)))


def _year_zero(result: Estimate) -> str:
    appraisal = result.economics.appraisal
    assert appraisal is not None
    return appraisal.year_zero


def _switching(options: list[Ranges]) -> list[SwitchingRow]:
    """Each ranged input's NPV break-even in every option that ranges it."""
    values: dict[str, dict[int, Decimal | None]] = {}
    points: dict[str, dict[int, Decimal]] = {}
    for index, ranges in enumerate(options):
        if not ranges.ranges:
            continue
        for item in break_even(ranges, NPV_ZERO).inputs:
            values.setdefault(item.range.input, {})[index] = item.value
            points.setdefault(item.range.input, {})[index] = item.range.point
    return [
        SwitchingRow(
            input=name,
            points=[points[name].get(index) for index in range(len(options))],
            values=[found.get(index) for index in range(len(options))],
        )
        for name, found in values.items()
    ]


__all__ = ["Chance", "appraise", "cashable_payback"]
