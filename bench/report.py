"""The committee pack: ``report`` in each format beside ``estimate`` of the same scenario,
timed as subprocesses in interleaved rounds (medians), as a ratio to the estimate.

The pack renders what the engine computed, so what it adds over ``estimate`` is the writer:
XlsxWriter for the workbook, matplotlib's SVG charts and Jinja2 for the page, and Markdown.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import CLI, REPO, Samples, SubprocessEnvironment, ms, print_table, rotated, run_timed

SCENARIOS = ("rotherham-2020", "rotherham-2020-calendar")
FORMATS = ("md", "html", "xlsx")


def run(runs: int, environment: SubprocessEnvironment) -> list[str]:
    print(f"\n== Committee pack: subprocesses, {runs} interleaved rounds, medians ==")
    failures: list[str] = []
    rows = []
    with tempfile.TemporaryDirectory(prefix="pause-cost-bench-report-") as temporary:
        commands: dict[str, tuple[str, ...]] = {}
        for name in SCENARIOS:
            scenario = str(REPO / "scenarios" / f"{name}.yaml")
            commands[f"estimate {name} -f json"] = (*CLI, "estimate", scenario, "-f", "json")
            for form in FORMATS:
                out = str(Path(temporary) / f"{name}.{form}")
                commands[f"report {name} -o .{form}"] = (
                    *CLI,
                    "report",
                    scenario,
                    "-o",
                    out,
                    "--force",
                )
        samples = {label: Samples() for label in commands}
        for label in commands:  # one untimed round: files written once, caches warm
            run_timed(commands[label], environment.variables)
        for round_number in range(runs):
            for label in rotated(list(commands), round_number):
                samples[label].record(run_timed(commands[label], environment.variables))
    for name in SCENARIOS:
        reference = samples[f"estimate {name} -f json"].median
        for label in [f"estimate {name} -f json", *(f"report {name} -o .{f}" for f in FORMATS)]:
            median = samples[label].median
            if samples[label].failure is not None:
                failures.append(f"report {label}: {samples[label].failure}")
            shown = f"{median / reference:.2f}x" if median and reference else "-"
            rows.append([label, ms(median), shown])
    print_table(["command", "median ms", "x estimate"], rows)
    return failures
