"""``pause-cost sensitivity``, ``breakeven`` and ``simulate``: how sure, and what would make
it fail."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pause_cost.cli.emit import documents, emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import ForceOption, FormatOption, OutputOption, resolve_format
from pause_cost.visible import shown_text

if TYPE_CHECKING:
    from pause_cost.api import AxisSpec, Target

OUTCOME_NAMES = (
    "net",
    "cashable_net",
    "npv",
    "horizon_total",
    "horizon_cashable",
    "immediate_total",
    "return_per_pound",
    "payback",
    "avoided_births",
)
"""Mirrors pause_cost.uncertainty.outcomes.OUTCOMES, so --help needs no engine import."""

SIMULATED_NAMES = (
    "immediate_total",
    "horizon_total",
    "horizon_cashable",
    "net",
    "cashable_net",
    "npv",
)
"""Mirrors pause_cost.uncertainty.draws.OUTCOMES: what simulate reports and can judge."""

JUDGED_BY_DEFAULT = "Default: npv where the scenario discounts, else net."

ScenarioArgument = Annotated[
    Path,
    typer.Argument(
        exists=True, dir_okay=False, metavar="SCENARIO", help="Scenario YAML file with ranges."
    ),
]


def _outcome(value: str | None) -> str | None:
    if value is not None and value not in OUTCOME_NAMES:
        raise typer.BadParameter(
            f"{shown_text(value)} is not an outcome; outcomes: {', '.join(OUTCOME_NAMES)}"
        )
    return value


def _simulated(value: str | None) -> str | None:
    if value is not None and value not in SIMULATED_NAMES:
        raise typer.BadParameter(
            f"{shown_text(value)} is not an outcome simulate reports; outcomes: "
            f"{', '.join(SIMULATED_NAMES)}"
        )
    return value


OutcomeOption = Annotated[
    str | None,
    typer.Option(
        "--outcome",
        callback=_outcome,
        show_default=False,
        help=f"The figure judged: {', '.join(OUTCOME_NAMES)}. {JUDGED_BY_DEFAULT}",
    ),
]
SimulatedOption = Annotated[
    str | None,
    typer.Option(
        "--outcome",
        callback=_simulated,
        show_default=False,
        help=f"The figure judged (npv only where the scenario discounts): "
        f"{', '.join(SIMULATED_NAMES)}. {JUDGED_BY_DEFAULT}",
    ),
]


def _axes(values: list[str] | None) -> list[AxisSpec]:
    if not values:
        return []
    from pause_cost import api

    if len(values) != 2:
        raise typer.BadParameter("give two axes: --grid A=LOW:HIGH:STEP B=LOW:HIGH:STEP")
    try:
        return [api.parse_axis(value) for value in values]
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def sensitivity(
    scenario: ScenarioArgument,
    outcome: OutcomeOption = None,
    grid: Annotated[
        list[str] | None,
        typer.Option(
            "--grid",
            help="A two-way table instead: two axes, each PATH=LOW:HIGH:STEP (give --grid twice).",
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """One-way sensitivity: each uncertain input at its low and high, the rest held, largest
    swing first (a tornado); or, with --grid, a two-way table of the outcome."""
    chosen = resolve_format(output_format, output, command="sensitivity")
    axes = _axes(grid)
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.uncertainty import grid_document, tornado_document

        if axes:
            two_way = api.grid(scenario, axes[0], axes[1], outcome=outcome)
            emit(documents(lambda: grid_document(two_way)), chosen, output, force)
            return
        tornado = api.sensitivity(scenario, outcome=outcome)
        emit(documents(lambda: tornado_document(tornado)), chosen, output, force)


def parse_target(value: str | None) -> Target | None:
    if value is None:
        return None
    from pause_cost import api

    try:
        target = api.parse_target(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    _outcome(target.outcome)
    return target


def breakeven(
    scenario: ScenarioArgument,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            show_default=False,
            help="OUTCOME OP NUMBER: net>=0, npv>=0, return_per_pound>=4.5, payback<=3. "
            "Default: npv>=0 where the scenario discounts, else net>=0.",
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Break-even: for each uncertain input (or, with no ranges, the women, birth rate and
    programme cost), the value at which the target is just met with the rest held, and
    whether it lies inside the input's plausible range."""
    chosen = resolve_format(output_format, output, command="breakeven")
    parsed = parse_target(target)
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.uncertainty import breakeven_document

        result = api.breakeven(scenario, target=parsed)
        emit(documents(lambda: breakeven_document(result)), chosen, output, force)


PROGRESS_AFTER_SECONDS = 1.0
"""A progress bar appears on stderr once a run has taken this long."""


def simulate(
    scenario: ScenarioArgument,
    draws: Annotated[
        int, typer.Option("--draws", min=1, max=100_000_000, help="How many draws.")
    ] = 10_000,
    seed: Annotated[
        int, typer.Option("--seed", min=0, help="The seed; the same seed gives the same bytes.")
    ] = 1,
    outcome: SimulatedOption = None,
    poisson_births: Annotated[
        bool,
        typer.Option("--poisson-births", help="Draw births as Poisson counts around their mean."),
    ] = False,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Monte Carlo: draw every input with a distribution; mean, SD, P5/P50/P95 of each
    outcome, P(net > 0), a histogram and what drives the spread. The seed is echoed."""
    chosen = resolve_format(output_format, output, command="simulate")
    with handled(output_format):
        from pause_cost import api
        from pause_cost.render.simulation import simulation_document

        with _progress(draws) as advance:
            result = api.simulate(
                scenario,
                draws=draws,
                seed=seed,
                outcome=outcome,
                poisson_births=poisson_births,
                progress=advance,
            )
        emit(documents(lambda: simulation_document(result)), chosen, output, force)


def stderr_is_terminal() -> bool:
    """Whether a person watches stderr (a progress bar would only clutter a log file)."""
    import sys

    return sys.stderr is not None and sys.stderr.isatty()


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on stderr, shown only once the run passes a second; stdout is
    left to the result alone."""
    import time

    started = time.monotonic()
    state: dict[str, Any] = {}

    def advance(done: int) -> None:
        if "bar" not in state:
            if time.monotonic() - started < PROGRESS_AFTER_SECONDS or not stderr_is_terminal():
                return
            from rich.console import Console
            from rich.progress import Progress

            console = Console(stderr=True, force_terminal=True)
            bar = Progress(console=console, transient=True)
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("drawing", total=total)
        state["bar"].update(state["task"], completed=done)

    try:
        yield advance
    finally:
        if "bar" in state:
            state["bar"].stop()
