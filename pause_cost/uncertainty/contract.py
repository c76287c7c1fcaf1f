"""``pause-cost contract``: an outcomes contract costed against its scenario's case.

The expected payments come from :mod:`pause_cost.core.contract` (exact); the council's
avoidance from the scenario's estimate (the same engine, tables and flags). The Monte Carlo
draws, for each draw, how many women achieve each combination of metrics (a multinomial over
the combinations, shares drawn uniformly over their ranges where given) and applies every cap
to that draw's payments (:mod:`pause_cost.uncertainty.contract_draws`): it gives the
distribution of payments and P(the maximum is reached).
It works in chunks of draws, so memory stays flat as the draws grow.
"""

from __future__ import annotations

from decimal import Decimal

from pause_cost.core import contract as terms_of
from pause_cost.engine import estimate
from pause_cost.model.inputs import Inputs
from pause_cost.results.contracts import (
    ContractResult,
    MetricResult,
    PayerResult,
    PayerYear,
    Position,
)
from pause_cost.results.economics import CostFactor
from pause_cost.results.estimate import Flag
from pause_cost.uncertainty.contract_draws import simulate_contract
from pause_cost.uncertainty.contract_prices import council_payments


def _metric_factors(
    payments: list[terms_of.Payment], factors: dict[str, Decimal]
) -> dict[str, Decimal]:
    """Each metric's payments' factor to the price base: the factors of the financial years
    they fall in, weighted by the payments before caps (1 where none is known)."""
    cash: dict[str, Decimal] = {}
    real: dict[str, Decimal] = {}
    for payment in payments:
        one = factors.get(terms_of.financial_year_of(payment.month), Decimal(1))
        cash[payment.metric] = cash.get(payment.metric, Decimal(0)) + payment.uncapped_gbp
        real[payment.metric] = real.get(payment.metric, Decimal(0)) + payment.uncapped_gbp * one
    return {metric: real[metric] / cash[metric] for metric in cash if cash[metric]}


def _breakeven_note(price: Decimal | None, council_share: Decimal) -> str | None:
    """Why no break-even price is shown, where none is."""
    if price is None:
        return (
            "none: the council pays no share"
            if council_share == 0
            else "none: the metric is never paid"
        )
    if price < 0:
        return (
            "none exists: the other metrics at their prices already cost the council more than "
            "the avoidance that falls to it, so no price on this one breaks even"
        )
    return None


def cost_contract(inputs: Inputs, *, draws: int = 0, seed: int = 1) -> ContractResult:
    """The scenario's contract: expected payments, positions, break-even prices and, with
    ``draws``, the Monte Carlo's ranges."""
    scenario = inputs.scenario
    contract = scenario.contract
    if contract is None:
        raise terms_of.ContractError(
            f"scenario {scenario.name} has no contract: add a contract: section"
        )
    case = estimate(*inputs)
    window = scenario.pause_window
    rate = case.scenario.birth_rate_per_woman_per_year
    if rate is None:  # cohorts of different rates: the women's average, from the births
        rate = case.avoided_births.exact / case.scenario.women_open / case.scenario.window_years
    births = case.avoided_births
    residual = births.observed / births.exact if births.exact else Decimal(0)
    terms = [
        terms_of.metric_terms(
            m, birth_rate=rate, programme_months=window.programme_months, residual=residual
        )
        for m in contract.metrics
    ]
    expected = terms_of.expected_payments(contract, terms)
    years = terms_of.by_financial_year(expected.payments)
    council_share = sum(
        (p.share_of_payments for p in contract.payers if p.kind == "council"), Decimal(0)
    )
    central_share = sum(
        (p.share_of_payments for p in contract.payers if p.kind == "central"), Decimal(0)
    )
    avoidance = case.horizon.total_gbp
    base = case.economics.price_base if case.economics is not None else None
    prices = council_payments(
        years,
        council_share,
        price_year=None if base is None else base.price_year,
        deflator=inputs.deflator,
    )
    metric_factors = _metric_factors(expected.payments, dict(prices.factors))
    flags = list(case.flags)
    metrics: list[MetricResult] = []
    for metric, term, per_woman in zip(
        contract.metrics, terms, expected.per_woman_gbp, strict=True
    ):
        uncapped = sum(
            (p.uncapped_gbp for p in expected.payments if p.metric == term.id), Decimal(0)
        )
        paid = sum((p.paid_gbp for p in expected.payments if p.metric == term.id), Decimal(0))
        if metric.linked is not None:
            months = metric.linked.no_pregnancy_months
            how = (
                f"linked to the model at the birth rate {rate:.4g} a year: without the "
                f"programme exp(-{rate:.4g} x {months}/12) = {term.counterfactual_share:.4f} "
                f"have no pregnancy for {months} months; on it "
                f"1 - (1 - {term.counterfactual_share:.4f}) x {float(residual):.4g} (births "
                f"observed on the programme over those expected) = "
                f"{term.no_pregnancy_on_programme:.4f}; "
                f"share = the engagement share {metric.linked.engagement.value} x "
                f"{term.no_pregnancy_on_programme:.4f} "
                f"({metric.linked.engagement.source.cite()})"
            )
            if term.counterfactual_share is not None and term.share < term.counterfactual_share:
                flags.append(
                    Flag(
                        code="contract_linked_below_counterfactual",
                        message=f"Metric {metric.id}: the share expected to achieve it with the "
                        f"programme ({term.share:.4f}) is below the share with no pregnancy for "
                        f"{months} months without it ({term.counterfactual_share:.4f}, at "
                        f"{rate:.4g} births a woman a year): at this birth rate the contract pays "
                        "for outcomes most women would reach anyway.",
                    )
                )
        else:
            assert metric.share_achieving is not None
            how = "given: " + metric.share_achieving.source.cite()
        breakeven = terms_of.breakeven_price(
            contract,
            terms,
            metric=term.id,
            council_share=council_share,
            council_avoidance_gbp=avoidance,
            price_factors=metric_factors,
        )
        metrics.append(
            MetricResult(
                id=metric.id,
                definition=metric.definition,
                price_per_outcome_gbp=metric.price_per_outcome_gbp,
                price_source=metric.price_source,
                price_assumption=metric.price_assumption,
                share_achieving=term.share,
                share_how=how,
                counterfactual_share=term.counterfactual_share,
                repeatable=metric.repeatable,
                outcomes_per_achiever=metric.outcomes_per_achiever,
                pro_rata=metric.pro_rata,
                expected_per_woman_gbp=per_woman,
                expected_uncapped_gbp=uncapped,
                expected_paid_gbp=paid,
                cap_gbp=metric.cap_gbp,
                cap_reached=term.id in expected.metric_cap_reached,
                breakeven_price_gbp=None if breakeven is None or breakeven < 0 else breakeven,
                breakeven_note=_breakeven_note(breakeven, council_share),
            )
        )
        if metric.price_assumption is not None:
            flags.append(
                Flag(
                    code="contract_price_judged",
                    message=f"Metric {metric.id}'s price rests on a judgement: "
                    f"{metric.price_assumption}",
                )
            )
        judged = metric.share_achieving or (metric.linked.engagement if metric.linked else None)
        if judged is not None and judged.assumption is not None:
            flags.append(
                Flag(
                    code="contract_share_judged",
                    message=f"Metric {metric.id}'s share rests on a judgement: {judged.assumption}",
                )
            )
    if len(terms) > 1:
        flags.append(
            Flag(
                code="contract_metrics_independent",
                message="Women are taken to achieve each metric independently of the others (a "
                "judgement): it matters only where a cap per woman applies.",
            )
        )
    payers: list[PayerResult] = []
    by_year: list[PayerYear] = []
    for payer in contract.payers:
        owed = expected.paid_total_gbp * payer.share_of_payments
        payers.append(
            PayerResult(
                name=payer.name,
                kind=payer.kind,
                share_of_payments=payer.share_of_payments,
                committed_maximum_gbp=payer.committed_maximum_gbp,
                expected_paid_gbp=owed,
                above_commitment=owed > payer.committed_maximum_gbp,
                source=payer.source,
            )
        )
        if owed > payer.committed_maximum_gbp:
            flags.append(
                Flag(
                    code="contract_above_commitment",
                    message=f"{payer.name} is expected to pay more than it has committed "
                    f"(£{owed:,.0f} against £{payer.committed_maximum_gbp:,.0f}).",
                )
            )
        if payer.assumption is not None:
            flags.append(
                Flag(
                    code="contract_payer_judged",
                    message=f"{payer.name}'s share rests on a judgement: {payer.assumption}",
                )
            )
        for year, amount in years.items():
            by_year.append(
                PayerYear(
                    payer=payer.name,
                    financial_year=year,
                    paid_gbp=amount * payer.share_of_payments,
                )
            )
    if contract.assumption is not None:
        flags.append(Flag(code="contract_judged", message=contract.assumption))
    direct = case.programme.cost_gbp
    council_paid = prices.real_gbp
    one_base = prices.one_base and (base is None or base.one_base)
    if not one_base:
        flags.append(
            Flag(
                code="contract_prices_mixed",
                message=prices.statement,
            )
        )
    simulation = (
        simulate_contract(
            contract,
            terms,
            council_share=council_share,
            central_share=central_share,
            council_avoidance_gbp=avoidance,
            draws=draws,
            seed=seed,
            price_factor=(prices.real_gbp / prices.cash_gbp if prices.cash_gbp else Decimal(1)),
        )
        if draws
        else None
    )
    return ContractResult(
        scenario=scenario.name,
        council=scenario.council,
        contract=contract.name,
        contract_source=contract.source,
        women=contract.women,
        start=contract.start,
        maximum_gbp=contract.maximum_gbp,
        cap_per_woman_gbp=contract.cap_per_woman_gbp,
        investor_capital_gbp=contract.investor_capital_gbp,
        metrics=metrics,
        payers=payers,
        by_year=by_year,
        expected_uncapped_gbp=expected.uncapped_total_gbp,
        expected_paid_gbp=expected.paid_total_gbp,
        maximum_reached=expected.maximum_reached,
        central_share_of_payments=central_share,
        position=Position(
            council_avoidance_gbp=avoidance,
            horizon_years=scenario.horizon_years,
            contract_council_paid_gbp=council_paid,
            contract_net_gbp=avoidance - council_paid,
            direct_programme_cost_gbp=direct,
            direct_net_gbp=None if direct is None else avoidance - direct,
            contract_council_paid_cash_gbp=prices.cash_gbp,
            price_year=prices.price_year,
            deflator=prices.deflator,
            payment_factors=[CostFactor(period=year, factor=one) for year, one in prices.factors],
            one_base=one_base,
            price_base=prices.statement,
        ),
        simulation=simulation,
        flags=flags,
    )
