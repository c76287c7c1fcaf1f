"""Load a table file, applying ``extends`` (a council's changes to another table).

An extension names a base table and replaces, adds and removes its lines by id; chains are
followed and loops refused. The result is a :class:`LoadedTable`: the table ready to cost, and
where each index path it writes points (a path is relative to the file that wrote it, which
for an extended table may be the base's).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.messages import file_order, located, validate
from pause_cost.load.resolve import Cited, resolve
from pause_cost.model.base import is_path_reference
from pause_cost.model.nations import nation_problem
from pause_cost.model.tables import (
    MAX_LINES,
    Coverage,
    LeftOut,
    Line,
    Stage,
    TableFile,
    UnitCostTable,
    transfer_problems,
)

if TYPE_CHECKING:
    from pause_cost.model.extension import TableExtension

_MAX_EXTENDS_DEPTH = 8


@dataclass(frozen=True)
class LoadedTable:
    """A table, the file it was read from as shown in messages, and its index paths."""

    table: UnitCostTable
    shown: str
    index_files: dict[str, Path] = field(default_factory=dict)

    def index_file(self, reference: str) -> Path | None:
        """The file an index path in this table points to, found from the file naming it."""
        return self.index_files.get(reference)


def load_table_file(
    path: Path, shown: str, chain: tuple[str, ...] = (), document: yamlmarks.Document | None = None
) -> LoadedTable:
    """A table file, with any ``extends`` applied (chains followed, cycles refused).

    ``document`` is the file already read, where the caller had to read it to know what it is.
    """
    document = document or yamlmarks.load(path, shown)
    if not (isinstance(document.data, dict) and "extends" in document.data):
        file = validate(TableFile, document)
        # Validated as a file; the table adds only what an extension records, so it is built
        # from the file's fields without validating every line a second time.
        table = UnitCostTable.model_construct(
            **{name: getattr(file, name) for name in TableFile.model_fields},
            extends=None,
            removed=[],
        )
        return LoadedTable(table, shown, _index_paths(path, file.price_index, file.lines))
    from pause_cost.model.extension import TableExtension

    extension = validate(TableExtension, document)
    cited: Cited = (shown, document.marks.locate(("extends",)), "extends")
    resolved = str(path.resolve())
    if resolved in chain or len(chain) >= _MAX_EXTENDS_DEPTH:
        raise InputError(
            [
                located(
                    *cited,
                    "tables extend one another in a loop (or more than "
                    f"{_MAX_EXTENDS_DEPTH} deep); a table cannot extend itself",
                )
            ]
        )
    base_path, base_shown = resolve("table", extension.extends, path.parent, cited)
    base = load_table_file(base_path, base_shown, (*chain, resolved))
    table = _apply(extension, base.table, document)
    own = _index_paths(path, extension.price_index, [*extension.replace, *extension.add])
    index_files = dict(base.index_files)
    for reference, index_path in own.items():
        inherited = index_files.setdefault(reference, index_path)
        if inherited.resolve() != index_path.resolve():
            raise InputError.single(
                shown,
                f"price index {reference!r} is {inherited} in {base.table.name} but {index_path} "
                "here; write one of them as a different path",
            )
    return LoadedTable(table, shown, index_files)


def _index_paths(path: Path, table_index: str | None, lines: list[Line]) -> dict[str, Path]:
    """Where each index path a table file names points: beside that file, or absolute."""
    references = {table_index, *(line.price_index for line in lines)}
    return {
        reference: path.parent / reference
        for reference in references
        if reference is not None and is_path_reference(reference)
    }


def _line_problems(
    extension: TableExtension, base: UnitCostTable, lines: list[Line], document: yamlmarks.Document
) -> list[Problem]:
    """What the made table's lines get wrong as a whole (a line that does not fit its nation, a
    transfer to an agency no line names): placed at the extension's own line, or at its
    ``nation`` or ``extends`` where the line is the base table's."""
    nation = extension.nation or base.nation
    own = {
        id(line): (section, index)
        for section in ("replace", "add")
        for index, line in enumerate(getattr(extension, section))
    }
    found = [
        (line, problem) for line in lines if (problem := nation_problem(nation, line)) is not None
    ]
    found += [
        (lines[index], ("transfer_to", message)) for index, message in transfer_problems(lines)
    ]
    problems = []
    for line, (key, message) in found:
        if id(line) in own:
            section, index = own[id(line)]
            loc: tuple[str | int, ...] = (section, index, *key.split("."))
        else:
            place = "nation" if key != "transfer_to" else "extends"
            loc, message = (place,), f"{base.name}'s line {line.id!r}: {message}"
        where = document.marks.locate(loc)
        problems.append(located(document.display_path, where, ".".join(map(str, loc)), message))
    return problems


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
            close = difflib.get_close_matches(line_id, sorted(base_ids), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            message = (
                f"{base.name} has no line {line_id!r}; {hint}{section} names existing lines "
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
        problems.append(located(document.display_path, where, f"{section}.{index}.id", message))
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
    lines = [replacements.get(line.id, line) for line in base.lines if line.id not in removals]
    lines += additions
    problems += _line_problems(extension, base, lines, document)
    if problems:
        raise InputError(sorted(problems, key=file_order))
    most = MAX_LINES
    if not lines or len(lines) > most:
        where = document.marks.locate(("remove",) if not lines else ("add",), at_key=True)
        size = "no lines" if not lines else f"{len(lines):,} lines, more than {most:,}"
        raise InputError(
            [
                located(
                    document.display_path,
                    where,
                    "remove" if not lines else "add",
                    f"the table this makes from {base.name} would have {size}; a table has "
                    f"from 1 to {most:,} lines",
                )
            ]
        )
    return UnitCostTable(
        name=extension.name,
        title=extension.title,
        edition=extension.edition,
        description=extension.description,
        price_index=extension.price_index or base.price_index,
        nation=extension.nation or base.nation,
        lines=lines,
        extends=base.name,
        removed=list(extension.remove),
        coverage=_coverage(base, extension, lines),
    )


def _coverage(base: UnitCostTable, extension: TableExtension, lines: list[Line]) -> Coverage | None:
    """The base's coverage carried to the table an extension makes: the stages its lines now
    cost, and what the base left out plus each line the extension removes, with its reason.
    None where the base does not say what it covers (nor then can the extension)."""
    if base.coverage is None:
        return None
    items = {line.id: line.item for line in base.lines}
    stages = {line.stage for line in lines}
    decision = base.coverage.removal_decision
    if decision is not None and not stages & set(decision.before):
        decision = None  # the extension removed every line before the decision
    elif decision is not None:
        kept = [stage for stage in decision.before if stage in stages]
        decision = decision.model_copy(update={"before": kept})
    return Coverage(
        stages=[stage for stage in get_args(Stage) if stage in stages],
        removal_decision=decision,
        left_out=[
            *base.coverage.left_out,
            *(
                LeftOut(item=items[removal.id], reason=removal.reason)
                for removal in extension.remove
            ),
        ],
    )
