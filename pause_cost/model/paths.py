"""Inputs addressed by path, read and changed: the one way every what-if touches an input.

A path names a scenario input by its keys (``cohort.birth_rate_per_woman_per_year``,
``programme_cost.total_gbp``, ``cohorts.1.women_open``, ``adjustments.removal_share.share``)
or a table line's field (``care-journey-england/adoption-placement.share_of_children``).
Changing one rebuilds the scenario (or the line) through its model, so every bound and rule
a file obeys holds for a what-if too: a share of 1.2 is refused, not costed.

``discounting.rate_percent`` is the one path that names no key: the discount rate, for every
year, in place of the schedule's bands (a flat rate, for sensitivity and break-even).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import ValidationError

from pause_cost.errors import PauseCostError
from pause_cost.model.discounting import DiscountSchedule
from pause_cost.model.inputs import Inputs
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import LINE_FIELDS_NUMERIC, Line, UnitCostTable
from pause_cost.money import number_bounds_problem, to_decimal
from pause_cost.visible import shown_text

FLAT_RATE = "discounting.rate_percent"
"""The discount rate as one figure for every year (a flat schedule)."""

Value = Decimal

NOT_INPUTS = {
    "published": "the published figures are what the estimate is compared with",
    "uncertainty": "a range describes an input",
    "correlations": "a correlation describes two ranges",
}
"""Parts of a scenario that hold numbers but no input: a what-if there would change nothing
the estimate computes, yet be echoed as if it had."""

MAX_PATH = 200
"""The longest path a what-if may name: a table line's field, the longest, is a table name and
a line id (80 characters each at most) with a field's name."""


class PathError(PauseCostError, ValueError):
    """A path that names no number in these inputs, or a value its input cannot take."""


@dataclass(frozen=True, slots=True)
class Address:
    """Where a path points: a scenario key chain, a table line's field, or the flat rate."""

    path: str
    where: Literal["scenario", "line", "rate"]
    keys: tuple[str | int, ...] = ()
    table: str = ""
    line: str = ""
    field: str = ""
    whole: bool = False
    """The input takes whole numbers only (women, years)."""
    share: bool = False
    """The input is a share, 0 to 1."""
    override: int = -1
    """For a line's field that the scenario's ``line_overrides`` sets, which override: the
    value the estimate uses is the override's, so it is the one read and changed."""


def address(inputs: Inputs, path: str) -> Address:
    """Where ``path`` points in these inputs, checked: a number a what-if can change."""
    if len(path) > MAX_PATH or not path.isprintable():
        raise PathError(
            f"{shown_text(path)}: not an input path (a path is at most {MAX_PATH} printable "
            "characters, such as cohort.women_open)"
        )
    if path == FLAT_RATE:
        if inputs.schedule is None:
            raise PathError(f"{path}: the scenario has no discounting to vary")
        return Address(path=path, where="rate")
    head, _, rest = path.partition(".")
    if "/" in head:
        table_name, _, line_id = head.partition("/")
        table = next((t for t in inputs.tables if t.name == table_name), None)
        if table is None:
            names = ", ".join(t.name for t in inputs.tables)
            raise PathError(f"{path}: no table {table_name!r} in the scenario (tables: {names})")
        line = next((found for found in table.lines if found.id == line_id), None)
        if line is None:
            raise PathError(f"{path}: table {table_name} has no line {line_id!r}")
        if rest not in LINE_FIELDS_NUMERIC:
            raise PathError(
                f"{path}: a line's uncertain fields are {', '.join(LINE_FIELDS_NUMERIC)}"
            )
        if rest == "amount_gbp" and line.fee_schedule is not None:
            raise PathError(f"{path}: a statutory fee's amount is the fee in force, not varied")
        overrides = inputs.scenario.line_overrides
        return Address(
            override=next(
                (
                    number
                    for number, override in enumerate(overrides)
                    if override.line == head and override.changes().get(rest) is not None
                ),
                -1,
            ),
            path=path,
            where="line",
            table=table_name,
            line=line_id,
            field=rest,
            whole=rest in ("first_year", "last_year"),
            share=rest == "share_of_children",
        )
    keys = _by_name(inputs.scenario, path)
    if keys[0] in NOT_INPUTS:
        raise PathError(f"{path}: {NOT_INPUTS[str(keys[0])]}, not an input a what-if can change")
    current = value_at(_scenario_data(inputs.scenario), keys, path)
    if isinstance(current, bool) or not isinstance(current, int | Decimal):
        raise PathError(f"{path}: {_shown(current)} is not a number a what-if can change")
    return Address(
        path=path,
        where="scenario",
        keys=keys,
        whole=isinstance(current, int),
        share=_is_share(path),
    )


def read(inputs: Inputs, where: Address) -> Decimal:
    """The input's value in these inputs."""
    if where.where == "rate":
        assert inputs.schedule is not None
        return inputs.schedule.rate_percent(1)
    if where.where == "line" and where.override >= 0:
        return to_decimal(inputs.scenario.line_overrides[where.override].changes()[where.field])
    if where.where == "line":
        return to_decimal(getattr(_line(inputs, where), where.field) or 0)
    current = value_at(_scenario_data(inputs.scenario), where.keys, where.path)
    return to_decimal(current)


def change(inputs: Inputs, where: Address, value: Decimal) -> Inputs:
    """These inputs with one input set to ``value``, validated as a file's would be."""
    problem = number_bounds_problem(value) if value.is_finite() else "a number must be finite"
    if problem is not None:  # before any conversion: 1e999999999 is never made whole
        raise PathError(f"{where.path}: {problem}")
    if where.whole:
        if value != value.to_integral_value():
            raise PathError(f"{where.path}: takes whole numbers, not {value}")
        number: Decimal | int = int(value)
    else:
        number = value
    if where.where == "rate":
        return dataclasses.replace(inputs, schedule=_flat(inputs.schedule, value))
    if where.where == "line" and where.override < 0:
        return dataclasses.replace(inputs, tables=_tables_with(inputs, where, number))
    data = _scenario_data(inputs.scenario)
    keys = where.keys if where.override < 0 else ("line_overrides", where.override, where.field)
    _set(data, keys, number, where.path)
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise PathError(f"{where.path}: {value} is refused: {_first(exc)}") from None
    return dataclasses.replace(inputs, scenario=scenario)


def set_value(inputs: Inputs, path: str, value: Decimal) -> Inputs:
    """Address and change in one step (for ``--set PATH=VALUE``)."""
    return change(inputs, address(inputs, path), value)


def _by_name(scenario: Scenario, path: str) -> tuple[str | int, ...]:
    """A path's keys, list positions as numbers; a cohort may be named by its ``name`` as well
    as by its position (``cohorts.April 2020.women_open`` or ``cohorts.1.women_open``)."""
    parts = path.split(".")
    if parts[0] == "cohorts" and not scenario.cohorts and scenario.practice is not None:
        raise PathError(
            f"{path}: this scenario's cohorts follow from its practice, one after another, so "
            "one cannot be set alone: set the practice's own figures (practice.capacity_women, "
            "practice.birth_rate_per_woman_per_year, practice.cohorts, ...), or give the "
            "scenario a cohorts list"
        )
    keys: list[str | int] = []
    for index, part in enumerate(parts):
        if part.isascii() and part.isdigit():
            keys.append(int(part))
        elif index == 1 and parts[0] == "cohorts" and scenario.cohorts:
            names = [str(cohort.name) for cohort in scenario.cohorts if cohort.name]
            found = [n for n, cohort in enumerate(scenario.cohorts) if cohort.name == part]
            if not found:
                listed = ", ".join(names) or "none is named"
                raise PathError(
                    f"{path}: no cohort named {part!r}; give its position, counted from 0, or "
                    f"its name ({listed})"
                )
            keys.append(found[0])
        else:
            keys.append(part)
    return tuple(keys)


def value_at(data: Any, keys: tuple[str | int, ...], path: str) -> Any:
    """The value ``keys`` lead to in plain data, or a PathError naming where they stop."""
    current = data
    for depth, key in enumerate(keys):
        shown = ".".join(str(part) for part in keys[: depth + 1])
        if isinstance(key, int) and isinstance(current, list):
            if key >= len(current):
                raise PathError(f"{path}: {shown} is beyond the list's {len(current)} items")
            current = current[key]
        elif isinstance(key, str) and isinstance(current, dict):
            if key not in current or current[key] is None:
                raise PathError(f"{path}: the scenario gives no {shown}")
            current = current[key]
        else:
            raise PathError(f"{path}: {shown} does not name an input")
    return current


def _set(data: Any, keys: tuple[str | int, ...], value: Any, path: str) -> None:
    parent = value_at(data, keys[:-1], path)
    parent[keys[-1]] = value


def _scenario_data(scenario: Scenario) -> dict[str, Any]:
    data: dict[str, Any] = scenario.model_dump()
    return data


def _line(inputs: Inputs, where: Address) -> Line:
    table = next(t for t in inputs.tables if t.name == where.table)
    return next(line for line in table.lines if line.id == where.line)


def _tables_with(inputs: Inputs, where: Address, value: Decimal | int) -> tuple[UnitCostTable, ...]:
    tables = []
    for table in inputs.tables:
        if table.name == where.table:
            lines = []
            for line in table.lines:
                if line.id == where.line:
                    try:
                        line = line.with_changes({where.field: value})
                    except ValidationError as exc:
                        raise PathError(
                            f"{where.path}: {value} is refused: {_first(exc)}"
                        ) from None
                lines.append(line)
            table = table.model_copy(update={"lines": lines})
        tables.append(table)
    return tuple(tables)


def _flat(schedule: DiscountSchedule | None, rate: Decimal) -> DiscountSchedule:
    assert schedule is not None
    try:
        return DiscountSchedule.model_validate(
            {
                "name": f"{schedule.name}-flat",
                "title": f"{schedule.title}, at {rate}% for every year",
                "source": schedule.source.model_dump(exclude_none=True),
                "bands": [{"from_year": 0, "rate_percent": rate}],
            }
        )
    except ValidationError as exc:
        raise PathError(f"{FLAT_RATE}: {rate} is refused: {_first(exc)}") from None


def _is_share(path: str) -> bool:
    last = path.rsplit(".", 1)[-1]
    return last in ("share", "share_of_programme_cost") or last.startswith("share_of")


def _first(exc: ValidationError) -> str:
    error = exc.errors()[0]
    return str(error["msg"]).removeprefix("Value error, ")


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    return repr(value)[:40]
