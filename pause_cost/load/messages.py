"""Turn validation errors into located messages a person can act on.

Each problem is ``file:line:col: key: what is wrong; what is allowed``: pydantic's error is
placed through the YAML marks, named by its dotted key, and worded in the user's terms (the
allowed range, the near-miss key, what a YAML 1.1 habit did to a number).
"""

from __future__ import annotations

import difflib
import types
from decimal import Decimal
from typing import Any, TypeVar, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks

ModelT = TypeVar("ModelT", bound=BaseModel)

_AT_KEY = {"missing", "extra_forbidden"}


def plain_messages(exc: ValidationError) -> list[str]:
    """A validator's own words, without pydantic's 'Value error, ' prefix."""
    return [str((error.get("ctx") or {}).get("error", error["msg"])) for error in exc.errors()]


def located(
    path: str, position: yamlmarks.Position | None, key: str | None, message: str
) -> Problem:
    line, column = (position.line, position.column) if position else (None, None)
    return Problem(path, line, column, key or None, message)


def validate(model: type[ModelT], document: yamlmarks.Document) -> ModelT:
    from pause_cost.load.unknown import MAX_UNKNOWN, counted_unknown, foreign, mistaken

    data = document.data
    unknown: list[str] = []
    if isinstance(data, dict):
        known = set(model.model_fields)
        unknown = [key for key in data if key not in known]
        if data and len(unknown) == len(data) and not mistaken(model, unknown):
            raise InputError([foreign(model, document, len(data))])
        if len(unknown) > MAX_UNKNOWN:  # validated without the rest: each costs a near-miss
            dropped = set(unknown[MAX_UNKNOWN:])
            data = {key: value for key, value in data.items() if key not in dropped}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = _without_misspelt_missing(model, exc.errors(include_url=False))
        errors, counted = counted_unknown(model, document, errors, unknown)
        problems = [_describe(model, document, error) for error in errors] + counted
        raise InputError(sorted(problems, key=file_order)) from None


def _without_misspelt_missing(model: type[BaseModel], errors: list[Any]) -> list[Any]:
    """Drop 'required key is missing' where an unknown key beside it is its misspelling.

    One typo is one problem: the unknown-key message already names the key it should be.
    """
    suggested: set[tuple[str | int, ...]] = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            match = near_miss(model, loc)
            if match is not None:
                suggested.add((*loc[:-1], match))
    return [
        error
        for error in errors
        if not (error["type"] == "missing" and tuple(error["loc"]) in suggested)
    ]


def file_order(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _describe(model: type[BaseModel], document: yamlmarks.Document, error: Any) -> Problem:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind: str = error["type"]
    if kind == "duplicate_id":
        loc = (*loc, error["ctx"]["second"], "id")
    if kind == "at_key":  # a model's rule about one of its keys: placed at that key
        loc = (
            *loc,
            *(int(part) if part.isdigit() else part for part in error["ctx"]["at"].split(".")),
        )
    if kind == "missing":
        position = document.marks.locate(loc[:-1], at_key=True)
    else:
        position = document.marks.locate(loc, at_key=kind in _AT_KEY)
    key = ".".join(str(part) for part in loc) or None
    message = _message(model, loc, kind, error)
    if kind == "extra_forbidden":
        odd = _odd_character(str(loc[-1]), position.column if position else None)
        if odd:
            message = f"unknown key: it holds {odd}, which no key has; {message.split('; ', 1)[1]}"
    return located(document.display_path, position, key, message)


def _odd_character(key: str, column: int | None) -> str | None:
    """The first character of a key that no key has, named, with the file column it is at.

    Keys are plain ASCII; a zero-width space or a Cyrillic 'a' (U+0430) in one looks right
    and is not, and 'did you mean' alone would hide the difference.
    """
    import unicodedata

    for offset, character in enumerate(key):
        if not character.isascii() or not character.isprintable():
            name = unicodedata.name(character, "an unnamed character")
            where = f" at column {column + offset}" if column is not None else ""
            return f"U+{ord(character):04X} {name}{where}"
    return None


EXCERPT = 60
"""At most this many characters of what was read are quoted back in a message: enough to
find the value, never a whole foreign file (``unit_costs: [../secret/creds.txt]``)."""


def excerpt(value: Any) -> str:
    """A value as a message quotes it: its repr (so control characters show as codes),
    cut to :data:`EXCERPT` characters with the length said."""
    shown = repr(value) if isinstance(value, str) else str(value)
    if len(shown) <= EXCERPT:
        return shown
    return f"{shown[: EXCERPT - 3]}... ({len(str(value)):,} characters)"


def _describe_input(value: Any, *, whole_file: bool = False) -> str:
    """What was found, in words. Of a whole file that is not a mapping nothing is quoted: it
    may be any file at all (a password file named by mistake), and its text is not ours to
    echo."""
    if isinstance(value, bool):
        return f"the truth value {str(value).lower()}"
    if isinstance(value, str):
        return "text, not keys" if whole_file else f"the text {excerpt(value)}"
    if isinstance(value, int | float | Decimal):
        return f"the number {excerpt(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    if value is None:
        return "nothing (an empty value)"
    return type(value).__name__


_SCALE = {"k": Decimal(1_000), "m": Decimal(1_000_000), "bn": Decimal(1_000_000_000)}


def _as_written_plainly(text: str) -> str | None:
    """What '£300,000', '1.7m' or '22%' would be as a plain number, if that is what it is."""
    plain = text.replace("£", "").replace(",", "").replace("_", "").strip()
    if plain.endswith("%"):
        try:
            return f"{(Decimal(plain[:-1]) / 100).normalize():f}"
        except ArithmeticError:
            return None
    for suffix, scale in _SCALE.items():
        if plain.lower().endswith(suffix):
            plain, factor = plain[: -len(suffix)], scale
            break
    else:
        factor = Decimal(1)
    try:
        number = Decimal(plain) * factor
    except ArithmeticError:
        return None
    return f"{number.normalize():f}" if number.is_finite() else None


def _number_hint(value: Any) -> str:
    if isinstance(value, str):
        text = value.strip()
        plainly = _as_written_plainly(text)
        if plainly is not None and text.endswith("%"):
            return f"; write a share or rate as a decimal, without '%': {plainly}"
        if plainly is not None and text != plainly and not _looks_numeric(text):
            return f"; write the number in plain digits: {plainly}"
        if ":" in text:
            return "; write plain digits (YAML 1.1 reads 1:30 as 90, so it is refused)"
        if text.lstrip("+-").startswith("0") and text.lstrip("+-0").isdigit():
            return "; write it without the leading zero (YAML 1.1 reads 012 as 10)"
        if "_" in text or "," in text:
            return "; write plain digits without separators, e.g. 1000"
        if _looks_numeric(text):
            return "; remove the quotes"
    return ""


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _message(model: type[BaseModel], loc: tuple[str | int, ...], kind: str, error: Any) -> str:
    value = error.get("input")
    ctx = error.get("ctx") or {}
    field = _field_at(model, loc)
    allowed = _allowed_range(field)
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        return _unknown_key(model, loc)
    if kind in {"float_type", "float_parsing", "decimal_type", "decimal_parsing"} or (
        kind == "is_instance_of" and ctx.get("class") == "Decimal"
    ):
        return f"expected a number, got {_describe_input(value)}{_number_hint(value)}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_describe_input(value)}{_number_hint(value)}"
    if kind == "finite_number":
        return "NaN and infinity are not allowed; give a finite number"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{excerpt(value)} is too small; allowed: {allowed}"
    if kind in {"less_than_equal", "less_than"}:
        return f"{excerpt(value)} is too large; allowed: {allowed}"
    if kind == "literal_error":
        expected = [str(arg) for arg in get_args(field.annotation)] if field else []
        choices = ", ".join(expected) if expected else ctx.get("expected", "")
        return f"{excerpt(value)} is not allowed; choose one of: {choices}"
    if kind == "string_type":
        hint = "; write a financial year like 2016/17" if loc[-1] == "price_year" else ""
        return f"expected text, got {_describe_input(value)}{hint}"
    if kind == "string_pattern_mismatch":
        return (
            f"{excerpt(value)} is not allowed; use lower-case letters, digits, '-' and '_', "
            "starting with a letter or digit"
        )
    if kind == "string_too_short":
        return "must not be empty"
    if kind in {"string_too_long", "too_long"}:
        return f"is too long; allowed: at most {ctx.get('max_length')}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        where = "at the top of the file" if not loc else "here"
        got = _describe_input(value, whole_file=not loc)
        return f"expected a mapping of keys (key: value) {where}, got {got}"
    if kind == "list_type":
        return f"expected a list, got {_describe_input(value)}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    parent = _model_at(model, loc[:-1])
    return list(parent.model_fields) if parent else []


def near_miss(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The allowed key an unknown key was most likely meant to be, if any is close."""
    close = difflib.get_close_matches(str(loc[-1]), allowed_keys(model, loc), n=1, cutoff=0.7)
    return close[0] if close else None


def _unknown_key(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    match = near_miss(model, loc)
    if match is not None:
        return f"unknown key; did you mean {match!r}?"
    return f"unknown key; allowed here: {', '.join(allowed_keys(model, loc))}"


def _allowed_range(field: FieldInfo | None) -> str:
    """The field's bounds in words: 'from 0 to 2', 'above 0 to 120', 'up to 1'."""
    if field is None:
        return "see the documentation"
    words: list[str] = []
    for rule in _rules(field):
        if isinstance(rule, annotated_types.Ge):
            words.insert(0, f"from {_plain(rule.ge)}")
        elif isinstance(rule, annotated_types.Gt):
            words.insert(0, f"above {_plain(rule.gt)}")
        elif isinstance(rule, annotated_types.Le):
            words.append(f"up to {_plain(rule.le)}" if not words else f"to {_plain(rule.le)}")
        elif isinstance(rule, annotated_types.Lt):
            words.append(f"below {_plain(rule.lt)}")
    return " ".join(words) or "see the documentation"


def _rules(field: FieldInfo) -> list[Any]:
    """A field's constraints: its own, and those of an optional's Annotated member."""
    rules = list(field.metadata)
    for member in _members(field.annotation):
        for meta in getattr(member, "__metadata__", ()):
            rules += meta.metadata if isinstance(meta, FieldInfo) else [meta]
    return rules


def _plain(number: Any) -> str:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}" if isinstance(number, int) and abs(number) >= 10_000 else str(number)


def _members(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin is Union or origin is types.UnionType:
        return [arg for arg in get_args(annotation) if arg is not type(None)]
    return [annotation]


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one step down a loc, through optionals, lists and models."""
    for member in _members(annotation):
        if isinstance(part, int) and get_origin(member) is list:
            return get_args(member)[0]
        if (
            isinstance(part, str)
            and isinstance(member, type)
            and issubclass(member, BaseModel)
            and part in member.model_fields
        ):
            return member.model_fields[part]
    return None


def _descend(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    """What a loc leads to in the model: a FieldInfo, a list's item type, or None."""
    current: Any = model
    for part in loc:
        current = _step(current.annotation if isinstance(current, FieldInfo) else current, part)
        if current is None:
            return None
    return current


def _field_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> FieldInfo | None:
    found = _descend(model, loc)
    return found if isinstance(found, FieldInfo) else None


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    current = _descend(model, loc)
    annotation = current.annotation if isinstance(current, FieldInfo) else current
    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None
