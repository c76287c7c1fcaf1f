"""``pause-cost contract``: an outcomes contract costed against its scenario's case.

The expected payments come from :mod:`pause_cost.core.contract` (exact); the council's
avoidance from the scenario's estimate (the same engine, tables and flags). The Monte Carlo
draws, for each draw, how many women achieve each combination of metrics (a multinomial over
the combinations, shares drawn uniformly over their ranges where given) and applies every cap
to that draw's payments: it gives the distribution of payments and P(the maximum is reached).
It works in chunks of draws, so memory stays flat as the draws grow.
"""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np

from pause_cost.core import contract as terms_of
from pause_cost.engine import estimate
from pause_cost.model.contract import Contract, GivenShare
from pause_cost.model.inputs import Inputs
from pause_cost.results.contracts import (
    ContractResult,
    ContractSimulation,
    MetricResult,
    PayerResult,
    PayerYear,
    Position,
    Spread,
)
from pause_cost.results.economics import CostFactor
from pause_cost.results.estimate import Flag
from pause_cost.uncertainty import honest
from pause_cost.uncertainty.contract_prices import council_payments

CHUNK = 20_000
"""Draws per chunk: memory holds one chunk's combinations, whatever the number of draws."""


def _given(share: GivenShare) -> tuple[float, float]:
    low = share.low if share.low is not None else share.value
    high = share.high if share.high is not None else share.value
    return float(low), float(high)


def _ranges(contract: Contract, terms: list[terms_of.MetricTerms]) -> list[tuple[float, float]]:
    ranges = []
    for metric, term in zip(contract.metrics, terms, strict=True):
        given = metric.share_achieving if metric.linked is None else metric.linked.engagement
        assert given is not None
        low, high = _given(given)
        kept = float(term.no_pregnancy_on_programme)
        ranges.append((low * kept, high * kept))
    return ranges


def _money(value: float) -> Decimal:
    return Decimal(repr(round(value, 2)))


def _percentile_mcse(values: np.ndarray, probability: float) -> float:
    """Half the distance between the quantiles one binomial standard error either side
    (:func:`pause_cost.uncertainty.honest.percentile_spread`)."""
    lower, upper = honest.percentile_spread(probability, len(values))
    low, high = np.quantile(values, [lower, upper])
    return float(high - low) / 2


def spread(values: np.ndarray) -> Spread:
    """The draws' mean, P5, P50 and P95, to the penny, each with its Monte Carlo standard
    error (the renderers show each figure to the place its error supports)."""
    p5, p50, p95 = np.percentile(values, [5, 50, 95])
    count = len(values)
    sd = float(values.std(ddof=1)) if count > 1 else 0.0
    return Spread(
        mean_gbp=_money(float(values.mean())),
        p5_gbp=_money(float(p5)),
        p50_gbp=_money(float(p50)),
        p95_gbp=_money(float(p95)),
        mean_mcse=_money(sd / math.sqrt(count)),
        p5_mcse=_money(_percentile_mcse(values, 0.05)),
        p50_mcse=_money(_percentile_mcse(values, 0.5)),
        p95_mcse=_money(_percentile_mcse(values, 0.95)),
    )


def simulate_contract(
    contract: Contract,
    terms: list[terms_of.MetricTerms],
    *,
    council_share: Decimal,
    central_share: Decimal,
    council_avoidance_gbp: Decimal,
    draws: int,
    seed: int,
    price_factor: Decimal = Decimal(1),
) -> ContractSimulation:
    """The payments' distribution over ``draws`` draws, every cap applied draw by draw.

    The council's net takes its payments to the savings' price base with ``price_factor``, the
    expected payments' own (their value at the price year over their cash): a draw's payments
    are taken to fall across the years in the expected proportions."""
    rng = np.random.default_rng(seed)
    combos = terms_of.combinations(len(terms))
    achieved = np.array(combos, dtype=bool)  # (combinations, metrics)
    paid = np.array(
        [
            [float(v) for v in terms_of.woman_payments(terms, combo, contract.cap_per_woman_gbp)]
            for combo in combos
        ]
    )
    caps = np.array([np.inf if t.cap_gbp is None else float(t.cap_gbp) for t in terms])
    ranges = np.array(_ranges(contract, terms))
    maximum = float(contract.maximum_gbp)
    totals = np.empty(draws)
    reached = 0
    done = 0
    while done < draws:
        size = min(CHUNK, draws - done)
        shares = rng.uniform(ranges[:, 0], ranges[:, 1], size=(size, len(terms)))
        chance = np.where(achieved[None, :, :], shares[:, None, :], 1 - shares[:, None, :]).prod(
            axis=2
        )
        chance = np.clip(chance, 0, None)
        chance /= chance.sum(axis=1, keepdims=True)
        counts = rng.multinomial(contract.women, chance)
        by_metric = np.minimum(counts @ paid, caps)
        total = by_metric.sum(axis=1)
        reached += int((total >= maximum).sum())
        totals[done : done + size] = np.minimum(total, maximum)
        done += size

    council = totals * float(council_share)
    share = Decimal(reached) / Decimal(draws)
    bound = (
        f"none of {draws} draws reached it: the chance is below about {3 / draws:.2g} (95%)"
        if reached == 0
        else f"every one of {draws} draws reached it: the chance of not is below about "
        f"{3 / draws:.2g} (95%)"
        if reached == draws
        else f"{reached} of {draws} draws"
    )
    return ContractSimulation(
        draws=draws,
        seed=seed,
        numpy=np.__version__,
        bit_generator=type(rng.bit_generator).__name__,
        total_paid=spread(totals),
        council_paid=spread(council),
        central_paid=spread(totals * float(central_share)),
        council_net=spread(float(council_avoidance_gbp) - council * float(price_factor)),
        council_net_price_factor=price_factor,
        maximum_reached_share=share,
        maximum_reached_bound=bound,
    )


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
