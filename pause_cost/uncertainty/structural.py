"""Structural scenarios as a table: the assumptions no range covers (the removal share, the
counting convention, postponement, persistence, which unit-cost table), one row each with
NPV, BCR and payback beside the base. A row is a what-if on the base (``PATH=VALUE``, as
``estimate --set`` makes it) or another scenario file (a change no number expresses: a table,
a counting convention); each is the estimate's own figures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pause_cost.engine import estimate
from pause_cost.errors import InputError, Problem
from pause_cost.model.inputs import Inputs
from pause_cost.results.estimate import Estimate
from pause_cost.results.options import Structural, StructuralRow
from pause_cost.uncertainty.options import payback_of
from pause_cost.uncertainty.price_base import mixed_bases


def _row(label: str, change: str, result: Estimate, base: Decimal | None) -> StructuralRow:
    appraisal = result.economics.appraisal
    assert appraisal is not None
    return StructuralRow(
        label=label,
        change=change,
        npv=appraisal.npv_gbp,
        bcr=appraisal.bcr,
        payback=payback_of(result),
        npv_change=appraisal.npv_gbp - (appraisal.npv_gbp if base is None else base),
    )


def structural(
    where: str,
    inputs: Inputs,
    what_ifs: Sequence[tuple[str, Inputs, str]] = (),
    alternatives: Sequence[tuple[str, Inputs]] = (),
) -> Structural:
    """The base, then one row per what-if (its label, the inputs it gives, and what it set,
    in words) and per alternative scenario (file, inputs)."""
    base_result = estimate(*inputs)
    changed = [(label, estimate(*found), said) for label, found, said in what_ifs]
    others = [(file, estimate(*other)) for file, other in alternatives]
    problems = [
        Problem(file, key="discounting", message="structural rows need NPV")
        for file, result in [(where, base_result), *others]
        if result.economics.appraisal is None
    ]
    # a what-if row is refused at its --set, an alternative at its file
    problems += mixed_bases(
        [(where, base_result), *((f"--set {label}", result) for label, result, _ in changed)],
        "structural rows",
    )
    problems += mixed_bases([(where, base_result), *others], "structural rows")
    if problems:
        raise InputError(problems)
    base = _row(base_result.scenario.name, "the scenario as given", base_result, None)
    rows = [_row(label, said, result, base.npv) for label, result, said in changed]
    for file, result in others:
        rows.append(_row(result.scenario.name, f"the scenario in {file}", result, base.npv))
    return Structural(scenario=base.label, base=base, rows=rows, flags=[])
