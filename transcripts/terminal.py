"""Text from a file made safe to show: nothing a file holds acts on a terminal or a CI log.

A speaker name, a quoted passage or a file name can hold an escape sequence (which can
retitle a terminal, clear it or rewrite what it shows), a line break (which can start a
line of its own, such as a GitHub Actions `::error` command), a bidirectional override
(which shows text in an order other than the one it is stored in) or an invisible
character. Every human-readable output (lint's text and its summary, the stats table,
error messages) passes such text through `printable`, which shows those characters as
escapes; JSON outputs use `json_escaped`, which writes them as JSON's own `\\uXXXX`
escapes, so the data is unchanged. A document written to a terminal (`parse`,
`convert`, `lint --diff`) is shown through `shown`, which keeps its lines.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

#: What is shown escaped: control characters (C0 but tab, DEL, C1), format characters
#: (bidirectional marks, embeddings, overrides and isolates, zero-width characters, the
#: byte order mark, soft hyphens, tag characters), lone surrogates, and the line and
#: paragraph separators.
UNSAFE_CLASS = r"[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}--\t]"

# In JSON text the C0 controls are already escaped (a raw line break is layout).
_UNSAFE_IN_JSON = r"[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}--[\x00-\x1f]]"

_SHORT = {"\n": "\\n", "\r": "\\r"}


@functools.cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    import regex  # only when some text needs escaping: it costs start-up time otherwise

    return regex.compile(pattern, regex.V1)


def _unsafe() -> regex.Pattern[str]:
    return _compiled(UNSAFE_CLASS)


def _escape(char: str) -> str:
    short = _SHORT.get(char)
    if short:
        return short
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """`text` with every character that could act on a terminal or hide in it shown as
    an escape (`\\x1b`, `\\n`, `\\u202e`); other text, tabs included, is unchanged."""
    if text.isprintable():
        return text
    return _unsafe().sub(lambda found: _escape(found.group()), text)


# What `shown` escapes: what `printable` does, less the line breaks and tabs that lay a
# document out (a CR escaped only when no LF follows it: alone, it rewrites the line).
_UNSAFE_IN_LAYOUT = r"\r(?!\n)|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}--[\t\n\r]]"


def shown(text: str) -> str:
    """A document's text (a transcript, a diff) as a terminal should show it: every
    character `printable` escapes, escaped, but its lines kept (LF, CRLF, tabs). For
    output to a terminal only: written to a file or a pipe, text is kept byte for byte.

    A C0 control is shown as `printable` shows it (`\\x1b`); DEL, C1 and every other
    character as JSON's `\\uXXXX` (`\\u0085`, `\\u202e`). The document may be JSON, whose
    writer has escaped the C0 controls already and whose strings allow only `\\u`
    escapes: shown this way it is still JSON, holding the same data."""
    if text.isprintable():
        return text
    return _compiled(_UNSAFE_IN_LAYOUT).sub(lambda found: _shown_escape(found.group()), text)


def _shown_escape(char: str) -> str:
    return _escape(char) if char < "\x20" else _json_escape(char)


def is_printable(text: str) -> bool:
    """Would `printable` leave `text` as it is?"""
    return text.isprintable() or _unsafe().search(text) is None


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a character beyond the BMP: JSON writes it as a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_escaped(json_text: str) -> str:
    """JSON text (as `json.dumps(..., ensure_ascii=False)` writes it) with the characters
    `printable` escapes written as JSON `\\uXXXX` escapes: the same data, safe to show.
    Such characters only occur inside JSON strings, where the escape means the same."""
    if json_text.isascii():
        return json_text.replace("\x7f", "\\u007f")
    return _compiled(_UNSAFE_IN_JSON).sub(lambda found: _json_escape(found.group()), json_text)


def say(message: str) -> None:
    """`transcripts: message` as one line on standard error, escaped (see `printable`);
    nothing at all when standard error is closed."""
    import sys

    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(f"transcripts: {printable(message)}\n")
        stream.flush()
    except (OSError, ValueError):  # closed or full: there is nowhere left to say it
        pass
