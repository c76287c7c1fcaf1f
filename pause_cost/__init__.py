"""pause-cost: what a Pause practice saves, with the evidence behind every pound.

The Python API is the core the CLI uses::

    from pause_cost import load_inputs, estimate
    scenario, tables, indices = load_inputs("scenarios/rotherham-2020.yaml")
    result = estimate(scenario, tables, indices)
    result.horizon.total_gbp          # Decimal('2088479.85')

Names are imported on first use, so ``import pause_cost`` (and ``pause-cost --version``)
stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pause_cost.core.estimate import estimate
    from pause_cost.errors import InputError, OutputError, PauseCostError
    from pause_cost.load.inputs import Inputs, load_index, load_inputs, load_scenario, load_table
    from pause_cost.model.indices import PriceIndex
    from pause_cost.model.scenario import Scenario
    from pause_cost.model.tables import UnitCostTable
    from pause_cost.results.estimate import Estimate

_LAZY = {
    "estimate": "pause_cost.core.estimate",
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
    "PriceIndex",
    "Scenario",
    "UnitCostTable",
    "__version__",
    "estimate",
    "load_index",
    "load_inputs",
    "load_scenario",
    "load_table",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pause_cost' has no attribute {name!r}")
