"""Each perspective named: a funder's return on its own share and its NPV, and the public
sector's net, NPV and BCR over every agency with transfers netted.

The sums are the compiled case's (:func:`pause_cost.core.case.evaluate_case`); here they are
discounted by period with the scenario's schedule and laid out.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from pause_cost.core.discounting import present_value
from pause_cost.economics.setting import Setting
from pause_cost.results.economics import FunderPosition, Funders, PublicSector

ZERO = Decimal(0)


def _pv(setting: Setting, amounts: Sequence[Decimal]) -> Decimal | None:
    schedule = setting.schedule
    if schedule is None:
        return None
    return present_value(list(enumerate(amounts)), schedule)


def _ratio(over: Decimal, under: Decimal) -> Decimal | None:
    return over / under if under > 0 else None


def with_returns(setting: Setting, funders: Funders | None) -> Funders | None:
    """Each funder's return on its own share, and its NPV where the scenario discounts."""
    if funders is None:
        return None
    found = setting.evaluated.funders
    positions: list[FunderPosition] = []
    for position, funded in zip(funders.positions, found, strict=True):
        pv_savings, pv_cost = _pv(setting, funded.savings), _pv(setting, funded.cost)
        positions.append(
            replace(
                position,
                return_per_pound=_ratio(funded.savings_total, funded.cost_total),
                npv_gbp=None if pv_savings is None or pv_cost is None else pv_savings - pv_cost,
            )
        )
    return replace(funders, positions=positions)


def public_sector(setting: Setting) -> PublicSector | None:
    """The public sector's position: all agencies' avoidance less transfers, the whole cost."""
    found = setting.evaluated.public
    if not found:
        return None
    public, transfers = found
    pv_savings, pv_cost = _pv(setting, public.savings), _pv(setting, public.cost)
    npv = None if pv_savings is None or pv_cost is None else pv_savings - pv_cost
    return PublicSector(
        savings_gbp=public.savings_total,
        transfers_gbp=transfers.savings_total,
        cost_gbp=public.cost_total,
        net_gbp=public.net,
        return_per_pound=_ratio(public.savings_total, public.cost_total),
        pv_savings_gbp=pv_savings,
        pv_cost_gbp=pv_cost,
        npv_gbp=npv,
        bcr=None if pv_savings is None or pv_cost is None else _ratio(pv_savings, pv_cost),
    )
