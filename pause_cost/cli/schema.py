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
    ranges = "ranges"
    sensitivity = "sensitivity"
    breakeven = "breakeven"
    simulation = "simulation"


def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            metavar="KIND",
            help="estimate, sensitivity, breakeven or simulation (outputs); scenario, table, "
            "extension, index or ranges (input files).",
        ),
    ],
) -> None:
    """Print the JSON Schema of an output (estimate, sensitivity, breakeven, simulation) or of
    an input file (scenario, table, table extension, price index, ranges file)."""
    with handled():
        from pause_cost.results.data import dumps

        document: dict[str, Any]
        outputs = {
            SchemaKind.sensitivity: "Tornado",
            SchemaKind.breakeven: "BreakEven",
            SchemaKind.simulation: "Simulation",
        }
        if kind is SchemaKind.estimate:
            from pause_cost.results.data import json_schema
            from pause_cost.results.estimate import Estimate

            document = json_schema(Estimate)
        elif kind in outputs:
            from pause_cost.results import uncertainty
            from pause_cost.results.data import json_schema

            document = json_schema(getattr(uncertainty, outputs[kind]))
        else:
            from pydantic import BaseModel

            from pause_cost.model.extension import TableExtension
            from pause_cost.model.indices import PriceIndex
            from pause_cost.model.scenario import Scenario
            from pause_cost.model.tables import TableFile
            from pause_cost.model.uncertainty import UncertaintyFile

            models: dict[SchemaKind, type[BaseModel]] = {
                SchemaKind.scenario: Scenario,
                SchemaKind.table: TableFile,
                SchemaKind.extension: TableExtension,
                SchemaKind.price_index: PriceIndex,
                SchemaKind.ranges: UncertaintyFile,
            }
            document = models[kind].model_json_schema(mode="validation")
        sys.stdout.write(dumps(document))
