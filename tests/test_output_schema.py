"""Real outputs of every shipped scenario validate against the JSON Schema `schema` publishes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import SCENARIOS, run


@pytest.fixture(scope="module")
def estimate_schema() -> dict[str, object]:
    schema: dict[str, object] = json.loads(run("schema", "estimate").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda path: path.stem)
def test_every_shipped_estimate_validates_against_the_schema(
    path: Path, estimate_schema: dict[str, object]
) -> None:
    output = json.loads(run("estimate", path, "-f", "json").stdout)
    jsonschema.Draft202012Validator(estimate_schema).validate(output)


def test_the_schema_refuses_an_output_with_a_key_it_does_not_publish(
    estimate_schema: dict[str, object],
) -> None:
    output = json.loads(run("estimate", SCENARIOS / "rotherham-2020.yaml", "-f", "json").stdout)
    output["horizon"]["invented_gbp"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(estimate_schema).validate(output)


def test_the_schema_publishes_the_finance_officers_case(
    estimate_schema: dict[str, object],
) -> None:
    """The business case is part of the contract: present and valid where a programme cost is
    given, and a key it does not publish is refused inside it too."""
    path = SCENARIOS / "rotherham-2020-bottom-up-business-case.yaml"
    output = json.loads(run("estimate", path, "-f", "json").stdout)
    case = output["economics"]["business_case"]
    assert case["invest_to_save"]["threshold_years"] == 3
    jsonschema.Draft202012Validator(estimate_schema).validate(output)
    case["invest_to_save"]["years"][0]["invented_gbp"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(estimate_schema).validate(output)


REPO = SCENARIOS.parent
INPUT_FILES = {
    "scenario": sorted(SCENARIOS.glob("*.yaml")),
    "table": sorted((REPO / "unit_costs").glob("*.yaml")),
    "extension": sorted((SCENARIOS / "tables").glob("*.yaml")),
    "index": sorted((REPO / "price_indices").glob("*.yaml")),
}
"""Every shipped input file, by the schema kind that describes it."""


def input_schema(kind: str) -> dict[str, object]:
    schema: dict[str, object] = json.loads(run("schema", kind).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@pytest.mark.parametrize(
    ("kind", "path"),
    [(kind, path) for kind, paths in INPUT_FILES.items() for path in paths],
    ids=lambda value: value.stem if isinstance(value, Path) else value,
)
def test_every_shipped_input_file_validates_against_its_schema(kind: str, path: Path) -> None:
    """What `schema KIND` publishes describes the files the tool ships (a splice index too)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(input_schema(kind)).validate(data)


@pytest.mark.parametrize("kind", sorted(INPUT_FILES))
def test_an_input_schema_refuses_a_key_the_model_does_not_take(kind: str) -> None:
    data = yaml.safe_load(INPUT_FILES[kind][0].read_text(encoding="utf-8"))
    data["invented_key"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(input_schema(kind)).validate(data)


DATA = REPO / "tests" / "data"
SCALED_OUTPUTS = {
    "region": [
        ("region", REPO / "scenarios" / "regions" / "midlands-pause-hub.yaml"),
        ("region", DATA / "regions" / "two-councils.yaml", "--simulate", "2000", "--seed", "3"),
    ],
    "national": [
        ("national", REPO / "scenarios" / "national" / "england.yaml", "--draws", "2000"),
        ("national", REPO / "scenarios" / "national" / "scotland.yaml"),
    ],
    "contract": [
        ("contract", SCENARIOS / "plymouth-2019-outcomes-contract.yaml", "--draws", "2000"),
        ("contract", DATA / "contracts" / "hand-worked.yaml"),
    ],
    "starters": [
        ("starters", DATA / "dfe" / "starters-2024-layout.csv"),
        ("starters", DATA / "dfe" / "starters-2025-layout.csv"),
    ],
}
"""Each newer output, written by its command: a region plain and with its Monte Carlo and its
DfE baseline, a nation with and without its case, a contract with and without its draws, the
DfE reader on both layouts."""


@pytest.mark.parametrize(
    ("kind", "command"),
    [(kind, command) for kind, commands in SCALED_OUTPUTS.items() for command in commands],
    ids=lambda value: value if isinstance(value, str) else Path(value[1]).stem,
)
def test_every_newer_output_validates_against_its_schema(
    kind: str, command: tuple[str | Path, ...]
) -> None:
    schema = input_schema(kind)  # an output's schema, checked as a schema the same way
    result = run(*command, "-f", "json")
    assert result.exit_code == 0, result.stderr
    jsonschema.Draft202012Validator(schema).validate(json.loads(result.stdout))


@pytest.mark.parametrize("kind", sorted(SCALED_OUTPUTS))
def test_a_newer_output_s_schema_refuses_an_invented_key(kind: str) -> None:
    output = json.loads(run(*SCALED_OUTPUTS[kind][0], "-f", "json").stdout)
    output["invented_key"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(input_schema(kind)).validate(output)


def test_the_region_s_schema_covers_its_simulation_and_baseline() -> None:
    schema = input_schema("region")
    assert {"simulation", "baseline"} <= set(schema["properties"])
    assert {"RegionSimulation", "RegionBaseline", "CouncilBaseline"} <= set(schema["$defs"])
