"""``pause-cost region``: many councils costed in one run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.report.region import RegionPack
    from pause_cost.results.region import RegionResult

PathLike = str | os.PathLike[str]


def region(region_file: PathLike) -> RegionResult:
    """Each council in a region file costed with its own figures (its scenario, women or
    practices, local overrides, each echoed), one row a council with its flags, and the
    region's total. A council named twice is refused."""
    from pause_cost.load.region import load_region
    from pause_cost.uncertainty.region import cost_region

    loaded_region, councils = load_region(Path(region_file))
    return cost_region(
        loaded_region, [(item.council, item.inputs, item.changes) for item in councils]
    )


def region_pack(region_file: PathLike) -> RegionPack:
    """The region's pack: its results (the summary) and each council's own estimate, costed
    as :func:`region` costs it."""
    from pause_cost.load.region import load_region
    from pause_cost.report.region import RegionPack
    from pause_cost.uncertainty.region import cost_region, council_estimate

    loaded_region, councils = load_region(Path(region_file))
    summary = cost_region(
        loaded_region, [(item.council, item.inputs, item.changes) for item in councils]
    )
    estimates = tuple(council_estimate(item.inputs, item.changes)[0] for item in councils)
    return RegionPack(region=summary, estimates=estimates)
