"""``pause-cost national``: a nation's case from its parts, with its ranges.

The cost of one avoided birth comes from the costing scenario's estimate (the shipped tables,
the same engine): its horizon total over its avoided births. The Monte Carlo draws each ranged
figure uniformly over its range (the ranges are judgements, flagged) in chunks, and the
drivers are each figure's one-way swing, the others held at their values.
"""

from __future__ import annotations

from decimal import Decimal

import numpy as np

from pause_cost.core import national as formulas
from pause_cost.core.prices import factor
from pause_cost.engine import estimate
from pause_cost.errors import InputError
from pause_cost.model.inputs import Inputs
from pause_cost.model.national import Figure, NationalCase
from pause_cost.results.estimate import Estimate, Flag
from pause_cost.results.national import Driver, NationalResult, NationalSimulation, Row
from pause_cost.uncertainty.contract_draws import spread

CHUNK = 100_000
RANGED = (
    "fewer_infants_per_area_per_year",
    "areas",
    "women_per_area_per_year",
    "cost_per_woman_gbp",
)


def _kind(figure: Figure) -> str:
    kind = "derived" if figure.derivation is not None else "published"
    if figure.assumption is not None:
        return f"{kind}, range judged" if figure.low is not None else "judged"
    return kind


def _row(name: str, figure: Figure, unit: str) -> Row:
    return Row(
        figure=name,
        value=figure.value,
        unit=unit,
        kind=_kind(figure),
        source=figure.source,
        derivation=figure.derivation or figure.assumption,
    )


def _computed(name: str, value: Decimal, unit: str, derivation: str) -> Row:
    return Row(
        figure=name, value=value, unit=unit, kind="derived", source=None, derivation=derivation
    )


def cost_national(
    case: NationalCase, costing: Inputs | None, *, draws: int, seed: int
) -> NationalResult:
    """The national table: each part, the area route, the per-woman route and the ranges."""
    rows: list[Row] = []
    flags: list[Flag] = []
    units = {
        "fewer_infants_per_area_per_year": "infants a year",
        "areas": "areas",
        "published_national_reduction_per_year": "children a year",
        "women_per_area_per_year": "women a year",
        "cost_per_woman_gbp": "GBP a woman",
        "newborns_in_proceedings_per_year": "newborns a year",
        "subsequent_infant_share_of_newborns_in_proceedings": "share of newborns in proceedings",
        "mothers_returning_to_court_share": "probability a mother returns",
        "repeat_mother_share_of_care_applications": "share of care applications",
        "infants_under_one_starting_care_per_year": "children a year",
        "children_starting_care_per_year": "children a year",
        "infants_entering_care_before_one_share": "share of infants",
    }
    for name, unit in units.items():
        figure = getattr(case, name)
        if figure is not None:
            rows.append(_row(name, figure, unit))
            if figure.assumption is not None:
                flags.append(Flag(code="national_judged", message=f"{name}: {figure.assumption}"))
    reproduces: bool | None = None
    simulation: NationalSimulation | None = None
    effect, areas = case.fewer_infants_per_area_per_year, case.areas
    women, per_woman = case.women_per_area_per_year, case.cost_per_woman_gbp
    if (
        costing is not None
        and effect is not None
        and areas is not None
        and women is not None
        and per_woman is not None
    ):
        estimated = estimate(*costing)
        avoided = estimated.avoided_births
        births = avoided.costed if avoided.costed is not None else avoided.counted
        per_birth = estimated.horizon.total_gbp / births
        horizon = costing.scenario.horizon_years
        rows.append(
            _computed(
                "cost_per_avoided_birth_gbp",
                per_birth,
                "GBP over the horizon",
                f"{costing.scenario.name}'s {horizon}-year avoidance "
                f"£{estimated.horizon.total_gbp:,.2f} / {births} avoided births "
                f"(tables: {', '.join(costing.scenario.unit_costs)})",
            )
        )
        factor, priced = _per_woman_factor(case, costing, estimated, flags)
        rows += priced
        route = formulas.area_route(
            fewer_per_area=effect.value,
            areas=areas.value,
            cost_per_avoided_birth=per_birth,
            women_per_area=women.value,
            cost_per_woman=per_woman.value * factor,
        )
        rows += [
            _computed(
                "area_route_infants_per_year",
                route.infants_per_year,
                "infants a year",
                f"{effect.value} x {areas.value}",
            ),
            _computed(
                "area_route_avoidance_per_year_gbp",
                route.avoidance_per_year_gbp,
                "GBP a year",
                "infants a year x cost per avoided birth",
            ),
            _computed(
                "national_programme_cost_per_year_gbp",
                route.programme_per_year_gbp,
                "GBP a year",
                "areas x women per area a year x cost per woman"
                + (" (at the savings' price year)" if priced else ""),
            ),
            _computed(
                "area_route_net_per_year_gbp",
                route.net_per_year_gbp,
                "GBP a year",
                "avoidance - programme cost",
            ),
        ]
        if route.avoided_per_pound is not None:
            rows.append(
                _computed(
                    "area_route_avoided_per_pound",
                    route.avoided_per_pound,
                    "GBP per GBP",
                    f"avoidance / programme cost (each avoided birth's {horizon}-year avoidance "
                    "over a year's programme cost)",
                )
            )
            rows += _published_return(case, horizon, flags)
        published = case.published_national_reduction_per_year
        if published is not None:
            reproduces = abs(route.infants_per_year - published.value) < Decimal("0.5")
        summary = estimated.scenario
        rate, window = summary.birth_rate_per_woman_per_year, summary.window_years
        if rate is not None:
            births_a_year = formulas.per_woman_births(
                areas=areas.value, women_per_area=women.value, birth_rate=rate, window_years=window
            )
            rows.append(
                _computed(
                    "per_woman_route_avoided_births_per_year",
                    births_a_year,
                    "births a year",
                    f"{areas.value} areas x {women.value} women x {rate} a year x {window} years",
                )
            )
            avoidance = births_a_year * per_birth
            rows += [
                _computed(
                    "per_woman_route_avoidance_per_year_gbp",
                    avoidance,
                    "GBP a year",
                    "per-woman route births a year x cost per avoided birth (the same tables)",
                ),
                _computed(
                    "per_woman_route_net_per_year_gbp",
                    avoidance - route.programme_per_year_gbp,
                    "GBP a year",
                    "per-woman route avoidance - national programme cost",
                ),
            ]
        newborns = case.newborns_in_proceedings_per_year
        subsequent = case.subsequent_infant_share_of_newborns_in_proceedings
        if newborns is not None and subsequent is not None:
            rows.append(
                _computed(
                    "subsequent_newborns_in_proceedings_per_year",
                    newborns.value * subsequent.value,
                    "newborns a year",
                    f"{newborns.value} x {subsequent.value} (the newborn share only)",
                )
            )
        flags.append(
            Flag(
                code="national_derived",
                message="The national programme cost is derived from outcomes contracts' cost "
                "per woman engaged, and the cost per avoided birth from the costing scenario's "
                "tables: both are derived figures, not published national costs.",
            )
        )
        if draws:
            simulation = _simulate(case, per_birth, factor, draws=draws, seed=seed)
    return NationalResult(
        name=case.name,
        title=case.title,
        nation=case.nation,
        rows=rows,
        reproduces_published=reproduces,
        simulation=simulation,
        missing=list(case.missing),
        flags=flags,
    )


def _per_woman_factor(
    case: NationalCase, costing: Inputs, estimated: Estimate, flags: list[Flag]
) -> tuple[Decimal, list[Row]]:
    """The factor that brings the cost per woman (contract cash) to the savings' price year
    (level(price year) / level(its year), the programme cost's deflator and rounding), and
    the row that shows it; 1 and a flag where it cannot be worked."""
    prices = case.cost_per_woman_prices
    years = {year for table in estimated.tables for year in table.price_years}
    target = estimated.price_year or (years.pop() if len(years) == 1 else None)
    deflator = costing.deflator
    if prices is None or target is None or deflator is None:
        flags.append(
            Flag(
                code="national_prices_mixed",
                message="The cost per woman (contract cash) is set against a cost per avoided "
                "birth in the tables' prices without conversion: give cost_per_woman_prices "
                "to put them on one base.",
            )
        )
        return Decimal(1), []
    year = prices.financial_year
    if not (deflator.covers(year) and deflator.covers(target)):
        raise InputError.single(
            case.name,
            f"the deflator {deflator.name} runs from {deflator.first_year} to "
            f"{deflator.last_year} and does not reach {year}: name a year it covers",
            key="cost_per_woman_prices.financial_year",
        )
    one = factor(deflator, year, target)
    assert case.cost_per_woman_gbp is not None
    flags.append(
        Flag(code="national_judged", message=f"cost_per_woman_prices: {prices.assumption}")
    )
    return one, [
        _computed(
            "cost_per_woman_at_price_year_gbp",
            case.cost_per_woman_gbp.value * one,
            f"GBP a woman, {target} prices",
            f"{case.cost_per_woman_gbp.value} (cash, taken as {year} prices) x {one} = "
            f"level({target}) / level({year}) of {deflator.name}, the deflator and rounding the "
            "programme cost uses",
        )
    ]


def _published_return(case: NationalCase, horizon: int, flags: list[Flag]) -> list[Row]:
    """The published saving per pound beside the tool's ratio, marked where the spans differ."""
    published = case.published_return_per_pound
    if published is None:
        return []
    row = _row("published_return_per_pound", published, f"GBP per GBP over {published.years} years")
    if published.years != horizon:
        flags.append(
            Flag(
                code="national_basis_not_comparable",
                message=f"Basis not comparable: the published £{published.value:.2f} per £1 counts "
                f"{published.years} years; the tool's ratio counts each avoided birth's "
                f"{horizon}-year avoidance against a year's programme cost.",
            )
        )
        row = Row(
            figure=row.figure,
            value=row.value,
            unit=row.unit,
            kind=f"{row.kind}; basis not comparable",
            source=row.source,
            derivation=row.derivation,
        )
    return [row]


def _simulate(
    case: NationalCase, per_birth: Decimal, factor: Decimal, *, draws: int, seed: int
) -> NationalSimulation:
    """The area route's spread; ``factor`` brings each drawn cost per woman to the savings'
    price year."""
    rng = np.random.default_rng(seed)
    figures = {name: getattr(case, name) for name in RANGED}
    lows = np.array([float(f.low if f.low is not None else f.value) for f in figures.values()])
    highs = np.array([float(f.high if f.high is not None else f.value) for f in figures.values()])
    infants = np.empty(draws)
    net = np.empty(draws)
    done = 0
    cost = float(per_birth)
    while done < draws:
        size = min(CHUNK, draws - done)
        drawn = rng.uniform(lows, highs, size=(size, len(RANGED)))
        effect, areas, women, per_woman = drawn.T
        infants[done : done + size] = effect * areas
        net[done : done + size] = effect * areas * cost - areas * women * per_woman * float(factor)
        done += size

    drivers = []
    values = {name: f.value for name, f in figures.items()}
    for name, figure in figures.items():
        if figure.low is None or figure.high is None:
            continue
        nets = []
        for end in (figure.low, figure.high):
            held = {**values, name: end}
            nets.append(
                formulas.area_route(
                    fewer_per_area=held["fewer_infants_per_area_per_year"],
                    areas=held["areas"],
                    cost_per_avoided_birth=per_birth,
                    women_per_area=held["women_per_area_per_year"],
                    cost_per_woman=held["cost_per_woman_gbp"] * factor,
                ).net_per_year_gbp
            )
        drivers.append(
            Driver(
                input=name,
                low=figure.low,
                high=figure.high,
                net_at_low_gbp=nets[0],
                net_at_high_gbp=nets[1],
                swing_gbp=abs(nets[1] - nets[0]),
            )
        )
    drivers.sort(key=lambda driver: -driver.swing_gbp)
    return NationalSimulation(
        draws=draws,
        seed=seed,
        numpy=np.__version__,
        bit_generator=type(rng.bit_generator).__name__,
        infants_per_year=spread(infants),
        net_per_year=spread(net),
        drivers=drivers,
    )
