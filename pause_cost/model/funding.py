"""The funders' checks, and whose view the headline takes.

Funders share the whole programme cost exactly; the council's own lines fall to one funder of
kind council; another agency's lines fall to the one funder naming it. ``headline_view`` names
the funder whose own position (its own cost avoided against its own share) the headline gives;
with funders and no view named, the council's funder's, where there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pause_cost.model.economics import Funder


def check_funders(
    funders: Sequence[Funder] | None, has_cost: bool, headline_view: str | None
) -> None:
    """Raise ValueError, saying what is allowed, where the funders do not fit together."""
    if funders is None:
        if headline_view is not None:
            raise ValueError(
                f"headline_view names {headline_view!r}, but the scenario has no funders: the "
                "headline takes the council's view; give funders, or leave headline_view out"
            )
        return
    total = sum((funder.share_of_programme_cost for funder in funders), Decimal(0))
    if total != 1:
        raise ValueError(
            f"funders' shares of the programme cost add up to {total}, not 1: they must "
            "cover the whole cost exactly"
        )
    councils = [funder.name for funder in funders if funder.kind == "council"]
    if len(councils) > 1:
        raise ValueError(
            f"{len(councils)} funders are of kind council; the council's own lines fall "
            "to one funder: give one"
        )
    if not has_cost:
        raise ValueError("funders share the programme cost: give programme_cost too")
    claimed: dict[str, str] = {}
    for funder in funders:
        for agency in funder.agencies:
            if agency in claimed:
                raise ValueError(
                    f"agency {agency!r} is named by funders {claimed[agency]!r} and "
                    f"{funder.name!r}: a line's cost avoided falls to one funder"
                )
            claimed[agency] = funder.name
    names = [funder.name for funder in funders]
    if headline_view is not None and headline_view not in names:
        raise ValueError(
            f"headline_view names {headline_view!r}, which is no funder; allowed: "
            + ", ".join(repr(name) for name in names)
        )
