"""Find the file a table or index reference names: a shipped name, or a path.

A path is relative to the file that writes it; a name is looked up among the files installed
with the package, with a near-miss suggestion when it is not there.
"""

from __future__ import annotations

import difflib
import os
from importlib import resources
from pathlib import Path

from pause_cost.errors import InputError
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.messages import located
from pause_cost.load.yaml import not_regular
from pause_cost.model.base import is_path_reference

_SHIPPED = {"table": "unit_costs", "index": "price_indices", "schedule": "discount_rates"}
_NOUNS = {
    "table": ("table", "tables"),
    "index": ("price index", "price indices"),
    "schedule": ("discount schedule", "discount schedules"),
}

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


def resolve(kind: str, reference: str, base_dir: Path, cited: Cited | None) -> tuple[Path, str]:
    """The file a table or index reference points to, and how to show its path in messages."""
    noun, plural = _NOUNS[kind]
    if is_path_reference(reference):
        given = Path(reference)
        path = given if given.is_absolute() else base_dir / given
        shown = str(path) if base_dir != Path() else reference
        if os.path.lexists(path):
            kind_of_file = not_regular(os.stat(path).st_mode) if path.exists() else "a broken link"
            if kind_of_file is None:
                return path, shown
            what = f"a {noun} file" if kind_of_file == "a directory" else "a regular file"
            raise reference_error(
                cited, f"{noun} file {shown} is {kind_of_file}, not {what}", shown
            )
        raise reference_error(cited, _missing(kind, noun, path, shown), shown)
    names = shipped_names(kind)
    if reference not in names:
        close = difflib.get_close_matches(reference, names, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        message = (
            f"unknown {noun} {reference!r}; {hint}shipped {plural}: {', '.join(names) or 'none'} "
            "(or give a path to a .yaml file)"
        )
        raise reference_error(cited, message, reference)
    path = shipped_dir(kind) / f"{reference}.yaml"
    return path, str(path)


def _missing(kind: str, noun: str, path: Path, shown: str) -> str:
    """Where a missing file was looked for, and the shipped one it may have meant."""
    where = "a path is taken from the folder of the file that names it"
    hint = ""
    if path.stem in shipped_names(kind):
        hint = f"; the shipped {noun} {path.stem!r} is named without '.yaml' or a folder"
    elif path.parent.is_dir():
        near = difflib.get_close_matches(
            path.name, [found.name for found in path.parent.glob("*.y*ml")], n=1
        )
        hint = f"; did you mean {str(path.parent / near[0])!r}?" if near else ""
    return f"{noun} file {shown} does not exist ({where}){hint}"


def reference_error(cited: Cited | None, message: str, shown: str) -> InputError:
    if cited is None:
        return InputError.single(shown, message)
    return InputError([located(*cited, message)])
