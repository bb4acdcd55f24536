"""An invisible character in the text: soft hyphen, zero-width space, bidi control.

Soft hyphens, zero-width spaces, byte order marks in mid-text and bidirectional controls
come from copying out of PDFs and web pages: a court transcript extracted from a
PDF may carry a soft hyphen (U+00AD) after every dash that ended a line. Readers cannot
see them, but they break searching, word counts and quoting (a search for "Medicaid"
misses the word with a soft hyphen inside it), and bidirectional controls can make text
display in an order other than the one it is stored in.

Reported: U+00AD SOFT HYPHEN, U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF ZERO
WIDTH NO-BREAK SPACE (a byte order mark inside the text), U+180E MONGOLIAN VOWEL
SEPARATOR, and the bidirectional embeddings, overrides and isolates U+202A-U+202E and
U+2066-U+2069. Zero-width joiners and non-joiners are left alone (emoji and several
scripts need them), and so is the no-break space.

`lint --fix` removes them (a safe fix: the text reads the same).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ...model import Transcript
from ..context import RuleOptions
from ..finding import Edit, Fix, Problem
from ..source import find_in_source

CODE = "TR303"
NAME = "invisible-character"
SEVERITY = "warning"
OPTIONS: dict[str, object] = {}

_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e\u202a-\u202e\u2066-\u2069]+")


def check(transcript: Transcript, options: RuleOptions) -> Iterator[Problem]:
    for found, line, column in find_in_source(options.context, _INVISIBLE, in_ascii="nothing"):
        names = ", ".join(
            dict.fromkeys(f"U+{ord(c):04X} {unicodedata.name(c, '')}" for c in found.group())
        )
        end = column + len(found.group())
        yield Problem(
            line,
            f"invisible {names} in the text; remove it",
            column,
            end_column=end,
            fix=Fix(f"remove {names}", (Edit(line, column, line, end, ""),)),
        )
