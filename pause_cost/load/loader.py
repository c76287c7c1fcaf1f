"""PyYAML's pure-Python loader, made safe and exact, and the marks of where everything sits.

PyYAML's ``safe_load`` is safe from code execution but not from its own YAML 1.1 habits, so:

* scalars resolve as in YAML 1.2's core schema, stricter still: ``no``, ``on``, ``012``,
  ``1:30``, ``1_000`` and ``2024-01-01`` stay text (the models then refuse them where a number
  belongs, with a clear message) instead of becoming ``False``, ``10``, ``90``, 1000 and a date;
  ``1e3`` is the number 1000, as its writer meant;
* anchors and aliases are refused while the file is composed, so an alias bomb is never
  expanded (nothing downstream walks a shared node twice);
* duplicate keys are refused (``safe_load`` silently keeps the last one), and so are tags
  (``!!binary``, ``!!python/object``): nothing here needs a constructor chosen by the file;
* every problem is collected, with its line and column, before any is raised.

Every message and position a user sees comes from here: the libyaml fast path
(:mod:`pause_cost.load.libyaml`) hands anything amiss back to :func:`load_pure`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pause_cost.errors import InputError, Problem
from pause_cost.money import MAX_NUMBER_CHARACTERS, number_bounds_problem

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    """1-based line and column, as editors count."""

    line: int
    column: int


@dataclass
class Marks:
    """Where each key and value of a loaded document starts, by its path in the data.

    Held as the parser's own marks (0-based), made a :class:`Position` only when asked for:
    a 6,000-line table has some 130,000 of them, and nearly all are never asked for."""

    keys: dict[Loc, Any] = field(default_factory=dict)
    values: dict[Loc, Any] = field(default_factory=dict)

    def locate(self, loc: Loc, *, at_key: bool = False) -> Position | None:
        """The best position for a path, skipping parts that are not in the file.

        A missing key is reported where its parent mapping starts; validator tags that
        pydantic puts in a ``loc`` (they name no key in the file) are passed over.
        """
        found: Loc = ()
        for part in loc:
            if (*found, part) in self.values:
                found = (*found, part)
        if at_key and found and found in self.keys:
            return _position(self.keys[found])
        mark = self.values.get(found)
        return None if mark is None else _position(mark)


@dataclass(frozen=True)
class Document:
    """A loaded file: its plain data, where everything sits, and how to name it in messages."""

    path: Path
    display_path: str
    data: Any
    marks: Marks


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema scalars and no anchors or aliases.

    A subclass, so the process-wide SafeLoader is never modified.
    """

    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012  (PyYAML declares it so)

    def __init__(self, stream: str, display_path: str) -> None:
        super().__init__(stream)
        self.display_path = display_path
        self.problems: list[Problem] = []
        self.anchors_seen: set[str] = set()
        self.depth = 0

    def problem(self, position: Position, message: str, key: str | None = None) -> None:
        self.problems.append(
            Problem(self.display_path, position.line, position.column, key, message)
        )

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            if event.anchor not in self.anchors_seen:
                self.problem(
                    _position(event.start_mark), f"alias *{event.anchor} refers to no anchor"
                )
            # A null stands in for the alias: the anchored value is never shared, so a
            # "billion laughs" file cannot expand, however deeply its aliases nest.
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        event = self.peek_event()  # type: ignore[no-untyped-call]
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            # Tags select constructors (`!!python/object`, `!!binary`, `!!int abc`); these files
            # need none, and a stray '!' at the start of a value is a typo, not a type.
            self.problem(
                _position(event.start_mark),
                f"YAML tags such as {tag.replace('tag:yaml.org,2002:', '!!')!r} are not allowed; "
                "to start a value with '!', "
                "put the value in quotes",
            )
            event.tag = None
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            self.anchors_seen.add(anchor)
            self.problem(
                _position(event.start_mark),
                f"YAML anchors and aliases (&{anchor}, *{anchor}) are not allowed; "
                "write each value out in full",
            )
        if self.depth >= MAX_DEPTH:
            # Composing recurses: a file nested hundreds deep would exhaust Python's stack.
            self.problem(
                _position(event.start_mark),
                f"values are nested more than {MAX_DEPTH} levels deep; these files need a "
                "few levels (a scenario's deepest key is 4 down)",
            )
            raise _TooDeep
        self.depth += 1
        try:
            node: Node | None = super().compose_node(parent, index)
        finally:
            self.depth -= 1
        return node


class _TooDeep(Exception):
    """Composition stops at the depth limit; the problem is recorded already."""


MAX_DEPTH = 40
"""How deep values may nest. A table line's source is 4 levels down; 40 is far beyond any
real file and far within Python's stack."""


def _construct_number(loader: Loader, node: ScalarNode) -> int | Decimal:
    """A number as the exact value its text writes: ``0.33`` is Decimal('0.33'), ``15`` is 15.

    Never a float: a float would hold 0.33 as 0.33000000000000001554 and the engine would
    have to guess back what was typed. Infinity and NaN become decimals the models refuse.
    Its text was checked by :func:`walk` (length, then exponent) before this runs.
    """
    plain = str(node.value).lstrip("+")
    lowered = plain.lower()
    if lowered in {".inf", "-.inf"}:
        return Decimal("-Infinity") if lowered.startswith("-") else Decimal("Infinity")
    if lowered == ".nan":
        return Decimal("NaN")
    if node.tag == "tag:yaml.org,2002:int":
        return int(plain)
    value = Decimal(plain)
    return value if value else Decimal(0)


_NUMBER_TAGS = frozenset(("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"))


def _number_text_problem(node: ScalarNode) -> str | None:
    """Why a number's text is refused, judged while it is text: its length, then its exponent
    (read, never expanded, so ``1e999999999`` costs nothing), or None."""
    text = str(node.value)
    if len(text) > MAX_NUMBER_CHARACTERS:
        return (
            f"a number {len(text):,} characters long is not plausible here; write at most "
            f"{MAX_NUMBER_CHARACTERS} characters (costs in pounds, rates as decimals)"
        )
    plain = text.lstrip("+")
    if plain.lower() in {".inf", "-.inf", ".nan"}:
        return None
    return number_bounds_problem(Decimal(plain))


Loader.add_constructor("tag:yaml.org,2002:int", _construct_number)
Loader.add_constructor("tag:yaml.org,2002:float", _construct_number)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


_SYNTAX_HINTS = {
    "mapping values are not allowed here": "check this line's indentation, or put quotes "
    "around a value that contains ': '",
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
}

_SYNTAX_PLAIN = {
    "expected <block end>, but found '<block mapping start>'": "this line is indented more "
    "or less than the lines above it at the same level; indent each level by the same number "
    "of spaces (2 is usual)",
    "expected <block end>, but found '<block sequence start>'": "this list item is indented "
    "differently from the items above it; line up each level's '-' with the others",
}
"""PyYAML's words for a mistake, and the same said in a person's."""


MAX_KEY_CHARACTERS = 1024
"""YAML's own limit on a plain key (the YAML 1.1 spec's, which PyYAML keeps)."""

_KEY_TOO_LONG = frozenset(("could not find expected ':'", "mapping values are not allowed here"))
"""What PyYAML says of a key past :data:`MAX_KEY_CHARACTERS`, which it stops reading as one."""

_UNCLOSED = {
    "while scanning a quoted scalar": "a quoted value",
    "while parsing a flow sequence": "a [ list",
    "while parsing a flow mapping": "a { mapping",
}


def _long_key(mark: Any) -> bool:
    """Whether the line up to ``mark`` is one plain key longer than YAML reads: past the limit,
    with no ': ' or '#' before it that would make it a value or a comment."""
    buffer, pointer = getattr(mark, "buffer", None), getattr(mark, "pointer", None)
    if not isinstance(buffer, str) or not isinstance(pointer, int):
        return False
    line = buffer[buffer.rfind("\n", 0, pointer) + 1 : pointer].lstrip(" -")
    return len(line) > MAX_KEY_CHARACTERS and ": " not in line and " #" not in line


def _syntax_problem(exc: yaml.MarkedYAMLError) -> tuple[Position, str]:
    """Where a syntax error is, in words a person editing the file can act on.

    An unclosed quote or bracket is reported where it opens, not at the end of the file
    where the parser gave up.
    """
    problem = exc.problem or "not valid YAML"
    at_end = "end of stream" in problem or "<stream end>" in problem
    if exc.context and exc.context_mark is not None and at_end:
        opened = _position(exc.context_mark)
        what = _UNCLOSED.get(exc.context, exc.context.removeprefix("while "))
        return opened, f"invalid YAML: {what} that is never closed"
    mark = exc.problem_mark or exc.context_mark
    position = _position(mark) if mark is not None else Position(1, 1)
    if problem in _KEY_TOO_LONG and _long_key(mark):
        return position, (
            f"invalid YAML: a key more than {MAX_KEY_CHARACTERS:,} characters long (this line's "
            f"':' is at column {position.column:,}); YAML reads no longer key, and keys in "
            "these files are a few words"
        )
    if problem in _SYNTAX_PLAIN:
        return position, f"invalid YAML: {_SYNTAX_PLAIN[problem]}"
    hint = _SYNTAX_HINTS.get(problem)
    return position, f"invalid YAML: {problem}" + (f"; {hint}" if hint else "")


def walk(node: Node, loc: Loc, marks: Marks, loader: Loader) -> None:
    marks.values[loc] = node.start_mark
    if isinstance(node, ScalarNode) and node.tag in _NUMBER_TAGS:
        problem = _number_text_problem(node)
        if problem is not None:
            dotted = ".".join(str(part) for part in loc) or None
            loader.problem(_position(node.start_mark), problem, dotted)
    if isinstance(node, MappingNode):
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                loader.problem(_position(key_node.start_mark), "keys must be plain words")
                continue
            key = str(key_node.value)
            if key in first_line:
                loader.problem(
                    _position(key_node.start_mark),
                    f"duplicate key (first given on line {first_line[key]}); give each key once",
                    ".".join(str(part) for part in (*loc, key)),
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            marks.keys[(*loc, key)] = key_node.start_mark
            walk(value_node, (*loc, key), marks, loader)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            marks.keys[(*loc, index)] = item.start_mark
            walk(item, (*loc, index), marks, loader)


def _unprintable(exc: yaml.reader.ReaderError, text: str, shown: str) -> InputError:
    """A control character (pasted from a PDF, say), located and named."""
    before = text[: exc.position]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    message = (
        f"character U+{exc.character:04X} is not allowed in a YAML file (a control "
        "character); delete it"
    )
    return InputError([Problem(shown, line, column, None, message)])


def load_pure(path: Path, shown: str, text: str) -> Document:
    """The document read by PyYAML's pure-Python loader, or every problem found in it."""
    try:
        loader = Loader(text, shown)  # the reader checks every character here
    except yaml.reader.ReaderError as exc:
        raise _unprintable(exc, text, shown) from None
    try:
        try:
            node = loader.get_single_node()
        except _TooDeep:
            raise InputError(loader.problems) from None
        except yaml.MarkedYAMLError as exc:
            loader.problem(*_syntax_problem(exc))
            raise InputError(loader.problems) from None
        except yaml.reader.ReaderError as exc:
            raise _unprintable(exc, text, shown) from None
        if node is None:
            raise InputError.single(
                shown,
                "file holds no data (it is empty or only comments); expected keys such as "
                "'name: ...'",
            )
        marks = Marks()
        walk(node, (), marks, loader)
        if loader.problems:
            raise InputError(sorted(loader.problems))
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    return Document(path, shown, data, marks)
