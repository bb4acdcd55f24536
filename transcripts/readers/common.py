"""Helpers the readers share: line breaks, spaces, and structured data made plain JSON."""

from __future__ import annotations

import contextlib
import datetime
import gc
import math
import re
import sys
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


def clean_lines(text: str) -> str:
    """Each line with single spaces, empty lines dropped: a cue's text with its layout."""
    if "\n" not in text:
        return " ".join(text.split())
    return "\n".join(line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line)


#: Bits of the longest integer sure to be written in decimal (`str`), whatever Python's
#: limit on digits (at least 640): longer ones are asked.
_LONGEST_WRITTEN_BITS = 2_000


def _refuse_unwritable(value: int) -> None:
    """An error for an integer too long to write in decimal (YAML reads `0x` and `0o`
    numbers of any length, JSON only those within the limit on digits, which it words)."""
    try:
        str(value)
    except ValueError:
        raise TranscriptError(
            f"metadata holds an integer of more than {sys.get_int_max_str_digits()} digits, "
            "which no output can write"
        ) from None


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
    if isinstance(value, float) and not math.isfinite(value):  # NaN, ±inf: no JSON form
        return None
    if isinstance(value, int) and value.bit_length() > _LONGEST_WRITTEN_BITS:
        _refuse_unwritable(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)
