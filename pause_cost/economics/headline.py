"""The headline's view and its words on coverage, decided once for every output.

Whose view: a scenario may name a funder (``headline_view``); with funders and none named, the
funder of kind council; without funders, the council's avoidance against the whole programme
cost, as the estimate's own figures give it. A funder's view is its own cost avoided against
its own share of the cost, so an outside funder paying the whole cost never shows the council
losing.

Coverage: where a table the figures rest on says it leaves part of a child's journey out, the
sentence that gives the figure says which table and what, so a partial table never reads as a
verdict on the whole journey.

Pure: no files, no printing, no clock.
"""

from __future__ import annotations

from pause_cost.economics.setting import Setting
from pause_cost.model.scenario import Scenario
from pause_cost.results.economics import Economics, FunderPosition
from pause_cost.results.headline import Headline

SHOWN_ITEMS = 2
"""Parts left out named in the sentence; the rest are counted ('and 7 more')."""


def headline(scenario: Scenario, setting: Setting, case: Economics) -> Headline:
    """The headline's position and coverage for the case's results."""
    coverage = coverage_words(setting)
    position = _funder(scenario, case)
    if position is not None:
        return Headline(
            view=position.name,
            view_kind="funder",
            view_named=scenario.headline_view is not None,
            cost_gbp=position.cost_gbp,
            avoided_gbp=position.savings_gbp,
            net_gbp=position.net_gbp,
            return_per_pound=position.return_per_pound,
            npv_gbp=position.npv_gbp,
            partial=partial(setting),
            coverage=coverage,
        )
    programme = setting.programme
    appraisal = case.appraisal
    return Headline(
        view="council",
        view_kind="council",
        view_named=False,
        cost_gbp=programme.cost_gbp,
        avoided_gbp=setting.evaluated.horizon_total,
        net_gbp=programme.net_gbp,
        return_per_pound=programme.return_per_pound,
        npv_gbp=None if appraisal is None else appraisal.npv_gbp,
        partial=partial(setting),
        coverage=coverage,
    )


def _funder(scenario: Scenario, case: Economics) -> FunderPosition | None:
    if case.funders is None or scenario.funders is None:
        return None
    wanted = scenario.headline_view
    if wanted is None:
        councils = [funder.name for funder in scenario.funders if funder.kind == "council"]
        if not councils:
            return None
        wanted = councils[0]
    return next((position for position in case.funders.positions if position.name == wanted), None)


def coverage_words(setting: Setting) -> str | None:
    """'counting only the parts of a child's journey that care-journey-scotland costs (by its
    own account it leaves out 9: a; b; and 7 more)' for a partial table; 'counting what
    rotherham-2020-published costs, a table that does not say which parts of a child's journey
    it covers' for one that does not say; None where every table covers the whole journey by
    its own account."""
    partial, unstated = [], []
    for table in setting.plan.tables:
        if table.coverage is None:
            unstated.append(table.name)
            continue
        if not table.coverage.left_out:
            continue
        items = [_lowered(gap.item) for gap in table.coverage.left_out]
        more = f"; and {len(items) - SHOWN_ITEMS} more" if len(items) > SHOWN_ITEMS else ""
        partial.append(
            f"{table.name} costs (by its own account it leaves out {len(items)}: "
            f"{'; '.join(items[:SHOWN_ITEMS])}{more})"
        )
    clauses = []
    if partial:
        clauses.append(
            "counting only the parts of a child's journey that " + " and that ".join(partial)
        )
    if unstated:
        tables = " and ".join(unstated)
        said = "a table that does not" if len(unstated) == 1 else "tables that do not"
        clauses.append(
            f"counting what {tables} costs, {said} say which parts of a child's journey "
            f"{'it covers' if len(unstated) == 1 else 'they cover'}"
        )
    return "; ".join(clauses) if clauses else None


def partial(setting: Setting) -> bool:
    """Whether a table the figures rest on says it leaves part of the journey out."""
    return any(
        table.coverage is not None and bool(table.coverage.left_out)
        for table in setting.plan.tables
    )


def _lowered(item: str) -> str:
    """An item as it reads mid-sentence: 'The sheriff court' -> 'the sheriff court' (a word
    in capitals, such as 'SCRA', is left as it is)."""
    first = item.split(" ", 1)[0]
    return item[0].lower() + item[1:] if first[1:].islower() else item
