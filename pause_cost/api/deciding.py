"""The API of deciding: the value of information for funding a practice or not."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.model.ranges import Ranges
    from pause_cost.results.decision import Information


def voi(
    scenario: Ranges | str | os.PathLike[str],
    *,
    draws: int = 100_000,
    seed: int = 1,
    groups: Sequence[Sequence[str]] = (),
) -> Information:
    """``pause-cost voi``: EVPI for funding the practice or not, and EVPPI of each drawn input
    (or of each group of input paths in ``groups``), from ``draws`` draws from ``seed``."""
    from pause_cost.load.uncertainty import Ranges, load_ranges
    from pause_cost.uncertainty.information import information

    if isinstance(scenario, Ranges):
        return information(scenario, draws, seed, groups=groups)
    return information(
        load_ranges(Path(scenario)), draws, seed, groups=groups, where=os.fspath(scenario)
    )
