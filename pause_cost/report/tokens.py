"""Text for the page that a browser never breaks inside a token.

A browser may break a line after a hyphen or a slash, so '2020/21' can come out as '2020/' and
'21', and 'rotherham-2020-published' as three lines in a narrow column. Here every token (a run
without spaces) that holds such a character is set in a span that does not wrap
(``white-space: nowrap``): a line then breaks only at a space. A long identifier (a path such as
``rotherham-2020-published/immediate-cashable.amount_gbp``, or an address) would then be wider
than its column, so it may break after each '/', '.', '_' or '-' (a ``<wbr>``), its pieces kept
whole.

Every character passes through :func:`~pause_cost.visible.visible` first (as every medium shows
it) and is then escaped: the result is safe markup with no tag but ``span`` and ``wbr``.
"""

from __future__ import annotations

import re

from pause_cost.visible import visible

LONG = 20
"""A token longer than this, with a '/', '.', '_' or '-' in it, is an identifier (a path, a
scenario's or table's name, an address): it may break after each of them."""

_SPACE = re.compile(r"(\s+)")
_PLAIN = re.compile(r"[\w,.;:'\u2019£%]*")
"""A token a browser breaks only at its ends (letters, digits and closing punctuation)."""
_JOINTS = re.compile(r"(?<=[/._-])(?=[^/._-])")


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


def _token(token: str) -> str:
    if len(token) > LONG and re.search(r"[/._-]", token):
        pieces = _JOINTS.split(token)
        return "<wbr>".join(
            _escape(piece)
            if _PLAIN.fullmatch(piece)
            else f'<span class="nw">{_escape(piece)}</span>'
            for piece in pieces
        )
    if _PLAIN.fullmatch(token):
        return _escape(token)
    return f'<span class="nw">{_escape(token)}</span>'


def unbroken(text: str) -> str:
    """The text as page markup: escaped, each token that could break kept whole."""
    shown = visible(text, newlines=False)
    return "".join(
        part if index % 2 else _token(part) for index, part in enumerate(_SPACE.split(shown))
    )
