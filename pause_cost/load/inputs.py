"""Load what a command names: a scenario with its tables and indices, a table, an index.

This is the boundary between hand-edited files and the typed core: nothing past it sees YAML,
and nothing it raises is anything but an :class:`~pause_cost.errors.InputError` listing every
problem found, each as ``file:line:col: key: what is wrong; what is allowed``. Each file is
read once; the checks across files (a table listed twice, overrides naming real lines, indices
covering every line) are made here. Indices are read by :mod:`pause_cost.load.indices`.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from pydantic import ValidationError

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.claims import check_claims
from pause_cost.load.extensions import LoadedTable, load_table_file
from pause_cost.load.indices import (
    indices_for,
    load_index,
    load_index_file,
    load_indices,
    table_indices,
)
from pause_cost.load.messages import file_order, located, plain_messages, validate
from pause_cost.load.prices import check_price_base, load_deflator
from pause_cost.load.resolve import (
    Cited,
    resolve,
    shipped_dir,
    shipped_names,
    shipped_table_names,
    shipped_tables_dir,
)
from pause_cost.load.scenarios import SCENARIO_KEYS, extends_a_scenario, merged, scenario_document
from pause_cost.model.inputs import Inputs
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import UnitCostTable, line_ref

if TYPE_CHECKING:  # the models load only where a price year asks for an index
    from pause_cost.model.discounting import DiscountSchedule
    from pause_cost.model.splice import Index

__all__ = [
    "Inputs",
    "LoadedTable",
    "load_index",
    "load_indices",
    "load_inputs",
    "load_reference",
    "load_scenario",
    "load_table",
    "open_table",
    "shipped_dir",
    "shipped_names",
    "shipped_table_names",
    "shipped_tables_dir",
    "table_indices",
]


def load_scenario(path: Path | str) -> Scenario:
    """Load and validate a scenario file (its tables are not loaded: see :func:`load_inputs`)."""
    return validate(Scenario, scenario_document(Path(path), str(path)))


def open_table(name_or_path: str | Path, *, base_dir: Path | None = None) -> LoadedTable:
    """A table by shipped name or file path, with where its index paths point."""
    path, shown = resolve("table", str(name_or_path), base_dir or Path(), None)
    return load_table_file(path, shown)


def load_table(name_or_path: str | Path, *, base_dir: Path | None = None) -> UnitCostTable:
    """Load a unit-cost table by shipped name (``rotherham-2020-published``) or file path.

    A table that ``extends`` another comes back with the changes applied. A relative path is
    taken from ``base_dir`` (default: the current directory).
    """
    return open_table(name_or_path, base_dir=base_dir).table


@overload
def load_reference(reference: str, *, scenarios: Literal[False]) -> LoadedTable: ...
@overload
def load_reference(reference: str, *, scenarios: bool = True) -> Inputs | LoadedTable: ...
def load_reference(reference: str, *, scenarios: bool = True) -> Inputs | LoadedTable:
    """A scenario file (with all it names) or a table (a file or a shipped name), read once.

    For ``compare``, which takes either: a file holding a ``cohort`` is a scenario. Where only
    a table will do (``scenarios=False``), a scenario is refused as one, in a line.
    """
    path = Path(reference)
    if not path.is_file():
        return open_table(reference)
    document = yamlmarks.load(path, reference)
    if extends_a_scenario(document):
        document = merged(document)
    if isinstance(document.data, dict) and SCENARIO_KEYS & set(document.data):
        if not scenarios:
            raise InputError.single(
                reference,
                "is a scenario, not a unit-cost table; check a scenario with "
                f"pause-cost estimate {reference}",
            )
        return load_inputs(path, document=document)
    return load_table_file(path, reference, document=document)


def load_inputs(path: Path | str, *, document: yamlmarks.Document | None = None) -> Inputs:
    """Load a scenario, every table it names and every index they need.

    Table and index paths are relative to the scenario. Problems in the scenario, its tables
    and its indices are gathered and raised together.
    """
    scenario_path = Path(path)
    document = merged(document or yamlmarks.load(scenario_path, str(path)))
    problems: list[Problem] = []
    scenario: Scenario | None = None
    try:
        scenario = validate(Scenario, document)
    except InputError as exc:
        problems.extend(exc.problems)
    tables: list[LoadedTable] = []
    seen: dict[str, int] = {}
    files: dict[Path, tuple[int, str]] = {}
    names: dict[str, tuple[int, LoadedTable]] = {}
    for index, reference in _table_references(scenario, document):
        cited: Cited = (
            str(path),
            document.marks.locate(("unit_costs", index)),
            f"unit_costs.{index}",
        )
        if reference in seen:
            problems.append(
                located(
                    *cited,
                    f"table {reference!r} is already listed (item {seen[reference]}); "
                    "list each table once",
                )
            )
            continue
        seen[reference] = index
        try:
            table_path, shown = resolve("table", reference, scenario_path.parent, cited)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        # The same file written two ways ('t.yaml' and './t.yaml', a name and its shipped
        # path) would count every figure twice: compare the files, not the strings.
        same = files.setdefault(table_path.resolve(), (index, reference))
        if same[0] != index:
            problems.append(
                located(
                    *cited,
                    f"table {reference!r} is the same file as {same[1]!r} (item {same[0]}); "
                    "list each table once",
                )
            )
            continue
        try:
            loaded = load_table_file(table_path, shown)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        named = names.setdefault(loaded.table.name, (index, loaded))
        if named[0] != index:
            problems.append(
                located(
                    *cited,
                    f"two tables are named {loaded.table.name!r}: {named[1].shown} (item "
                    f"{named[0]}) and {loaded.shown}; lines are named table/id, so give each "
                    "table its own name",
                )
            )
            continue
        tables.append(loaded)
    if scenario is None or problems:
        # The scenario's own problems in file order, then its tables' (already in order).
        own = sorted((found for found in problems if found.path == str(path)), key=file_order)
        raise InputError([*own, *(found for found in problems if found.path != str(path))])
    problems += _check_overrides(scenario, [loaded.table for loaded in tables], document)
    problems += check_claims(scenario, document)
    indices: dict[str, Index] = {}
    if scenario.price_year is not None and not problems:
        cited = (str(path), document.marks.locate(("price_year",)), "price_year")
        indices = indices_for(scenario.price_year, tables, scenario_path.parent, cited, problems)
    schedule = _schedule(scenario, scenario_path.parent, str(path), document, problems)
    nominal = _nominal_index(scenario, scenario_path.parent, str(path), document, problems)
    deflator = load_deflator(scenario, scenario_path.parent, str(path), document, problems)
    read = [loaded.table for loaded in tables]
    check_price_base(scenario, read, deflator, str(path), document, problems)
    if problems:
        raise InputError(problems)
    return Inputs(scenario, tuple(read), indices, schedule, nominal, deflator)


def _schedule(
    scenario: Scenario,
    base_dir: Path,
    shown: str,
    document: yamlmarks.Document,
    problems: list[Problem],
) -> DiscountSchedule | None:
    """The discount schedule the scenario names, if it asks for present values."""
    if scenario.discounting is None:
        return None
    from pause_cost.load.discounting import load_named_schedule

    keys = ("discounting", "schedule")
    cited: Cited = (shown, document.marks.locate(keys), "discounting.schedule")
    try:
        return load_named_schedule(scenario.discounting.schedule, base_dir, cited)
    except InputError as exc:
        problems.extend(exc.problems)
        return None


def _nominal_index(
    scenario: Scenario,
    base_dir: Path,
    shown: str,
    document: yamlmarks.Document,
    problems: list[Problem],
) -> Index | None:
    """The index that states cash in money of the day, checked against the price year."""
    nominal = scenario.nominal_cash
    if nominal is None:
        return None
    cited: Cited = (shown, document.marks.locate(("nominal_cash", "index")), "nominal_cash.index")
    if scenario.price_year is None:
        problems.append(
            located(
                *cited,
                "cash in money of the day is inflated from the scenario's price_year: give "
                "price_year too",
            )
        )
        return None
    try:
        path, index_shown = resolve("index", nominal.index, base_dir, cited)
        index = load_index_file(path, index_shown, cited)
    except InputError as exc:
        problems.extend(exc.problems)
        return None
    if not index.covers(scenario.price_year):
        problems.append(
            located(
                *cited,
                f"{index.name} runs from {index.first_year} to {index.last_year}, which does "
                f"not cover the price year {scenario.price_year}",
            )
        )
        return None
    return index


def _table_references(
    scenario: Scenario | None, document: yamlmarks.Document
) -> list[tuple[int, str]]:
    """The tables a scenario lists, by position: read from the raw file if the scenario failed.

    So that a scenario with a mistake of its own still has its tables checked, and every
    problem is reported at once; items that are not text were reported already.
    """
    if scenario is not None:
        return list(enumerate(scenario.unit_costs))
    data = document.data
    listed = data.get("unit_costs") if isinstance(data, dict) else None
    if not isinstance(listed, list):
        return []
    return [(index, item) for index, item in enumerate(listed) if isinstance(item, str) and item]


def _check_overrides(
    scenario: Scenario, tables: list[UnitCostTable], document: yamlmarks.Document
) -> list[Problem]:
    """Each override names a line of a listed table, once, and leaves its years in order."""
    lines = {line_ref(table.name, line.id): line for table in tables for line in table.lines}
    problems: list[Problem] = []
    seen: set[str] = set()
    for index, override in enumerate(scenario.line_overrides):
        key = f"line_overrides.{index}.line"
        where = document.marks.locate(("line_overrides", index, "line"))
        line = lines.get(override.line)
        if line is None:
            close = difflib.get_close_matches(override.line, list(lines), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            message = f"no line {override.line!r} in the scenario's tables{hint}"
        elif override.line in seen:
            message = f"{override.line!r} is overridden twice; override each line once"
        else:
            seen.add(override.line)
            try:
                line.with_changes(override.changes())
                continue
            except ValidationError as exc:
                message = "; ".join(plain_messages(exc))
        problems.append(located(document.display_path, where, key, message))
    return problems
