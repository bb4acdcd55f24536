"""The Podcasting 2.0 JSON transcript reader: segments into turns.

The format (podcast namespace, `podcast:transcript` type `application/json`) is
`{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}`;
segments are often single words, so consecutive one-word segments become the timed
words of sentence-sized pieces, and consecutive pieces of one speaker one turn.
`startTime` and `body` are required, `endTime` and `speaker` optional.
"""

from __future__ import annotations

from typing import Any

from ..cues import is_direction
from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Transcript, Word
from ..options import ReadOptions
from ..spacing import clean_spaces
from ..timecode import MAX_SECONDS, as_seconds, parse_clock
from .jsondata import first_items, has_keys, load_json
from .jsonpositions import LineIndex, member_offsets
from .turns import Part, assemble
from .wordparts import Spoken, parts_from_words


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a podcast JSON transcript into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    data = load_json(source)
    if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
        raise TranscriptError(
            'line 1: not a Podcasting 2.0 transcript (expected an object with a "segments" list)',
            name,
        )
    segments = data["segments"]
    spans = member_offsets(source.text, "segments") or []
    lines = LineIndex(source.text) if spans else None

    def where(index: int) -> tuple[int, int]:
        if lines is None or index >= len(spans):
            return 0, 0
        start, end = spans[index]
        return lines.line(start), lines.line(max(end - 1, start))

    parts: list[Part] = []
    words: list[tuple[Part, int, int]] = []  # a run of one-word segments, with their lines
    for index, segment in enumerate(segments):
        first, last = where(index)
        try:
            part = _piece(segment, first, last)
        except TranscriptError as error:
            at = f"line {first}: " if first else ""
            raise TranscriptError(f"{at}segments[{index}]{error.message}", name) from None
        if part.text and " " not in part.text and not is_direction(part.text):
            words.append((part, first, last))
            continue
        parts.extend(_word_parts(words))
        words = []
        parts.append(part)
    parts.extend(_word_parts(words))
    return assemble(parts, source, options)


def _word_parts(run: list[tuple[Part, int, int]]) -> list[Part]:
    """One-word segments (the usual podcast transcript is timed word by word) as the
    words of sentence-sized pieces, each with the lines of its first and last word."""
    if not run:
        return []
    spoken = [
        Spoken(Word(part.text, part.start, part.end), part.speaker if part.marked else None)
        for part, _, _ in run
    ]
    parts = parts_from_words([spoken])
    position = 0
    for part in parts:
        count = len(part.words or ())
        part.line, part.end_line = run[position][1], run[position + count - 1][2]
        part.marked = run[position][0].marked
        position += count
    return parts


def _piece(segment: Any, first: int, last: int) -> Part:
    if not isinstance(segment, dict):
        raise TranscriptError(": expected a segment object")
    body = segment.get("body")
    if not isinstance(body, str):
        raise TranscriptError(".body: expected the segment's text as a string")
    start = _seconds(segment.get("startTime"), "startTime")
    if start is None:
        raise TranscriptError(".startTime: missing (seconds from the start)")
    end = _seconds(segment.get("endTime"), "endTime")
    if end is None:
        end = start
    elif end < start:
        raise TranscriptError(f".endTime: {end:g} is before startTime {start:g}")
    speaker = segment.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        raise TranscriptError(".speaker: expected a name as a string")
    speaker = clean_spaces(speaker) if speaker else None
    return Part(clean_spaces(body), start, end, first, last, speaker is not None, speaker)


def _seconds(value: Any, field: str) -> float | None:
    """A time in seconds: a number, or a string holding one (some tools write "1.5") or a
    clock time ("00:00:01.500", as others write it though the specification says
    seconds)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            clock = parse_clock(value)
            if clock is None:
                raise TranscriptError(f".{field}: expected seconds, found {value[:30]!r}") from None
            value = clock
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TranscriptError(f".{field}: expected seconds as a number")
    seconds = as_seconds(value)
    if seconds is None:
        raise TranscriptError(f".{field}: expected a number of seconds from 0 to {MAX_SECONDS:g}")
    return seconds


def recognise(data: object) -> bool:
    """An object whose "segments" hold the podcast namespace's fields (`body`)."""
    segments = first_items(data, "segments")
    return bool(segments) and all(has_keys(segment, "body") for segment in segments)
