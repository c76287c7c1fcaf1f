"""A scenario that ``extends`` another: the base's keys, with the extending file's keys over
them, so four cases x three tables x two price years can be one base and small variants.

Mappings merge key by key, to any depth; anything else the extending file gives (a number, a
text, a list) replaces the base's whole. A chain is followed (a base may itself extend
another); a scenario that extends itself, a base that is missing or is not a scenario, and a
circular chain are refused, each located at its ``extends`` line. The base is validated as a
scenario in its own right first, so its mistakes are reported in its own file; what only the
merged scenario gets wrong is reported at the extending file's ``extends`` line. Table files
and ranges files a base names by relative path are kept pointing where the base meant.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pause_cost.errors import InputError
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.loader import Loc, Marks
from pause_cost.load.messages import located, validate
from pause_cost.model.scenario import Scenario

SCENARIO_KEYS = frozenset(("cohort", "cohorts", "practice"))
"""A file with one of these keys is a scenario, not a table."""

PATH_LISTS = ("unit_costs", "uncertainty_files")
"""Keys whose items may be files relative to the scenario that names them."""


def extends_a_scenario(document: yamlmarks.Document) -> bool:
    """Whether ``extends`` here names a scenario (a table extension's names a table)."""
    data = document.data
    if not (isinstance(data, dict) and isinstance(data.get("extends"), str)):
        return False
    if SCENARIO_KEYS & set(data):
        return True
    base = (document.path.parent / data["extends"]).resolve()
    try:
        found = yamlmarks.load(base, data["extends"])
    except InputError:
        return base.suffix in (".yaml", ".yml") and "scenario" in base.name
    return isinstance(found.data, dict) and (
        bool(SCENARIO_KEYS & set(found.data)) or extends_a_scenario(found)
    )


def scenario_document(path: Path, shown: str) -> yamlmarks.Document:
    """The scenario file at ``path`` with any ``extends`` applied."""
    return merged(yamlmarks.load(path, shown))


def merged(document: yamlmarks.Document, chain: tuple[Path, ...] = ()) -> yamlmarks.Document:
    data = document.data
    if not (isinstance(data, dict) and "extends" in data):
        return document
    shown = document.display_path
    where = document.marks.locate(("extends",))
    here = document.path.resolve()
    chain = (*chain, here)
    reference = data["extends"]

    def refuse(message: str) -> InputError:
        return InputError([located(shown, where, "extends", message)])

    if not isinstance(reference, str) or not reference.strip():
        raise refuse("give the base scenario's file, relative to this one (extends: base.yaml)")
    base_path = document.path.parent / reference
    if base_path.resolve() == here:
        raise refuse(f"{reference!r} is this file: a scenario cannot extend itself")
    if base_path.resolve() in chain:
        names = " -> ".join(os.path.relpath(p, document.path.parent) for p in chain)
        raise refuse(f"circular: {names} -> {reference}; a chain of bases must end")
    if not base_path.is_file():
        raise refuse(
            f"no scenario file {reference!r} (the base is found relative to this file, in "
            f"{document.path.parent.as_posix() or '.'})"
        )
    base_shown = os.path.join(os.path.dirname(shown), reference) if shown else reference
    base = merged(yamlmarks.load(base_path, base_shown), chain)
    if not (isinstance(base.data, dict) and SCENARIO_KEYS & set(base.data)):
        raise refuse(f"{reference!r} is not a scenario (it has no cohort, cohorts or practice)")
    validate(Scenario, base)  # the base's own mistakes, located in the base
    inherited = _rebased(base.data, base_path.parent, document.path.parent)
    own = {key: value for key, value in data.items() if key != "extends"}
    combined = _merge(inherited, own)
    marks = Marks(keys=dict(document.marks.keys), values=dict(document.marks.values))
    if where is not None:
        for loc in _locs(combined):
            marks.values.setdefault(loc, where)
    return yamlmarks.Document(document.path, shown, combined, marks)


def _merge(base: Any, own: Any) -> Any:
    if isinstance(base, dict) and isinstance(own, dict):
        result = dict(base)
        for key, value in own.items():
            result[key] = _merge(base[key], value) if key in base else value
        return result
    return own


def _rebased(data: dict[str, Any], base_dir: Path, own_dir: Path) -> dict[str, Any]:
    """The base's data with each relative file it names rewritten from the extending file's
    folder; a shipped table's name (no such file) is left as it is."""
    result = dict(data)
    for key in PATH_LISTS:
        items = result.get(key)
        if isinstance(items, list):
            result[key] = [_rebase(item, base_dir, own_dir) for item in items]
    return result


def _rebase(item: Any, base_dir: Path, own_dir: Path) -> Any:
    if not isinstance(item, str) or os.path.isabs(item) or base_dir == own_dir:
        return item
    candidate = base_dir / item
    if not candidate.is_file():
        return item
    return Path(os.path.relpath(candidate, own_dir)).as_posix()


def _locs(data: Any, prefix: Loc = ()) -> list[Loc]:
    found: list[Loc] = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _locs(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _locs(value, (*prefix, index))
    return found
