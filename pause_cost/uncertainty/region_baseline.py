"""Each council's published baseline beside its estimate: the children under 1 starting to be
looked after in a year, as the DfE's starters CSV gives them (read by
:mod:`pause_cost.load.dfe`), beside the council's avoided births per year of its window.

A council is found by its ``dfe_area`` (else its name), among the CSV's local authorities,
case and spacing aside; the latest year the file has for it is shown. A suppressed count is
shown as not known, never as zero, and every row the reader could not use is listed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal

from pause_cost.model.dfe import CouncilStarters, Starters
from pause_cost.model.region import Council
from pause_cost.results.region import CouncilBaseline, RegionBaseline, RegionResult

LICENCE = (
    "Contains public sector information licensed under the Open Government Licence v3.0 "
    "(Department for Education, 'CLA starting during the year - characteristics - by local "
    "authority')."
)


def _plain(name: str) -> str:
    return " ".join(name.casefold().split())


def with_baseline(
    region: RegionResult,
    councils: Sequence[Council],
    windows: Sequence[Decimal],
    starters: Starters,
) -> RegionResult:
    """The region's rows, each with its council's baseline, and what the file did not give."""
    local: dict[str, CouncilStarters] = {}
    for area in starters.areas:
        if area.level in ("Local authority", ""):
            key = _plain(area.area)
            if key not in local or area.period > local[key].period:
                local[key] = area
    rows = []
    not_found = []
    for row, council, window in zip(region.councils, councils, windows, strict=True):
        name = council.dfe_area or council.name
        found: CouncilStarters | None = local.get(_plain(name))
        per_year = row.avoided_births / window if window else Decimal(0)
        if found is None:
            not_found.append(f"{council.name} (looked for {name!r})")
            baseline = CouncilBaseline(
                area=name,
                period=None,
                under_one_starting=None,
                all_ages_starting=None,
                avoided_births_per_year=per_year,
                note="not in the file: give the council's dfe_area as the CSV's la_name",
            )
        else:
            note = None
            if found.under_one is None:
                note = (
                    "under 1: suppressed or not a count in the file"
                    if "Under 1 year" in found.by_age
                    else "under 1: no row in the file"
                )
            baseline = CouncilBaseline(
                area=found.area,
                period=found.period or None,
                under_one_starting=found.under_one,
                all_ages_starting=found.total,
                avoided_births_per_year=per_year,
                note=note,
            )
        rows.append(dataclasses.replace(row, baseline=baseline))
    return dataclasses.replace(
        region,
        councils=rows,
        baseline=RegionBaseline(
            file=starters.path,
            layout=starters.layout,
            not_used=[f"line {item.line}: {item.reason}" for item in starters.unused],
            not_found=not_found,
            licence=LICENCE,
        ),
    )
