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

from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..jsondata import first_items, has_keys
from ..turns import Part
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
    found = []
    turn_next = False
    for index, segment in enumerate(items(data, "transcription", "top level")):
        where = f"transcription[{index}]"
        offsets = obj(obj(segment, where).get("offsets"), f"{where}.offsets")
        start = seconds(offsets.get("from"), f"{where}.offsets.from", 0.001)
        end = seconds(offsets.get("to"), f"{where}.offsets.to", 0.001)
        part = segment_part(text(segment, "text", where), start, end, None)
        speaker = speaker_label(segment.get("speaker"))
        if speaker is not None:
            part.marked, part.speaker = True, speaker
        elif turn_next:
            part.marked = True  # someone else, unnamed (a `>>` in captions)
        turn_next = segment.get("speaker_turn_next") is True
        found.append(part)
    return found
