"""Real outputs of every shipped scenario validate against the JSON Schema `schema` publishes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

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
