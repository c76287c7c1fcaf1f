"""Read a scenario with its ranges: the scenario's own ``uncertainty`` and the files it names.

Each range is checked against the inputs it addresses: the path must name a number of this
scenario or its tables, both ends of the range must be values that input can take (a share's
within 0 to 1), and a distribution must not draw values the input cannot take. Problems are
located in the file that gave the range, all reported together.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.inputs import Inputs, load_inputs
from pause_cost.load.messages import located, validate
from pause_cost.load.resolve import Cited
from pause_cost.model.uncertainty import Correlation, Distribution, Uncertain, UncertaintyFile
from pause_cost.uncertainty.paths import Address, PathError, address, change, read


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

    def by_path(self, path: str) -> Range | None:
        return next((found for found in self.ranges if found.path == path), None)


def load_ranges(path: Path | str) -> Ranges:
    """The scenario, everything it names, and its ranges checked against them."""
    scenario_path = Path(path)
    document = yamlmarks.load(scenario_path, str(path))
    inputs = load_inputs(scenario_path, document=document)
    problems: list[Problem] = []
    given: list[tuple[Uncertain, Cited]] = [
        (item, (str(path), document.marks.locate(("uncertainty", index)), f"uncertainty.{index}"))
        for index, item in enumerate(inputs.scenario.uncertainty)
    ]
    correlations = list(inputs.scenario.correlations)
    for index, reference in enumerate(inputs.scenario.uncertainty_files):
        cited: Cited = (
            str(path),
            document.marks.locate(("uncertainty_files", index)),
            f"uncertainty_files.{index}",
        )
        file_path = Path(reference)
        if not file_path.is_absolute():
            file_path = scenario_path.parent / file_path
        if not file_path.is_file():
            problems.append(
                located(
                    *cited,
                    f"ranges file {file_path} does not exist (a path is taken from the "
                    "folder of the file that names it)",
                )
            )
            continue
        try:
            other = yamlmarks.load(file_path, str(file_path))
            loaded = validate(UncertaintyFile, other)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        given += [
            (item, (str(file_path), other.marks.locate(("inputs", number)), f"inputs.{number}"))
            for number, item in enumerate(loaded.inputs)
        ]
        correlations += loaded.correlations
    ranges: list[Range] = []
    seen: dict[str, str] = {}
    for item, cited in given:
        origin = f"{cited[0]}:{cited[1].line if cited[1] else '?'}"
        if item.input in seen:
            problems.append(
                located(*cited, f"{item.input} already has a range ({seen[item.input]})")
            )
            continue
        seen[item.input] = origin
        try:
            ranges.append(_resolve(inputs, item, origin))
        except PathError as exc:
            problems.append(located(*cited, str(exc)))
    known = {found.path for found in ranges}
    pairs: set[frozenset[str]] = set()
    for correlation in correlations:
        first, second = correlation.inputs
        pair = frozenset(correlation.inputs)
        if first == second:
            problems.append(
                Problem(
                    str(path),
                    key="correlations",
                    message=f"{first} is correlated with itself; name two different inputs",
                )
            )
        elif pair in pairs:
            problems.append(
                Problem(
                    str(path),
                    key="correlations",
                    message=f"{first} and {second} are correlated twice; give each pair once",
                )
            )
        pairs.add(pair)
        for name in correlation.inputs:
            if name not in known:
                problems.append(
                    Problem(
                        str(path),
                        key="correlations",
                        message=f"{name} has no range to correlate; give it one under uncertainty",
                    )
                )
    if problems:
        raise InputError(problems)
    return Ranges(inputs=inputs, ranges=tuple(ranges), correlations=tuple(correlations))


def _resolve(inputs: Inputs, item: Uncertain, origin: str) -> Range:
    where = address(inputs, item.input)
    distribution = item.distribution
    if item.derived is not None:
        from pause_cost.uncertainty.sampling import derived_rate

        low, high, distribution = derived_rate(item.derived)
    else:
        assert item.low is not None
        assert item.high is not None
        low, high = item.low, item.high
    for end in (low, high):
        change(inputs, where, end)  # a value the input cannot take is refused here
    if distribution is not None:
        _check_support(where, distribution)
    return Range(
        path=item.input,
        where=where,
        point=read(inputs, where),
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
    if where.whole:
        raise PathError(
            f"{where.path}: takes whole numbers, so it varies over low and high only; "
            "leave out its distribution"
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
