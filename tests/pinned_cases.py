"""The commands whose outputs are pinned in ``tests/data/pinned/``, and how to regenerate them.

A regression guard, not a proof of correctness: the pinned bytes are the program's own output at
the time they were written, so a test against them shows only that a refactor changed nothing.
The figures themselves are proved elsewhere (hand-worked cases, the published report).

JSON is the contract scripts rely on, so it is pinned for every shipped scenario, every
comparison and every seeded analysis. Text, Markdown and CSV lay the same figures out, so their
layout is pinned for one estimate and one comparison, each chosen to show the most sections.

    python -m tests.pinned_cases        # rewrite the pins after a deliberate change
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PINNED = REPO / "tests" / "data" / "pinned"

SCENARIOS = (
    "rotherham-2020",
    "rotherham-2020-with-pilot-cost",
    "rotherham-2020-bottom-up",
    "rotherham-2020-bottom-up-2024-25",
    "rotherham-2020-calendar",
    "rotherham-2021-ex-post",
    "rotherham-2021-joint-funding",
    "rotherham-2020-uncertain",
)
FORMATS = ("table", "json", "csv", "markdown")
LAYOUTS = ("table", "csv", "markdown")
"""The formats pinned for one case of each command; JSON is pinned for every case."""

LAID_OUT_ESTIMATE = "rotherham-2021-joint-funding"
"""Cohorts, a calendar, funders and discounting: the estimate with the most sections."""

LAID_OUT_COMPARISON = "compare-scenarios"
"""Two scenarios: bases, flags and every line's contribution."""

COMPARISONS = {
    "compare-tables": ["rotherham-2020-published", "care-journey-england"],
    "compare-tables-by-stage": [
        "rotherham-2020-published",
        "care-journey-england",
        "--by",
        "stage",
    ],
    "compare-scenarios": [
        "scenarios/rotherham-2020.yaml",
        "scenarios/rotherham-2020-bottom-up.yaml",
    ],
    "compare-tables-2016-17": [
        "wider-costs",
        "scenarios/tables/care-journey-england-without-legal-aid.yaml",
        "--price-year",
        "2016/17",
    ],
}

LISTINGS = {
    "tables-list": ["tables", "list"],
    "tables-list-json": ["tables", "list", "-f", "json"],
    "tables-list-csv": ["tables", "list", "-f", "csv"],
    "tables-show-care-journey": ["tables", "show", "care-journey-england"],
    "tables-show-care-journey-json": ["tables", "show", "care-journey-england", "-f", "json"],
    "tables-show-care-journey-csv": ["tables", "show", "care-journey-england", "-f", "csv"],
}

UNCERTAIN = "scenarios/rotherham-2020-uncertain.yaml"

ANALYSES = {
    "sensitivity": ["sensitivity", UNCERTAIN],
    "grid": [
        "sensitivity",
        UNCERTAIN,
        "--outcome",
        "npv",
        "--grid",
        "cohort.women_open=16:24:4",
        "--grid",
        "cohort.birth_rate_per_woman_per_year=0.2:0.45:0.05",
    ],
    "breakeven": ["breakeven", UNCERTAIN],
    "simulate": ["simulate", UNCERTAIN, "--draws", "2000", "--seed", "7"],
}
"""Each seeded analysis of the shipped uncertain scenario, its JSON pinned (the seed fixes the
draws, so the same bytes come every time)."""

EXTENSIONS = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md"}


def cases() -> dict[str, list[str]]:
    """Pinned file name -> the pause-cost arguments that produce it (run from the repository)."""
    found: dict[str, list[str]] = {}
    for name in SCENARIOS:
        for output_format in _formats(name == LAID_OUT_ESTIMATE):
            file = f"estimate-{name}.{EXTENSIONS[output_format]}"
            found[file] = ["estimate", f"scenarios/{name}.yaml", "-f", output_format]
    for name, arguments in COMPARISONS.items():
        for output_format in _formats(name == LAID_OUT_COMPARISON):
            found[f"{name}.{EXTENSIONS[output_format]}"] = [
                "compare",
                *arguments,
                "-f",
                output_format,
            ]
    for name, arguments in ANALYSES.items():
        found[f"{name}-uncertain.json"] = [*arguments, "-f", "json"]
    for name, arguments in LISTINGS.items():
        found[f"{name}.txt"] = arguments
    return found


def _formats(laid_out: bool) -> tuple[str, ...]:
    return FORMATS if laid_out else ("json",)


def produce(arguments: list[str]) -> str:
    """What the command prints to stdout at 80 columns, run from the repository."""
    import os

    from tests.conftest import run

    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        result = run(*arguments, env={"COLUMNS": "80"})
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.stderr
    return result.stdout


if __name__ == "__main__":
    PINNED.mkdir(parents=True, exist_ok=True)
    for file, arguments in cases().items():
        (PINNED / file).write_text(produce(arguments), encoding="utf-8")
        print(f"wrote {PINNED / file}")
