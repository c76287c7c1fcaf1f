"""Read the DfE's "CLA starting during the year - characteristics - by local authority" CSV.

Two layouts have been published: 2024 (``cla_group, characteristic, number, percentage``) and
2025 (``characteristic, breakdown, children_count, children_percent``). Only the age rows are
read ("Age on starting"). A count of ``c`` (suppressed) or ``k`` (a percentage below 0.5%,
which says nothing of the count), or any other mark, is kept as not known and reported with
its line. Another layout, or a file whose every age count is suppressed, is refused with a
located message. National and regional counts are published rounded to the nearest 10; they
are read as published.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pause_cost.errors import InputError, Problem
from pause_cost.load.yaml import read_text
from pause_cost.model.dfe import CouncilStarters, Starters, Unused

LAYOUTS = {
    "2024": ("cla_group", "characteristic", "number"),
    "2025": ("characteristic", "breakdown", "children_count"),
}
"""Layout -> (the group column, the band column, the count column)."""

AGE_GROUP = "Age on starting"
MARKS = {"c": "suppressed ('c')", "k": "marked 'k' (below 0.5%)"}


def _layout(header: list[str]) -> str | None:
    names = set(header)
    for layout, columns in LAYOUTS.items():
        if set(columns) <= names and (layout != "2025" or "cla_group" not in names):
            return layout
    return None


def load_starters(path: Path) -> Starters:
    """Each area's starters by age band, from a downloaded DfE CSV in either layout."""
    shown = str(path)
    text = read_text(path, shown)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise InputError([Problem(shown, 1, 1, None, "the file is empty: expected a DfE CSV")])
    header = [name.strip() for name in rows[0]]
    layout = _layout(header)
    if layout is None:
        wanted = " or ".join(f"({', '.join(columns)})" for columns in LAYOUTS.values())
        raise InputError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    "header",
                    f"columns {', '.join(header)} are not a layout this reader knows; it reads "
                    f"the DfE's CLA starters CSV with the columns {wanted}",
                )
            ]
        )
    group, band, count = (header.index(name) for name in LAYOUTS[layout])
    where = {
        name: header.index(name)
        for name in ("geographic_level", "la_name", "time_period")
        if name in header
    }
    areas: dict[tuple[str, str, str], dict[str, int | None]] = {}
    unused: list[Unused] = []
    counted = 0
    for number, row in enumerate(rows[1:], start=2):
        if not row or len(row) != len(header):
            unused.append(Unused(number, f"{len(row)} cells where the header has {len(header)}"))
            continue
        if row[group].strip() != AGE_GROUP:
            continue
        level = row[where["geographic_level"]].strip() if "geographic_level" in where else ""
        name = row[where["la_name"]].strip() if "la_name" in where else ""
        area = name or ("England" if level in ("", "National") else level)
        period = row[where["time_period"]].strip() if "time_period" in where else ""
        value = row[count].strip()
        bands = areas.setdefault((area, level, period), {})
        if value.isdigit():
            bands[row[band].strip()] = int(value)
            counted += 1
        else:
            bands[row[band].strip()] = None
            why = MARKS.get(value.lower(), f"not a count ({value!r})")
            unused.append(Unused(number, f"{area} {period} {row[band].strip()}: {why}"))
    if not areas:
        raise InputError(
            [
                Problem(
                    shown,
                    None,
                    None,
                    None,
                    f"no rows with {group and header[group]} '{AGE_GROUP}': nothing to read",
                )
            ]
        )
    if counted == 0:
        raise InputError(
            [
                Problem(
                    shown,
                    None,
                    None,
                    None,
                    "every age count is suppressed or marked: there is no figure to use",
                )
            ]
        )
    return Starters(
        path=shown,
        layout=layout,
        areas=[CouncilStarters(a, lv, p, bands) for (a, lv, p), bands in areas.items()],
        unused=unused,
    )
