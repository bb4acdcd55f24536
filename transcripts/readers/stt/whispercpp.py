"""whisper.cpp's JSON (`whisper-cli -oj`, `-ojf`): segments timed in milliseconds.

`{"result": {"language"}, "transcription": [{"timestamps": {"from": "00:00:00,000",
"to"}, "offsets": {"from": 0, "to": 8000}, "text", "tokens"?: [{"text", "offsets",
"p"}], "speaker"?, "speaker_turn_next"?}]}`. The offsets are read (milliseconds); the
clock strings say the same. Tokens are sub-words, not words, so they are not kept as
words. `speaker` (stereo diarisation, `-di`) names a segment's speaker; tinydiarize's
`speaker_turn_next` (`-tdrz`) marks a change of speaker without naming anyone, so the
segments after it are another, unnamed speaker's.
"""

from __future__ import annotations

from itertools import repeat
from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..jsondata import first_items, has_keys
from ..turns import Part
from . import bulk
from .common import (
    items,
    language_at,
    obj,
    read_dialect,
    seconds,
    segment_part,
    speaker_label,
    text,
)

metadata = language_at("result", "language")


def recognise(data: Any) -> bool:
    segments = first_items(data, "transcription")
    return bool(segments) and all(has_keys(s, "offsets", "text") for s in segments)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read whisper.cpp JSON into turns."""
    return read_dialect(source, options, "whisper.cpp", parts, metadata)


def parts(data: Any) -> list[Part]:
    segments = items(data, "transcription", "top level")
    found = _every_segment(segments)
    if found is not None:
        return found
    found = []
    turn_next = False
    for index, segment in enumerate(segments):
        where = f"transcription[{index}]"
        offsets = obj(obj(segment, where).get("offsets"), f"{where}.offsets")
        start = seconds(offsets.get("from"), f"{where}.offsets.from", 0.001)
        end = seconds(offsets.get("to"), f"{where}.offsets.to", 0.001)
        part = segment_part(text(segment, "text", where), start, end, None)
        _mark(part, segment.get("speaker"), turn_next)
        turn_next = segment.get("speaker_turn_next") is True
        found.append(part)
    return found


def _mark(part: Part, speaker: Any, turn_next: bool) -> None:
    """Mark the part with the segment's `speaker`, or as someone else's when the segment
    before said the speaker changes next (tinydiarize)."""
    label = speaker_label(speaker)
    if label is not None:
        part.marked, part.speaker = True, label
    elif turn_next:
        part.marked = True  # someone else, unnamed (a `>>` in captions)


def _every_segment(segments: list[Any]) -> list[Part] | None:
    """The parts, the usual segments at once (`bulk`): None unless every segment has its
    text and offsets (then they are read one by one)."""
    if not bulk.usual(segments):
        return None

    def read(chunk: list[dict[str, Any]], start: int) -> list[Part] | None:
        turn_next = start > 0 and segments[start - 1].get("speaker_turn_next") is True
        return _segments(chunk, turn_next)

    return bulk.in_chunks(segments, read)


def _segments(segments: list[dict[str, Any]], turn_next: bool) -> list[Part] | None:
    """`_every_segment` of some segments, after one that said whether the speaker
    changes next (`turn_next`)."""
    offsets = bulk.at_key(segments, "offsets")
    if not bulk.all_are(offsets, dict):
        return None
    texts = bulk.at_key(segments, "text")
    timed = bulk.starts_and_ends(offsets, ("from",), ("to",), 0.001)
    if not bulk.all_are(texts, str) or timed is None:
        return None
    starts, ends = timed
    ends = bulk.not_before(ends, starts)
    speakers = bulk.at_key(segments, "speaker")
    turns_next = bulk.at_key(segments, "speaker_turn_next")
    if not turn_next and speakers.count(None) == len(speakers) and True not in turns_next:
        # no one named and no change of speaker (whisper.cpp without diarisation)
        return list(map(Part, bulk.spaced(texts), starts, ends, repeat(0), repeat(0)))
    parts = []
    for text_value, start, end, speaker, next_turn in zip(
        bulk.spaced(texts), starts, ends, speakers, turns_next, strict=True
    ):
        part = Part(text_value, start, end, 0, 0)  # `segment_part`
        if speaker is not None or turn_next:
            _mark(part, speaker, turn_next)
        turn_next = next_turn is True
        parts.append(part)
    return parts
