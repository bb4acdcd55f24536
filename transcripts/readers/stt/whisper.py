"""OpenAI Whisper's JSON and its kin: openai-whisper, faster-whisper wrappers,
whisper-timestamped, stable-ts, and the OpenAI API's `verbose_json` and `diarized_json`.

`{"text", "segments": [{"start", "end", "text", "words": [{"word" or "text", "start",
"end", "probability" or "confidence"}], "speaker"?}], "language"}`, times in seconds.
The API's `verbose_json` may give its words beside the segments (top-level `words`):
they are given to the segments they fall in. Each segment is a piece; a segment's
`speaker` (diarised JSON) names its speaker. A bare list of segments, as a script that
dumps faster-whisper's segments (`[s._asdict() for s in segments]`) or WhisperX's
`result["segments"]` writes it, is read as the `segments` of a document.
"""

from __future__ import annotations

from typing import Any, NoReturn

from ...io import SourceText
from ...model import Transcript, Word
from ...options import ReadOptions
from ..jsondata import first_items, has_keys
from ..turns import Part
from . import bulk
from .bulk import timed_words, timed_words_of
from .common import (
    Spoken,
    items,
    language_at,
    make_word,
    obj,
    parts_from_words,
    plain_seconds,
    read_dialect,
    seconds,
    segment_part,
    speaker_label,
    text,
)

metadata = language_at("language")  # a bare list of segments names none


def as_document(data: Any) -> Any:
    """A bare list of segments (objects with start, end and text) as the document that
    holds them; any other data as it is."""
    if (
        isinstance(data, list)
        and data
        and all(has_keys(s, "start", "end", "text") for s in data[:3])
    ):
        return {"segments": data}
    return data


def is_whisperx(data: Any) -> bool:
    """Segments with start, end and text, and WhisperX's `word_segments` or scored words."""
    data = as_document(data)
    segments = first_items(data, "segments")
    if not segments or not all(has_keys(s, "start", "end", "text") for s in segments):
        return False
    if isinstance(data, dict) and "word_segments" in data:
        return True
    return any(has_keys(w, "score") for s in segments for w in first_items(s, "words"))


def recognise(data: Any) -> bool:
    """Segments with start, end and text (a podcast transcript's have a body; WhisperX's
    come with word_segments or scored words), or a bare list of such segments."""
    data = as_document(data)
    segments = first_items(data, "segments")
    if segments:
        return all(has_keys(s, "start", "end", "text") for s in segments) and not (
            is_whisperx(data)
        )
    words = first_items(data, "words")  # verbose_json with word timestamps only
    return (
        bool(words) and has_keys(data, "text") and all(has_keys(w, "word", "start") for w in words)
    )


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read Whisper JSON into turns."""
    return read_dialect(source, options, "Whisper", parts, metadata)


def parts(data: Any) -> list[Part]:
    data = as_document(data)
    segments = items(data, "segments", "top level", required=False)
    loose = _words(data, "top level", "")
    if not segments:
        return parts_from_words([[Spoken(word, None) for word in loose]])
    found = []
    position = 0
    every = timed_words_of(segments, "words", _TEXT, _START, _END, 1.0, _SCORE)
    if every is not None and not loose:
        at_once = _segments_at_once(segments, every)
        if at_once is not None:
            return at_once
    for index, segment in enumerate(segments):
        where = f"segments[{index}]"
        start = seconds(obj(segment, where).get("start"), f"{where}.start")
        end = seconds(segment.get("end"), f"{where}.end")
        words = every[index] if every is not None else _words(segment, where, f"{where}.")
        if not words and loose:  # verbose_json: the words beside the segments
            while position < len(loose) and (end is None or (loose[position].start or 0) < end):
                words.append(loose[position])
                position += 1
        speaker = speaker_label(segment.get("speaker"))
        found.append(segment_part(text(segment, "text", where), start, end, speaker, words))
    return found


def _segments_at_once(segments: list[dict[str, Any]], words: list[list[Word]]) -> list[Part] | None:
    """The parts of segments whose `words` were read at once (`bulk`), when every
    segment's times are plain and its text a string: `segment_part` of each."""
    timed = bulk.starts_and_ends(segments, _START, _END)
    texts = bulk.at_key(segments, "text")
    if timed is None or not bulk.all_are(texts, str):
        return None
    speakers = bulk.labels(bulk.at_key(segments, "speaker"))
    return bulk.segment_parts(texts, *timed, speakers, words)


_TEXT = ("word", "text")
_SCORE = ("probability", "confidence", "score")
_START, _END = ("start",), ("end",)


def _words(data: dict[str, Any], where: str, prefix: str) -> list[Word]:
    """The words at `data["words"]` (`prefix` names `data` in errors): the usual list at
    once (`bulk`), any other word by word."""
    found = timed_words(data.get("words"), _TEXT, _START, _END, 1.0, _SCORE)
    if found is not None:
        return found
    return [
        _word(w, f"{prefix}words[{i}]") for i, w in enumerate(items(data, "words", where, False))
    ]


def _word(data: Any, where: str) -> Word:
    word = obj(data, where)
    value = word.get("word", word.get("text"))
    if not isinstance(value, str):
        raise_missing(where)
    start, end = word.get("start"), word.get("end")
    start_seconds = plain_seconds(start)
    if start_seconds is None:
        start_seconds = seconds(start, f"{where}.start")
    end_seconds = plain_seconds(end)
    if end_seconds is None:
        end_seconds = seconds(end, f"{where}.end")
    score = word.get("probability", word.get("confidence", word.get("score")))
    return make_word(value, start_seconds, end_seconds, score)


def raise_missing(where: str) -> NoReturn:
    from ...errors import TranscriptError

    raise TranscriptError(f"{where}.word: expected the word as a string")
