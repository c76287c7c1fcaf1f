"""The outcome of a scenario with some inputs changed, exactly, as cheaply as it can be had.

Sensitivity, the grid and break-even ask for the same outcome thousands of times with one or
two inputs changed. Where every changed input enters only the case's values (see
:mod:`pause_cost.uncertainty.placing`), the scenario is compiled once and each ask is one exact
evaluation of the case (:func:`pause_cost.core.case.evaluate_case`, the very evaluation an
estimate runs), of only the parts the outcome reads; otherwise the changed inputs are
estimated whole. Either way a value an input cannot take is refused as the what-if refuses
it (each value is checked once, by :func:`pause_cost.uncertainty.paths.change`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pause_cost.core.case import Evaluated, Values, evaluate_case
from pause_cost.core.compile import Case, compile_case
from pause_cost.core.exact import ExactOps, point_values
from pause_cost.engine import compile_scenario, estimate
from pause_cost.model.inputs import Inputs
from pause_cost.model.paths import Address, PathError, change
from pause_cost.uncertainty.outcomes import (
    OUTCOMES,
    OutcomeError,
    evaluated_outcome,
    outcome,
)
from pause_cost.uncertainty.placing import Place, exact_values, place

PARTS = {
    "npv": frozenset(("cash", "present_value")),
    "payback": frozenset(("cash",)),
}
"""The parts of the evaluation an outcome reads beyond births and periods."""


class Evaluator:
    """A scenario's outcomes with inputs changed (see the module's docstring)."""

    def __init__(self, inputs: Inputs) -> None:
        self.inputs = inputs
        self._case: Case | None = None
        self._base: Values[Decimal] | None = None
        self._ops = ExactOps()
        self._refused: dict[tuple[str, Decimal], str | None] = {}

    @property
    def case(self) -> Case:
        if self._case is None:
            inputs = self.inputs
            plan = compile_scenario(inputs.scenario, inputs.tables, inputs.indices)
            self._case = compile_case(inputs.scenario, plan, inputs.schedule, inputs.deflator)
            self._base = point_values(self._case)
        return self._case

    def check(self, where: Address, value: Decimal) -> None:
        """Refuse (PathError) a value the input cannot take, as the what-if does."""
        key = (where.path, value)
        if key not in self._refused:
            try:
                change(self.inputs, where, value)
                self._refused[key] = None
            except PathError as exc:
                self._refused[key] = str(exc)
        message = self._refused[key]
        if message is not None:
            raise PathError(message)

    def outcome(self, changes: Sequence[tuple[Address, Decimal]], name: str) -> Decimal:
        """The named outcome with each change made (PathError, OutcomeError as estimate's)."""
        if name not in OUTCOMES:
            return outcome(estimate(*self.inputs), name)  # the unknown name's own message
        for where, value in changes:
            self.check(where, value)
        places = [place(self.case, where) for where, _ in changes]
        if any(found is None for found in places):
            changed = self.inputs
            for where, value in changes:
                changed = change(changed, where, value)
            return outcome(estimate(*changed), name)
        placed: list[tuple[Place, Decimal]] = [
            (found, Decimal(int(value)) if where.whole else value)
            for found, (where, value) in zip(places, changes, strict=True)
            if found
        ]
        return evaluated_outcome(self.case, self.evaluate(placed, name), name)

    def evaluate(self, placed: Sequence[tuple[Place, Decimal]], name: str) -> Evaluated[Decimal]:
        case = self.case
        assert self._base is not None
        values = exact_values(case, self._base, placed)
        return evaluate_case(self._ops, case, values, PARTS.get(name, frozenset()))


__all__ = ["Evaluator", "OutcomeError"]
