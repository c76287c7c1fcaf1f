"""pause-cost: what a Pause practice saves, with the evidence behind every pound.

The Python API is the one the CLI calls, one function per command (see :mod:`pause_cost.api`)::

    import pause_cost
    result = pause_cost.estimate("scenarios/rotherham-2020.yaml")
    result.horizon.total_gbp          # Decimal('2088479.85')
    pause_cost.to_json(result)        # the JSON `pause-cost estimate -f json` prints

Names are imported on first use, so ``import pause_cost`` (and ``pause-cost --version``)
stays fast.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # `import x as x`: re-exported, for type checkers
    from pause_cost.api import TableCheck as TableCheck
    from pause_cost.api import breakeven as breakeven
    from pause_cost.api import compare as compare
    from pause_cost.api import contract as contract
    from pause_cost.api import estimate as estimate
    from pause_cost.api import grid as grid
    from pause_cost.api import init as init
    from pause_cost.api import national as national
    from pause_cost.api import pack as pack
    from pause_cost.api import parse_axis as parse_axis
    from pause_cost.api import parse_target as parse_target
    from pause_cost.api import region as region
    from pause_cost.api import render_pack as render_pack
    from pause_cost.api import schema as schema
    from pause_cost.api import sensitivity as sensitivity
    from pause_cost.api import simulate as simulate
    from pause_cost.api import starters as starters
    from pause_cost.api import table as table
    from pause_cost.api import tables as tables
    from pause_cost.api import validate_tables as validate_tables
    from pause_cost.core.plan import Plan as Plan
    from pause_cost.engine import assemble as assemble
    from pause_cost.engine import compile_scenario as compile_scenario
    from pause_cost.errors import InputError as InputError
    from pause_cost.errors import OutputError as OutputError
    from pause_cost.errors import PauseCostError as PauseCostError
    from pause_cost.errors import Problem as Problem
    from pause_cost.load.inputs import Inputs as Inputs
    from pause_cost.load.inputs import load_index as load_index
    from pause_cost.load.inputs import load_inputs as load_inputs
    from pause_cost.load.inputs import load_scenario as load_scenario
    from pause_cost.load.inputs import load_table as load_table
    from pause_cost.load.uncertainty import Ranges as Ranges
    from pause_cost.load.uncertainty import load_ranges as load_ranges
    from pause_cost.model.indices import PriceIndex as PriceIndex
    from pause_cost.model.scenario import Scenario as Scenario
    from pause_cost.model.tables import UnitCostTable as UnitCostTable
    from pause_cost.results.data import to_data as to_data
    from pause_cost.results.data import to_json as to_json
    from pause_cost.results.estimate import Estimate as Estimate

_FROM = {
    "pause_cost.api": (
        "TableCheck",
        "breakeven",
        "compare",
        "contract",
        "estimate",
        "grid",
        "init",
        "national",
        "pack",
        "parse_axis",
        "parse_target",
        "region",
        "render_pack",
        "schema",
        "sensitivity",
        "simulate",
        "starters",
        "table",
        "tables",
        "validate_tables",
    ),
    "pause_cost.core.plan": ("Plan",),
    "pause_cost.engine": ("assemble", "compile_scenario"),
    "pause_cost.errors": ("InputError", "OutputError", "PauseCostError", "Problem"),
    "pause_cost.load.inputs": (
        "Inputs",
        "load_index",
        "load_inputs",
        "load_scenario",
        "load_table",
    ),
    "pause_cost.load.uncertainty": ("Ranges", "load_ranges"),
    "pause_cost.model.indices": ("PriceIndex",),
    "pause_cost.model.scenario": ("Scenario",),
    "pause_cost.model.tables": ("UnitCostTable",),
    "pause_cost.results.data": ("to_data", "to_json"),
    "pause_cost.results.estimate": ("Estimate",),
}
"""Where each public name lives: the API's commands first, then what they take and give."""

_LAZY = {name: module for module, names in _FROM.items() for name in names}
__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'pause_cost' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


class _Package(types.ModuleType):
    """``pause_cost.compare`` is the API's ``compare``, even once the submodule of that name
    (``pause_cost/compare.py``, the comparison itself) is imported: the import system sets a
    package's attribute to each submodule it loads, and here that would hide the function.
    The submodule is still imported by its full name (``from pause_cost.compare import ...``)."""

    @property
    def compare(self) -> Any:
        from pause_cost.api import compare

        return compare

    @compare.setter
    def compare(self, value: Any) -> None:
        pass  # the submodule, set by the import system; it stays in sys.modules


sys.modules[__name__].__class__ = _Package
