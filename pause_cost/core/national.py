"""A nation's case from its parts (pure): the area route and the per-woman route.

Area route: infants not entering care a year = the evaluation's fewer infants per area a year x
areas; the avoidance a year = that x the cost of one avoided birth over the horizon (the
shipped tables, through the costing scenario); the programme a year = areas x women per area a
year x the cost per woman (from outcomes contracts' cost per woman engaged).

Per-woman route: avoided births a year = areas x women per area a year x birth rate x window
years (the model's own formula, the scenario's rate and window), set beside the subsequent
newborns in proceedings a year (newborns in proceedings x the share that are subsequent
infants: the newborn share, and only it). The share of mothers who return to court and the
share of applications with a repeat mother are reported, never multiplied into either route.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class AreaRoute:
    infants_per_year: Decimal
    avoidance_per_year_gbp: Decimal
    programme_per_year_gbp: Decimal
    net_per_year_gbp: Decimal
    avoided_per_pound: Decimal | None


def area_route(
    *,
    fewer_per_area: Decimal,
    areas: Decimal,
    cost_per_avoided_birth: Decimal,
    women_per_area: Decimal,
    cost_per_woman: Decimal,
) -> AreaRoute:
    """The area route's figures a year."""
    infants = fewer_per_area * areas
    avoidance = infants * cost_per_avoided_birth
    programme = areas * women_per_area * cost_per_woman
    return AreaRoute(
        infants_per_year=infants,
        avoidance_per_year_gbp=avoidance,
        programme_per_year_gbp=programme,
        net_per_year_gbp=avoidance - programme,
        avoided_per_pound=None if programme == 0 else avoidance / programme,
    )


def per_woman_births(
    *, areas: Decimal, women_per_area: Decimal, birth_rate: Decimal, window_years: Decimal
) -> Decimal:
    """Avoided births a year on the per-woman route: women a year x rate x window."""
    return areas * women_per_area * birth_rate * window_years
