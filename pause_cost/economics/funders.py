"""Who funds the programme and who saves: each funder's cost and savings by period.

Each funder's savings are the lines that fall to it (the council's own lines to the council,
another agency's to the funder naming it), evaluated with the case
(:func:`pause_cost.core.case.evaluate_case`); its cost is its share of the programme's.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from pause_cost.core import timing
from pause_cost.economics.cashflow import cash_labels
from pause_cost.economics.setting import Setting
from pause_cost.model.scenario import Scenario
from pause_cost.results.economics import Basis, FunderPeriod, FunderPosition, Funders

ZERO = Decimal(0)


def funders(scenario: Scenario, setting: Setting, basis: Basis) -> Funders | None:
    """Each funder's position, and those not funding the programme, by period."""
    if scenario.funders is None or scenario.programme_cost is None:
        return None
    case, found = setting.case, setting.evaluated
    assert case.cost is not None
    labels = (
        cash_labels(setting)
        if basis == "financial_year"
        else [f"year {year}" for year in range(1, case.horizon_years + 1)]
    )
    positions = []
    for index, (lines, funded) in enumerate(zip(case.funders, found.funders, strict=True)):
        savings = dict(zip(case.periods, funded.savings, strict=True))
        given = scenario.funders[index] if index < len(scenario.funders) else None
        positions.append(
            _position(
                name=lines.name,
                kind=lines.kind,
                share=lines.share,
                agencies=list(lines.agencies),
                savings={label: savings[label] for label in labels},
                cost=(
                    {}
                    if lines.kind == "not_funding"
                    else {
                        period: amount
                        for period, amount, paid in zip(
                            case.periods, funded.cost, case.cost.present, strict=True
                        )
                        if paid
                    }
                ),
                totals=(funded.savings_total, funded.cost_total, funded.net),
                source=None if given is None else given.source,
                assumption=None if given is None else given.assumption,
            )
        )
    return Funders(basis=basis, positions=positions)


def _position(
    *,
    name: str,
    kind: str,
    share: Decimal,
    agencies: list[str],
    savings: Mapping[str, Decimal],
    cost: Mapping[str, Decimal],
    totals: tuple[Decimal, Decimal, Decimal],
    source: object,
    assumption: str | None,
) -> FunderPosition:
    periods = _ordered([*savings, *cost])
    by_period = [
        FunderPeriod(
            period=period,
            cost_gbp=cost.get(period, ZERO),
            savings_gbp=savings.get(period, ZERO),
            net_gbp=savings.get(period, ZERO) - cost.get(period, ZERO),
        )
        for period in periods
    ]
    total_savings, total_cost, net = totals
    return FunderPosition(
        name=name,
        kind=kind,  # type: ignore[arg-type]
        share_of_programme_cost=share,
        cost_gbp=total_cost,
        savings_gbp=total_savings,
        net_gbp=net,
        agencies=agencies,
        by_period=by_period,
        source=source,  # type: ignore[arg-type]
        assumption=assumption,
    )


def _ordered(periods: Sequence[str]) -> list[str]:
    """Periods in time order, each once: financial years by start, 'year n' by n."""

    def key(period: str) -> int:
        if period.startswith("year "):
            return int(period[5:])
        return timing.financial_year_start(period)

    return sorted(set(periods), key=key)
