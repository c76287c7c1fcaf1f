"""Transfers between public bodies: a fee a line pays to another agency must reach an agency
the table names, so that the public sector's position can net it out."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.model.tables import Line


def transfer_problems(lines: list[Line]) -> list[tuple[int, str]]:
    """Each line whose ``transfer_to`` no line of the table names as its agency: (its index,
    what is wrong and what is allowed)."""
    agencies = sorted({line.agency for line in lines})
    allowed = "; ".join(agencies[:8]) + (
        f"; and {len(agencies) - 8} more" if len(agencies) > 8 else ""
    )
    return [
        (
            index,
            f"'{line.transfer_to}': no line of the table names it as its agency; a transfer goes "
            f"to an agency a line names, as written there ({allowed})",
        )
        for index, line in enumerate(lines)
        if line.transfer_to is not None and line.transfer_to not in agencies
    ]
