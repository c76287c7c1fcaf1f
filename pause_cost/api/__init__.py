"""The public API: one function per command, each taking its inputs whole.

The CLI is a typer face over these functions and nothing else: a script gets exactly what a
command prints, as results (dataclasses whose JSON is the published contract) rather than text.

A scenario is given as a path (``"scenarios/rotherham-2020.yaml"``), which is loaded with every
file it names, or as what loading it gave: :class:`~pause_cost.load.inputs.Inputs` for
:func:`estimate`, :class:`~pause_cost.load.uncertainty.Ranges` (the inputs with their ranges)
for the analyses. A what-if is a mapping of input paths to numbers. Nothing here prints or
writes a file: bad input raises :class:`~pause_cost.errors.InputError`, whose ``problems`` are
the located messages the CLI shows.

Every engine is imported inside the function that runs it, so importing this module costs
nothing and ``estimate`` never loads numpy.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pause_cost.api.deciding import acceptability as acceptability
from pause_cost.api.deciding import appraise as appraise
from pause_cost.api.deciding import structural as structural
from pause_cost.api.deciding import voi as voi

if TYPE_CHECKING:
    from pause_cost.compare import Comparison
    from pause_cost.model.inputs import Inputs
    from pause_cost.model.ranges import Ranges
    from pause_cost.report.pack import Pack
    from pause_cost.results.contracts import ContractResult
    from pause_cost.results.estimate import Estimate
    from pause_cost.results.options import OptionsAppraisal
    from pause_cost.results.uncertainty import BreakEven, Grid, Simulation, Tornado
    from pause_cost.results.workbook import Layout
    from pause_cost.uncertainty.oneway import AxisSpec as AxisSpec
    from pause_cost.uncertainty.oneway import Target as Target

__all__ = [
    "SCHEMA_KINDS",
    "TableCheck",
    "acceptability",
    "appraise",
    "breakeven",
    "compare",
    "contract",
    "estimate",
    "grid",
    "init",
    "national",
    "pack",
    "parse_axis",
    "parse_target",
    "region",
    "render_pack",
    "schema",
    "sensitivity",
    "simulate",
    "starters",
    "structural",
    "table",
    "tables",
    "validate_tables",
    "voi",
]

PathLike = str | os.PathLike[str]
WhatIf = Mapping[str, Decimal | int | float | str] | Iterable[tuple[str, Decimal | int | str]]
"""Input paths and the numbers to set them to: ``{"cohort.women_open": 24}``."""


def _inputs(scenario: Inputs | PathLike) -> Inputs:
    from pause_cost.load.inputs import Inputs, load_inputs

    return scenario if isinstance(scenario, Inputs) else load_inputs(Path(scenario))


def _ranges(scenario: Ranges | PathLike) -> Ranges:
    from pause_cost.load.uncertainty import Ranges, load_ranges

    return scenario if isinstance(scenario, Ranges) else load_ranges(Path(scenario))


def estimate(scenario: Inputs | PathLike, *, what_if: WhatIf = ()) -> Estimate:
    """``pause-cost estimate``: the scenario's estimate, each what-if applied and echoed as the
    first flag (``what_if``), as ``--set PATH=NUMBER`` does."""
    from pause_cost import engine

    if not what_if:
        from pause_cost.errors import InputError
        from pause_cost.model.inputs import Inputs

        inputs = _inputs(scenario)
        try:
            return engine.estimate(*inputs)
        except InputError as exc:
            if isinstance(scenario, Inputs):
                raise
            from pause_cost.load.claims import claims_located

            raise claims_located(exc, Path(scenario)) from None
    from pause_cost.api.whatifs import changed
    from pause_cost.results.estimate import Flag

    inputs, told = changed(scenario, what_if)
    result = engine.estimate(*inputs)
    what = Flag(code="what_if", message="What-if, set for this run: " + told + ".")
    result.flags = [what, *result.flags]
    return result


def compare(
    a: PathLike,
    b: PathLike,
    *,
    scenario: PathLike | None = None,
    price_year: str | None = None,
    horizon_years: int = 5,
    by: Literal["line", "stage"] = "line",
) -> Comparison:
    """``pause-cost compare``: what moves the answer from A to B. Two tables (names or files)
    are costed per avoided birth, or for ``scenario``'s cohort, matched line by line (or stage
    by stage); two scenario files are each estimated as they stand. Each file is read once."""
    from pause_cost.api.comparing import compare_references

    return compare_references(
        str(a),
        str(b),
        scenario=None if scenario is None else Path(scenario),
        price_year=price_year,
        horizon_years=horizon_years,
        by=by,
    )


def parse_target(text: str) -> Target:
    """A break-even target, ``OUTCOME OP NUMBER`` (``net>=0``); ValueError says what is wrong."""
    from pause_cost.uncertainty.oneway import Target

    return Target.parse(text)


def parse_axis(text: str) -> AxisSpec:
    """A grid's axis, ``PATH=LOW:HIGH:STEP``; ValueError says what is wrong."""
    from pause_cost.uncertainty.oneway import AxisSpec

    return AxisSpec.parse(text)


def _target(target: Target | str) -> Target:
    return parse_target(target) if isinstance(target, str) else target


def judged(inputs: Inputs, outcome: str | None) -> str:
    """The outcome an analysis judges: the one asked for; else ``npv`` where the scenario
    discounts (the appraisal's figure), else ``net``."""
    if outcome is not None:
        return outcome
    return "npv" if inputs.scenario.discounting is not None else "net"


def _judged_target(inputs: Inputs, target: Target | str | None) -> Target:
    """The break-even target asked for; else the judged outcome at or above 0."""
    return _target(f"{judged(inputs, None)}>=0" if target is None else target)


def sensitivity(scenario: Ranges | PathLike, *, outcome: str | None = None) -> Tornado:
    """``pause-cost sensitivity``: each uncertain input at its low and high, the rest held,
    largest swing in ``outcome`` first (a tornado); by default the NPV where the scenario
    discounts, else net."""
    from pause_cost.uncertainty import oneway

    ranges = _ranges(scenario)
    return oneway.tornado(ranges, judged(ranges.inputs, outcome))


def grid(
    scenario: Ranges | Inputs | PathLike,
    rows: AxisSpec | str,
    columns: AxisSpec | str,
    *,
    outcome: str | None = None,
) -> Grid:
    """``pause-cost sensitivity --grid``: ``outcome`` over two inputs, each axis
    ``PATH=LOW:HIGH:STEP`` (or an ``AxisSpec``), the rest held (by default the NPV where the
    scenario discounts, else net)."""
    from pause_cost.model.inputs import Inputs
    from pause_cost.uncertainty import oneway

    axes = [parse_axis(axis) if isinstance(axis, str) else axis for axis in (rows, columns)]
    inputs = scenario if isinstance(scenario, Inputs) else _ranges(scenario).inputs
    return oneway.grid(inputs, axes[0], axes[1], judged(inputs, outcome))


def breakeven(scenario: Ranges | PathLike, *, target: Target | str | None = None) -> BreakEven:
    """``pause-cost breakeven``: for each uncertain input (or, with no ranges, the women, birth
    rate and programme cost), the value at which ``target`` is just met, the rest held; by
    default ``npv>=0`` where the scenario discounts, else ``net>=0``."""
    from pause_cost.uncertainty import oneway

    ranges = _ranges(scenario)
    return oneway.break_even(ranges, _judged_target(ranges.inputs, target))


def simulate(
    scenario: Ranges | PathLike,
    *,
    draws: int = 10_000,
    seed: int = 1,
    outcome: str | None = None,
    poisson_births: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Simulation:
    """``pause-cost simulate``: a Monte Carlo of ``draws`` draws from ``seed`` (the same seed
    gives the same result), judging ``outcome`` (by default the NPV where the scenario
    discounts, else net); ``progress`` is called with the count of draws done."""
    from pause_cost.uncertainty.montecarlo import simulate as run

    ranges = _ranges(scenario)
    return run(
        ranges,
        draws,
        seed,
        outcome=judged(ranges.inputs, outcome),
        poisson_births=poisson_births,
        progress=progress,
    )


def pack(
    scenario: PathLike,
    *,
    sensitivity: bool = False,
    target: Target | str | None = None,
    draws: int | None = None,
    seed: int = 1,
    date: str | None = None,
    options: Sequence[PathLike] = (),
    acceptability: Sequence[Decimal | int | float | str] = (),
    returns: Sequence[Decimal | int | float | str] = (),
) -> Pack:
    """``pause-cost report``: what the committee pack holds, each part by the engine that
    computes it: the estimate; with ``sensitivity``, the tornado of the judged outcome (NPV
    where the scenario discounts, else net) and the break-even values for ``target`` (by
    default that outcome at or above 0); with ``draws``, a Monte Carlo from ``seed``; with
    ``options`` (other scenarios), the options table of this scenario and them; with
    ``acceptability``
    (programme costs), P(NPV > 0) at each (``draws`` at each, 10,000 by default), and with
    ``returns`` P(return per £1 >= x) for each x beside it; where the scenario has a
    ``contract`` section, the contract costed (with ``draws``, its Monte Carlo from ``seed``
    too; a scenario with a contract and no ranges draws the contract alone). Write it in a
    format with :func:`render_pack`."""
    from pause_cost.report.pack import Pack

    if not sensitivity and draws is None and not options and not acceptability:
        inputs = _inputs(scenario)
        return Pack(
            estimate=estimate(inputs),
            contract=_contract(inputs, draws, seed),
            date=date,
            layout=_layout(inputs),
        )
    from pause_cost.errors import InputError

    ranges = _ranges(scenario)
    result = estimate(ranges.inputs)
    tornado = found = simulation = None
    wanted = _judged_target(ranges.inputs, target) if sensitivity else None
    if wanted is not None:
        if not ranges.ranges:
            raise InputError.single(
                os.fspath(scenario),
                "--sensitivity needs ranges: give the scenario an uncertainty list (see "
                "docs/uncertainty.md)",
            )
        from pause_cost.uncertainty import oneway

        tornado = oneway.tornado(ranges, judged(ranges.inputs, None))
        found = oneway.break_even(ranges, wanted)
    costed = _contract(ranges.inputs, draws, seed)
    if draws is not None and (costed is None or ranges.ranges):
        simulation = simulate(ranges, draws=draws, seed=seed)
    from pause_cost.api.deciding import acceptability as curve
    from pause_cost.api.deciding import appraise

    return Pack(
        estimate=result,
        tornado=tornado,
        breakeven=found,
        simulation=simulation,
        options=_pack_options(appraise, [scenario, *options], draws, seed) if options else None,
        acceptability=curve(
            ranges, values=acceptability, draws=draws or 10_000, seed=seed, returns=returns
        )
        if acceptability
        else None,
        contract=costed,
        date=date,
        layout=_layout(ranges.inputs),
    )


def _layout(inputs: Inputs) -> Layout:
    """The compiled case's weights for the workbook's formulas."""
    from pause_cost.engine import workbook_layout

    return workbook_layout(inputs)


def _pack_options(
    appraise: Callable[..., OptionsAppraisal],
    options: list[Ranges | PathLike],
    draws: int | None,
    seed: int,
) -> OptionsAppraisal:
    """The pack's options appraisal; a problem with its draws is put as ``report`` names them
    (``--simulate``), not as ``appraise`` does (``--draws``)."""
    from dataclasses import replace

    from pause_cost.errors import InputError

    try:
        return appraise(options, draws=draws, seed=seed)
    except InputError as error:
        raise InputError(
            [
                replace(problem, key="--simulate") if problem.key == "--draws" else problem
                for problem in error.problems
            ]
        ) from None


def _contract(inputs: Inputs, draws: int | None, seed: int) -> ContractResult | None:
    """The scenario's outcomes contract costed for the pack, or None where it has none."""
    if inputs.scenario.contract is None:
        return None
    from pause_cost.api.contracts import contract

    return contract(inputs, draws=draws or 0, seed=seed)


PACK_FORMATS = ("xlsx", "html", "markdown")


def render_pack(written: Pack, output_format: str) -> bytes:
    """A pack as the bytes of its file: a workbook (``xlsx``), a page (``html``) or Markdown
    (``markdown``), the page and Markdown in UTF-8."""
    from pause_cost.report.build import render

    if output_format not in PACK_FORMATS:
        raise ValueError(
            f"{output_format!r} is not a format of the pack; choose xlsx, html or markdown"
        )
    return render(written, output_format)


def init() -> str:
    """``pause-cost init``: the commented starter scenario, as text to save and edit."""
    from importlib import resources

    starter = resources.files("pause_cost") / "templates" / "starter-scenario.yaml"
    return starter.read_text(encoding="utf-8")


from pause_cost.api.baseline import starters  # noqa: E402
from pause_cost.api.contracts import contract  # noqa: E402  (re-exported: one module a command)
from pause_cost.api.national import national  # noqa: E402
from pause_cost.api.region import region  # noqa: E402
from pause_cost.api.schemas import SCHEMA_KINDS, schema  # noqa: E402
from pause_cost.api.tabling import TableCheck, table, tables, validate_tables  # noqa: E402
