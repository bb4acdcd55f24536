"""Text from a file made safe to print: control characters, escape sequences, line breaks
and bidirectional overrides shown escaped, so nothing a file holds acts on a terminal or
a CI log."""

from __future__ import annotations

import unicodedata

# Formatting characters that reorder or hide text (bidirectional overrides and isolates,
# zero-width characters, the byte order mark): shown as escapes, like control characters.
_HIDDEN = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2066\u2067\u2068\u2069\ufeff"
)


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` with every character that could act on a terminal shown as an escape
    (`\\x1b`, `\\n`, `\\u202e`); ordinary text, tabs aside, is unchanged."""
    if text.isprintable():
        return text
    return "".join(
        char
        if char.isprintable() and char not in _HIDDEN
        else _escape(char)
        if unicodedata.category(char) != "Zs"
        else " "
        for char in text
    )
