"""Read a scenario with its ranges: the scenario's own ``uncertainty`` and the files it names.

Reading is all that happens here: each range, with where it was given, goes to
:func:`pause_cost.model.ranges.resolve_ranges`, which checks it against the inputs it
addresses. Problems in the files and in the ranges are reported together.
"""

from __future__ import annotations

from pathlib import Path

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.inputs import load_inputs
from pause_cost.load.messages import located, validate
from pause_cost.load.resolve import Cited
from pause_cost.load.scenarios import scenario_document
from pause_cost.model.ranges import Given, Range, Ranges, resolve_ranges
from pause_cost.model.uncertainty import Uncertain, UncertaintyFile

__all__ = ["Range", "Ranges", "load_ranges"]


def load_ranges(path: Path | str) -> Ranges:
    """The scenario, everything it names, and its ranges checked against them."""
    scenario_path = Path(path)
    document = scenario_document(scenario_path, str(path))
    inputs = load_inputs(scenario_path, document=document)
    problems: list[Problem] = []
    given = [
        _given(item, document, str(path), ("uncertainty", index))
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
            _given(item, other, str(file_path), ("inputs", number))
            for number, item in enumerate(loaded.inputs)
        ]
        correlations += loaded.correlations
    ranges = resolve_ranges(inputs, given, correlations, str(path), problems)
    found = _group_problems(ranges, document, str(path))
    if found:
        raise InputError(found)
    return ranges


def _group_problems(ranges: Ranges, document: yamlmarks.Document, shown: str) -> list[Problem]:
    """Each ``evppi_groups`` entry that names an input not drawn (no range, or a range with no
    distribution), or one input twice, located where it is named."""
    drawn = [found.path for found in ranges.ranges if found.distribution is not None]
    ranged = {found.path for found in ranges.ranges}
    problems = []
    for number, group in enumerate(ranges.inputs.scenario.evppi_groups):
        for place, name in enumerate(group):
            keys = ("evppi_groups", number, place)
            if name not in drawn:
                why = (
                    "has a range but no distribution, so it is held at its point and never drawn"
                    if name in ranged
                    else "is not an uncertain input of this scenario"
                )
                message = (
                    f"{name}: EVPPI needs a drawn input; it {why} (drawn: "
                    f"{', '.join(drawn) or 'none'})"
                )
            elif name in group[:place]:
                message = f"{name}: named twice in one group"
            else:
                continue
            problems.append(located(shown, document.marks.locate(keys), _key(keys), message))
    return problems


def _key(keys: tuple[str | int, ...]) -> str:
    return ".".join(str(key) for key in keys)


def _given(
    item: Uncertain, document: yamlmarks.Document, shown: str, keys: tuple[str, int]
) -> Given:
    """A range with the place in its file where it was given."""
    position = document.marks.locate(keys)
    line, column = (position.line, position.column) if position else (None, None)
    return Given(item, shown, line, column, ".".join(str(key) for key in keys))
