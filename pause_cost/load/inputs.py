"""Load what a command names: a scenario with its tables and indices, a table, an index.

This is the boundary between hand-edited files and the typed core: nothing past it sees YAML,
and nothing it raises is anything but an :class:`~pause_cost.errors.InputError` listing every
problem found, each as ``file:line:col: key: what is wrong; what is allowed``. Each file is
read once; the checks across files (a table listed twice, overrides naming real lines, indices
covering every line) are made here.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING, Literal, overload

from pydantic import ValidationError

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.extensions import LoadedTable, load_table_file
from pause_cost.load.messages import file_order, located, plain_messages, validate
from pause_cost.load.resolve import (
    Cited,
    resolve,
    shipped_dir,
    shipped_names,
    shipped_table_names,
    shipped_tables_dir,
)
from pause_cost.model.inputs import Inputs
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import UnitCostTable, fee_in_force, line_ref

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
    return validate(Scenario, yamlmarks.load(Path(path), str(path)))


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


def load_index(name_or_path: str | Path, *, base_dir: Path | None = None) -> Index:
    """Load a price index (or a splice of them) by shipped name (``pss-all-sectors``) or path."""
    path, shown = resolve("index", str(name_or_path), base_dir or Path(), None)
    return load_index_file(path, shown, None)


def load_index_file(path: Path, shown: str, cited: Cited | None) -> Index:
    """An index file: published levels or increases, or a splice whose parts are loaded too.

    A splice's parts are found from the splice file's folder (or by shipped name); each must
    carry the years the splice gives it, and a part may not itself be a splice.
    """
    from pause_cost.model.indices import PriceIndex

    document = yamlmarks.load(path, shown)
    if not (isinstance(document.data, dict) and "splice" in document.data):
        return validate(PriceIndex, document)
    from pause_cost.model.splice import SplicedIndex, SpliceFile

    file = validate(SpliceFile, document)
    parts: list[PriceIndex] = []
    problems: list[Problem] = []
    for number, segment in enumerate(file.splice):
        where: Cited = (
            shown,
            document.marks.locate(("splice", number, "index")),
            f"splice.{number}.index",
        )
        try:
            part_path, part_shown = resolve("index", segment.index, path.parent, where)
            part_document = yamlmarks.load(part_path, part_shown)
            if isinstance(part_document.data, dict) and "splice" in part_document.data:
                problems.append(
                    located(
                        *where,
                        f"{segment.index!r} is a splice itself; splice published indices only",
                    )
                )
                continue
            parts.append(validate(PriceIndex, part_document))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    spliced = SplicedIndex(file, tuple(parts))
    for number, (part, start, end) in enumerate(spliced.segments()):
        if not (part.covers(start) and part.covers(end)):
            where = (shown, document.marks.locate(("splice", number)), f"splice.{number}")
            problems.append(
                located(
                    *where,
                    f"{part.name} runs from {part.first_year} to {part.last_year}, so it cannot "
                    f"carry the splice from {start} to {end}",
                )
            )
    if problems:
        raise InputError(problems)
    return spliced


SCENARIO_KEYS = frozenset(("cohort", "cohorts", "practice"))
"""A file with one of these keys is a scenario, not a table."""


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
    document = document or yamlmarks.load(scenario_path, str(path))
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
    indices: dict[str, Index] = {}
    if scenario.price_year is not None and not problems:
        cited = (str(path), document.marks.locate(("price_year",)), "price_year")
        indices = _indices_for(scenario.price_year, tables, scenario_path.parent, cited, problems)
    schedule = _schedule(scenario, scenario_path.parent, str(path), document, problems)
    nominal = _nominal_index(scenario, scenario_path.parent, str(path), document, problems)
    if problems:
        raise InputError(problems)
    return Inputs(scenario, tuple(loaded.table for loaded in tables), indices, schedule, nominal)


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


def load_indices(
    price_year: str, tables: list[LoadedTable], *, base_dir: Path | None = None
) -> dict[str, Index]:
    """The indices that state every line of these tables in a price year.

    Raises InputError, naming each line an index cannot uprate, as :func:`load_inputs` does.
    """
    problems: list[Problem] = []
    indices = _indices_for(
        price_year, tables, base_dir or Path(), ("--price-year", None, None), problems
    )
    if problems:
        raise InputError(problems)
    return indices


def _indices_for(
    price_year: str,
    tables: list[LoadedTable],
    base_dir: Path,
    cited: Cited,
    problems: list[Problem],
) -> dict[str, Index]:
    """Load the indices the lines name, and check each covers its line's year and the target."""
    indices = _referenced_indices(tables, base_dir, cited, problems)
    beyond: dict[str, tuple[Index, list[str]]] = {}
    for loaded in tables:
        table = loaded.table
        for line in table.lines:
            reference = table.index_reference(line)
            where = f"{loaded.shown}: {table.name}/{line.id}"
            if line.fee_schedule is not None:
                if fee_in_force(line.fee_schedule, price_year) is None:
                    first = line.fee_schedule[0].in_force_from
                    problems.append(
                        located(
                            *cited,
                            f"{where} is a fee first in force on {first}: there is no fee for "
                            f"{price_year}; choose a later price year",
                        )
                    )
                continue  # a fee is not uprated: the fee in force in the year is used
            if line.price_year == price_year:
                continue  # already in the price year: nothing to uprate, no index needed
            if reference is None:
                problems.append(
                    located(
                        *cited,
                        f"cannot state {where} in {price_year} prices: neither the line nor its "
                        "table names a price_index",
                    )
                )
                continue
            index = indices.get(reference)
            if index is None:
                continue  # its loading problem is reported already
            if not index.covers(price_year):
                # One cause, said once below for every line it stops.
                beyond.setdefault(index.name, (index, []))[1].append(line_ref(table.name, line.id))
            elif not index.covers(line.price_year):
                problems.append(
                    located(
                        *cited,
                        f"{where} is priced in {line.price_year}, which {index.name} does not "
                        f"cover (it runs from {index.first_year} to {index.last_year}); no "
                        "figure is extrapolated: choose a covered price year or another index",
                    )
                )
    for index, refs in beyond.values():
        shown = ", ".join(refs[:MAX_LISTED])
        more = f" and {len(refs) - MAX_LISTED} more" if len(refs) > MAX_LISTED else ""
        problems.append(
            located(
                *cited,
                f"{price_year} is outside {index.name} (it runs from {index.first_year} to "
                f"{index.last_year}), so the {len(refs)} line(s) it uprates cannot be stated in "
                f"{price_year} prices ({shown}{more}); no figure is extrapolated: choose a "
                "covered price year or another index",
            )
        )
    return indices


MAX_LISTED = 5
"""Lines named in one message; the rest are counted."""


def table_indices(loaded: LoadedTable) -> dict[str, Index]:
    """Every index a loaded table names, by the reference it writes, each loaded and checked.

    For ``tables validate``: a misspelt name or a missing index file is found before a
    scenario asks for a price year. Raises InputError listing every index that fails.
    """
    problems: list[Problem] = []
    indices = _referenced_indices([loaded], Path(), (loaded.shown, None, "price_index"), problems)
    if problems:
        raise InputError(problems)
    return indices


def _referenced_indices(
    tables: list[LoadedTable],
    base_dir: Path,
    cited: Cited,
    problems: list[Problem],
) -> dict[str, Index]:
    """Each index the tables' lines name, keyed by the reference written (a name or a path).

    A path is found from the table file that wrote it, so one reference must mean one file
    throughout; outputs name an index by its own name, so two files may not share one.
    """
    indices: dict[str, Index] = {}
    files: dict[str, Path] = {}
    by_name: dict[str, str] = {}
    failed: set[str] = set()
    for loaded in tables:
        table = loaded.table
        # Each reference once per table: a table's lines mostly share one index, and resolving
        # a name lists the shipped folder (thousands of lines made thousands of listings).
        references = dict.fromkeys(table.index_reference(line) for line in table.lines)
        for reference in references:
            if reference is None or reference in failed:
                continue
            written = loaded.index_file(reference)
            try:
                if written is None:
                    path, shown = resolve("index", reference, base_dir, cited)
                else:
                    path, shown = resolve("index", str(written), Path(), cited)
            except InputError as exc:
                problems.extend(exc.problems)
                failed.add(reference)
                continue
            if reference in indices:
                if files[reference] != path.resolve():
                    problems.append(
                        located(
                            *cited,
                            f"price index {reference!r} means {files[reference]} for one table "
                            f"and {path.resolve()} for {table.name}; write one of them as "
                            "another path",
                        )
                    )
                    failed.add(reference)
                continue
            try:
                index = load_index_file(path, shown, cited)
            except InputError as exc:
                problems.extend(exc.problems)
                failed.add(reference)
                continue
            clash = by_name.setdefault(index.name, reference)
            if clash != reference:
                problems.append(
                    located(
                        *cited,
                        f"price indices {clash!r} and {reference!r} are both named "
                        f"{index.name!r}; outputs name an index by its name, so give each "
                        "index file its own name",
                    )
                )
                failed.add(reference)
                continue
            indices[reference], files[reference] = index, path.resolve()
    return indices


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
