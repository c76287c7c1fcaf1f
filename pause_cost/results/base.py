"""What every result class shares: exact numbers in JSON, and a dataclass with a strict schema."""

from __future__ import annotations

import reprlib
from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal
from typing import Annotated, Any, TypeVar, dataclass_transform

from pydantic import ConfigDict, PlainSerializer

from pause_cost.money import json_number

Exact = Annotated[Decimal, PlainSerializer(json_number, return_type=int | float, when_used="json")]
"""A decimal that JSON carries as a plain number (scripts read numbers, not strings)."""

ResultT = TypeVar("ResultT")
_SCHEMA_CONFIG = ConfigDict(extra="forbid")
_INIT = "__result_init__"
_REPR = "__result_repr__"
_COMPARE = "__result_compare__"


def _init(self: Any, /, **values: Any) -> None:
    """Every field from its keyword, else its default, else its default factory; then
    ``__post_init__`` if the class has one: what a keyword-only dataclass's ``__init__`` does."""
    cls = type(self)
    missing = []
    for name, default, factory in getattr(cls, _INIT):
        if name in values:
            value = values.pop(name)
        elif default is not MISSING:
            value = default
        elif factory is not MISSING:
            value = factory()
        else:
            missing.append(name)
            continue
        setattr(self, name, value)
    if values:
        unexpected = ", ".join(repr(name) for name in values)
        raise TypeError(f"{cls.__qualname__}() got unexpected keyword arguments: {unexpected}")
    if missing:
        raise TypeError(
            f"{cls.__qualname__}() missing required keyword-only arguments: "
            + ", ".join(repr(name) for name in missing)
        )
    post_init = getattr(self, "__post_init__", None)
    if post_init is not None:
        post_init()


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    """``Name(field=value, ...)``, as a dataclass's ``__repr__`` writes it."""
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in getattr(type(self), _REPR))
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: object) -> object:
    """Equal when of the same class with equal fields, as a dataclass's ``__eq__`` decides."""
    if other.__class__ is not self.__class__:
        return NotImplemented
    names: tuple[str, ...] = getattr(type(self), _COMPARE)
    mine = tuple(getattr(self, name) for name in names)
    return mine == tuple(getattr(other, name) for name in names)


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
def result(cls: type[ResultT]) -> type[ResultT]:
    """A keyword-only dataclass whose published schema allows no other keys.

    Not frozen: a frozen dataclass costs three times as long to define (it generates guards
    for every assignment), and every class on ``estimate``'s path counts at start-up. A result
    is built once by the engine and only read after; nothing in the package assigns to one.

    For the same reason its ``__init__``, ``__repr__`` and ``__eq__`` are shared functions that
    read the class's fields, not code generated and compiled for each class (which is most of
    what defining a dataclass costs): they behave as the generated ones do.
    """
    cls.__pydantic_config__ = _SCHEMA_CONFIG  # type: ignore[attr-defined]
    own = set(vars(cls))
    made = dataclass(kw_only=True, init=False, repr=False, eq=False)(cls)
    every = fields(made)  # type: ignore[arg-type]  # a dataclass from here on
    setattr(
        made,
        _INIT,
        tuple((item.name, item.default, item.default_factory) for item in every if item.init),
    )
    setattr(made, _REPR, tuple(item.name for item in every if item.repr))
    setattr(made, _COMPARE, tuple(item.name for item in every if item.compare))
    for name, method in (("__init__", _init), ("__repr__", _repr), ("__eq__", _eq)):
        if name not in own:
            setattr(made, name, method)
    if "__hash__" not in own:
        made.__hash__ = None  # type: ignore[assignment]  # as a mutable dataclass with __eq__
    return made
