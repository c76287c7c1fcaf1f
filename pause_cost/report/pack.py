"""What a committee pack holds: an estimate and the analyses run with it, and the words a
councillor reads first. The pack computes nothing: every figure is the engine's.

Each writer (:mod:`.markdown`, :mod:`.html`, :mod:`.xlsx`) lays the same pack out; a section an
analysis was not run for is left out, never shown empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from pause_cost.money import plain, round_half_up, whole_pounds
from pause_cost.results.estimate import Estimate
from pause_cost.results.options import Acceptability, OptionsAppraisal
from pause_cost.results.uncertainty import BreakEven, Simulation, Tornado

GREEN_BOOK = "green-book-discount-rates"
"""The shipped schedule's name: only it is called the Green Book's in the headline."""


@dataclass(frozen=True)
class Pack:
    """An estimate with whatever analyses were run for it, and the date to print (if any)."""

    estimate: Estimate
    tornado: Tornado | None = None
    breakeven: BreakEven | None = None
    simulation: Simulation | None = None
    options: OptionsAppraisal | None = None
    acceptability: Acceptability | None = None
    date: str | None = None
    """Printed only where given (``--date``), so the same inputs give the same bytes."""

    @property
    def title(self) -> str:
        scenario = self.estimate.scenario
        return scenario.title or scenario.name


def headline(estimate: Estimate) -> str:
    """One paragraph a councillor can read: births, avoidance, net, return and payback."""
    scenario = estimate.scenario
    births = estimate.avoided_births
    horizon = estimate.horizon
    women = f"{scenario.women_open} women"
    if len(estimate.economics.cohorts) > 1:
        women += f" in {len(estimate.economics.cohorts)} cohorts"
    text = (
        f"Working with {women}, the practice is estimated to avoid "
        f"{plain(round_half_up(births.counted, 2))} births. Over {horizon.years} years after "
        f"each avoided birth this avoids {whole_pounds(horizon.total_gbp)} of cost to "
        f"{scenario.council} ({whole_pounds(horizon.cashable_gbp)} cashable, "
        f"{whole_pounds(horizon.internal_gbp)} internal), "
        f"{whole_pounds(estimate.immediate.total_gbp)} of it in the first "
        f"{'year' if estimate.immediate.years == 1 else f'{estimate.immediate.years} years'}."
    )
    if horizon.other_agencies_gbp:
        text += f" Other agencies avoid a further {whole_pounds(horizon.other_agencies_gbp)}."
    programme = estimate.programme
    if programme.cost_gbp is not None and programme.net_gbp is not None:
        text += (
            f" The programme costs {whole_pounds(programme.cost_gbp)}, leaving "
            f"{whole_pounds(programme.net_gbp)} net"
        )
        if programme.return_per_pound is not None:
            per_pound = f"£{round_half_up(programme.return_per_pound, 2):,.2f}"
            text += f": {per_pound} avoided for each £1 spent"
        calendar = estimate.economics.calendar
        if calendar is not None and calendar.payback_financial_year is not None:
            text += f", paying back in {calendar.payback_financial_year}"
        text += "."
    else:
        text += " No programme cost is given: these are gross figures."
    appraisal = estimate.economics.appraisal
    if appraisal is not None and appraisal.bcr is not None:
        rates = (
            "the Green Book's discount rates"
            if appraisal.schedule == GREEN_BOOK
            else f"the discount rates of {appraisal.schedule_title}"
        )
        text += f" At {rates} its net present value is {whole_pounds(appraisal.npv_gbp)}."
    return text
