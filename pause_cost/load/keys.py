"""A refusal found after loading (a comparison between scenarios), placed at its key."""

from __future__ import annotations

from pathlib import Path

from pause_cost.errors import InputError, Problem
from pause_cost.load.messages import located
from pause_cost.load.scenarios import scenario_document


def keys_located(error: InputError) -> InputError:
    """Each problem that names a scenario file and a key written in it but no line, placed at
    that key (a dotted key at its deepest part written there); others as they were."""
    problems: list[Problem] = []
    for problem in error.problems:
        path = Path(problem.path)
        if problem.line is None and problem.key and path.is_file():
            document = scenario_document(path, problem.path)
            parts = tuple(problem.key.split("."))
            if parts[:1] in document.marks.values:
                position = document.marks.locate(parts, at_key=True)
                problem = located(problem.path, position, problem.key, problem.message)
        problems.append(problem)
    return InputError(problems)
