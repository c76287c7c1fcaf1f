"""What a committee pack holds: an estimate and the analyses run with it, and the words a
councillor reads first. The pack computes nothing: every figure is the engine's.

Each writer (:mod:`.markdown`, :mod:`.html`, :mod:`.xlsx`) lays the same pack out; a section an
analysis was not run for is left out, never shown empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pause_cost.model.labels import outcome_label
from pause_cost.money import plain, round_half_up
from pause_cost.render.labels import prices_label
from pause_cost.render.sentences import quoted_money
from pause_cost.results.contracts import ContractResult
from pause_cost.results.estimate import Estimate
from pause_cost.results.headline import Headline
from pause_cost.results.options import Acceptability, OptionsAppraisal
from pause_cost.results.uncertainty import BreakEven, InputRange, Simulation, Tornado
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


def headline(
    estimate: Estimate, simulation: Simulation | None = None, tornado: Tornado | None = None
) -> str:
    """One paragraph a councillor can read: births, avoidance, net, return and payback, rounded
    as a reader quotes them (three significant figures, or the nearest £1,000; the exact figures
    are in the workbook, JSON and CSV); the price base, year 0 and the range where a simulation
    ran; whose costs it counts; and, in the same paragraph, what it rests on: the judged or
    second-hand inputs that drive it by name (largest swing first where the sensitivity ran,
    else largest share of the spread where the Monte Carlo did, else the judged lines)."""
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
        f"{'year' if estimate.immediate.years == 1 else f'{estimate.immediate.years} years'}"
    )
    view = estimate.economics.headline
    if view is not None and view.coverage is not None:
        text += f", {view.coverage}"
    text += "."
    programme = estimate.programme
    funder = view is not None and view.view_kind == "funder"
    if funder and view is not None and programme.cost_gbp is not None:
        text += _funder_view(view, programme.cost_gbp)
    if programme.cost_gbp is not None and programme.net_gbp is not None:
        text += (
            " Against the whole cost, the council's avoidance leaves "
            f"{quoted_money(programme.net_gbp)} net"
            if funder
            else f" The programme costs {quoted_money(programme.cost_gbp)}, leaving "
            f"{quoted_money(programme.net_gbp)} net"
        )
        if programme.return_per_pound is not None and not funder:
            per_pound = f"£{round_half_up(programme.return_per_pound, 2):,.2f}"
            text += (
                f": {per_pound} of the council's cost avoided per £1 of the whole programme cost"
            )
        calendar = estimate.economics.calendar
        if calendar is not None and calendar.payback_financial_year is not None:
            text += f", paying back in {calendar.payback_financial_year}"
        base = estimate.economics.price_base
        if base is not None and not base.one_base:
            text += (
                " (prices mixed: the cost is not in the unit costs' prices, so net and the ratio "
                "set one against the other as given)"
            )
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
        npv, whose = appraisal.npv_gbp, "its"
        if view is not None and view.view_kind == "funder" and view.npv_gbp is not None:
            npv, whose = view.npv_gbp, f"{view.view}'s"
        text += (
            f" At {rates} {whose} net present value is "
            f"{quoted_money(npv)} (year 0: {appraisal.year_zero})."
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
    base = estimate.economics.price_base
    if base is not None:
        # The programme cost's prices as well as the unit costs': one statement of both.
        text += f" Prices: {base.statement.rstrip('.')}; unit costs {prices_label(estimate)}."
    else:
        text += f" Prices: {prices_label(estimate)}."
    perspective = "These figures count the council's own costs, cashable and internal"
    if horizon.other_agencies_gbp:
        perspective += (
            f"; other agencies' {quoted_money(horizon.other_agencies_gbp)} is reported apart, "
            "never added"
        )
    text += f" {perspective}."
    caveats = _caveats(estimate, simulation, tornado)
    if caveats:
        text += " They rest on " + _joined(caveats) + "."
    driving = _driving(estimate, simulation, tornado)
    if driving is None and tornado is None and simulation is None:
        driving = _judged_lines(estimate)
    if driving is not None:
        text += f" {driving}"
    return text


MOST = 3
"""The judged or second-hand inputs a headline names at most (the rest counted)."""


def _second_hand(estimate: Estimate) -> set[str]:
    """The inputs whose point value is second-hand, by path."""
    source = estimate.programme.source
    if source is not None and source.note and "second-hand" in source.note.lower():
        return {"programme_cost.total_gbp"}
    return set()


def _named(names: list[str]) -> str:
    """Names that may hold commas, told apart by semicolons: 'a; b; and 2 more'."""
    shown = names[:MOST]
    if len(names) > MOST:
        shown.append(f"{len(names) - MOST} more")
    if len(shown) == 1:
        return shown[0]
    return "; ".join(shown[:-1]) + "; and " + shown[-1]


def _driving(
    estimate: Estimate, simulation: Simulation | None, tornado: Tornado | None
) -> str | None:
    """The judged or second-hand inputs that move the figures most, by name, from the analysis
    that measured it: the tornado's swings, else the Monte Carlo's drivers."""
    second = _second_hand(estimate)
    ranges: list[InputRange]
    if tornado is not None:
        ranges = [swing.range for swing in tornado.swings]
        how = "largest swing first"
    elif simulation is not None:
        ranges = [driver.range for driver in simulation.drivers]
        how = "largest share of the simulated spread first"
    else:
        return None
    words = []
    for found in ranges:
        label = (found.label or found.input)[:1].lower() + (found.label or found.input)[1:]
        if found.basis == "judgement":
            words.append(f"{label} (a judged range)")
        elif found.input in second:
            words.append(f"{label} (second-hand)")
    if not words:
        return None
    return f"The judged or second-hand inputs that drive it most ({how}) are: {_named(words)}."


def _caveats(
    estimate: Estimate, simulation: Simulation | None, tornado: Tornado | None = None
) -> list[str]:
    """What the headline rests on, from the estimate's own flags and sources, and the judged or
    second-hand inputs that drive it, by name."""
    codes = {flag.code: flag for flag in estimate.flags}
    found = []
    if "removal_share_assumed" in codes:
        found.append("every avoided birth being a child who would have been removed into care")
    if "assumption" in codes:
        count = len(codes["assumption"].lines)
        # A line's assumption may be how a published figure was split or spread, not the
        # figure itself (the evidence grades judge the figure's source): say what it is.
        found.append(
            f"{count} unit cost{'s' if count != 1 else ''} that rest on an assumption "
            f"({'each' if count != 1 else 'its'} line says which)"
        )
    if _second_hand(estimate):
        found.append("a programme cost taken second-hand")
    return found


def _judged_lines(estimate: Estimate) -> str | None:
    """The judged lines by name, where no analysis measured what drives the figures."""
    flag = next((flag for flag in estimate.flags if flag.code == "assumption"), None)
    if flag is None:
        return None
    judged = set(flag.lines)
    items = [
        line.item[:1].lower() + line.item[1:]
        for line in estimate.lines
        if f"{line.table}/{line.id}" in judged
    ]
    return f"The unit costs resting on an assumption are: {_named(items)}." if items else None


def _funder_view(view: Headline, total: Decimal) -> str:
    """The named funder's own position: its share of the cost against what it avoids."""
    if view.cost_gbp is None or view.net_gbp is None:
        return ""
    said = (
        f" The programme costs {quoted_money(total)}; from {view.view}'s view, it pays "
        f"{quoted_money(view.cost_gbp)} (its share) and avoids {quoted_money(view.avoided_gbp)}"
        f" of cost, leaving it {quoted_money(view.net_gbp)} net"
    )
    if view.return_per_pound is not None:
        said += f": £{round_half_up(view.return_per_pound, 2):,.2f} avoided for each £1 it pays"
    return said + "."


def _joined(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return "; ".join(items[:-1]) + "; and " + items[-1]
