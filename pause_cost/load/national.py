"""Read a nation's case file, and the scenario that costs its avoided births."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pause_cost.errors import InputError
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.indices import load_index_file
from pause_cost.load.inputs import Inputs, load_inputs
from pause_cost.load.messages import located, validate
from pause_cost.load.prices import latest_deflator
from pause_cost.load.resolve import resolve
from pause_cost.model.national import NationalCase


def load_national(path: Path) -> tuple[NationalCase, Inputs | None]:
    """The case and, if it names one, its costing scenario (a path from the file's folder)."""
    document = yamlmarks.load(path, str(path))
    case = validate(NationalCase, document)
    if case.costed_with is None:
        return case, None
    scenario = Path(case.costed_with)
    if not scenario.is_absolute():
        scenario = path.parent / scenario
    if not scenario.is_file():
        raise InputError(
            [
                located(
                    str(path),
                    document.marks.locate(("costed_with",)),
                    "costed_with",
                    f"scenario {scenario} does not exist (a path is taken from this file's folder)",
                )
            ]
        )
    inputs = load_inputs(scenario)
    if case.cost_per_woman_prices is not None and inputs.deflator is None:
        name = latest_deflator()
        if name is not None:  # the GDP deflator the programme cost would use
            found, shown = resolve("index", name, scenario.parent, None)
            inputs = replace(inputs, deflator=load_index_file(found, shown, None))
    return case, inputs
