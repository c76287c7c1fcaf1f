"""Expected payments under an outcomes contract, exactly (pure: no I/O, no numpy).

How a contract is costed, written once:

* Each woman achieves metric m with probability p_m, independently of the other metrics (a
  judgement the outputs state). A woman who achieves it is paid price x outcomes per achiever;
  one who does not is paid that times the pro-rata fraction, where the contract has a pro-rata
  rule (else nothing).
* The cap per woman is applied to each combination of metrics a woman may achieve, paying her
  metrics in the order they fall due until the cap is reached; the expected payment per woman
  per metric sums those capped payments over the combinations, weighted by their probability.
* Women start evenly over the enrolment months; a metric's payment falls
  ``paid_months_after_engagement`` months after a woman starts, or, for a repeatable metric
  with ``paid_every_months``, one outcome at a time from then, that many months apart (the
  expected amount split evenly over the instalments).
* The cap per metric, then the contract's maximum, are applied to the expected payments in
  the order they fall due (month by month; within a month, in the contract's metric order):
  what falls after a cap is reached is not paid. (Applied to expected amounts, this is what the
  contract pays if outcomes come in as expected; the Monte Carlo applies caps draw by draw.)
* Each payment is shared among the payers by their shares; financial years run April to March.

A metric linked to the model ("no pregnancy for N months") takes its share from the scenario:
its avoided births count every woman open as having no birth in the programme window, that is
no conception in the programme months, so on the model's own terms the share achieving is the
share completing the engagement the metric asks for. What the scenario's birth rate adds is
the counterfactual: with births as a Poisson process at that rate, exp(-rate x N / 12) of the
women would have had no pregnancy for N months without the programme, the metric's
deadweight (a judgement about the process, stated as such).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from itertools import product

from pause_cost.errors import PauseCostError
from pause_cost.model.contract import Contract, Metric
from pause_cost.model.month import Month

ZERO = Decimal(0)


def financial_year_of(month: Month) -> str:
    """The April-to-March financial year a month falls in: 2020-03 is 2019/20."""
    first = month.year if month.month >= 4 else month.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


class ContractError(PauseCostError):
    """The contract cannot be costed against this scenario (the message says why)."""


@dataclass(frozen=True, slots=True)
class MetricTerms:
    """A metric reduced to the numbers the formulas use."""

    id: str
    share: Decimal
    paid_if_achieved_gbp: Decimal
    pro_rata_fraction: Decimal
    paid_month: int
    instalments: int
    """Payments the metric's amount is split into, ``every`` months apart (1: paid at once)."""
    every: int
    cap_gbp: Decimal | None
    linked: bool
    counterfactual_share: Decimal | None
    """Linked metrics: the share who would have achieved it without the programme."""
    no_pregnancy_on_programme: Decimal = Decimal(1)
    """Linked metrics: the share of engaged women with no pregnancy in the months named."""


def metric_terms(
    metric: Metric,
    *,
    birth_rate: Decimal,
    programme_months: Decimal,
    share: Decimal | None = None,
    residual: Decimal = ZERO,
) -> MetricTerms:
    """A metric's terms; ``share`` replaces the metric's own (a Monte Carlo draw, a what-if).

    A linked metric (engagement and no pregnancy for T months) follows from the birth rate r:
    without the programme exp(-r x T / 12) of women have no birth-leading pregnancy in T months;
    on it, the pregnancies left are ``residual`` (the births observed on the programme over
    those expected without it, 0 where none is observed: the model takes every birth in the
    window as avoided), so 1 - (1 - exp(-r x T / 12)) x residual have none, and the share
    achieving is the engagement share times that."""
    counterfactual: Decimal | None = None
    kept = Decimal(1)
    if metric.linked is not None:
        months = metric.linked.no_pregnancy_months
        if months > programme_months:
            raise ContractError(
                f"metric {metric.id}: no pregnancy for {months} months goes beyond the "
                f"programme's {programme_months} months, which is all the model says about "
                "pregnancy: give share_achieving instead"
            )
        counterfactual = (-birth_rate * Decimal(months) / 12).exp()
        kept = 1 - (1 - counterfactual) * min(max(residual, ZERO), Decimal(1))
        own = metric.linked.engagement.value * kept
    else:
        assert metric.share_achieving is not None
        own = metric.share_achieving.value
    fraction = metric.pro_rata_fraction.value if metric.pro_rata_fraction is not None else ZERO
    return MetricTerms(
        id=metric.id,
        share=own if share is None else share,
        paid_if_achieved_gbp=metric.price_per_outcome_gbp * metric.outcomes_per_achiever,
        pro_rata_fraction=fraction,
        paid_month=metric.paid_months_after_engagement,
        instalments=1 if metric.paid_every_months is None else int(metric.outcomes_per_achiever),
        every=metric.paid_every_months or 1,
        cap_gbp=metric.cap_gbp,
        linked=metric.linked is not None,
        counterfactual_share=counterfactual,
        no_pregnancy_on_programme=kept,
    )


def woman_payments(
    terms: Sequence[MetricTerms], achieved: Sequence[bool], cap_per_woman: Decimal | None
) -> list[Decimal]:
    """What one woman is paid on each metric, given which she achieves, after her cap (her
    metrics paid in the order they fall due, then the contract's order)."""
    due = [
        term.paid_if_achieved_gbp * (1 if got else term.pro_rata_fraction)
        for term, got in zip(terms, achieved, strict=True)
    ]
    if cap_per_woman is None:
        return due
    left = cap_per_woman
    paid = [ZERO] * len(due)
    for index in sorted(range(len(terms)), key=lambda i: (terms[i].paid_month, i)):
        paid[index] = min(due[index], left)
        left -= paid[index]
    return paid


def combinations(count: int) -> list[tuple[bool, ...]]:
    """Every combination of metrics a woman may achieve, in a fixed order."""
    return list(product((True, False), repeat=count))


def expected_per_woman(
    terms: Sequence[MetricTerms], cap_per_woman: Decimal | None
) -> list[Decimal]:
    """The expected payment per woman on each metric, her cap applied combination by
    combination (metrics achieved independently)."""
    expected = [Fraction(0)] * len(terms)
    for achieved in combinations(len(terms)):
        chance = Fraction(1)
        for term, got in zip(terms, achieved, strict=True):
            chance *= Fraction(term.share) if got else 1 - Fraction(term.share)
        if chance == 0:
            continue
        for index, paid in enumerate(woman_payments(terms, achieved, cap_per_woman)):
            expected[index] += chance * Fraction(paid)
    return [Decimal(value.numerator) / Decimal(value.denominator) for value in expected]


@dataclass(frozen=True, slots=True)
class Payment:
    """An expected payment on one metric in one month, before and after the caps."""

    metric: str
    month: Month
    uncapped_gbp: Decimal
    paid_gbp: Decimal


@dataclass(frozen=True, slots=True)
class Expected:
    """What the contract is expected to pay."""

    terms: list[MetricTerms]
    per_woman_gbp: list[Decimal]
    payments: list[Payment]
    uncapped_total_gbp: Decimal
    paid_total_gbp: Decimal
    metric_cap_reached: list[str]
    maximum_reached: bool


def expected_payments(contract: Contract, terms: Sequence[MetricTerms]) -> Expected:
    """The contract's expected payments, month by month, after every cap."""
    per_woman = expected_per_woman(terms, contract.cap_per_woman_gbp)
    start = Month.parse(contract.start)
    women_a_month = Decimal(contract.women) / Decimal(contract.enrolment_months)
    due: list[tuple[int, int, Decimal]] = []
    for index, term in enumerate(terms):
        share = women_a_month * per_woman[index] / term.instalments
        for offset in range(contract.enrolment_months):
            for instalment in range(term.instalments):
                due.append((offset + term.paid_month + instalment * term.every, index, share))
    due.sort(key=lambda item: (item[0], item[1]))
    by_metric = [ZERO] * len(terms)
    total = ZERO
    uncapped_total = ZERO
    payments: list[Payment] = []
    for month_offset, index, amount in due:
        uncapped_total += amount
        paid = amount
        cap = terms[index].cap_gbp
        if cap is not None:
            paid = min(paid, cap - by_metric[index])
        paid = max(ZERO, min(paid, contract.maximum_gbp - total))
        by_metric[index] += paid
        total += paid
        payments.append(Payment(terms[index].id, start.plus(month_offset), amount, paid))
    reached = [
        term.id
        for term, paid in zip(terms, by_metric, strict=True)
        if term.cap_gbp is not None and paid >= term.cap_gbp
    ]
    return Expected(
        terms=list(terms),
        per_woman_gbp=per_woman,
        payments=payments,
        uncapped_total_gbp=uncapped_total,
        paid_total_gbp=total,
        metric_cap_reached=reached,
        maximum_reached=total >= contract.maximum_gbp,
    )


def by_financial_year(payments: Sequence[Payment]) -> dict[str, Decimal]:
    """Payments summed by financial year, in time order."""
    years: dict[str, Decimal] = {}
    for payment in payments:
        year = financial_year_of(payment.month)
        years[year] = years.get(year, ZERO) + payment.paid_gbp
    return dict(sorted(years.items()))


def outcome_equivalents(contract: Contract, term: MetricTerms) -> Decimal:
    """Expected full prices paid on a metric, before caps: women x outcomes x (share + (1 -
    share) x pro-rata fraction), in units of the price per outcome."""
    metric = next(metric for metric in contract.metrics if metric.id == term.id)
    achieved = term.share + (1 - term.share) * term.pro_rata_fraction
    return Decimal(contract.women) * metric.outcomes_per_achiever * achieved


def breakeven_price(
    contract: Contract,
    terms: Sequence[MetricTerms],
    *,
    metric: str,
    council_share: Decimal,
    council_avoidance_gbp: Decimal,
    price_factors: Mapping[str, Decimal] | None = None,
) -> Decimal | None:
    """The price per outcome on ``metric`` at which the council's expected payments equal the
    avoidance that falls to it, the other metrics at their prices, before caps (a cap only
    lowers payments, so with caps the council breaks even at this price or above). None if the
    council pays no share or the metric is never paid.

    ``price_factors`` (per metric) bring each metric's cash payments to the avoidance's price
    base: council share x sum of (outcomes x price x factor) = avoidance, solved for the price
    (a cash price per outcome). The result may be negative: the other metrics alone cost the
    council more than it avoids, and no price breaks even."""
    factors = price_factors or {}
    target = next(term for term in terms if term.id == metric)
    units = outcome_equivalents(contract, target)
    if council_share == 0 or units == 0:
        return None
    others = sum(
        (
            outcome_equivalents(contract, term)
            * next(m.price_per_outcome_gbp for m in contract.metrics if m.id == term.id)
            * factors.get(term.id, Decimal(1))
            for term in terms
            if term.id != metric
        ),
        ZERO,
    )
    return (council_avoidance_gbp / council_share - others) / (
        units * factors.get(metric, Decimal(1))
    )
