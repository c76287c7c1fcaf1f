"""The estimate beside the figures a report published for the same scenario."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from pause_cost.errors import InputError, Problem
from pause_cost.model.base import Source
from pause_cost.model.scenario import Claim, Published
from pause_cost.money import round_half_up, to_decimal
from pause_cost.results.economics import Calendar, CashYear
from pause_cost.results.estimate import (
    Amounts,
    AvoidedBirths,
    LineResult,
    PublishedCheck,
    PublishedComparison,
    YearAmounts,
)


def check_published(
    published: Published | None,
    births: AvoidedBirths,
    immediate: Amounts,
    horizon: Amounts,
    by_year: Sequence[YearAmounts] = (),
    calendar: Calendar | None = None,
    scenario: str = "scenario",
    lines: Sequence[LineResult] = (),
    estimate_year: str | None = None,
) -> PublishedComparison | None:
    """Each published figure, ours beside it, and the difference at the published precision.

    Ours is rounded as the report rounds (whole pounds, whole births) before subtracting, so a
    reproduction to the pound shows a difference of 0, not of pennies. Like is compared with
    like: the published sums of money are in ``published.price_year`` (omitted: the unit
    costs' own, where the lines state one). Where the estimate is in another price year
    (``estimate_year``), each estimated sum is divided by the one factor that uprated the lines
    stated in the published year; with no one such factor, the sums of money are not compared
    (an inflation gap is no difference), and ``prices`` says why.
    """
    if published is None:
        return None
    found = _published_prices(published, births, immediate, horizon, by_year, calendar, scenario)
    own = sorted({line.price_year for line in lines})
    price_year = published.price_year or (own[0] if len(own) == 1 else None)
    if price_year is None or estimate_year is None or price_year == estimate_year:
        return replace(found, price_year=price_year)
    # Lines stated in the published figures' price year were uprated by exactly the factor
    # that brings that year to the estimate's: one such factor undoes the uprating.
    factors = {line.uprating_factor for line in lines if line.price_year == price_year}
    indices = {line.price_index for line in lines if line.price_year == price_year}
    if len(factors) != 1:
        return replace(
            found,
            checks=[check for check in found.checks if check.figure == "avoided_births"],
            price_year=price_year,
            prices=f"The published sums of money (in {price_year} prices) are not compared "
            f"with the estimate's ({estimate_year} prices): no one factor of the lines' "
            "indices brings one year to the other, and a gap between price years is "
            "inflation, not a difference.",
        )
    (factor,) = factors
    checks = [
        check
        if check.figure == "avoided_births"
        else _check(check.figure, check.published, check.estimated / factor, check.source)
        for check in found.checks
    ]
    return replace(
        found,
        checks=checks,
        price_year=price_year,
        deflated_by=factor,
        prices=f"Compared in {price_year} prices, the published figures': each estimated "
        f"sum in {estimate_year} prices divided by {round_half_up(factor, 4)}, the factor "
        f"that uprated the lines ({', '.join(sorted(str(i) for i in indices))}).",
    )


def _published_prices(
    published: Published,
    births: AvoidedBirths,
    immediate: Amounts,
    horizon: Amounts,
    by_year: Sequence[YearAmounts],
    calendar: Calendar | None,
    scenario: str,
) -> PublishedComparison:
    ours: dict[str, Decimal] = {
        "avoided_births": births.counted,
        "immediate_cashable_gbp": immediate.cashable_gbp,
        "immediate_internal_gbp": immediate.internal_gbp,
        "immediate_total_gbp": immediate.total_gbp,
        "horizon_cashable_gbp": horizon.cashable_gbp,
        "horizon_internal_gbp": horizon.internal_gbp,
        "horizon_total_gbp": horizon.total_gbp,
    }
    checks = []
    for figure, estimated in ours.items():
        value = getattr(published, figure)
        if value is None:
            continue
        checks.append(_check(figure, to_decimal(value), estimated))
    for index, claim in enumerate(published.claims or []):
        figure, estimated = _on_terms(claim, index, by_year, calendar, scenario)
        check = _check(figure, to_decimal(claim.gbp), estimated)
        checks.append(replace(check, source=claim.source) if claim.source else check)
    return PublishedComparison(source=published.source, checks=checks)


def _check(
    figure: str, given: Decimal, estimated: Decimal, source: Source | None = None
) -> PublishedCheck:
    places = max(0, -int(given.as_tuple().exponent))
    return PublishedCheck(
        figure=figure,
        published=given,
        estimated=estimated,
        difference=round_half_up(estimated, places) - given,
        source=source,
    )


def claim_figure(claim: Claim) -> str:
    """The claim's terms as a figure name: stream, basis, perspective, then its horizon."""
    if claim.years is not None:
        span = f"years_1_to_{claim.years}"
    else:
        span = f"{claim.first_financial_year}_to_{claim.last_financial_year}"
    return f"claim_{claim.stream}_{claim.basis}_{claim.perspective}_{span}_gbp"


def _on_terms(
    claim: Claim,
    index: int,
    by_year: Sequence[YearAmounts],
    calendar: Calendar | None,
    scenario: str,
) -> tuple[str, Decimal]:
    """The estimate's figure on the claim's terms, summed over the claim's years."""
    years: Sequence[YearAmounts] | Sequence[CashYear]
    if claim.years is not None:
        years = by_year[: claim.years]
    else:
        span = [year.financial_year for year in calendar.years] if calendar else []
        first, last = claim.first_financial_year, claim.last_financial_year
        outside = [
            (key, year)
            for key, year in (("first_financial_year", first), ("last_financial_year", last))
            if year not in span
        ]
        if outside:
            runs = f"{span[0]} to {span[-1]}" if span else "no financial years"
            raise InputError(
                [
                    Problem(
                        scenario,
                        key=f"published.claims.{index}.{key}",
                        message=f"{year} is outside the calendar, which runs {runs}; "
                        f"allowed: a window within {runs}",
                    )
                    for key, year in outside
                ]
            )
        years = [year for year in calendar.years if first <= year.financial_year <= last]  # type: ignore[union-attr,operator]
    total = Decimal(0)
    for year in years:
        amount: Decimal = getattr(year, f"{claim.stream}_gbp")
        if claim.perspective == "council_and_others":
            amount += year.other_agencies_gbp
        if claim.basis == "net":
            amount -= year.programme_cost_gbp
        total += amount
    return claim_figure(claim), total
