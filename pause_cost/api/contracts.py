"""``pause-cost contract``: an outcomes contract costed against its scenario."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.model.inputs import Inputs
    from pause_cost.results.contracts import ContractResult

PathLike = str | os.PathLike[str]


def contract(scenario: Inputs | PathLike, *, draws: int = 0, seed: int = 1) -> ContractResult:
    """The scenario's outcomes contract: expected payments by payer and financial year, the
    council's position under it and bought directly, break-even prices per outcome and, with
    ``draws``, the Monte Carlo's ranges (seeded: the same seed gives the same figures)."""
    from pause_cost.core.contract import ContractError
    from pause_cost.errors import InputError
    from pause_cost.load.inputs import Inputs, load_inputs
    from pause_cost.uncertainty.contract import cost_contract

    inputs = scenario if isinstance(scenario, Inputs) else load_inputs(Path(scenario))
    try:
        return cost_contract(inputs, draws=draws, seed=seed)
    except ContractError as exc:
        where = "scenario" if isinstance(scenario, Inputs) else str(scenario)
        raise InputError.single(where, str(exc), key="contract") from None
