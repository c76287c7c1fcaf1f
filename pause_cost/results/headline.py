"""What the headline says, decided once: whose view it takes and what the tables leave out."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from pause_cost.results.base import Exact, result


@result
class Headline:
    """The position the headline gives, and the coverage its sentence states."""

    view: Annotated[
        str,
        Field(
            description="Whose view: 'council' (the council's avoidance against the whole "
            "programme cost) or a funder's name (its own avoidance against its own share)."
        ),
    ]
    view_kind: Literal["council", "funder"]
    view_named: Annotated[
        bool, Field(description="Whether the scenario names the view (headline_view).")
    ]
    cost_gbp: Annotated[Exact | None, Field(description="The cost in that view; null if none.")]
    avoided_gbp: Annotated[Exact, Field(description="Cost avoided in that view, the horizon's.")]
    net_gbp: Annotated[Exact | None, Field(description="avoided_gbp - cost_gbp.")]
    return_per_pound: Annotated[
        Exact | None, Field(description="avoided_gbp / cost_gbp; null where it pays nothing.")
    ]
    npv_gbp: Annotated[Exact | None, Field(description="The view's NPV; null undiscounted.")]
    partial: Annotated[
        bool,
        Field(description="Whether a table the figures rest on leaves part of the journey out."),
    ]
    coverage: Annotated[
        str | None,
        Field(
            description="The words the headline's sentence carries about what the tables "
            "cover: what a partial table leaves out, or that a table does not say; null where "
            "every table covers the whole journey by its own account."
        ),
    ]
