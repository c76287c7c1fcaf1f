"""``pause-cost report``: the committee pack as a workbook, a printable page or Markdown."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pause_cost.cli.emit import emit
from pause_cost.cli.handling import handled
from pause_cost.cli.options import (
    PACKS,
    ForceOption,
    OutputFormat,
    OutputOption,
    PackFormatOption,
    ReturnOption,
    resolve_format,
)
from pause_cost.visible import shown_text

if TYPE_CHECKING:
    from pause_cost.report.pack import Pack


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise typer.BadParameter(f"write the date as YYYY-MM-DD, not {shown_text(value)}")
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value} is not a date: {exc}") from None
    return value


def report(
    scenario: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, metavar="SCENARIO", help="Scenario YAML file."),
    ],
    output: OutputOption = None,
    output_format: PackFormatOption = None,
    sensitivity: Annotated[
        bool,
        typer.Option("--sensitivity", help="Add the tornado and break-even values (needs ranges)."),
    ] = False,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            show_default=False,
            help="The break-even target with --sensitivity. Default: npv>=0 where the "
            "scenario discounts, else net>=0.",
        ),
    ] = None,
    simulate: Annotated[
        int | None,
        typer.Option("--simulate", min=1, max=10_000_000, help="Add a Monte Carlo of N draws."),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", min=0, help="The Monte Carlo's seed.")] = 1,
    date: Annotated[
        str | None,
        typer.Option("--date", callback=_date, help="A date to print on the pack, YYYY-MM-DD."),
    ] = None,
    option: Annotated[
        list[Path] | None,
        typer.Option(
            "--option",
            exists=True,
            dir_okay=False,
            metavar="SCENARIO",
            help="Add the options table of this scenario and another option; repeat for more.",
        ),
    ] = None,
    acceptability: Annotated[
        str | None,
        typer.Option(
            "--acceptability",
            metavar="FROM:TO:STEPS",
            help="Add P(NPV > 0) as the programme's cost runs FROM to TO in STEPS values.",
        ),
    ] = None,
    returns: ReturnOption = None,
    force: ForceOption = False,
) -> None:
    """Write the committee pack (-o pack.xlsx, pack.html or pack.md): headline figures and a
    paragraph a councillor can read, the inputs and their sources, every figure the scenario
    supports, the lines, the assumptions and flags; with --sensitivity and --simulate, the
    tornado, break-even and Monte Carlo. Every figure is the engine's own (the JSON output's,
    to the penny)."""
    chosen = resolve_format(output_format, output, PACKS, command="report")
    from pause_cost.cli.uncertainty import parse_target

    parsed = parse_target(target)  # a target that cannot be read is a usage error, before work
    with handled(output_format):
        from pause_cost import api

        pack = api.pack(
            scenario,
            sensitivity=sensitivity,
            target=parsed,
            draws=simulate,
            seed=seed,
            date=date,
            options=option or [],
            acceptability=_costs(acceptability),
            returns=[Decimal(repr(value)) for value in returns or []],
        )
        emit(lambda format_, _terminal: _bytes(pack, format_), chosen, output, force)


def _bytes(pack: Pack, output_format: OutputFormat) -> bytes:
    from pause_cost import api

    return api.render_pack(pack, output_format.value)


def _costs(text: str | None) -> list[Decimal]:
    """FROM:TO:STEPS as STEPS values from FROM to TO, ends included."""
    if text is None:
        return []
    from pause_cost.errors import InputError

    parts = text.split(":")
    try:
        first, last, steps = Decimal(parts[0]), Decimal(parts[1]), int(parts[2])
        if len(parts) != 3 or steps < 2 or not first.is_finite() or not last.is_finite():
            raise ValueError
    except (ValueError, IndexError, ArithmeticError):
        raise InputError.single(
            "--acceptability", f"{text}: write FROM:TO:STEPS, STEPS at least 2"
        ) from None
    return [first + (last - first) * index / (steps - 1) for index in range(steps)]
