"""Which nation's system a line belongs to: bodies that serve England and Wales alone, the
publishers whose costs are England's, and what is wrong with a line in another nation's table.

Kept apart from the table's model so the rules read as one piece: a Scottish (or Northern
Irish) table names no England-and-Wales-only body, and an English figure in it says so.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.model.tables import Line, Nation


ENGLAND_AND_WALES_AGENCIES = (
    "HM Courts & Tribunals Service",
    "HMCTS",
    "Cafcass",
    "Legal Aid Agency",
)
"""Bodies that serve England (and Wales) alone: Scotland has the sheriff court (SCTS), the
Reporter (SCRA), the hearings panel (CHS) and the Scottish Legal Aid Board; Northern Ireland its
own courts service and Legal Services Agency. A line naming one of these in a Scottish or
Northern Irish table is an English cost carried across by mistake (a proxy names the council)."""

NATIONS_WITHOUT_THEM: tuple[Nation, ...] = ("scotland", "northern_ireland")

_NATION_NAMES: dict[Nation, tuple[str, str]] = {
    "england": ("England", "English"),
    "scotland": ("Scotland", "Scottish"),
    "wales": ("Wales", "Welsh"),
    "northern_ireland": ("Northern Ireland", "Northern Irish"),
}


ENGLISH_SOURCES = (
    "GMCA",
    "New Economy",
    "PSSRU",
    "Personal Social Services Research Unit",
    "Department for Education",
    *ENGLAND_AND_WALES_AGENCIES,
)
"""Publishers whose unit costs are England's (or England and Wales's) system: a line in a
Scottish or Northern Irish table that cites one is an English figure standing in, so it must
say so with ``proxy``."""


def _named(names: tuple[str, ...], text: str) -> str | None:
    """The first of these names the text holds, as a word, in any case."""
    for name in names:
        if re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", text, re.IGNORECASE):
            return name
    return None


def england_and_wales_agency(text: str) -> str | None:
    """The England-and-Wales-only body the text names, if any (as a word, any case)."""
    return _named(ENGLAND_AND_WALES_AGENCIES, text)


def nation_problem(nation: Nation | None, line: Line) -> tuple[str, str] | None:
    """What is wrong with a line in a table for this nation, as (key, message), if anything.

    A Scottish (or Northern Irish) table names no England-and-Wales-only body, and a proxy is
    another nation's figure, not the table's own.
    """
    if line.proxy is not None and line.proxy.nation == nation:
        return "proxy.nation", (
            f"a proxy is another nation's figure: the table is for {_NATION_NAMES[nation][0]}"
        )
    if nation not in NATIONS_WITHOUT_THEM:
        return None
    country, people = _NATION_NAMES[nation]
    for key in ("agency", "transfer_to"):
        named = england_and_wales_agency(getattr(line, key) or "")
        if named is not None:
            return key, (
                f"{named} serves England and Wales, not {country}: name the {people} body that "
                f"bears this cost (a figure borrowed from England names the {people} body too, "
                "and says so with proxy)"
            )
    cited = _named(ENGLISH_SOURCES, line.source.document)
    if line.proxy is None and cited is not None:
        return "source.document", (
            f"cites {cited}, an English source, in a {people} table: mark the line "
            "`proxy: {nation: england, reason: ...}`, saying why no " + people + " figure is used"
        )
    return None
