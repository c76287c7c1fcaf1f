"""What-ifs for ``estimate``: numbers set by path on the loaded inputs, texts (a price year,
the tables) set in the scenario's data before loading, each said in words for the echo."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.api import PathLike, WhatIf
    from pause_cost.model.inputs import Inputs


def split(what_if: WhatIf) -> list[tuple[str, Decimal | str]]:
    """What-ifs as (path, exact number), or (path, text) for a value that is not a number
    (``price_year``, ``unit_costs``); a float goes through its shortest text (0.1, not
    0.1000000000000000055...), as a number typed on the command line would."""
    pairs = what_if.items() if isinstance(what_if, Mapping) else what_if
    return [(name, _value(value)) for name, value in pairs]


def _value(value: Decimal | int | float | str) -> Decimal | str:
    """A what-if's value: text where it is no number at all, else a number checked as text
    before it is made one (see money), so a huge exponent is refused, never expanded."""
    from pause_cost.model.paths import PathError
    from pause_cost.money import NumberTextError, number_from_text

    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**16:
        raise PathError(f"a whole number of {value.bit_length():,} bits is beyond any input")
    text = value if isinstance(value, str) else str(value)
    try:
        Decimal(text.strip())
    except ArithmeticError:
        return text.strip()
    try:
        return number_from_text(text)
    except NumberTextError as exc:
        raise PathError(str(exc)) from None


def changed(scenario: Inputs | PathLike, what_if: WhatIf) -> tuple[Inputs, str]:
    """The inputs with every what-if applied, and what was set, in words, joined by '; '."""
    from pause_cost.errors import InputError
    from pause_cost.load.inputs import Inputs as Loaded
    from pause_cost.load.inputs import load_inputs
    from pause_cost.uncertainty.whatif import apply

    changes = split(what_if)
    texts = [(name, value) for name, value in changes if isinstance(value, str)]
    numbers = [(name, value) for name, value in changes if isinstance(value, Decimal)]
    said_text: list[str] = []
    if isinstance(scenario, Loaded):
        if texts:
            raise InputError.single(
                texts[0][0], "a text what-if changes what is loaded: give the scenario's file"
            )
        inputs = scenario
    elif texts:
        from pause_cost.load.settings import load_with_text

        inputs, said_text = load_with_text(Path(scenario), texts)
    else:
        inputs = load_inputs(Path(scenario))
    inputs, said = apply(inputs, numbers)
    return inputs, "; ".join(part for part in (*said_text, said) if part)
