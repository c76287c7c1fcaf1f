"""``pause-cost schema``: the JSON Schema of the output, or of an input file."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from pause_cost.cli.emit import emit, json_only
from pause_cost.cli.handling import handled
from pause_cost.cli.options import (
    JSON_ONLY,
    ForceOption,
    JsonFormatOption,
    OutputOption,
    resolve_format,
)


class SchemaKind(StrEnum):
    """Mirrors :data:`pause_cost.api.SCHEMA_KINDS`, so that --help needs no engine import."""

    estimate = "estimate"
    sensitivity = "sensitivity"
    breakeven = "breakeven"
    simulation = "simulation"
    region = "region"
    national = "national"
    contract = "contract"
    starters = "starters"
    scenario = "scenario"
    table = "table"
    extension = "extension"
    price_index = "index"  # not `index`: that would hide str.index
    ranges = "ranges"


def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            metavar="KIND",
            help="estimate, sensitivity, breakeven, simulation, region, national, contract or "
            "starters (outputs); scenario, table, extension, index or ranges (input files).",
        ),
    ],
    output_format: JsonFormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print the JSON Schema of an output (estimate, sensitivity, breakeven, simulation,
    region, national, contract, starters) or of an input file (scenario, table, table
    extension, price index, ranges file)."""
    chosen = resolve_format(output_format, output, JSON_ONLY, command="schema")
    with handled(output_format):
        from pause_cost import api

        emit(json_only(lambda: api.schema(kind.value)), chosen, output, force)
