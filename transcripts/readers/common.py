"""Helpers the readers share: line breaks, spaces, and structured data made plain JSON."""

from __future__ import annotations

import contextlib
import datetime
import gc
import re
from collections.abc import Iterator
from typing import Any

from ..errors import TranscriptError
from ..model import Block, Transcript

MAX_NODES = 10_000  # values beyond this in metadata (an alias bomb, a data dump) are refused

# Line terminators of line-based formats (and of the text reader): CRLF, LF, CR.
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused while a reader builds many objects that form
    no cycles (a million cues): it would scan them again and again for nothing. The
    collector is left as it was found."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def listed(opened: tuple[Transcript, Iterator[Block]]) -> Transcript:
    """A streaming reader's header and blocks as one transcript: its blocks listed into
    it (a reader's `read`, where it also has a `stream`)."""
    transcript, blocks = opened
    transcript.blocks = list(blocks)
    return transcript


def clean_spaces(text: str) -> str:
    """Single spaces between words (caption lines are joined into running text)."""
    return " ".join(text.split())


def is_spaced(text: str) -> bool:
    """Is `text` already as `clean_spaces` makes it (`" ".join(text.split()) == text`)?

    Asked by a few searches at `str.find` speed, not by splitting: a reader joining the
    texts of tens of thousands of segments finds them spaced already, and a pattern tried
    at every character costs ten times as much."""
    if text[:1] == " " or text[-1:] == " " or "  " in text:
        return False
    spaces = _ASCII_SPACES if text.isascii() else _SPACES
    return not any(map(text.__contains__, spaces))


#: The characters `str.split()` splits at, but for the space (those `str.isspace` says
#: are spaces: a test holds this list to it); the first nine are the ASCII ones.
_SPACES = (
    *"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680",
    *map(chr, range(0x2000, 0x200B)),
    *"\u2028\u2029\u202f\u205f\u3000",
)
_ASCII_SPACES = _SPACES[:9]


def clean_lines(text: str) -> str:
    """Each line with single spaces, empty lines dropped: a cue's text with its layout."""
    if "\n" not in text:
        return " ".join(text.split())
    return "\n".join(line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line)


def jsonable(value: Any, budget: list[int] | None = None) -> Any:
    """`value` as plain JSON data: dates as ISO strings, keys as strings, sets as lists.

    `budget` bounds the nodes visited, so a YAML alias bomb ("billion laughs"), whose
    shared references would expand exponentially, is refused instead of expanded.
    """
    if budget is None:
        budget = [MAX_NODES]
    budget[0] -= 1
    if budget[0] < 0:
        raise TranscriptError("metadata is too large or too deeply aliased to read")
    if isinstance(value, dict):
        return {str(key): jsonable(item, budget) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [jsonable(item, budget) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN has no JSON form
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)
