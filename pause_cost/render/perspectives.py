"""Each perspective named: whose avoidance against whose cost, laid out from the results."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.money import whole_pounds
from pause_cost.render.document import Block, Column, Money, Paragraph, Ratio, Row, Table
from pause_cost.results.economics import Cashable, Economics


def _ratio(value: Decimal | None) -> Ratio | str:
    return "n/a" if value is None else Ratio(value)


def _money(value: Decimal | None) -> Money | str:
    return "n/a" if value is None else Money(value)


def perspective_blocks(case: Economics) -> list[Block]:
    """Each funder's return on its own share and NPV; the public sector's, transfers netted."""
    public = case.public_sector
    rows: list[Row] = []
    if case.funders is not None:
        for position in case.funders.positions:
            if position.kind == "not_funding":
                continue
            rows.append(
                Row(
                    (
                        f"{position.name}: own avoidance on its own share",
                        Money(position.savings_gbp),
                        Money(position.cost_gbp),
                        Money(position.net_gbp),
                        _ratio(position.return_per_pound),
                        _money(position.npv_gbp),
                    )
                )
            )
    if public is not None:
        rows.append(
            Row(
                (
                    "Public sector, all agencies, transfers netted",
                    Money(public.savings_gbp),
                    Money(public.cost_gbp),
                    Money(public.net_gbp),
                    _ratio(public.return_per_pound),
                    _money(public.npv_gbp),
                )
            )
        )
    if not rows:
        return []
    blocks: list[Block] = [
        Table(
            title="Perspectives",
            columns=(
                Column("Whose view"),
                *(Column(label, numeric=True) for label in ("Avoided", "Cost", "Net")),
                Column("Per £1", numeric=True),
                Column("NPV", numeric=True),
            ),
            rows=tuple(rows),
        )
    ]
    if public is not None:
        bcr = "" if public.bcr is None else f" Public-sector BCR {public.bcr:.2f}."
        transfers = whole_pounds(public.transfers_gbp)
        blocks.append(
            Paragraph(
                "The headline sets the council's own avoidance against the whole programme "
                "cost. Per £1 here is each view's own avoidance over its own cost; the public "
                f"sector nets out payments between public bodies ({transfers} "
                f"here, such as court fees a council pays HMCTS).{bcr}"
            )
        )
    return blocks


def cashable_rows(found: Cashable | None, mixed: str = "") -> list[tuple[str, Money | Ratio | str]]:
    """The headline again on cash-releasing (cashable) lines only; ``mixed`` (' (PRICES
    MIXED)' where the cost is not in the unit costs' prices) follows each figure set against
    the cost."""
    if found is None:
        return []
    payback = found.payback or "not within the horizon"
    return [
        (f"Cashable only: net of cost{mixed}", Money(found.net_gbp)),
        (f"Cashable only: per £1 of total cost{mixed}", _ratio(found.return_per_pound)),
        (f"Cashable only: payback, {found.payback_basis}{mixed}", payback),
        *([("Cashable only: NPV", Money(found.npv_gbp))] if found.npv_gbp is not None else []),
    ]
