"""The headline's view and coverage as blocks: the words the results decided, laid out."""

from __future__ import annotations

from pause_cost.render.document import Block, Money, Paragraph, Ratio, Row
from pause_cost.results.estimate import Estimate


def coverage_blocks(estimate: Estimate, *, partial_only: bool = False) -> list[Block]:
    """'Coverage: these figures are partial, counting only ...' where a table leaves parts out,
    or 'Counting what ... costs, a table that does not say ...'."""
    view = estimate.economics.headline
    if view is None or view.coverage is None or (partial_only and not view.partial):
        return []
    words = view.coverage
    said = f"these figures are partial, {words}" if view.partial else words[0].upper() + words[1:]
    return [Paragraph(f"Coverage: {said}.")]


def view_rows(estimate: Estimate) -> list[Row]:
    """A funder's own position, where the headline takes a funder's view."""
    view = estimate.economics.headline
    if view is None or view.view_kind != "funder" or view.cost_gbp is None:
        return []
    rows = [Row((f"{view.view}: its share of the cost", Money(view.cost_gbp)))]
    if view.net_gbp is not None:
        rows.append(Row((f"{view.view}: its own net", Money(view.net_gbp)), strong=True))
    if view.return_per_pound is not None:
        rows.append(Row((f"{view.view}: avoided per £1 it pays", Ratio(view.return_per_pound))))
    return rows
