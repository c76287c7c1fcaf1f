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
        names = _areas(council)
        per_year = row.avoided_births / window if window else Decimal(0)
        parts = [local.get(_plain(name)) for name in names]
        missing = [name for name, part in zip(names, parts, strict=True) if part is None]
        if missing:
            looked = " and ".join(repr(name) for name in missing)
            not_found.append(f"{council.name} (looked for {looked})")
            baseline = CouncilBaseline(
                area=" + ".join(names),
                period=None,
                under_one_starting=None,
                all_ages_starting=None,
                avoided_births_per_year=per_year,
                note="not in the file: give the council's dfe_area as the CSV's la_name",
            )
        else:
            baseline = _summed([part for part in parts if part is not None], per_year)
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


def _areas(council: Council) -> list[str]:
    """The DfE areas a council is: its ``dfe_area`` (one or several), else its name."""
    if council.dfe_area is None:
        return [council.name]
    return [council.dfe_area] if isinstance(council.dfe_area, str) else list(council.dfe_area)


def _summed(parts: list[CouncilStarters], per_year: Decimal) -> CouncilBaseline:
    """One council's baseline from the areas it is, their counts added as published: a count
    suppressed in any area leaves the sum unknown (never a part taken for the whole), and areas
    whose latest years differ are not added at all."""
    periods = {part.period for part in parts}
    notes = []
    if len(periods) > 1:
        return CouncilBaseline(
            area=" + ".join(part.area for part in parts),
            period=None,
            under_one_starting=None,
            all_ages_starting=None,
            avoided_births_per_year=per_year,
            note="the areas' latest years differ (" + ", ".join(sorted(periods)) + "): not added",
        )
    under_one = [part.under_one for part in parts]
    if any(count is None for count in under_one):
        suppressed = any("Under 1 year" in part.by_age for part in parts)
        notes.append(
            "under 1: suppressed or not a count in the file"
            if suppressed
            else "under 1: no row in the file"
        )
    totals = [part.total for part in parts]
    if len(parts) > 1:
        notes.append(f"the sum of {len(parts)} areas")
    return CouncilBaseline(
        area=" + ".join(part.area for part in parts),
        period=parts[0].period or None,
        under_one_starting=None if any(n is None for n in under_one) else _sum(under_one),
        all_ages_starting=None if any(n is None for n in totals) else _sum(totals),
        avoided_births_per_year=per_year,
        note="; ".join(notes) or None,
    )


def _sum(counts: list[int | None]) -> int:
    return sum(count for count in counts if count is not None)
