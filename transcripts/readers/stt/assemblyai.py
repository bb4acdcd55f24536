"""AssemblyAI's transcript JSON: words and utterances timed in milliseconds, speakers
as letters (`A`, `B`, ...).

`{"id", "status", "text", "words": [{"text", "start", "end", "confidence", "speaker"}],
"utterances"?: [{"speaker", "start", "end", "text", "confidence", "words"}],
"audio_duration", ...}`. The utterances (diarised turns) are read when there are any,
each cut into sentences of caption size at word times; else the words.
"""

from __future__ import annotations

from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..jsondata import has_keys
from ..turns import Part
from . import bulk
from .bulk import timed_words
from .common import (
    Spoken,
    items,
    language_at,
    make_word,
    obj,
    parts_from_words,
    read_dialect,
    seconds,
    speaker_label,
)

_MS = 0.001


metadata = language_at("language_code")


def recognise(data: Any) -> bool:
    return (
        has_keys(data, "words", "text")
        and ("utterances" in data or "audio_duration" in data or "acoustic_model" in data)
        and not has_keys(data, "segments")
    )


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read an AssemblyAI transcript into turns."""
    return read_dialect(source, options, "AssemblyAI", parts, metadata)


def parts(data: Any) -> list[Part]:
    utterances = items(data, "utterances", "top level", required=False)
    if utterances:
        units = []
        for index, utterance in enumerate(utterances):
            where = f"utterances[{index}]"
            speaker = speaker_label(obj(utterance, where).get("speaker"))
            units.append(_words(utterance, where, speaker))
        return parts_from_words(units)
    return parts_from_words([_words(data, "top level", None)])


def _words(data: Any, where: str, speaker: str | None) -> list[Spoken]:
    """The words of `data` (the transcript or an utterance by `speaker`): the usual list
    at once (`bulk`), any other word by word."""
    raw = obj(data, where).get("words")
    words = timed_words(raw, ("text",), ("start",), ("end",), _MS, ("confidence",))
    if words is not None:
        return bulk.spoken(words, bulk.said_by(raw, ("speaker",), speaker))
    spoken = []
    for index, word in enumerate(items(data, "words", where, required=False)):
        at = f"{where}.words[{index}]"
        word = obj(word, at)
        value = word.get("text")
        if not isinstance(value, str):
            continue
        start = seconds(word.get("start"), f"{at}.start", _MS)
        end = seconds(word.get("end"), f"{at}.end", _MS)
        who = speaker_label(word.get("speaker")) or speaker
        spoken.append(Spoken(make_word(value, start, end, word.get("confidence")), who))
    return spoken
