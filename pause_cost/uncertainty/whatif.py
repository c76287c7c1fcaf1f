"""What-ifs: inputs changed by path (``cohort.women_open = 24``), each change said as it was
made, so that an estimate of the changed inputs can echo what was set and what it was."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pause_cost.model.inputs import Inputs
from pause_cost.model.labels import input_label
from pause_cost.model.paths import address, change, read


def apply(inputs: Inputs, changes: Sequence[tuple[str, Decimal]]) -> tuple[Inputs, str]:
    """The inputs with each change applied in turn, and what was changed, in words:
    ``Women on the programme: cohort.women_open = 24 (was 20)``, joined by '; '."""
    said = []
    for name, value in changes:
        where = address(inputs, name)
        label = input_label(name, inputs).text
        said.append(f"{label}: {name} = {value} (was {read(inputs, where)})")
        inputs = change(inputs, where, value)
    return inputs, "; ".join(said)
