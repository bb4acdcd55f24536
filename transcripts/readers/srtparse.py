"""SubRip files into cues: each cue's times, text lines and first line number.

Two parsers give the same answers (a test holds them to it): `parse_usual` reads the
usual file (number, timing, text, blank line) cue by cue with one pattern over the whole
text, without splitting it into lines, straight into a flat store (`usual_store`, what
the reader keeps; `iter_usual` gives its cues one at a time, letting go of the store);
`parse_lines` reads anything line by line (sloppy files: text after a blank line, cues
with no blank line between them, blank lines between a cue's number and its timing) and
names the line of whatever is malformed.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

from ..errors import TranscriptError
from .common import LINE_BREAK
from .cuestore import UNMARKED, CueStore
from .cuetiming import MinuteMarks, parse_timing, usual_timing

#: One cue as read: start, end, its text lines (as written), the line number of the first.
SrtCue = tuple[float, float, list[str], int]

# The usual cue: a number, the timing with nothing after it, text lines that are not
# blank, then blank lines (or the end). Anything else is left to `parse_lines`.
_USUAL_CUE = re.compile(
    r"[0-9]+\n"  # the number
    + usual_timing(",")
    + r"((?:[^\n]*\S[^\n]*(?:\n|\Z))*)"  # the text lines
    + r"(?:[^\S\n]*(?:\n|\Z))*"  # the blank lines
)
_BLANK = re.compile(r"(?:[^\S\n]*\n)*")


class UnusualCue(Exception):
    """The file holds something `iter_usual` leaves to `parse_lines`."""


def parse_usual(text: str) -> list[SrtCue] | None:
    """`parse_lines` for the usual file, or None when the file holds anything it reads
    specially (then `parse_lines` reads it)."""
    try:
        return list(iter_usual(text))
    except UnusualCue:
        return None


def iter_usual(text: str) -> Iterator[SrtCue]:
    """The cues of `parse_usual` one at a time, raising `UnusualCue` if the file is not
    usual."""
    yield from taken_cues(usual_store(text))


def taken_cues(store: CueStore) -> Iterator[SrtCue]:
    """The cues of a store made by `usual_store`, as `iter_usual` gives them, letting go
    of the store as they go (for a reader that has parsed the file already)."""
    for start, end, line, _, body in store.taken():
        yield start, end, body.split("\n") if body else [], line


def usual_store(text: str) -> CueStore:
    """The cues of the usual file in a flat store (each one's text as written, its lines
    joined by "\n"; none marked yet), or `UnusualCue`. One pattern finds each cue
    where the one before ended, and its numbers go straight into the store's arrays."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    store = CueStore()
    add_times, add_lines, add_text = store.times.extend, store.lines.extend, store.texts.append
    position = _BLANK.match(text).end()  # type: ignore[union-attr]  # it matches anywhere
    line = 1 + text.count("\n", 0, position)  # the number of the cue's first line
    minutes = MinuteMarks()
    for found in _USUAL_CUE.finditer(text, position):
        if found.start() != position:
            raise UnusualCue  # something unusual before this cue
        hm1, s1, f1, hm2, s2, f2, body = found.groups()
        start = (minutes[hm1] + int(s1 + f1)) / 1000  # see `MinuteMarks`
        end = (minutes[hm2] + int(s2 + f2)) / 1000
        if end < start or "-->" in body:
            raise UnusualCue
        if body[-1:] == "\n":
            body = body[:-1]
        add_times((start, end))
        add_lines((line + 2, line + 2 + body.count("\n")))
        add_text(body)
        end_of_cue = found.end()
        line += text.count("\n", position, end_of_cue)
        position = end_of_cue
    if position < len(text):
        raise UnusualCue  # something unusual after the last cue
    store.codes = array("i", [UNMARKED]) * len(store.texts)
    return store


def parse_lines(text: str, name: str) -> list[SrtCue]:
    """The cues of any SubRip file, with a clear error for anything malformed."""
    lines = LINE_BREAK.split(text)
    count = len(lines)
    cues: list[SrtCue] = []
    index = 0
    while index < count:
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if "-->" in line:
            timing = index
        elif line.isdigit() and "-->" in lines[(after := _past_blank_lines(lines, index + 1))]:
            # the cue's number; real files have blank lines between it and the timing
            timing = after
        elif cues:
            # Text after a blank line inside a cue: sloppy files have them; keep the words.
            index = _read_text(lines, index, cues[-1][2])
            continue
        else:
            raise TranscriptError(
                f"line {index + 1}: expected a subtitle number or a cue timing "
                f"(00:00:01,000 --> 00:00:02,000), found {line[:40]!r}",
                name,
            )
        start, end, _ = parse_timing(lines[timing], timing + 1, name, "SRT")
        cue_text: list[str] = []
        index = _read_text(lines, timing + 1, cue_text)
        cues.append((start, end, cue_text, timing + 2))
    return cues


def _past_blank_lines(lines: list[str], index: int) -> int:
    """The index of the first line from `index` on that is not blank, or of the last line
    when none is (a line that holds no cue timing either way)."""
    last = len(lines) - 1
    while index < last and not lines[index].strip():
        index += 1
    return min(index, last)


def _read_text(lines: list[str], index: int, into: list[str]) -> int:
    """Append a cue's text lines (up to a blank line) to `into`; the index after them."""
    count = len(lines)
    while index < count and lines[index].strip():
        if "-->" in lines[index]:
            break  # a timing with no blank line before it starts the next cue
        into.append(lines[index])
        index += 1
    if index < count and "-->" in lines[index] and into and into[-1].strip().isdigit():
        into.pop()  # that cue's number, not this cue's text
        index -= 1
    return index
