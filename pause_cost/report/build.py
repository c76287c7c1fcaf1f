"""Run what a pack holds, and write it: to stdout (html, md) or atomically to a file."""

from __future__ import annotations

import sys
from pathlib import Path

from pause_cost.errors import InputError
from pause_cost.report.pack import Pack


def build_pack(
    scenario: Path,
    *,
    sensitivity: bool = False,
    target: str = "net>=0",
    draws: int | None = None,
    seed: int = 1,
    date: str | None = None,
) -> Pack:
    """The estimate, and the analyses asked for, each by the engine that computes it."""
    from pause_cost.core.estimate import estimate

    if not sensitivity and draws is None:
        from pause_cost.load.inputs import load_inputs

        return Pack(estimate=estimate(*load_inputs(scenario)), date=date)
    from pause_cost.load.uncertainty import load_ranges
    from pause_cost.uncertainty import oneway

    ranges = load_ranges(scenario)
    result = estimate(*ranges.inputs)
    tornado = breakeven = simulation = None
    if sensitivity:
        if not ranges.ranges:
            raise InputError.single(
                scenario,
                "--sensitivity needs ranges: give the scenario an uncertainty list (see the "
                "README's 'How sure')",
            )
        tornado = oneway.tornado(ranges, "net")
        breakeven = oneway.break_even(ranges, oneway.Target.parse(target))
    if draws is not None:
        from pause_cost.uncertainty.montecarlo import simulate

        simulation = simulate(ranges, draws, seed)
    return Pack(
        estimate=result, tornado=tornado, breakeven=breakeven, simulation=simulation, date=date
    )


def render(pack: Pack, output_format: str) -> bytes:
    """The pack in a format, as the bytes of the file."""
    if output_format == "xlsx":
        from pause_cost.report import xlsx

        return xlsx.write(pack)
    if output_format == "html":
        from pause_cost.report.html import write as write_page

        return write_page(pack).encode("utf-8")
    from pause_cost.report import markdown

    return markdown.write(pack).encode("utf-8")


def write_pack(pack: Pack, output_format: str, output: Path | None, force: bool) -> None:
    data = render(pack, output_format)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from pause_cost.cli.handling import say
    from pause_cost.output import write_atomic

    write_atomic(output, data, force=force)
    say(f"wrote {output}")
