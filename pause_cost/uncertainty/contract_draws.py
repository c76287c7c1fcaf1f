"""The contract's Monte Carlo: for each draw, how many women achieve each combination of
metrics (a multinomial over the combinations, shares drawn uniformly over their ranges where
given), every cap applied to that draw's payments. It works in chunks of draws, so memory
stays flat as the draws grow; each spread carries its Monte Carlo standard errors.
"""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np

from pause_cost.core import contract as terms_of
from pause_cost.model.contract import Contract, GivenShare
from pause_cost.results.contracts import ContractSimulation, Spread
from pause_cost.uncertainty import honest

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
    below = f"{honest.bound_when_none(draws):.2g}"  # the honest rule simulate states
    bound = (
        f"none of {draws} draws reached it: the chance is below about {below} (95%)"
        if reached == 0
        else f"every one of {draws} draws reached it: the chance of not is below about "
        f"{below} (95%)"
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
