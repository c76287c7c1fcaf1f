"""``pause-cost national``: a nation's case from its parts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.results.national import NationalResult

PathLike = str | os.PathLike[str]


def national(case: PathLike, *, draws: int = 0, seed: int = 1) -> NationalResult:
    """The national table: each published part with its source, the area route (the
    evaluation's effect per area x areas, costed with the shipped tables and a programme cost
    derived from contracts' cost per woman), the per-woman route, and with ``draws`` the
    P5-P95 and the drivers."""
    from pause_cost.load.national import load_national
    from pause_cost.uncertainty.national import cost_national

    loaded, costing = load_national(Path(case))
    return cost_national(loaded, costing, draws=draws, seed=seed)
