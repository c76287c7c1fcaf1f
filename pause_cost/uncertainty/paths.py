"""Inputs addressed by path: now :mod:`pause_cost.model.paths`, named here for older imports."""

from pause_cost.model.paths import (
    FLAT_RATE,
    Address,
    PathError,
    address,
    change,
    read,
    set_value,
    value_at,
)

__all__ = [
    "FLAT_RATE",
    "Address",
    "PathError",
    "address",
    "change",
    "read",
    "set_value",
    "value_at",
]
