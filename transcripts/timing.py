"""Estimated times for untimed transcripts: words at a speaking rate, marked as estimates.

Caption formats need a start and end for every cue; a transcript read from plain text
has none. `estimate_timing` gives each spoken block without times a start (where the
block before it ended) and a duration from its word count at the given words per
minute, and records in the metadata that the times are estimates, so nobody mistakes
them for measured ones. Blocks that already have times keep them.
"""

from __future__ import annotations

import math
import re
from typing import Any

from .errors import TranscriptError
from .model import Block, Kind, Transcript
from .words import count_words

#: The kinds a timed format holds: speech, and the sounds between it.
TIMED_KINDS = frozenset({Kind.TURN, Kind.UNATTRIBUTED, Kind.STAGE_DIRECTION})

#: The shortest estimate: a one-word turn or "(LAUGHTER)" still takes a moment.
MIN_SECONDS = 1.0

#: The metadata key of the mark (see `estimate_timing`).
TIMING_KEY = "timing"

#: How formats with comments (WebVTT's NOTE) carry the mark; readers match it back.
ESTIMATE_NOTE = "Times are estimates: transcripts estimated them at {rate} words per minute."
ESTIMATE_NOTE_PATTERN = re.compile(
    re.escape(ESTIMATE_NOTE).replace(re.escape("{rate}"), r"(\d+(?:\.\d+)?)")
)


#: The speaking rates an estimate may use, in words per minute (conversation is about 150).
SLOWEST_RATE, FASTEST_RATE = 20, 1000


def is_speaking_rate(words_per_minute: float) -> bool:
    return math.isfinite(words_per_minute) and SLOWEST_RATE <= words_per_minute <= FASTEST_RATE


def estimate_timing(transcript: Transcript, words_per_minute: float) -> int:
    """Give spoken blocks without times estimated ones; the number of blocks estimated.

    An estimate starts where the block before it ended (or at 0) and lasts its word
    count at `words_per_minute` (at least `MIN_SECONDS`), ending early rather than
    running past the next block's known start. When any block was estimated, the
    metadata gets ``timing: {estimated: true, words_per_minute: N, blocks: K}``.
    """
    if not is_speaking_rate(words_per_minute):
        raise TranscriptError(
            f"--estimate-timing: {words_per_minute:g} is not a speaking rate; give words "
            f"per minute between {SLOWEST_RATE} and {FASTEST_RATE} (conversation is about 150)"
        )
    blocks = [block for block in transcript.blocks if block.kind in TIMED_KINDS]
    next_start = _next_known_starts(blocks)
    clock = 0.0
    estimated = 0
    for index, block in enumerate(blocks):
        if block.start is not None and block.end is not None:
            clock = max(clock, block.end)
            continue
        start = block.start if block.start is not None else clock
        end = block.end
        if end is None:
            end = start + max(MIN_SECONDS, count_words(block.text) * 60 / words_per_minute)
            limit = next_start[index]
            if limit is not None and start < limit < end:
                end = limit
        block.start, block.end = round(start, 3), round(end, 3)
        clock = block.end
        estimated += 1
    if estimated:
        transcript.metadata[TIMING_KEY] = {
            "estimated": True,
            "words_per_minute": _plain(words_per_minute),
            "blocks": estimated,
        }
    return estimated


def _next_known_starts(blocks: list[Block]) -> list[float | None]:
    """For each block, the start of the nearest later block whose start is known."""
    result: list[float | None] = [None] * len(blocks)
    upcoming = None
    for index in range(len(blocks) - 1, -1, -1):
        result[index] = upcoming
        if blocks[index].start is not None:
            upcoming = blocks[index].start
    return result


def estimated(transcript: Transcript) -> dict[str, Any] | None:
    """The estimate mark of a transcript, if its times are (partly) estimates."""
    mark = transcript.metadata.get(TIMING_KEY)
    return mark if isinstance(mark, dict) and mark.get("estimated") else None


def mark_from_note(text: str) -> dict[str, Any] | None:
    """The estimate mark, if `text` (a comment) is the note a writer left for it."""
    found = ESTIMATE_NOTE_PATTERN.search(" ".join(text.split()))
    if found is None:
        return None
    rate = float(found.group(1))
    if not is_speaking_rate(rate):
        return None  # no rate a writer gives ("999...9" is infinite as a float): a comment
    return {"estimated": True, "words_per_minute": _plain(rate)}


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
