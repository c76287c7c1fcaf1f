"""``pause-cost schema``: the JSON Schema of each output's JSON and of each kind of input file,
each model imported only when its schema is asked for."""

from __future__ import annotations

from typing import Any

SCHEMA_KINDS = (
    "estimate",
    "sensitivity",
    "breakeven",
    "simulation",
    "region",
    "national",
    "contract",
    "starters",
    "scenario",
    "table",
    "extension",
    "index",
    "ranges",
)
"""What ``schema`` describes: eight outputs, then five kinds of input file."""


def schema(kind: str) -> dict[str, Any]:
    """``pause-cost schema``: the JSON Schema of an output's JSON or of an input file."""
    from pause_cost.results.data import json_schema

    if kind == "estimate":
        from pause_cost.results.estimate import Estimate

        return json_schema(Estimate)
    outputs = {"sensitivity": "Tornado", "breakeven": "BreakEven", "simulation": "Simulation"}
    if kind in outputs:
        from pause_cost.results import uncertainty

        return json_schema(getattr(uncertainty, outputs[kind]))
    if kind in ("region", "national", "contract", "starters"):
        return json_schema(_scaled_output(kind))
    from pydantic import BaseModel

    from pause_cost.model.extension import TableExtension
    from pause_cost.model.indices import PriceIndex
    from pause_cost.model.scenario import Scenario
    from pause_cost.model.tables import TableFile
    from pause_cost.model.uncertainty import UncertaintyFile

    models: dict[str, type[BaseModel]] = {
        "scenario": Scenario,
        "table": TableFile,
        "extension": TableExtension,
        "index": PriceIndex,
        "ranges": UncertaintyFile,
    }
    if kind not in models:
        raise ValueError(f"{kind!r} is not a schema; choose {', '.join(SCHEMA_KINDS)}")
    if kind == "index":  # an index file holds a published index, or a splice of them
        from pydantic import TypeAdapter

        from pause_cost.model.splice import SpliceFile

        spliced: dict[str, Any] = TypeAdapter(PriceIndex | SpliceFile).json_schema(
            mode="validation"
        )
        spliced["title"] = "PriceIndex or SpliceFile"
        return spliced
    document: dict[str, Any] = models[kind].model_json_schema(mode="validation")
    return document


def _scaled_output(kind: str) -> type:
    """The result class of ``region``, ``national``, ``contract`` or ``starters``."""
    if kind == "region":
        from pause_cost.results.region import RegionResult

        return RegionResult
    if kind == "national":
        from pause_cost.results.national import NationalResult

        return NationalResult
    if kind == "contract":
        from pause_cost.results.contracts import ContractResult

        return ContractResult
    from pause_cost.results.baseline import StartersOutput

    return StartersOutput
