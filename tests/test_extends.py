"""A council's own table extends a shipped or national one: lines replaced, added, removed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pause_cost.errors import InputError
from pause_cost.load.inputs import load_table
from tests.conftest import SOURCE, line

WriteYaml = Callable[[str, Any], Path]
LOCAL_SOURCE = {"document": "Council budget book 2019/20", "location": "p.12"}


@pytest.fixture
def base(write_yaml: WriteYaml) -> Path:
    return write_yaml(
        "national.yaml",
        {
            "name": "national",
            "title": "National",
            "price_index": "pss-all-sectors",
            "lines": [
                line(id="a", amount_gbp=10),
                line(id="b", amount_gbp=20),
                line(id="c", amount_gbp=30),
            ],
        },
    )


def extension(**changes: Any) -> dict[str, Any]:
    return {"name": "local", "title": "Local", "extends": "national.yaml", **changes}


def test_replace_add_and_remove(base: Path, write_yaml: WriteYaml) -> None:
    path = write_yaml(
        "local.yaml",
        extension(
            replace=[line(id="b", amount_gbp=25, source=LOCAL_SOURCE)],
            add=[line(id="d", amount_gbp=40, source=LOCAL_SOURCE)],
            remove=[{"id": "a", "reason": "not part of our process"}],
        ),
    )
    table = load_table(path)
    assert [(entry.id, entry.amount_gbp) for entry in table.lines] == [
        ("b", 25),
        ("c", 30),
        ("d", 40),
    ]
    assert table.lines[0].source.document == LOCAL_SOURCE["document"]
    assert table.lines[1].source.document == SOURCE["document"]
    assert table.extends == "national"
    assert [removal.id for removal in table.removed] == ["a"]
    assert table.price_index == "pss-all-sectors"


def test_an_extension_can_extend_an_extension(base: Path, write_yaml: WriteYaml) -> None:
    write_yaml("local.yaml", extension(remove=[{"id": "a", "reason": "r"}]))
    path = write_yaml(
        "team.yaml",
        {
            "name": "team",
            "title": "Team",
            "extends": "local.yaml",
            "add": [line(id="e", amount_gbp=1)],
        },
    )
    assert [entry.id for entry in load_table(path).lines] == ["b", "c", "e"]


@pytest.mark.parametrize(
    ("changes", "key", "message"),
    [
        (
            {"replace": [line(id="z")]},
            "replace.0.id",
            "national has no line 'z'; replace names existing lines "
            "(to add a line, put it under add)",
        ),
        (
            {"remove": [{"id": "z", "reason": "r"}]},
            "remove.0.id",
            "national has no line 'z'; remove names existing lines "
            "(to add a line, put it under add)",
        ),
        (
            {"add": [line(id="a")]},
            "add.0.id",
            "national already has a line 'a'; to change it, put it under replace",
        ),
        (
            {"replace": [line(id="a")], "remove": [{"id": "a", "reason": "r"}]},
            "remove.0.id",
            "line 'a' is already in replace; change each line once",
        ),
    ],
)
def test_mistaken_changes_are_located(
    base: Path, write_yaml: WriteYaml, changes: dict[str, Any], key: str, message: str
) -> None:
    path = write_yaml("local.yaml", extension(**changes))
    with pytest.raises(InputError) as caught:
        load_table(path)
    (problem,) = caught.value.problems
    assert (problem.key, problem.message) == (key, message)
    assert problem.path == str(path)
    assert problem.line is not None


def test_a_loop_of_extensions_is_refused(write_yaml: WriteYaml) -> None:
    write_yaml("one.yaml", {"name": "one", "title": "One", "extends": "two.yaml"})
    path = write_yaml("two.yaml", {"name": "two", "title": "Two", "extends": "one.yaml"})
    with pytest.raises(InputError) as caught:
        load_table(path)
    assert "extend one another in a loop" in str(caught.value)


def test_extending_an_unknown_table_lists_the_shipped_ones(write_yaml: WriteYaml) -> None:
    path = write_yaml("local.yaml", {"name": "l", "title": "L", "extends": "no-such-table"})
    with pytest.raises(InputError) as caught:
        load_table(path)
    (problem,) = caught.value.problems
    assert problem.key == "extends"
    assert problem.message.startswith("unknown table 'no-such-table'; shipped tables: ")


def test_an_extension_carries_its_bases_coverage_and_leaves_out_what_it_removes(
    write_yaml: WriteYaml,
) -> None:
    """The base says it costs accommodation and proceedings and leaves out adoption; a local
    table removing the court line costs accommodation only, and leaves out adoption and the
    court line, with the reason the removal gives."""
    write_yaml(
        "base.yaml",
        {
            "name": "base",
            "title": "Base",
            "coverage": {
                "stages": ["proceedings", "accommodation"],
                "left_out": [{"item": "Adoption", "reason": "No figure found."}],
            },
            "lines": [
                line(id="weeks", stage="accommodation", item="Looked-after weeks"),
                line(id="court", stage="proceedings", item="Court fee"),
            ],
        },
    )
    local = write_yaml(
        "local.yaml",
        {
            "name": "local",
            "title": "Local",
            "extends": "base.yaml",
            "remove": [{"id": "court", "reason": "Paid by another budget here."}],
        },
    )
    coverage = load_table(str(local)).coverage
    assert coverage is not None
    assert coverage.stages == ["accommodation"]
    assert [(gap.item, gap.reason) for gap in coverage.left_out] == [
        ("Adoption", "No figure found."),
        ("Court fee", "Paid by another budget here."),
    ]


def test_an_extension_of_a_table_that_states_no_coverage_states_none(
    base: Path, write_yaml: WriteYaml
) -> None:
    local = write_yaml("local.yaml", {"name": "local", "title": "L", "extends": str(base)})
    assert load_table(str(base)).coverage is None
    assert load_table(str(local)).coverage is None


def test_a_transfer_to_an_agency_no_line_names_is_located_in_an_extension(
    write_yaml: WriteYaml,
) -> None:
    """The made table is checked as a table file is, each problem at the extension's key: an
    added line's misspelt receiver at its own line, and a base line whose receiver the
    extension removed at ``extends`` (never an internal error)."""
    write_yaml(
        "courts.yaml",
        {
            "name": "courts",
            "title": "Courts",
            "lines": [
                line(id="fee", amount_gbp=10, transfer_to="Courts"),
                line(id="court", amount_gbp=5, classification="other_agency", agency="Courts"),
            ],
        },
    )
    added = line(id="fee-2", amount_gbp=10, transfer_to="Cortus")
    path = write_yaml(
        "local.yaml",
        {"name": "local", "title": "Local", "extends": "courts.yaml", "add": [added]},
    )
    with pytest.raises(InputError) as caught:
        load_table(path)
    (problem,) = caught.value.problems
    assert problem.key == "add.0.transfer_to"
    assert problem.message.startswith("'Cortus': no line of the table names it as its agency")
    removed = {"id": "court", "reason": "the court's own cost is not ours to count"}
    path = write_yaml(
        "local.yaml",
        {"name": "local", "title": "Local", "extends": "courts.yaml", "remove": [removed]},
    )
    with pytest.raises(InputError) as caught:
        load_table(path)
    (problem,) = caught.value.problems
    assert problem.key == "extends"
    assert problem.message.startswith("courts's line 'fee': 'Courts': no line of the table")
    assert problem.line is not None
