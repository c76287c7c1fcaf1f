"""Read a discount-rate schedule file, located like every other input file's problems."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pause_cost.load import yaml as yamlmarks
from pause_cost.load.messages import validate
from pause_cost.model.discounting import DiscountSchedule

SHIPPED_SCHEDULE = "green-book-discount-rates.yaml"


def shipped_schedule_path() -> Path:
    """Where the shipped Green Book schedule is installed."""
    return Path(str(resources.files("pause_cost") / "templates" / SHIPPED_SCHEDULE))


def load_schedule(path: Path | str) -> DiscountSchedule:
    """Load and validate a schedule file; every problem is an InputError located in the file."""
    return validate(DiscountSchedule, yamlmarks.load(Path(path), str(path)))
