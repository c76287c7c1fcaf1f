"""Results as plain JSON data: the one place a result becomes dicts, lists and numbers.

Keys keep the order the result classes declare, so the same inputs give the same bytes.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from pause_cost.money import json_number


def to_data(value: Any) -> Any:
    """A result (or any part of one) as JSON-ready data: decimals become plain numbers."""
    if isinstance(value, Decimal):
        return json_number(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {item.name: to_data(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    dump = getattr(value, "model_dump", None)
    if dump is not None:  # a pydantic input model echoed in a result (a source)
        return dump(mode="json")
    return value


def dumps(data: Any) -> str:
    """JSON data as the text every output uses: indented, a final newline, non-ASCII kept as
    written ('£', not '\\u00a3')."""
    import json

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_json(value: Any) -> str:
    """A result as the JSON text the CLI prints."""
    return dumps(to_data(value))


def json_schema(result_type: type) -> dict[str, Any]:
    """The JSON Schema of a result's JSON form (pydantic reads the annotations only here)."""
    from pydantic import TypeAdapter

    schema: dict[str, Any] = TypeAdapter(result_type).json_schema(mode="serialization")
    return schema
