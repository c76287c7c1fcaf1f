"""pause-cost: what a Pause practice saves, with the evidence behind every pound.

The Python API is the core the CLI uses::

    from pause_cost import load_inputs, estimate
    inputs = load_inputs("scenarios/rotherham-2020.yaml")
    result = estimate(*inputs)
    result.horizon.total_gbp          # Decimal('2088479.85')
    to_json(result)                   # the JSON the CLI prints

Names are imported on first use, so ``import pause_cost`` (and ``pause-cost --version``)
stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pause_cost.core.estimate import assemble, compile_scenario, estimate
    from pause_cost.core.plan import Plan
    from pause_cost.errors import InputError, OutputError, PauseCostError
    from pause_cost.load.inputs import Inputs, load_index, load_inputs, load_scenario, load_table
    from pause_cost.model.indices import PriceIndex
    from pause_cost.model.scenario import Scenario
    from pause_cost.model.tables import UnitCostTable
    from pause_cost.results.data import to_data, to_json
    from pause_cost.results.estimate import Estimate

_LAZY = {
    "estimate": "pause_cost.core.estimate",
    "compile_scenario": "pause_cost.core.estimate",
    "assemble": "pause_cost.core.estimate",
    "Plan": "pause_cost.core.plan",
    "to_data": "pause_cost.results.data",
    "to_json": "pause_cost.results.data",
    "load_inputs": "pause_cost.load.inputs",
    "load_scenario": "pause_cost.load.inputs",
    "load_table": "pause_cost.load.inputs",
    "load_index": "pause_cost.load.inputs",
    "Inputs": "pause_cost.load.inputs",
    "PriceIndex": "pause_cost.model.indices",
    "Estimate": "pause_cost.results.estimate",
    "Scenario": "pause_cost.model.scenario",
    "UnitCostTable": "pause_cost.model.tables",
    "InputError": "pause_cost.errors",
    "OutputError": "pause_cost.errors",
    "PauseCostError": "pause_cost.errors",
}

__all__ = [
    "Estimate",
    "InputError",
    "Inputs",
    "OutputError",
    "PauseCostError",
    "Plan",
    "PriceIndex",
    "Scenario",
    "UnitCostTable",
    "__version__",
    "assemble",
    "compile_scenario",
    "estimate",
    "load_index",
    "load_inputs",
    "load_scenario",
    "load_table",
    "to_data",
    "to_json",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pause_cost' has no attribute {name!r}")
