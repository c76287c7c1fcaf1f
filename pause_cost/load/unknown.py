"""Unknown keys in great number, and files that are not ours: the first few named, the rest
counted, and nothing quoted from a file none of whose keys is ours."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from pause_cost.errors import Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.messages import allowed_keys, located, near_miss

MAX_UNKNOWN = 5
"""Unknown keys named one by one in a file (each with its near miss); more are counted."""

_KINDS = {
    "Scenario": "scenario",
    "UncertaintyFile": "ranges file",
    "DiscountSchedule": "discount schedule",
    "PriceIndex": "price index",
    "SpliceFile": "price index",
    "TableFile": "unit-cost table",
    "TableExtension": "table extension",
}


def counted_unknown(
    model: type[BaseModel], document: yamlmarks.Document, errors: list[Any], top: list[str]
) -> tuple[list[Any], list[Problem]]:
    """The errors with at most :data:`MAX_UNKNOWN` unknown keys of any one mapping, and for
    each mapping with more, one problem counting the rest (``top``: the file's own unknown
    keys, some of which were not validated at all)."""
    by_parent: dict[tuple[Any, ...], list[str | int]] = {}
    for error in errors:
        if error["type"] == "extra_forbidden":
            by_parent.setdefault(tuple(error["loc"][:-1]), []).append(error["loc"][-1])
    if len(top) > MAX_UNKNOWN:
        by_parent[()] = list(top)
    crowded = {parent: keys for parent, keys in by_parent.items() if len(keys) > MAX_UNKNOWN}
    if not crowded:
        return errors, []
    dropped = {(*parent, key) for parent, keys in crowded.items() for key in keys[MAX_UNKNOWN:]}
    kept = [
        error
        for error in errors
        if not (error["type"] == "extra_forbidden" and tuple(error["loc"]) in dropped)
    ]
    counted = []
    for parent, keys in crowded.items():
        first = (*parent, keys[MAX_UNKNOWN])
        allowed = ", ".join(allowed_keys(model, first))
        counted.append(
            located(
                document.display_path,
                document.marks.locate(first, at_key=True),
                ".".join(str(part) for part in parent) or None,
                f"{len(keys) - MAX_UNKNOWN:,} more unknown keys from here ({len(keys):,} in "
                f"all; the first {MAX_UNKNOWN} are named above); allowed here: {allowed}",
            )
        )
    return kept, counted


def mistaken(model: type[BaseModel], keys: list[str]) -> bool:
    """Whether any of the first unknown keys is a near miss of a key the model has (a file
    of ours with its keys misspelt, not a foreign file)."""
    return any(near_miss(model, (key,)) for key in keys[:MAX_UNKNOWN])


def foreign(model: type[BaseModel], document: yamlmarks.Document, count: int) -> Problem:
    """One problem for a file none of whose keys is ours: nothing of it is quoted, since it
    may be any file at all (a password file named by mistake)."""
    kind = _KINDS.get(model.__name__, "input file")
    return located(
        document.display_path,
        yamlmarks.Position(1, 1),
        None,
        f"this is not a {kind}: none of its {count:,} top-level keys is one a {kind} has "
        f"({', '.join(model.model_fields)}); check that the right file is named",
    )
