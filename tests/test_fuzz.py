"""Random damage to the shipped files either loads or raises InputError; nothing else escapes.

Mutations are the slips of a hand edit: characters inserted, deleted or replaced (with the
characters YAML cares about weighted in), lines duplicated, dropped, swapped or re-indented.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pause_cost.errors import InputError, Problem
from pause_cost.load.inputs import load_inputs, load_table
from tests.conftest import SCENARIOS, UNIT_COSTS

YAML_CHARACTERS = [*":-#&*!|>'\"%@`{}[],?\t \n", "0", "1", "9", ".", "e", "x", "é", "\ufeff"]
TEXTS = {
    path: path.read_text(encoding="utf-8")
    for path in [*sorted(SCENARIOS.glob("*.yaml")), *sorted(UNIT_COSTS.glob("*.yaml"))]
}


@st.composite
def mutations(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "replace", "line"]))
        joined = "\n".join(lines)
        at = draw(st.integers(0, max(0, len(joined) - 1)))
        character = draw(st.sampled_from(YAML_CHARACTERS) | st.characters())
        if kind == "insert":
            joined = joined[:at] + character + joined[at:]
        elif kind == "delete":
            joined = joined[:at] + joined[at + 1 :]
        elif kind == "replace":
            joined = joined[:at] + character + joined[at + 1 :]
        lines = joined.split("\n")
        if kind == "line" and lines:
            index = draw(st.integers(0, len(lines) - 1))
            action = draw(st.sampled_from(["duplicate", "drop", "swap", "indent", "dedent"]))
            if action == "duplicate":
                lines.insert(index, lines[index])
            elif action == "drop":
                del lines[index]
            elif action == "swap" and index + 1 < len(lines):
                lines[index], lines[index + 1] = lines[index + 1], lines[index]
            elif action == "indent":
                lines[index] = "  " + lines[index]
            else:
                lines[index] = lines[index].removeprefix("  ")
    return "\n".join(lines)


@st.composite
def damaged_files(draw: st.DrawFn) -> tuple[Path, str]:
    path = draw(st.sampled_from(sorted(TEXTS)))
    return path, draw(mutations(TEXTS[path]))


# 300 examples keep CI's run to a few seconds; set PAUSE_COST_FUZZ_EXAMPLES for a longer hunt.
EXAMPLES = int(os.environ.get("PAUSE_COST_FUZZ_EXAMPLES", "300"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_files())
def test_damaged_files_load_or_raise_input_error(damaged: tuple[Path, str]) -> None:
    original, text = damaged
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / original.name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        load = load_table if original.parent == UNIT_COSTS else load_inputs
        problems: tuple[Problem, ...] = ()
        try:
            load(path)
        except InputError as exc:
            problems = exc.problems
        # Whatever went wrong is said about the damaged file, never about another one.
        assert all(str(problem).startswith(str(path)) for problem in problems)
