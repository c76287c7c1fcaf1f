"""``pause-cost region``: many councils costed in one run."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.load.region import LoadedCouncil
    from pause_cost.model.region import Region
    from pause_cost.report.region import RegionPack
    from pause_cost.results.region import RegionResult

PathLike = str | os.PathLike[str]


def region(
    region_file: PathLike,
    *,
    draws: int = 0,
    seed: int = 1,
    starters: PathLike | None = None,
) -> RegionResult:
    """Each council in a region file costed with its own figures (its scenario, women or
    practices, local overrides, each echoed), one row a council with its flags, and the
    region's total. A council named twice is refused.

    With ``draws``, the region's Monte Carlo from ``seed`` (every council's ranges, shared
    where they are one figure): the region's P5-P95 and the inputs that drive it. With
    ``starters`` (or the region file's own ``starters``), each council's published baseline
    from the DfE's starters CSV beside its estimate."""
    from pause_cost.load.region import load_region

    path = Path(region_file)
    loaded_region, councils = load_region(path)
    return _costed(path, loaded_region, councils, draws=draws, seed=seed, starters=starters)


def _costed(
    path: Path,
    loaded_region: Region,
    councils: list[LoadedCouncil],
    *,
    draws: int,
    seed: int,
    starters: PathLike | None,
) -> RegionResult:
    from pause_cost.uncertainty.region import cost_region, council_estimate

    result = cost_region(
        loaded_region, [(item.council, item.inputs, item.changes) for item in councils]
    )
    csv = Path(starters) if starters is not None else None
    if csv is None and loaded_region.starters is not None:
        csv = Path(loaded_region.starters)
        if not csv.is_absolute():
            csv = path.parent / csv
    if csv is not None:
        from pause_cost.load.dfe import load_starters
        from pause_cost.uncertainty.region_baseline import with_baseline

        windows = [
            council_estimate(item.inputs, item.changes)[0].scenario.window_years
            for item in councils
        ]
        result = with_baseline(
            result, [item.council for item in councils], windows, load_starters(csv)
        )
    if draws:
        import dataclasses

        from pause_cost.load.uncertainty import load_ranges
        from pause_cost.uncertainty.region_draws import council_draws, simulate_region

        cache = {}
        drawn = []
        for item in councils:
            scenario = Path(item.council.scenario)
            if not scenario.is_absolute():
                scenario = path.parent / scenario
            if scenario not in cache:
                cache[scenario] = load_ranges(scenario)
            drawn.append(
                council_draws(item.council.name, item.inputs, item.changes, cache[scenario])
            )
        result = dataclasses.replace(result, simulation=simulate_region(result, drawn, draws, seed))
    return result


def region_pack(
    region_file: PathLike,
    *,
    draws: int = 0,
    seed: int = 1,
    starters: PathLike | None = None,
) -> RegionPack:
    """The region's pack: its results (the summary, with the Monte Carlo and the baseline
    where asked) and each council's own estimate, costed as :func:`region` costs it."""
    from pause_cost.engine import workbook_layout
    from pause_cost.load.region import load_region
    from pause_cost.report.region import RegionPack
    from pause_cost.uncertainty.region import council_estimate, council_inputs

    path = Path(region_file)
    loaded_region, councils = load_region(path)
    summary = _costed(path, loaded_region, councils, draws=draws, seed=seed, starters=starters)
    estimates = tuple(council_estimate(item.inputs, item.changes)[0] for item in councils)
    layouts = tuple(workbook_layout(council_inputs(item.inputs, item.changes)) for item in councils)
    return RegionPack(region=summary, estimates=estimates, layouts=layouts)
