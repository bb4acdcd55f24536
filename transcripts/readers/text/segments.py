"""Timed segments: a machine transcript that names no one but times each line.

Speech-to-text tools saved as text write a time, or a start and an end, before each
segment of speech and no speaker: Whisper's `[00:00.000 --> 00:05.000]  Hello`, a
podcast tool's `00:00.060 - 00:05.560:  Hello`, a site's `00:04:12 Yeah.`. Where no label
names a speaker and such openings start nearly every line of text, in order, each line is
a segment of someone's speech with its time (an unattributed block, as the
speech-to-text readers give a segment without a speaker), not prose with a time in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice, pairwise
from typing import NamedTuple

from ...compiled import kept
from ...timecode import CLOCK_PATTERN, parse_clock

# A time, or a span of two, in brackets or parentheses or bare, perhaps with a colon
# after it, then the words; or a span of seconds in brackets, as openai-whisper and
# faster-whisper print it ("[0.000 --> 13.380]").
_SECONDS = r"\d{1,7}(?:\.\d{1,6})?"
_OPENING = kept(
    rf"[ \t]*(?:[\[(]?(?P<start>{CLOCK_PATTERN})"
    rf"(?:[ \t]*(?:-->|[-–—]|to)[ \t]*(?P<end>{CLOCK_PATTERN}))?[\])]?"
    rf"|\[[ \t]*(?P<from>{_SECONDS})[ \t]*-->[ \t]*(?P<until>{_SECONDS})[ \t]*\])"
    r":?[ \t]+(?=\S)"
)

# The lines of text looked at to decide (a segment is a line: a thousand are plenty).
_SAMPLE = 1000
# The fewest segments that make a timed transcript, and the share of the lines of text
# that must open with a time (a title, a note or a wrapped line may not).
_LEAST = 3
_SHARE = 0.8
# A recording's words do not start this far in: times past it are a wall clock's, when
# each line was said (Zoom's saved captions, `19:20:21 text`), not times into a recording.
_LATEST_FIRST_START = 6 * 3600


class Opening(NamedTuple):
    """A segment's time: its start and end (None: not given), and where its words begin."""

    start: float
    end: float | None
    words_at: int


def opening(line: str) -> Opening | None:
    """The time a line opens with before its words, if it opens with one."""
    found = _OPENING.match(line)
    if found is None:
        return None
    if found["from"] is not None:
        start, end = float(found["from"]), float(found["until"])
    else:
        start = parse_clock(found["start"])
        end = parse_clock(found["end"]) if found["end"] else None
    if start is None:
        return None
    if end is not None and end < start:
        end = None
    return Opening(start, end, found.end())


def times_segments(lines: Sequence[str], start: int = 0) -> bool:
    """Does the text (from line `start`) time its lines as segments: nearly every line
    of text opening with a time before its words, the times going forward, starting as a
    recording's do?"""
    text = islice((line for line in islice(lines, start, None) if not line.isspace()), _SAMPLE)
    sample = list(text)
    starts = [found.start for line in sample if (found := opening(line)) is not None]
    if len(starts) < _LEAST or len(starts) < _SHARE * len(sample):
        return False
    backwards = sum(1 for earlier, later in pairwise(starts) if later < earlier)
    return starts[0] < _LATEST_FIRST_START and backwards <= (1 - _SHARE) * len(starts)
