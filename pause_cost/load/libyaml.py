"""The libyaml fast path: libyaml's C parser reads the events, our loader does the rest.

libyaml's parser (when PyYAML has it) is several times faster than the pure-Python scanner;
our own composer, resolver and constructor (:class:`~pause_cost.load.loader.Loader`'s) build
the nodes and data from its events, so every rule of the pure loader holds here too. Any
problem at all, and any text libyaml is known to read otherwise, gives None: the caller then
reads the text with the pure loader, so every message and position is the pure loader's, word
for word.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pause_cost.load.loader import MAX_DEPTH, Document, Loader, Marks, walk


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


FastLoader: type[Loader] | None = None
"""`Loader` reading its events with libyaml, or None where PyYAML was built without it."""

if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _CParsedLoader(CParser, Loader):
        """`Loader` with libyaml's parser: libyaml's events and marks, all the rest ours.

        A subclass, so nodes are composed by `Loader.compose_node` (aliases, anchors and tags
        refused), and scalars resolved and constructed by `Loader`'s resolvers and
        constructors, whatever is registered on `Loader` now or later.
        """

        # CParser composes a whole document in C, past `Loader.compose_node`; the Python
        # composer's entry points come first instead. CParser's `check_event`, `peek_event` and
        # `get_event` still come before the pure parser's, so the events are libyaml's.
        check_node = Composer.check_node
        get_node = Composer.get_node
        get_single_node = Composer.get_single_node

        def __init__(self, stream: str, display_path: str) -> None:
            # `Loader`'s own setup (composer, constructor, resolver, problems), over no text:
            # its pure-Python reader and scanner are never asked for anything here.
            Loader.__init__(self, "", display_path)
            CParser.__init__(self, stream)

        def compose_node(self, parent: Node | None, index: Any) -> Node | None:
            # Composed here in one step, each event looked at once (this runs for every value
            # of a file, 130,000 times for a 6,000-line table). Anything `Loader.compose_node`
            # would report (an alias, an anchor, a tag, nesting past its limit) leaves the text
            # to the pure loader, which reports it; libyaml takes an empty value tagged '!' as
            # not plain, so a tag of any kind goes there too.
            event: Any = self.peek_event()
            kind = type(event)
            if kind is AliasEvent or event.anchor is not None or self.depth >= MAX_DEPTH:
                raise _NotFast
            if kind is ScalarEvent:
                if event.tag is not None:
                    raise _NotFast
                scalar: Any = self.compose_scalar_node(None)  # type: ignore[arg-type]
                if not scalar.style:
                    scalar.style = None  # plain, as the pure parser says it (libyaml says '')
                return scalar  # type: ignore[no-any-return]
            if event.tag is not None:
                raise _NotFast
            self.depth += 1
            try:
                if kind is SequenceStartEvent:
                    return self.compose_sequence_node(None)
                return self.compose_mapping_node(None)
            finally:
                self.depth -= 1

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

    FastLoader = _CParsedLoader


def load_fast(path: Path, shown: str, text: str) -> Document | None:
    """The document read with libyaml, or None to leave the text to the pure loader.

    None whenever anything is amiss (invalid YAML, a refused anchor, tag or duplicate key,
    anything else that raises) and for text libyaml might read otherwise: the pure loader
    then finds and words the problems as it always has.
    """
    if FastLoader is None:
        return None
    if yaml.reader.Reader.NON_PRINTABLE.search(text) or _libyaml_may_differ(text):
        return None
    loader = FastLoader(text, shown)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        marks = Marks()
        walk(node, (), marks, loader)
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
    last_line = text.count("\n")  # 0-based, as the marks count
    return any(mark.line > last_line for mark in (*marks.keys.values(), *marks.values.values()))
