"""Characters that act or hide, shown as their codes: for messages and every output.

Text read from a file (or a file's name) may hold characters that act on a terminal (escape
sequences), reorder what a reader sees (bidirectional overrides), hide (zero-width spaces) or
forge a second line of a message (a newline in a file name). Shown as ``\\x1b`` or
``\\u202e`` they are seen for what they are and do nothing.
"""

from __future__ import annotations

import unicodedata

_INVISIBLE = frozenset(("Cc", "Cf", "Co", "Cs", "Zl", "Zp"))
"""Control, format (zero-width, bidirectional), private-use, surrogate and separator
characters: they show nothing of themselves, and some act."""


def visible(text: str, *, newlines: bool = True) -> str:
    """The text with every control or invisible character shown as its code, e.g. ``\\x1b``.

    Newlines are kept where the medium shows them as breaks (``newlines``), else become spaces;
    tabs become a space.
    """
    if text.isprintable() and "\t" not in text:
        return text
    out = []
    for character in text:
        if character == "\n":
            out.append("\n" if newlines else " ")
        elif character == "\t":
            out.append(" ")
        elif unicodedata.category(character) in _INVISIBLE:
            code = ord(character)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(character)
    return "".join(out)


SHOWN = 60
"""At most this many characters of command-line text are quoted back in a message."""


def shown_text(text: str) -> str:
    """Text from the command line as a message quotes it: in quotes, every control or invisible
    character (a newline included) as its code, cut to :data:`SHOWN` characters with its
    length said, so a message stays one line a person can read."""
    quoted = repr(text)
    if len(quoted) <= SHOWN:
        return quoted
    return f"{quoted[: SHOWN - 3]}... ({len(text):,} characters)"
