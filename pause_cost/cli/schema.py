"""``pause-cost schema``: the JSON Schema of the output, or of an input file."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Any

import typer

from pause_cost.cli.handling import handled


class SchemaKind(StrEnum):
    estimate = "estimate"
    scenario = "scenario"
    table = "table"
    extension = "extension"
    price_index = "index"  # not `index`: that would hide str.index


def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(metavar="KIND", help="estimate, scenario, table, extension or index."),
    ],
) -> None:
    """Print the JSON Schema of the estimate output, or of a scenario, table, table extension
    or price index file."""
    with handled():
        from pause_cost.results.data import dumps

        document: dict[str, Any]
        if kind is SchemaKind.estimate:
            from pause_cost.results.data import json_schema
            from pause_cost.results.estimate import Estimate

            document = json_schema(Estimate)
        else:
            from pydantic import BaseModel

            from pause_cost.model.extension import TableExtension
            from pause_cost.model.indices import PriceIndex
            from pause_cost.model.scenario import Scenario
            from pause_cost.model.tables import TableFile

            models: dict[SchemaKind, type[BaseModel]] = {
                SchemaKind.scenario: Scenario,
                SchemaKind.table: TableFile,
                SchemaKind.extension: TableExtension,
                SchemaKind.price_index: PriceIndex,
            }
            document = models[kind].model_json_schema(mode="validation")
        sys.stdout.write(dumps(document))
