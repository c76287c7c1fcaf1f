"""What a committee pack holds: an estimate and the analyses run with it, and the words a
councillor reads first. The pack computes nothing: every figure is the engine's.

Each writer (:mod:`.markdown`, :mod:`.html`, :mod:`.xlsx`) lays the same pack out; a section an
analysis was not run for is left out, never shown empty.
"""

from __future__ import annotations

from dataclasses import dataclass

from pause_cost.model.labels import outcome_label
from pause_cost.money import plain, round_half_up
from pause_cost.render.labels import prices_label
from pause_cost.render.sentences import quoted_money
from pause_cost.results.contracts import ContractResult
from pause_cost.results.estimate import Estimate
from pause_cost.results.options import Acceptability, OptionsAppraisal
from pause_cost.results.uncertainty import BreakEven, Simulation, Tornado
from pause_cost.results.workbook import Layout

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
    contract: ContractResult | None = None
    """The scenario's outcomes contract, costed, where the scenario has a ``contract`` section."""
    date: str | None = None
    """Printed only where given (``--date``), so the same inputs give the same bytes."""
    layout: Layout | None = None
    """The compiled case's weights, so the workbook writes the cash flow as formulas."""

    @property
    def title(self) -> str:
        scenario = self.estimate.scenario
        return scenario.title or scenario.name


def headline(estimate: Estimate, simulation: Simulation | None = None) -> str:
    """One paragraph a councillor can read: births, avoidance, net, return and payback, rounded
    as a reader quotes them (three significant figures, or the nearest £1,000; the exact figures
    are in the workbook, JSON and CSV); the price base, year 0 and the range where a simulation
    ran; whose costs it counts; and, in the same paragraph, what it rests on."""
    scenario = estimate.scenario
    births = estimate.avoided_births
    horizon = estimate.horizon
    women = f"{scenario.women_open} women"
    if len(estimate.economics.cohorts) > 1:
        women += f" in {len(estimate.economics.cohorts)} cohorts"
    text = (
        f"Working with {women}, the practice is estimated to avoid "
        f"{plain(round_half_up(births.counted, 2))} births. Over {horizon.years} years after "
        f"each avoided birth this avoids {quoted_money(horizon.total_gbp)} of cost to "
        f"{scenario.council} ({quoted_money(horizon.cashable_gbp)} cashable, "
        f"{quoted_money(horizon.internal_gbp)} internal), "
        f"{quoted_money(estimate.immediate.total_gbp)} of it in the first "
        f"{'year' if estimate.immediate.years == 1 else f'{estimate.immediate.years} years'}."
    )
    programme = estimate.programme
    if programme.cost_gbp is not None and programme.net_gbp is not None:
        text += (
            f" The programme costs {quoted_money(programme.cost_gbp)}, leaving "
            f"{quoted_money(programme.net_gbp)} net"
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
        text += (
            f" At {rates} its net present value is "
            f"{quoted_money(appraisal.npv_gbp)} (year 0: {appraisal.year_zero})."
        )
    if simulation is not None:
        summary = next((s for s in simulation.outcomes if s.outcome == simulation.outcome), None)
        if summary is not None:
            named = outcome_label(simulation.outcome).text.lower()
            text += (
                f" In 90 of 100 simulated cases the {named} lies between "
                f"{quoted_money(summary.p5)} and {quoted_money(summary.p95)} "
                f"({simulation.draws:,} draws, seed {simulation.seed})."
            )
    text += f" Prices: {prices_label(estimate)}."
    perspective = "These figures count the council's own costs, cashable and internal"
    if horizon.other_agencies_gbp:
        perspective += (
            f"; other agencies' {quoted_money(horizon.other_agencies_gbp)} is reported apart, "
            "never added"
        )
    text += f" {perspective}."
    caveats = _caveats(estimate, simulation)
    if caveats:
        text += " They rest on " + _joined(caveats) + "."
    return text


def _caveats(estimate: Estimate, simulation: Simulation | None) -> list[str]:
    """What the headline rests on, from the estimate's own flags and sources."""
    codes = {flag.code: flag for flag in estimate.flags}
    found = []
    if "removal_share_assumed" in codes:
        found.append("every avoided birth being a child who would have been removed into care")
    if "assumption" in codes:
        count = len(codes["assumption"].lines)
        found.append(
            f"{count} unit cost{'s' if count != 1 else ''} that are judgements, "
            "not published figures"
        )
    for table in estimate.tables:
        if table.coverage is not None and table.coverage.left_out:
            parts = len(table.coverage.left_out)
            found.append(
                f"{table.name}, a table that by its own account leaves out {parts} part"
                f"{'s' if parts != 1 else ''} of a child's journey"
            )
    source = estimate.programme.source
    if source is not None and source.note and "second-hand" in source.note.lower():
        found.append("a programme cost taken second-hand")
    if simulation is not None:
        judged = [
            d.range.label or d.range.input
            for d in simulation.drivers
            if d.range.basis == "judgement"
        ]
        if judged:
            found.append(f"judged ranges for {len(judged)} of the inputs drawn")
    return found


def _joined(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return "; ".join(items[:-1]) + "; and " + items[-1]
