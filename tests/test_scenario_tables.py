"""A scenario's tables: each counted once, each name meaning one table, overlaps flagged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.load.inputs import load_inputs
from tests.conftest import UNIT_COSTS, line, scenario_data

WriteYaml = Callable[[str, Any], Path]


def problems_of(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_inputs(path)
    return [str(problem) for problem in caught.value.problems]


def test_a_shipped_table_named_and_given_by_its_path_is_refused_at_the_second(
    write_yaml: WriteYaml,
) -> None:
    shipped = str(UNIT_COSTS / "rotherham-2020-published.yaml")
    path = write_yaml("s.yaml", scenario_data(unit_costs=["rotherham-2020-published", shipped]))
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:")
    assert problem.endswith(
        f":3: unit_costs.1: table {shipped!r} is the same file as "
        "'rotherham-2020-published' (item 0); list each table once"
    )


def test_one_file_written_two_ways_is_refused(write_yaml: WriteYaml) -> None:
    write_yaml("t.yaml", {"name": "t", "title": "T", "lines": [line()]})
    path = write_yaml("s.yaml", scenario_data(unit_costs=["t.yaml", "./t.yaml"]))
    (problem,) = problems_of(path)
    assert problem.endswith(
        "unit_costs.1: table './t.yaml' is the same file as 't.yaml' (item 0); list each table once"
    )


def test_two_files_with_one_table_name_are_refused_naming_both(write_yaml: WriteYaml) -> None:
    first = write_yaml("a/t.yaml", {"name": "t", "title": "T", "lines": [line()]})
    second = write_yaml("b/t.yaml", {"name": "t", "title": "T again", "lines": [line()]})
    path = write_yaml("s.yaml", scenario_data(unit_costs=["a/t.yaml", "b/t.yaml"]))
    (problem,) = problems_of(path)
    assert f"two tables are named 't': {first} (item 0) and {second}" in problem


def test_a_whole_journey_table_beside_a_staged_one_is_flagged_first() -> None:
    path = Path(__file__).parent / "data" / "overlapping-tables.yaml"
    result = estimate(*load_inputs(path))
    assert result.flags[0].code == "overlapping_tables"
    assert "rotherham-2020-published" in result.flags[0].message
    assert "care-journey-england" in result.flags[0].message


def test_wider_costs_beside_a_whole_journey_table_are_not_an_overlap(
    write_yaml: WriteYaml,
) -> None:
    path = write_yaml(
        "s.yaml", scenario_data(unit_costs=["rotherham-2020-published", "wider-costs"])
    )
    result = estimate(*load_inputs(path))
    assert "overlapping_tables" not in [flag.code for flag in result.flags]
