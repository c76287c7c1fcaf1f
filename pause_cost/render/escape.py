"""Text from a user's file, made safe for the medium it lands in.

A scenario's title, a table's item or a source is written by whoever wrote the file, and
must not be able to act in the output: move a terminal's cursor or retitle its window (escape
sequences), reorder what a reader sees (bidirectional overrides), add headings, rows or HTML
to a committee paper (Markdown), or run a formula in a spreadsheet (CSV). Each medium gets
the text shown as written, with anything that could act made visible and inert.
"""

from __future__ import annotations

import re

from pause_cost.visible import visible

__all__ = ["markdown", "spreadsheet", "visible"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>|~])")
_LOOSE_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def markdown(text: str, *, line_start: bool = True) -> str:
    """Text for a Markdown table cell or paragraph: one line, no markup, no HTML.

    Characters that mark up (``* [ ] < > | ` ~ \\``) are escaped; an underscore only where
    it could start or end emphasis (``other_agency`` reads as written); an ampersand only
    where it would start an entity; and a block construct at the start (a heading, a list
    item, a rule), since the text may begin a line of the output (``line_start``; a table
    cell never does, and is left as written there).
    """
    text = visible(text, newlines=False).lstrip(" ")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _LOOSE_UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub("&amp;", text)
    return _inert_start(text) if line_start else text


_HEADING_OR_ITEM = re.compile(r"(?:#{1,6}|[-+=])(?=[ \t]|$)")
_NUMBERED_ITEM = re.compile(r"([0-9]{1,9})([.)])(?=[ \t]|$)")
_RULE_OR_UNDERLINE = re.compile(r"(?:-[ \t]*){3,}|=+[ \t]*")


def _inert_start(text: str) -> str:
    """The text with a block construct at its start made inert, for text that may begin a
    line: a heading (``# x``), a list item (``- x``, ``+ x``, ``1. x``, ``1) x``), a rule
    (``---``) or a heading's underline (``===``) is shown as written (``\\# x``, ``1\\. x``),
    not built. (Quotes, fences, HTML and tables start with characters escaped everywhere.)"""
    if _HEADING_OR_ITEM.match(text) or _RULE_OR_UNDERLINE.fullmatch(text):
        return "\\" + text
    numbered = _NUMBERED_ITEM.match(text)
    if numbered:
        return f"{numbered[1]}\\{numbered[2]}{text[numbered.end() :]}"
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet(text: str) -> str:
    """Text for a CSV cell: a leading ``= + - @``, tab or return is quoted with ``'``.

    As OWASP's guidance on CSV injection advises, so that a spreadsheet shows the text rather
    than running it as a formula; the text is otherwise as written, control characters shown.
    """
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return visible(text)
