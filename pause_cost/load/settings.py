"""What-ifs that are text: ``--set price_year=2023/24``, ``--set unit_costs=care-journey-england``
(a comma-separated list), ``--set title=...``. A text changes what is loaded (another table,
another price year and its indices), so it is set in the scenario's data before loading, then
checked as the file's own value would be. Text into a number is refused at the key's line."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.inputs import load_inputs
from pause_cost.load.messages import located
from pause_cost.load.scenarios import scenario_document
from pause_cost.model.inputs import Inputs
from pause_cost.model.labels import input_label
from pause_cost.visible import shown_text, visible

LISTS = frozenset(("unit_costs", "uncertainty_files"))
"""Keys that take a list: a text what-if gives it comma-separated."""


def load_with_text(path: Path, changes: list[tuple[str, str]]) -> tuple[Inputs, list[str]]:
    """The scenario at ``path`` loaded with each text what-if set, and each said in words."""
    shown = str(path)
    document = scenario_document(path, shown)
    data = copy.deepcopy(document.data)
    problems: list[Problem] = []
    said: list[str] = []
    for name, text in changes:
        keys: list[str | int] = [
            int(p) if p.isascii() and p.isdigit() else p for p in name.split(".")
        ]
        where = document.marks.locate(tuple(keys))
        parent: Any = data
        for key in keys[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
            if isinstance(parent, list) and isinstance(key, int):
                parent = parent[key] if key < len(parent) else None
        last = keys[-1]
        if not isinstance(parent, dict) or not isinstance(last, str):
            problems.append(located(shown, where, name, f"--set: {name} names no text input"))
            continue
        current = parent.get(last)
        if isinstance(current, int | Decimal) and not isinstance(current, bool):
            problems.append(
                located(
                    shown,
                    where,
                    name,
                    f"--set gives text {shown_text(text)}, and this input takes a number "
                    f"(now {current}); write {name}=NUMBER",
                )
            )
            continue
        value: Any = text
        if last in LISTS or isinstance(current, list):
            value = [item.strip() for item in text.split(",") if item.strip()]
        parent[last] = value
        was = "not given" if current is None else _plain(current)
        said.append(
            f"{input_label(name).text}: {name} = {visible(text, newlines=False)} (was {was})"
        )
    if problems:
        raise InputError(problems)
    changed = yamlmarks.Document(document.path, shown, data, document.marks)
    return load_inputs(path, document=changed), said


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)
