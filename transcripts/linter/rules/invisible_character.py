"""An invisible character in the text: soft hyphen, zero-width space, bidi control.

Soft hyphens, zero-width spaces, byte order marks in mid-text and bidirectional controls
come from copying out of PDFs and web pages: a court transcript extracted from a
PDF may carry a soft hyphen (U+00AD) after every dash that ended a line. Readers cannot
see them, but they break searching, word counts and quoting (a search for "Medicaid"
misses the word with a soft hyphen inside it), and bidirectional controls can make text
display in an order other than the one it is stored in.

A speaker's name read from JSON, YAML, CHAT or captions is checked too, for those and
for any other control or formatting character (an escape sequence, a line break, a
bidirectional mark): a name is shown on terminals and in CI logs, where such a
character can hide or act (the output shows it escaped). Each name is reported once,
at its first turn.

Reported: U+00AD SOFT HYPHEN, U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF ZERO
WIDTH NO-BREAK SPACE (a byte order mark inside the text), U+180E MONGOLIAN VOWEL
SEPARATOR, and the bidirectional embeddings, overrides and isolates U+202A-U+202E and
U+2066-U+2069. Zero-width joiners and non-joiners are left alone (emoji and several
scripts need them), and so is the no-break space.

`lint --fix` removes them from the text (a safe fix: the text reads the same); in a
name read from a document's fields they are reported only.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...compiled import kept
from ...model import Transcript
from ...terminal import printable
from ..context import RuleOptions
from ..finding import Edit, Fix, Problem
from ..source import at_line_break, find_in_source

if TYPE_CHECKING:
    import regex

CODE = "TR303"
NAME = "invisible-character"
SEVERITY = "warning"
USES = ("source-text",)  # the source text, read a piece at a time (see `linter.source`)
OPTIONS: dict[str, object] = {}

_INVISIBLE = kept("[\u00ad\u200b\u2060\ufeff\u180e\u202a-\u202e\u2066-\u2069]+")


# In a name: every control and formatting character but the joiners scripts need.
@functools.cache
def _hidden_in_names() -> regex.Pattern[str]:
    import regex  # here, not at the top: see `compiled._regex_engine`

    return regex.compile(r"[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}--[\u200c\u200d]]+", regex.V1)


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    for found, line, column in find_in_source(
        options.context, _INVISIBLE, in_ascii="nothing", cut_after=at_line_break
    ):
        names = _names(found.group())
        end = column + len(found.group())
        yield Problem(
            line,
            f"invisible {names} in the text; remove it",
            column,
            end_column=end,
            fix=Fix(f"remove {names}", (Edit(line, column, line, end, ""),)),
        )
    yield from _in_names(transcript)


def _in_names(transcript: Transcript) -> Iterator[Problem]:
    """Names given apart from the source text (a JSON field, a caption voice): the text
    reader's labels are in the source text, searched above."""
    seen: set[str] = set()
    for block in transcript.blocks:
        if block.raw is not None:
            continue
        for name in (block.speaker, block.label):
            if not name or name in seen or name.isprintable():
                continue
            seen.add(name)
            hidden = "".join(_hidden_in_names().findall(name))
            if hidden:
                yield Problem(
                    block.line,
                    f"invisible {_names(hidden)} in the speaker name “{printable(name)}”; "
                    "remove it",
                )


def _names(characters: str) -> str:
    return ", ".join(
        dict.fromkeys(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip() for c in characters)
    )
