"""A scenario's ranges, each checked against the input it addresses.

The path must name a number of this scenario or its tables, both ends of the range must be
values that input can take (a share's within 0 to 1), and a distribution must not draw values
the input cannot take. Problems are located where the range was given, all reported together.
The loader reads the ranges from their files; what they mean is settled here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from pause_cost.errors import InputError, Problem
from pause_cost.model.inputs import Inputs
from pause_cost.model.paths import Address, PathError, address, change, read
from pause_cost.model.uncertainty import Correlation, Distribution, Uncertain


@dataclass(frozen=True, slots=True)
class Range:
    """One uncertain input, resolved: where it points, its point value, range and draws."""

    path: str
    where: Address
    point: Decimal
    low: Decimal
    high: Decimal
    distribution: Distribution | None
    derived: bool
    judgement: bool
    assumption: str | None
    origin: str


@dataclass(frozen=True, slots=True)
class Ranges:
    """A scenario's uncertain inputs, in the order given, and their rank correlations."""

    inputs: Inputs
    ranges: tuple[Range, ...]
    correlations: tuple[Correlation, ...]


@dataclass(frozen=True, slots=True)
class Given:
    """A range as a file gives it, with where: the file, line and column, and its key."""

    item: Uncertain
    path: str
    line: int | None
    column: int | None
    key: str

    def problem(self, message: str) -> Problem:
        return Problem(self.path, self.line, self.column, self.key, message)


def resolve_ranges(
    inputs: Inputs,
    given: Sequence[Given],
    correlations: Sequence[Correlation],
    shown: str,
    problems: Sequence[Problem] = (),
) -> Ranges:
    """Each range resolved against the inputs, and the correlations checked against them.

    ``problems`` already found in reading the files are raised with these, in one InputError;
    correlation problems are reported against ``shown``, the scenario as the user named it.
    """
    found = list(problems)
    ranges: list[Range] = []
    seen: dict[str, str] = {}
    for stated in given:
        origin = f"{stated.path}:{'?' if stated.line is None else stated.line}"
        name = stated.item.input
        if name in seen:
            found.append(stated.problem(f"{name} already has a range ({seen[name]})"))
            continue
        seen[name] = origin
        try:
            ranges.append(_resolve(inputs, stated.item, origin))
        except PathError as exc:
            found.append(stated.problem(str(exc)))
    found += _correlation_problems(correlations, {each.path for each in ranges}, shown)
    if found:
        raise InputError(found)
    return Ranges(inputs=inputs, ranges=tuple(ranges), correlations=tuple(correlations))


def _correlation_problems(
    correlations: Sequence[Correlation], known: set[str], shown: str
) -> list[Problem]:
    """Each pair names two ranged inputs, once."""
    problems: list[Problem] = []
    pairs: set[frozenset[str]] = set()
    for correlation in correlations:
        first, second = correlation.inputs
        pair = frozenset(correlation.inputs)
        if first == second:
            message = f"{first} is correlated with itself; name two different inputs"
            problems.append(Problem(shown, key="correlations", message=message))
        elif pair in pairs:
            message = f"{first} and {second} are correlated twice; give each pair once"
            problems.append(Problem(shown, key="correlations", message=message))
        pairs.add(pair)
        for name in correlation.inputs:
            if name not in known:
                message = f"{name} has no range to correlate; give it one under uncertainty"
                problems.append(Problem(shown, key="correlations", message=message))
    return problems


def _resolve(inputs: Inputs, item: Uncertain, origin: str) -> Range:
    where = address(inputs, item.input)
    distribution = item.distribution
    if item.derived is not None:
        from pause_cost.model.counted import derived_rate

        low, high, distribution = derived_rate(item.derived)
    else:
        assert item.low is not None
        assert item.high is not None
        low, high = item.low, item.high
    for end in (low, high):
        change(inputs, where, end)  # a value the input cannot take is refused here
    if distribution is not None:
        _check_support(where, distribution)
        _check_reach(inputs, where, distribution)
    point = read(inputs, where)
    if item.derived is None and not low <= point <= high:
        raise PathError(
            f"{item.input}: its point, {point}, lies outside its range, {low} to {high}; a "
            "range must hold the value the estimate uses (widen it, or correct the point)"
        )
    return Range(
        path=item.input,
        where=where,
        point=point,
        low=low,
        high=high,
        distribution=distribution,
        derived=item.derived is not None,
        judgement=item.judgement,
        assumption=item.assumption,
        origin=origin,
    )


NORMAL_SDS = 4
"""A normal range is allowed where its mean lies at least 4 sd inside the input's bounds
(a draw beyond them has a chance under 1 in 30,000, and is costed as drawn)."""


def _check_support(where: Address, distribution: Distribution) -> None:
    least, greatest = distribution.support()
    if distribution.kind == "normal":
        assert distribution.mean is not None
        assert distribution.sd is not None
        least = distribution.mean - NORMAL_SDS * distribution.sd
        greatest = distribution.mean + NORMAL_SDS * distribution.sd
    if where.whole != (distribution.kind == "discrete_uniform"):
        raise PathError(
            f"{where.path}: takes whole numbers, so it is drawn from a discrete_uniform "
            f"distribution (whole low and high), not a {distribution.kind}"
            if where.whole
            else f"{where.path}: takes any number, so a discrete_uniform distribution (whole "
            "numbers only) does not fit it; use uniform"
        )
    if where.share and (least is None or greatest is None or least < 0 or greatest > 1):
        raise PathError(
            f"{where.path} is a share, 0 to 1, but this {distribution.kind} distribution draws "
            "outside it; use beta, pert, triangular or uniform within 0 to 1 (or a normal "
            f"whose mean is {NORMAL_SDS} sd inside both ends)"
        )
    if least is None or least < 0:
        raise PathError(
            f"{where.path} cannot be negative, but this {distribution.kind} distribution "
            "draws negative values; use lognormal, gamma, pert, triangular or uniform (or a "
            f"normal whose mean is at least {NORMAL_SDS} sd)"
        )


def _reach(distribution: Distribution) -> tuple[Decimal | None, Decimal | None]:
    """The least and greatest values a draw may take, for checking against the input's bounds:
    the support's ends where it has them; for a normal, its mean +/- :data:`NORMAL_SDS` sd; for
    a lognormal, its median x exp(+/- NORMAL_SDS sigma) (the same 1 in 30,000 in either tail);
    for a gamma, the Wilson-Hilferty approximation of the point as far above its mean."""
    least, greatest = distribution.support()
    if distribution.kind == "normal":
        assert distribution.mean is not None
        assert distribution.sd is not None
        return (
            distribution.mean - NORMAL_SDS * distribution.sd,
            distribution.mean + NORMAL_SDS * distribution.sd,
        )
    if distribution.kind == "lognormal":
        assert distribution.median is not None
        assert distribution.sigma is not None
        return None, _decimal(
            float(distribution.median) * math.exp(NORMAL_SDS * float(distribution.sigma))
        )
    if distribution.kind == "gamma":
        assert distribution.shape is not None
        assert distribution.rate is not None
        shape, rate = float(distribution.shape), float(distribution.rate)
        spread = 1 / (9 * shape)
        return None, _decimal(shape / rate * (1 - spread + NORMAL_SDS * math.sqrt(spread)) ** 3)
    return least, greatest


def _decimal(value: float) -> Decimal | None:
    """A float reach as a decimal; None where it overflows (refused as unbounded)."""
    return Decimal(repr(value)) if math.isfinite(value) else None


def _about(value: Decimal) -> str:
    """A reach to 6 significant figures, written plainly where it is of a size a person reads
    (900,000,000,000), else with an exponent."""
    if value.adjusted() > 15:
        return f"{float(value):.3g}"
    return format(Decimal(f"{float(value):.6g}"), ",f")


TINY = Decimal("1e-12")
"""A reach nearer 0 than this is tried as 0 (a normal centred on 0 reaches a few 1e-17)."""


def _check_reach(inputs: Inputs, where: Address, distribution: Distribution) -> None:
    """Every value the distribution draws is one the input can take: its reach is tried on
    the input as a what-if would be (birth rates to 2, amounts to 10,000,000, discount rates
    to 20%, ...), so a draw is never a value no file could give."""
    least, greatest = _reach(distribution)
    if distribution.kind in ("lognormal", "gamma") and greatest is None:
        raise PathError(
            f"{where.path}: this {distribution.kind} distribution's upper tail is beyond any "
            "number; narrow it"
        )
    for end, side in ((least, "down"), (greatest, "up")):
        if end is None:
            continue
        try:
            change(inputs, where, end if abs(end) >= TINY else Decimal(0))
        except PathError as exc:
            reason = str(exc).split(" is refused: ", 1)[-1]
            raise PathError(
                f"{where.path}: this {distribution.kind} distribution draws {side} to about "
                f"{_about(end)}, a value the input cannot take ({reason}); narrow it to the "
                "input's bounds"
            ) from None
