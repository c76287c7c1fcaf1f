"""Read a region file and each council's scenario, with its local figures applied."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.inputs import Inputs, load_inputs, load_table
from pause_cost.load.messages import located, validate
from pause_cost.model.region import Council, Region
from pause_cost.model.scenario import Scenario


@dataclass(frozen=True)
class LoadedCouncil:
    council: Council
    inputs: Inputs
    changes: list[tuple[str, Decimal]]


def load_region(path: Path) -> tuple[Region, list[LoadedCouncil]]:
    """The region and each council's inputs (scenario files read once each); every problem in
    every council is reported together."""
    document = yamlmarks.load(path, str(path))
    region = validate(Region, document)
    problems: list[Problem] = []
    cache: dict[Path, Inputs] = {}
    loaded: list[LoadedCouncil] = []
    for index, council in enumerate(region.councils):
        at = ("councils", index, "scenario")
        scenario = Path(council.scenario)
        if not scenario.is_absolute():
            scenario = path.parent / scenario
        if not scenario.is_file():
            problems.append(
                located(
                    str(path),
                    document.marks.locate(at),
                    f"councils.{index}.scenario",
                    f"scenario {scenario} does not exist (a path is taken from the region "
                    "file's folder)",
                )
            )
            continue
        if scenario not in cache:
            try:
                cache[scenario] = load_inputs(scenario)
            except InputError as exc:
                problems.extend(exc.problems)
                continue
        inputs = cache[scenario]
        try:
            inputs = _local(inputs, council, path)
        except (InputError, ValueError) as exc:
            if isinstance(exc, InputError):
                message = "; ".join(str(problem) for problem in exc.problems)
            elif isinstance(exc, ValidationError):
                message = "; ".join(str(error["msg"]) for error in exc.errors())
            else:
                message = str(exc)
            key = "unit_costs" if isinstance(exc, InputError) or "tables" in str(exc) else "start"
            problems.append(
                located(
                    str(path),
                    document.marks.locate(("councils", index, key)),
                    f"councils.{index}.{key}",
                    message,
                )
            )
            continue
        changes = [(item.path, item.value) for item in council.overrides]
        if council.women_open is not None:
            if inputs.scenario.cohort is None:
                problems.append(
                    located(
                        str(path),
                        document.marks.locate(("councils", index, "women_open")),
                        f"councils.{index}.women_open",
                        f"scenario {scenario.name} has no single cohort to give women to: "
                        "use practices, or an override by path",
                    )
                )
                continue
            changes.insert(0, ("cohort.women_open", Decimal(council.women_open)))
        if council.practices is not None:
            if inputs.scenario.practice is None:
                problems.append(
                    located(
                        str(path),
                        document.marks.locate(("councils", index, "practices")),
                        f"councils.{index}.practices",
                        f"scenario {scenario.name} has no practice section to set practices in",
                    )
                )
                continue
            changes.insert(0, ("practice.practices", Decimal(council.practices)))
        loaded.append(LoadedCouncil(council, inputs, changes))
    if problems:
        raise InputError(problems)
    return region, loaded


def _local(inputs: Inputs, council: Council, region_file: Path) -> Inputs:
    """The scenario with the council's start month and tables, checked again as a whole."""
    if council.start is None and council.unit_costs is None:
        return inputs
    scenario = inputs.scenario
    data = scenario.model_dump(exclude_unset=True)
    if council.start is not None:
        if scenario.cohort is not None:
            data["cohort"]["start"] = council.start
        elif scenario.practice is not None:
            data["practice"]["first_start"] = council.start
        else:
            raise ValueError(
                "a start month goes to a single cohort or a practice; this scenario has cohorts: "
                "give each its start in the scenario"
            )
    tables = inputs.tables
    if council.unit_costs is not None:
        if scenario.price_year is not None or scenario.line_overrides:
            raise ValueError(
                "the scenario uprates to a price year or overrides lines of its own tables: "
                "give the council a scenario that names these tables"
            )
        data["unit_costs"] = list(council.unit_costs)
        tables = tuple(load_table(name, base_dir=region_file.parent) for name in council.unit_costs)
    changed = Scenario.model_validate(data)
    # Every other part of the inputs (the discounting, the cash index, the deflator that
    # brings a cash programme cost to the savings' prices) is the scenario's own.
    return dataclasses.replace(inputs, scenario=changed, tables=tables)
