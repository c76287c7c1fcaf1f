"""Cash-releasing beside total: the cashable-only net, return, payback and NPV.

The Cabinet Office separates cash-releasing savings (a direct cut in a budget) from avoided
expenditure and staff time redeployed; an invest-to-save payback is judged on cash-releasing
savings. Total cost avoidance counts internal staff time too, so each headline figure is shown
again on the cashable lines alone. On a calendar there is one payback, by financial year.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.core.discounting import present_value
from pause_cost.economics.calendar import cash_flow, payback_financial_year
from pause_cost.economics.programme import payback_year
from pause_cost.economics.setting import Setting
from pause_cost.results.economics import Calendar, Cashable
from pause_cost.results.estimate import Programme, YearAmounts

ZERO = Decimal(0)


def cashable(
    setting: Setting, programme: Programme, by_year: list[YearAmounts], calendar: Calendar | None
) -> Cashable | None:
    """The headline's figures on cashable lines only (None without a programme cost)."""
    if programme.cost_gbp is None:
        return None
    horizon = sum((year.cashable_gbp for year in by_year), ZERO)
    cost = programme.cost_gbp
    if calendar is not None:
        avoided = {year.financial_year: year.cashable_gbp for year in calendar.years}
        spent = {year.financial_year: year.programme_cost_gbp for year in calendar.years}
        rows = cash_flow(avoided, spent)
        payback = payback_financial_year(rows)
        basis = "financial year"
        nets = [row.net_gbp for row in rows]
    else:
        costs = programme.cost_by_year_gbp
        payback_at = payback_year([year.cashable_gbp for year in by_year], costs)
        payback = None if payback_at is None else f"year {payback_at}"
        basis = "years after each birth"
        nets = [
            (by_year[index].cashable_gbp if index < len(by_year) else ZERO)
            - (costs[index] if index < len(costs) else ZERO)
            for index in range(max(len(by_year), len(costs)))
        ]
    schedule = setting.schedule
    npv = None if schedule is None else present_value(list(enumerate(nets)), schedule)
    return Cashable(
        cost_avoided_gbp=horizon,
        net_gbp=horizon - cost,
        return_per_pound=horizon / cost if cost > 0 else None,
        payback=payback,
        payback_basis=basis,
        npv_gbp=npv,
    )
