"""Turn files into validated models, and every mistake in them into a located message.

This is the boundary between a hand-edited file and the typed core: nothing past it sees YAML,
and nothing it raises is anything but an :class:`~pause_cost.errors.InputError` listing every
problem found, each as ``file:line:col: key: what is wrong; what is allowed``.
"""

from __future__ import annotations

import difflib
import types
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.model.base import is_path_reference
from pause_cost.model.indices import PriceIndex
from pause_cost.model.scenario import Scenario
from pause_cost.model.tables import Line, TableExtension, TableFile, UnitCostTable, line_ref

ModelT = TypeVar("ModelT", bound=BaseModel)

_AT_KEY = {"missing", "extra_forbidden"}


_SHIPPED = {"table": "unit_costs", "index": "price_indices"}
_MAX_EXTENDS_DEPTH = 8

Cited = tuple[str, yamlmarks.Position | None, str | None]
"""Where a reference was written: file, position, dotted key."""


def shipped_dir(kind: str) -> Path:
    """Where the tables or indices installed with the package live."""
    return Path(str(resources.files("pause_cost") / _SHIPPED[kind]))


def shipped_names(kind: str) -> list[str]:
    """Names of the shipped tables or indices, sorted."""
    return sorted(path.stem for path in shipped_dir(kind).glob("*.yaml"))


def shipped_tables_dir() -> Path:
    return shipped_dir("table")


def shipped_table_names() -> list[str]:
    return shipped_names("table")


def reference_kind(reference: str) -> str:
    """'scenario' for a scenario file, 'table' for a table name or file (for ``compare``)."""
    path = Path(reference)
    if not path.is_file():
        return "table"
    data = yamlmarks.load(path, reference).data
    return "scenario" if isinstance(data, dict) and "cohort" in data else "table"


def load_scenario(path: Path | str) -> Scenario:
    """Load and validate a scenario file (its tables are not loaded: see :func:`load_inputs`)."""
    document = yamlmarks.load(Path(path), str(path))
    return _validate(Scenario, document)


def load_table(name_or_path: str | Path, *, base_dir: Path | None = None) -> UnitCostTable:
    """Load a unit-cost table by shipped name (``rotherham-2020-published``) or file path.

    A table that ``extends`` another comes back with the changes applied. A relative path is
    taken from ``base_dir`` (default: the current directory).
    """
    path, shown = _resolve("table", str(name_or_path), base_dir or Path(), None)
    return _load_table_file(path, shown, ())


def load_index(name_or_path: str | Path, *, base_dir: Path | None = None) -> PriceIndex:
    """Load a price index by shipped name (``pss-all-sectors``) or file path."""
    path, shown = _resolve("index", str(name_or_path), base_dir or Path(), None)
    return _validate(PriceIndex, yamlmarks.load(path, shown))


class Inputs(NamedTuple):
    """Everything an estimate needs, loaded and checked together."""

    scenario: Scenario
    tables: list[UnitCostTable]
    indices: dict[str, PriceIndex]


def load_inputs(path: Path | str) -> Inputs:
    """Load a scenario, every table it names and every index they need.

    Table and index paths are relative to the scenario. Problems in the scenario, its tables
    and its indices are gathered and raised together.
    """
    scenario_path = Path(path)
    document = yamlmarks.load(scenario_path, str(path))
    problems: list[Problem] = []
    scenario: Scenario | None = None
    try:
        scenario = _validate(Scenario, document)
    except InputError as exc:
        problems.extend(exc.problems)
    tables: list[tuple[UnitCostTable, Path]] = []
    seen: dict[str, int] = {}
    for index, reference in _table_references(scenario, document):
        cited: Cited = (
            str(path),
            document.marks.locate(("unit_costs", index)),
            f"unit_costs.{index}",
        )
        if reference in seen:
            problems.append(
                _problem(
                    *cited,
                    f"table {reference!r} is already listed (item {seen[reference]}); "
                    "list each table once",
                )
            )
            continue
        seen[reference] = index
        try:
            table_path, shown = _resolve("table", reference, scenario_path.parent, cited)
            tables.append((_load_table_file(table_path, shown, ()), table_path))
        except InputError as exc:
            problems.extend(exc.problems)
    if scenario is None or problems:
        # The scenario's own problems in file order, then its tables' (already in order).
        own = sorted(
            (problem for problem in problems if problem.path == str(path)), key=_file_order
        )
        raise InputError([*own, *(problem for problem in problems if problem.path != str(path))])
    problems += _check_overrides(scenario, [table for table, _ in tables], document)
    indices: dict[str, PriceIndex] = {}
    if scenario.price_year is not None and not problems:
        cited = (str(path), document.marks.locate(("price_year",)), "price_year")
        shown_tables = [(table, str(table_path)) for table, table_path in tables]
        indices = _indices_for(
            scenario.price_year, shown_tables, scenario_path.parent, cited, problems
        )
    if problems:
        raise InputError(problems)
    return Inputs(scenario, [table for table, _ in tables], indices)


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
    price_year: str, tables: list[tuple[UnitCostTable, str]], *, base_dir: Path | None = None
) -> dict[str, PriceIndex]:
    """The indices that state every line of these tables (each shown as given) in a price year.

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
    tables: list[tuple[UnitCostTable, str]],
    base_dir: Path,
    cited: Cited,
    problems: list[Problem],
) -> dict[str, PriceIndex]:
    """Load the indices the lines name, and check each covers its line's year and the target."""
    indices = _referenced_indices(tables, base_dir, cited, problems)
    for table, table_shown in tables:
        for line in table.lines:
            reference = table.index_reference(line)
            where = f"{table_shown}: {table.name}/{line.id}"
            if reference is None:
                problems.append(
                    _problem(
                        *cited,
                        f"cannot state {where} in {price_year} prices: neither the line nor its "
                        "table names a price_index",
                    )
                )
                continue
            index = indices.get(reference)
            if index is None:
                continue  # its loading problem is reported already
            for year, role in ((line.price_year, "priced in"), (price_year, "wanted in")):
                if not index.covers(year):
                    problems.append(
                        _problem(
                            *cited,
                            f"{where} is {role} {year}, which {index.name} does not cover (it "
                            f"runs from {index.first_year} to {index.last_year}); no figure is "
                            "extrapolated: choose a covered price year or another index",
                        )
                    )
    return indices


def table_indices(table: UnitCostTable, shown: str) -> dict[str, PriceIndex]:
    """Every index a loaded table names, by the reference it writes, each loaded and checked.

    For ``tables validate``: a misspelt name or a missing index file is found before a
    scenario asks for a price year. Raises InputError listing every index that fails.
    """
    problems: list[Problem] = []
    indices = _referenced_indices([(table, shown)], Path(), (shown, None, "price_index"), problems)
    if problems:
        raise InputError(problems)
    return indices


def _referenced_indices(
    tables: list[tuple[UnitCostTable, str]],
    base_dir: Path,
    cited: Cited,
    problems: list[Problem],
) -> dict[str, PriceIndex]:
    """Each index the tables' lines name, keyed by the reference written (a name or a path).

    A path is found from the table file that wrote it, so one reference must mean one file
    throughout; outputs name an index by its own name, so two files may not share one.
    """
    indices: dict[str, PriceIndex] = {}
    files: dict[str, Path] = {}
    by_name: dict[str, str] = {}
    failed: set[str] = set()
    for table, _ in tables:
        for line in table.lines:
            reference = table.index_reference(line)
            if reference is None or reference in failed:
                continue
            written = table.index_file(reference)
            try:
                if written is None:
                    path, shown = _resolve("index", reference, base_dir, cited)
                else:
                    path, shown = _resolve("index", str(written), Path(), cited)
            except InputError as exc:
                problems.extend(exc.problems)
                failed.add(reference)
                continue
            if reference in indices:
                if files[reference] != path.resolve():
                    problems.append(
                        _problem(
                            *cited,
                            f"price index {reference!r} means {files[reference]} for one table "
                            f"and {path.resolve()} for {table.name}; write one of them as "
                            "another path",
                        )
                    )
                    failed.add(reference)
                continue
            try:
                index = _validate(PriceIndex, yamlmarks.load(path, shown))
            except InputError as exc:
                problems.extend(exc.problems)
                failed.add(reference)
                continue
            clash = by_name.setdefault(index.name, reference)
            if clash != reference:
                problems.append(
                    _problem(
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
                message = "; ".join(_plain_messages(exc))
        problems.append(_problem(document.display_path, where, key, message))
    return problems


def _plain_messages(exc: ValidationError) -> list[str]:
    """A validator's own words, without pydantic's 'Value error, ' prefix."""
    return [str((error.get("ctx") or {}).get("error", error["msg"])) for error in exc.errors()]


def _load_table_file(path: Path, shown: str, chain: tuple[str, ...]) -> UnitCostTable:
    """A table file, with any ``extends`` applied (chains followed, cycles refused)."""
    document = yamlmarks.load(path, shown)
    if not (isinstance(document.data, dict) and "extends" in document.data):
        file = _validate(TableFile, document)
        table = UnitCostTable.model_validate(file.model_dump())
        table._index_files = _index_paths(path, file.price_index, file.lines)
        return table
    extension = _validate(TableExtension, document)
    cited: Cited = (shown, document.marks.locate(("extends",)), "extends")
    resolved = str(path.resolve())
    if resolved in chain or len(chain) >= _MAX_EXTENDS_DEPTH:
        raise InputError(
            [
                _problem(
                    *cited,
                    "tables extend one another in a loop (or more than "
                    f"{_MAX_EXTENDS_DEPTH} deep); a table cannot extend itself",
                )
            ]
        )
    base_path, base_shown = _resolve("table", extension.extends, path.parent, cited)
    base = _load_table_file(base_path, base_shown, (*chain, resolved))
    table = _apply(extension, base, document)
    own = _index_paths(path, extension.price_index, [*extension.replace, *extension.add])
    table._index_files = dict(base._index_files)
    for reference, index_path in own.items():
        inherited = table._index_files.setdefault(reference, index_path)
        if inherited.resolve() != index_path.resolve():
            raise InputError.single(
                shown,
                f"price index {reference!r} is {inherited} in {base.name} but {index_path} "
                "here; write one of them as a different path",
            )
    return table


def _index_paths(path: Path, table_index: str | None, lines: list[Line]) -> dict[str, Path]:
    """Where each index path a table file names points: beside that file, or absolute."""
    references = {table_index, *(line.price_index for line in lines)}
    return {
        reference: path.parent / reference
        for reference in references
        if reference is not None and is_path_reference(reference)
    }


def _apply(
    extension: TableExtension, base: UnitCostTable, document: yamlmarks.Document
) -> UnitCostTable:
    """The base table's lines with the extension's replacements, removals and additions."""
    problems: list[Problem] = []
    base_ids = {line.id for line in base.lines}
    touched: dict[str, str] = {}

    def check(section: str, index: int, line_id: str, must_exist: bool) -> bool:
        if line_id in touched:
            message = f"line {line_id!r} is already in {touched[line_id]}; change each line once"
        elif must_exist and line_id not in base_ids:
            message = (
                f"{base.name} has no line {line_id!r}; {section} names existing lines "
                "(to add a line, put it under add)"
            )
        elif not must_exist and line_id in base_ids:
            message = (
                f"{base.name} already has a line {line_id!r}; to change it, put it under replace"
            )
        else:
            touched[line_id] = section
            return True
        touched.setdefault(line_id, section)
        where = document.marks.locate((section, index, "id"))
        problems.append(_problem(document.display_path, where, f"{section}.{index}.id", message))
        return False

    replacements = {
        line.id: line
        for index, line in enumerate(extension.replace)
        if check("replace", index, line.id, must_exist=True)
    }
    removals = {
        removal.id
        for index, removal in enumerate(extension.remove)
        if check("remove", index, removal.id, must_exist=True)
    }
    additions = [
        line
        for index, line in enumerate(extension.add)
        if check("add", index, line.id, must_exist=False)
    ]
    if problems:
        raise InputError(sorted(problems, key=_file_order))
    lines = [replacements.get(line.id, line) for line in base.lines if line.id not in removals]
    return UnitCostTable(
        name=extension.name,
        title=extension.title,
        edition=extension.edition,
        description=extension.description,
        price_index=extension.price_index or base.price_index,
        lines=[*lines, *additions],
        extends=base.name,
        removed=list(extension.remove),
    )


def _resolve(kind: str, reference: str, base_dir: Path, cited: Cited | None) -> tuple[Path, str]:
    """The file a table or index reference points to, and how to show its path in messages."""
    noun = "table" if kind == "table" else "price index"
    if is_path_reference(reference):
        given = Path(reference)
        path = given if given.is_absolute() else base_dir / given
        shown = str(path) if base_dir != Path() else reference
        if not path.is_file():
            what = f"is a directory, not a {noun} file" if path.is_dir() else "does not exist"
            raise _reference_error(cited, f"{noun} file {shown} {what}", shown)
        return path, shown
    names = shipped_names(kind)
    if reference not in names:
        close = difflib.get_close_matches(reference, names, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        plural = "tables" if kind == "table" else "price indices"
        message = (
            f"unknown {noun} {reference!r}; {hint}shipped {plural}: {', '.join(names) or 'none'} "
            "(or give a path to a .yaml file)"
        )
        raise _reference_error(cited, message, reference)
    path = shipped_dir(kind) / f"{reference}.yaml"
    return path, str(path)


def _reference_error(cited: Cited | None, message: str, shown: str) -> InputError:
    if cited is None:
        return InputError.single(shown, message)
    return InputError([_problem(*cited, message)])


def _problem(
    path: str, position: yamlmarks.Position | None, key: str | None, message: str
) -> Problem:
    line, column = (position.line, position.column) if position else (None, None)
    return Problem(path, line, column, key or None, message)


def _validate(model: type[ModelT], document: yamlmarks.Document) -> ModelT:
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        errors = _without_misspelt_missing(model, exc.errors(include_url=False))
        problems = [_describe(model, document, error) for error in errors]
        raise InputError(sorted(problems, key=_file_order)) from None


def _without_misspelt_missing(model: type[BaseModel], errors: list[Any]) -> list[Any]:
    """Drop 'required key is missing' where an unknown key beside it is its misspelling.

    One typo is one problem: the unknown-key message already names the key it should be.
    """
    suggested: set[tuple[str | int, ...]] = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            match = _near_miss(model, loc)
            if match is not None:
                suggested.add((*loc[:-1], match))
    return [
        error
        for error in errors
        if not (error["type"] == "missing" and tuple(error["loc"]) in suggested)
    ]


def _file_order(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _describe(model: type[BaseModel], document: yamlmarks.Document, error: Any) -> Problem:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind: str = error["type"]
    if kind == "duplicate_id":
        loc = (*loc, error["ctx"]["second"], "id")
    if kind == "missing":
        position = document.marks.locate(loc[:-1], at_key=True)
    else:
        position = document.marks.locate(loc, at_key=kind in _AT_KEY)
    key = ".".join(str(part) for part in loc) or None
    message = _message(model, loc, kind, error)
    return _problem(document.display_path, position, key, message)


def _describe_input(value: Any) -> str:
    if isinstance(value, bool):
        return f"the truth value {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    if value is None:
        return "nothing (an empty value)"
    return type(value).__name__


def _number_hint(value: Any) -> str:
    if isinstance(value, str):
        text = value.strip()
        if ":" in text:
            return "; write plain digits (YAML 1.1 reads 1:30 as 90, so it is refused)"
        if text.lstrip("+-").startswith("0") and text.lstrip("+-0").isdigit():
            return "; write it without the leading zero (YAML 1.1 reads 012 as 10)"
        if "_" in text or "," in text:
            return "; write plain digits without separators, e.g. 1000"
        if _looks_numeric(text):
            return "; remove the quotes"
    return ""


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _message(model: type[BaseModel], loc: tuple[str | int, ...], kind: str, error: Any) -> str:
    value = error.get("input")
    ctx = error.get("ctx") or {}
    field = _field_at(model, loc)
    allowed = _allowed_range(field)
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return _unknown_key(model, loc)
    if kind in {"float_type", "float_parsing"}:
        return f"expected a number, got {_describe_input(value)}{_number_hint(value)}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_describe_input(value)}{_number_hint(value)}"
    if kind == "finite_number":
        return "NaN and infinity are not allowed; give a finite number"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{value} is too small; allowed: {allowed}"
    if kind in {"less_than_equal", "less_than"}:
        return f"{value} is too large; allowed: {allowed}"
    if kind == "literal_error":
        expected = [str(arg) for arg in get_args(field.annotation)] if field else []
        choices = ", ".join(expected) if expected else ctx.get("expected", "")
        return f"{value!r} is not allowed; choose one of: {choices}"
    if kind == "string_type":
        hint = "; write a financial year like 2016/17" if loc[-1] == "price_year" else ""
        return f"expected text, got {_describe_input(value)}{hint}"
    if kind == "string_pattern_mismatch":
        return (
            f"{value!r} is not allowed; use lower-case letters, digits, '-' and '_', "
            "starting with a letter or digit"
        )
    if kind == "string_too_short":
        return "must not be empty"
    if kind in {"string_too_long", "too_long"}:
        return f"is too long; allowed: at most {ctx.get('max_length')}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        where = "at the top of the file" if not loc else "here"
        return f"expected a mapping of keys (key: value) {where}, got {_describe_input(value)}"
    if kind == "list_type":
        return f"expected a list, got {_describe_input(value)}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    parent = _model_at(model, loc[:-1])
    return list(parent.model_fields) if parent else []


def _near_miss(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The allowed key an unknown key was most likely meant to be, if any is close."""
    close = difflib.get_close_matches(str(loc[-1]), _allowed_keys(model, loc), n=1, cutoff=0.7)
    return close[0] if close else None


def _unknown_key(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    match = _near_miss(model, loc)
    if match is not None:
        return f"unknown key; did you mean {match!r}?"
    return f"unknown key; allowed here: {', '.join(_allowed_keys(model, loc))}"


def _allowed_range(field: FieldInfo | None) -> str:
    """The field's bounds in words: 'from 0 to 2', 'above 0 to 120', 'up to 1'."""
    if field is None:
        return "see the documentation"
    words: list[str] = []
    for rule in field.metadata:
        if isinstance(rule, annotated_types.Ge):
            words.insert(0, f"from {_plain(rule.ge)}")
        elif isinstance(rule, annotated_types.Gt):
            words.insert(0, f"above {_plain(rule.gt)}")
        elif isinstance(rule, annotated_types.Le):
            words.append(f"up to {_plain(rule.le)}" if not words else f"to {_plain(rule.le)}")
        elif isinstance(rule, annotated_types.Lt):
            words.append(f"below {_plain(rule.lt)}")
    return " ".join(words) or "see the documentation"


def _plain(number: Any) -> str:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}" if isinstance(number, int) and abs(number) >= 10_000 else str(number)


def _members(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        return [arg for arg in get_args(annotation) if arg is not type(None)]
    return [annotation]


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one step down a loc, through optionals, lists and models."""
    for member in _members(annotation):
        if isinstance(part, int) and get_origin(member) is list:
            return get_args(member)[0]
        if (
            isinstance(part, str)
            and isinstance(member, type)
            and issubclass(member, BaseModel)
            and part in member.model_fields
        ):
            return member.model_fields[part]
    return None


def _descend(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    """What a loc leads to in the model: a FieldInfo, a list's item type, or None."""
    current: Any = model
    for part in loc:
        current = _step(current.annotation if isinstance(current, FieldInfo) else current, part)
        if current is None:
            return None
    return current


def _field_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> FieldInfo | None:
    found = _descend(model, loc)
    return found if isinstance(found, FieldInfo) else None


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    current = _descend(model, loc)
    annotation = current.annotation if isinstance(current, FieldInfo) else current
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None
