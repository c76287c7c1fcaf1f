"""Read a discount-rate schedule file, located like every other input file's problems."""

from __future__ import annotations

from pathlib import Path

from pause_cost.load import yaml as yamlmarks
from pause_cost.load.messages import validate
from pause_cost.load.resolve import Cited, resolve, shipped_dir
from pause_cost.model.discounting import DiscountSchedule

SHIPPED_SCHEDULE = "green-book-discount-rates"


def shipped_schedule_path() -> Path:
    """Where the shipped Green Book schedule is installed."""
    return shipped_dir("schedule") / f"{SHIPPED_SCHEDULE}.yaml"


def load_schedule(path: Path | str) -> DiscountSchedule:
    """Load and validate a schedule file; every problem is an InputError located in the file."""
    return validate(DiscountSchedule, yamlmarks.load(Path(path), str(path)))


def load_named_schedule(reference: str, base_dir: Path, cited: Cited) -> DiscountSchedule:
    """A schedule by shipped name or by path (relative to the file that names it)."""
    path, shown = resolve("schedule", reference, base_dir, cited)
    return validate(DiscountSchedule, yamlmarks.load(path, shown))
