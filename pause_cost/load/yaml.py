"""Read a YAML file safely, remembering where every key and value sits.

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

libyaml's C parser (when PyYAML has it) reads the events, several times faster than the
pure-Python scanner; our own composer, resolver and constructor build the nodes and data from
them, so the rules above hold on both paths. Any problem at all, and any text libyaml is known
to read otherwise, sends the text back through the pure-Python loader, so every message and
position is the pure loader's, word for word (``load(..., fast=False)`` goes there directly).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pause_cost.errors import InputError, Problem

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000
"""Scenarios and tables are a few kilobytes; a megabyte is a wrong file, not a big table."""


@dataclass(frozen=True)
class Position:
    """1-based line and column, as editors count."""

    line: int
    column: int


@dataclass
class Marks:
    """Where each key and value of a loaded document starts, by its path in the data."""

    keys: dict[Loc, Position] = field(default_factory=dict)
    values: dict[Loc, Position] = field(default_factory=dict)

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
            return self.keys[found]
        return self.values.get(found)


@dataclass(frozen=True)
class Document:
    """A loaded file: its plain data, where everything sits, and how to name it in messages."""

    path: Path
    display_path: str
    data: Any
    marks: Marks


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class _Loader(yaml.SafeLoader):
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

MAX_NUMBER_CHARACTERS = 40
"""A number written with more characters is refused: no cost, rate or count needs them, and
a 5,000-digit integer would otherwise reach Python's own limits."""


def _construct_number(loader: _Loader, node: ScalarNode) -> int | Decimal:
    """A number as the exact value its text writes: ``0.33`` is Decimal('0.33'), ``15`` is 15.

    Never a float: a float would hold 0.33 as 0.33000000000000001554 and the engine would
    have to guess back what was typed. Infinity and NaN become decimals the models refuse.
    """
    text = str(node.value)
    if len(text) > MAX_NUMBER_CHARACTERS:
        loader.problem(
            _position(node.start_mark),
            f"a number {len(text):,} characters long is not plausible here; write at most "
            f"{MAX_NUMBER_CHARACTERS} characters (costs in pounds, rates as decimals)",
        )
        return 0
    plain = text.lstrip("+")
    lowered = plain.lower()
    if lowered in {".inf", "-.inf"}:
        return Decimal("-Infinity") if lowered.startswith("-") else Decimal("Infinity")
    if lowered == ".nan":
        return Decimal("NaN")
    if node.tag == "tag:yaml.org,2002:int":
        return int(plain)
    return Decimal(plain)


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_number)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_number)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|(?:0|[1-9][0-9]*)(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


class _NotFast(Exception):
    """Raised on the libyaml path to leave the text to the pure-Python loader."""


_LIBYAML_READS_OTHERWISE = "\t\ufeff\x85\u2028\u2029"
"""Characters libyaml reads otherwise than the pure loader (found by comparing the two): a tab
(libyaml takes it as a space in places the pure scanner refuses it), a byte-order mark (libyaml
skips one at the start of any line, the pure reader only at the start of the text), and the
NEL, LS and PS line breaks."""

_COMMENTED_HEADER = re.compile(r"[|>][-+0-9]*#")
"""A block scalar's header with a comment hard against it (``|#``): libyaml takes it, the pure
scanner refuses it. (Text that merely looks so, inside a value, only costs the fast path.)"""


def _libyaml_may_differ(text: str) -> bool:
    # Directives too (``%YAML 1.2#`` is another comment libyaml takes): these files need none.
    return (
        any(character in text for character in _LIBYAML_READS_OTHERWISE)
        or text.startswith("%")
        or "\n%" in text
        or _COMMENTED_HEADER.search(text) is not None
    )


def _check_flow_scalars(items: list[Node]) -> None:
    """Raise _NotFast for a plain scalar in a [ ] or { } collection that libyaml reads otherwise.

    libyaml lets such a scalar hold a '?' (the pure scanner ends it there), and places an empty
    one (``{a: }``) after the spaces that follow the ':' (the pure parser, before them).
    """
    plain = [item.value for item in items if isinstance(item, ScalarNode) and not item.style]
    if any(not value or "?" in value for value in plain):
        raise _NotFast


_FastLoader: type[_Loader] | None = None
"""`_Loader` reading its events with libyaml, or None where PyYAML was built without it."""

if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _CParsedLoader(CParser, _Loader):
        """`_Loader` with libyaml's parser: libyaml's events and marks, all the rest ours.

        A subclass, so nodes are composed by `_Loader.compose_node` (aliases, anchors and tags
        refused), and scalars resolved and constructed by `_Loader`'s resolvers and
        constructors, whatever is registered on `_Loader` now or later.
        """

        # CParser composes a whole document in C, past `_Loader.compose_node`; the Python
        # composer's entry points come first instead. CParser's `check_event`, `peek_event` and
        # `get_event` still come before the pure parser's, so the events are libyaml's.
        check_node = Composer.check_node
        get_node = Composer.get_node
        get_single_node = Composer.get_single_node

        def __init__(self, stream: str, display_path: str) -> None:
            # `_Loader`'s own setup (composer, constructor, resolver, problems), over no text:
            # its pure-Python reader and scanner are never asked for anything here.
            _Loader.__init__(self, "", display_path)
            CParser.__init__(self, stream)

        def compose_node(self, parent: Node | None, index: Any) -> Node | None:
            # libyaml takes an empty value tagged '!' as not plain, so it would construct ''
            # where the pure loader constructs None; tags are refused, so any tag goes there.
            if getattr(self.peek_event(), "tag", None) is not None:
                raise _NotFast
            node = super().compose_node(parent, index)
            if isinstance(node, ScalarNode) and not node.style:
                node.style = None  # plain, as the pure parser says it (libyaml says '')
            return node

        def compose_sequence_node(self, anchor: Any) -> SequenceNode:
            node = super().compose_sequence_node(anchor)
            if node.flow_style:
                _check_flow_scalars(node.value)
            return node

        def compose_mapping_node(self, anchor: Any) -> MappingNode:
            node = super().compose_mapping_node(anchor)
            if node.flow_style:
                _check_flow_scalars([part for pair in node.value for part in pair])
            return node

    _FastLoader = _CParsedLoader


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


_UNCLOSED = {
    "while scanning a quoted scalar": "a quoted value",
    "while parsing a flow sequence": "a [ list",
    "while parsing a flow mapping": "a { mapping",
}


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
    if problem in _SYNTAX_PLAIN:
        return position, f"invalid YAML: {_SYNTAX_PLAIN[problem]}"
    hint = _SYNTAX_HINTS.get(problem)
    return position, f"invalid YAML: {problem}" + (f"; {hint}" if hint else "")


def _walk(node: Node, loc: Loc, marks: Marks, loader: _Loader) -> None:
    marks.values[loc] = _position(node.start_mark)
    if isinstance(node, MappingNode):
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                loader.problem(_position(key_node.start_mark), "keys must be plain words")
                continue
            key = str(key_node.value)
            dotted = ".".join(str(part) for part in (*loc, key))
            if key in first_line:
                loader.problem(
                    _position(key_node.start_mark),
                    f"duplicate key (first given on line {first_line[key]}); give each key once",
                    dotted,
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            marks.keys[(*loc, key)] = _position(key_node.start_mark)
            _walk(value_node, (*loc, key), marks, loader)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            marks.keys[(*loc, index)] = _position(item.start_mark)
            _walk(item, (*loc, index), marks, loader)


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


def not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is ('a FIFO'), or None for a regular file."""
    for test, name in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def read_text(path: Path, display_path: str) -> str:
    """The file's text, or an InputError saying plainly why it cannot be read.

    A UTF-8 byte-order mark is dropped and CRLF line endings read as LF, so files saved by
    Windows editors load exactly as if they had neither.
    """
    if not os.path.lexists(path):
        raise InputError.single(display_path, "file not found")
    if path.is_dir():
        raise InputError.single(display_path, "is a directory; give a YAML file")
    try:
        # Non-blocking, so that opening a FIFO cannot hang; then only a regular file is read,
        # and never more than the limit, whatever the file system says its size is.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            kind = not_regular(status.st_mode)
            if kind is not None:
                raise InputError.single(
                    display_path, f"is {kind}, not a regular file; give a YAML file"
                )
            if status.st_size > MAX_FILE_BYTES:
                raise InputError.single(
                    display_path,
                    f"file is {status.st_size:,} bytes; input files may be at most "
                    f"{MAX_FILE_BYTES:,} bytes",
                )
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError.single(display_path, f"cannot be read: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError.single(
            display_path,
            f"file is over {MAX_FILE_BYTES:,} bytes; input files may be at most "
            f"{MAX_FILE_BYTES:,} bytes",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError(
            [
                Problem(
                    display_path,
                    line,
                    column,
                    None,
                    f"byte 0x{raw[exc.start]:02x} is not UTF-8 text; save the file as UTF-8",
                )
            ]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load(path: Path, display_path: str | None = None, *, fast: bool = True) -> Document:
    """Parse one YAML document into plain data and marks, or raise every problem found.

    ``fast=False`` skips libyaml and reads with the pure-Python loader alone; the result is
    the same either way.
    """
    shown = display_path if display_path is not None else str(path)
    text = read_text(path, shown)
    if fast:
        document = _load_fast(path, shown, text)
        if document is not None:
            return document
    return _load_pure(path, shown, text)


def _load_fast(path: Path, shown: str, text: str) -> Document | None:
    """The document read with libyaml, or None to leave the text to the pure loader.

    None whenever anything is amiss (invalid YAML, a refused anchor, tag or duplicate key,
    anything else that raises) and for text libyaml might read otherwise: the pure loader
    then finds and words the problems as it always has.
    """
    if _FastLoader is None:
        return None
    if yaml.reader.Reader.NON_PRINTABLE.search(text) or _libyaml_may_differ(text):
        return None
    loader = _FastLoader(text, shown)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        marks = Marks()
        _walk(node, (), marks, loader)
        if loader.problems or (not text.endswith("\n") and _past_the_end(marks, text)):
            return None
        data = loader.construct_document(node)
        if loader.problems:
            return None
    except Exception:  # whatever it is, the pure loader reports it (or raises it) as before
        return None
    finally:
        loader.dispose()
    return Document(path, shown, data, marks)


def _past_the_end(marks: Marks, text: str) -> bool:
    """Whether a node sits at the end of a text that has no final line break.

    libyaml ends such a text with a line break of its own, so an empty value there is placed at
    the start of a line after the last (the pure loader places it at the end of the last).
    """
    last_line = text.count("\n") + 1
    return any(
        position.line > last_line for position in (*marks.keys.values(), *marks.values.values())
    )


def _load_pure(path: Path, shown: str, text: str) -> Document:
    """The document read by PyYAML's pure-Python loader, or every problem found in it."""
    try:
        loader = _Loader(text, shown)  # the reader checks every character here
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
        _walk(node, (), marks, loader)
        if loader.problems:
            raise InputError(sorted(loader.problems))
        data = loader.construct_document(node)
        if loader.problems:  # numbers refused while constructing
            raise InputError(sorted(loader.problems))
    finally:
        loader.dispose()
    return Document(path, shown, data, marks)
