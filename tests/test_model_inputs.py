"""Inputs are one frozen value: a what-if by path returns new inputs and leaves the old ones be."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import pytest

from pause_cost.load.inputs import load_inputs
from pause_cost.model.inputs import Inputs
from pause_cost.model.paths import PathError, address, change, read, set_value
from tests.conftest import SCENARIOS

UNCERTAIN = SCENARIOS / "rotherham-2020-uncertain.yaml"


def test_inputs_cannot_be_changed_in_place() -> None:
    inputs = load_inputs(UNCERTAIN)
    with pytest.raises(dataclasses.FrozenInstanceError):
        inputs.scenario = inputs.scenario  # type: ignore[misc]
    assert isinstance(inputs.tables, tuple)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("cohort.women_open", Decimal(24)),
        ("programme_cost.total_gbp", Decimal(470587)),
        ("rotherham-2020-published/later-cashable.amount_gbp", Decimal("7254.38")),
        ("discounting.rate_percent", Decimal("3.0")),
    ],
)
def test_a_change_by_path_is_read_back_and_leaves_the_original(path: str, value: Decimal) -> None:
    inputs = load_inputs(UNCERTAIN)
    where = address(inputs, path)
    before = read(inputs, where)
    changed = change(inputs, where, value)
    assert isinstance(changed, Inputs)
    assert read(changed, where) == value
    assert read(inputs, where) == before != value
    assert read(load_inputs(UNCERTAIN), where) == before


def test_a_value_the_input_cannot_take_is_refused_by_its_model() -> None:
    inputs = load_inputs(UNCERTAIN)
    with pytest.raises(PathError, match=re.escape("cohort.women_open: takes whole numbers")):
        set_value(inputs, "cohort.women_open", Decimal("20.5"))
    with pytest.raises(PathError, match=re.escape("share_of_children: 1.2 is refused")):
        set_value(
            inputs, "rotherham-2020-published/later-cashable.share_of_children", Decimal("1.2")
        )


def test_iterating_gives_the_five_fields_in_order() -> None:
    """So that ``estimate(*inputs)`` reads as before while callers move to passing it whole."""
    inputs = load_inputs(UNCERTAIN)
    assert tuple(inputs) == tuple(
        getattr(inputs, field.name) for field in dataclasses.fields(Inputs)
    )
