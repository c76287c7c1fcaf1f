"""What every result class shares: exact numbers in JSON, and a dataclass with a strict schema."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, TypeVar, dataclass_transform

from pydantic import ConfigDict, PlainSerializer

from pause_cost.money import json_number

Exact = Annotated[Decimal, PlainSerializer(json_number, return_type=int | float, when_used="json")]
"""A decimal that JSON carries as a plain number (scripts read numbers, not strings)."""

ResultT = TypeVar("ResultT")
_SCHEMA_CONFIG = ConfigDict(extra="forbid")


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
def result(cls: type[ResultT]) -> type[ResultT]:
    """A keyword-only dataclass whose published schema allows no other keys.

    Not frozen: a frozen dataclass costs three times as long to define (it generates guards
    for every assignment), and every class on ``estimate``'s path counts at start-up. A result
    is built once by the engine and only read after; nothing in the package assigns to one.
    """
    cls.__pydantic_config__ = _SCHEMA_CONFIG  # type: ignore[attr-defined]
    return dataclass(kw_only=True)(cls)
