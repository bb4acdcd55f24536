"""Azure AI Speech's JSON: batch transcription's phrases timed in 100-nanosecond ticks,
and fast transcription's in milliseconds.

`{"source", "durationInTicks", "combinedRecognizedPhrases": [...], "recognizedPhrases":
[{"recognitionStatus", "channel", "speaker"?, "offsetInTicks", "durationInTicks",
"offset": "PT0.07S", "nBest": [{"confidence", "lexical", "display", "words"?: [{"word",
"offsetInTicks", "durationInTicks", "confidence"}], "displayWords"?: [...]}]}]}`.

Each recognised phrase is a piece, its text the display form; its words are the
display words when the job asked for them (they spell the display text), else the
lexical words, spelled as displayed when there are as many of each ("hello" becomes
"Hello,"; where inverse text normalisation merged words, "twenty dollars" for "$20",
the lexical words are kept as they are). A phrase's `speaker` (diarisation) names its
speaker, else its channel when the audio had several.

Fast transcription (the synchronous `transcriptions:transcribe` API) writes
`{"durationMilliseconds", "combinedPhrases": [{"text"}], "phrases": [{"offsetMilliseconds",
"durationMilliseconds", "text", "words"?: [{"text", "offsetMilliseconds",
"durationMilliseconds"}], "speaker"?, "channel"?, "confidence", "locale"}]}`: each phrase
a piece in the same way.
"""

from __future__ import annotations

from itertools import pairwise, repeat
from operator import add
from typing import Any

from ...errors import TranscriptError
from ...io import SourceText
from ...model import Transcript, Word
from ...options import ReadOptions
from ..jsondata import first_items, has_keys
from ..turns import Part
from . import bulk
from .common import (
    items,
    make_word,
    obj,
    plain_seconds,
    read_dialect,
    seconds,
    segment_part,
    speaker_label,
    text,
)

_TICK = 1e-7


def recognise(data: Any) -> bool:
    """Recognised phrases, each with its n-best list (or beside the combined phrases);
    or fast transcription's phrases timed in milliseconds."""
    if not isinstance(data, dict):
        return False
    if "recognizedPhrases" not in data:
        return _is_fast(data)
    phrases = first_items(data, "recognizedPhrases")
    return "combinedRecognizedPhrases" in data or (
        bool(phrases) and all(has_keys(p, "nBest") for p in phrases)
    )


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read an Azure batch transcription into turns."""
    return read_dialect(source, options, "Azure Speech", parts)


def _is_fast(data: dict[str, Any]) -> bool:
    """Fast transcription's response: phrases with a text and an offset in milliseconds."""
    phrases = first_items(data, "phrases")
    return bool(phrases) and all(has_keys(p, "offsetMilliseconds", "text") for p in phrases)


def parts(data: Any) -> list[Part]:
    if isinstance(data, dict) and "recognizedPhrases" not in data and "phrases" in data:
        return _fast_phrases(data)
    phrases = items(data, "recognizedPhrases", "top level")
    channels = len({repr(obj(p, "recognizedPhrases[]").get("channel")) for p in phrases}) > 1
    every = _every_phrases_words(phrases)
    found = _phrases_at_once(phrases, every, channels) if every is not None else None
    if found is None:
        found = _phrases(phrases, every, channels)
    found.sort(key=lambda part: part.start if part.start is not None else 0.0)
    return found


def _phrases(phrases: list[Any], every: list[list[Word]] | None, channels: bool) -> list[Part]:
    """The parts of the phrases, one at a time (their words too unless in `every`)."""
    found = []
    for index, phrase in enumerate(phrases):
        where = f"recognizedPhrases[{index}]"
        if phrase.get("recognitionStatus", "Success") != "Success":
            continue
        best = items(phrase, "nBest", where)
        if not best:
            continue
        start = _time(phrase, "offset", where)
        duration = _time(phrase, "duration", where)
        end = start + duration if start is not None and duration is not None else None
        choice = obj(best[0], f"{where}.nBest[0]")
        display = choice.get("display", choice.get("lexical", ""))
        if not isinstance(display, str):
            display = text(choice, "lexical", f"{where}.nBest[0]", "")
        if every is not None:
            words = every[index]
        else:
            raw_words = _raw_words(choice)
            if not isinstance(raw_words, list):
                raise TranscriptError(f"{where}.nBest[0].words: expected a list")
            words = [_word(w, f"{where}.nBest[0].words[{i}]") for i, w in enumerate(raw_words)]
        shown = display.split()
        if len(shown) == len(words):  # lexical words, one for each displayed one
            words = bulk.with_texts(words, shown)
        speaker = speaker_label(phrase.get("speaker"))
        if speaker is None and channels:
            speaker = f"channel {phrase.get('channel')}"
        found.append(segment_part(display, start, end, speaker, words))
    return found


def _phrases_at_once(
    phrases: list[dict[str, Any]], every: list[list[Word]], channels: bool
) -> list[Part] | None:
    """The parts of phrases whose words were read at once (`bulk`), when every phrase
    was recognised, is timed in ticks and has a display text, and names its speaker or
    the audio had one channel: what the loop in `parts` makes of each."""
    recognised = list(map(dict.get, phrases, repeat("recognitionStatus"), repeat("Success")))
    choices = [phrase["nBest"][0] for phrase in phrases]
    displays = bulk.first_of(choices, ("display", "lexical"))
    timed = bulk.starts_and_ends(phrases, ("offsetInTicks",), ("durationInTicks",), _TICK)
    speakers = bulk.labels(bulk.at_key(phrases, "speaker"))
    if (
        recognised.count("Success") != len(recognised)
        or not bulk.all_are(displays, str)
        or timed is None
        or (channels and None in speakers)
    ):
        return None
    starts, lengths = timed
    # the words are spelled as shown already (`_words_at_once`)
    return bulk.segment_parts(displays, starts, list(map(add, starts, lengths)), speakers, every)


def _raw_words(choice: dict[str, Any]) -> Any:
    """A choice's words: the display words when the job asked for them, else the lexical."""
    return choice.get("displayWords") or choice.get("words") or []


def _every_phrases_words(phrases: list[Any]) -> list[list[Word]] | None:
    """Each phrase's words, the usual phrases at once (`bulk`): None unless every phrase
    has its choices, every choice its list of words, and every word its times in ticks."""
    choices = bulk.first_alternatives(phrases, "nBest")
    if choices is None:
        return None
    return bulk.in_chunks(
        [
            {"words": _raw_words(choice), "display": choice.get("display", choice.get("lexical"))}
            for choice in choices
        ],
        lambda chunk, _: _words_at_once(chunk),
        bulk.length_at("words"),
    )


def _words_at_once(choices: list[dict[str, Any]]) -> list[list[Word]] | None:
    """`_every_phrases_words` of some phrases' choices (their words at "words"), each
    spelled as the display text shows it where it shows as many words (as `_phrases`
    does after: the same words)."""
    found = bulk.flattened(choices, "words")
    if found is None:
        return None
    raw, bounds = found
    if not raw or not bulk.all_are(raw, dict):
        return None
    texts = bulk.first_of(raw, ("displayText", "word"))
    timed = bulk.starts_and_ends(raw, ("offsetInTicks",), ("durationInTicks",), _TICK)
    scores = bulk.confidences(bulk.at_key(raw, "confidence"))
    if not bulk.all_are(texts, str) or timed is None or scores is None:
        return None
    starts, lengths = timed
    for display, (start, end) in zip(
        bulk.at_key(choices, "display"), pairwise(bounds), strict=True
    ):
        shown = display.split() if type(display) is str else ()
        if len(shown) == end - start:  # lexical words, one for each displayed one
            texts[start:end] = shown
    ends = list(map(add, starts, lengths))
    return bulk.cut(bulk.make_words(texts, starts, ends, scores), bounds)


def _fast_phrases(data: dict[str, Any]) -> list[Part]:
    """The parts of fast transcription's phrases (times in milliseconds), in time order."""
    phrases = items(data, "phrases", "top level")
    channels = len({repr(obj(p, "phrases[]").get("channel")) for p in phrases}) > 1
    found = []
    for index, phrase in enumerate(phrases):
        where = f"phrases[{index}]"
        start, end = _milliseconds(phrase, where)
        words = []
        for number, raw in enumerate(items(phrase, "words", where, required=False)):
            at = f"{where}.words[{number}]"
            word_start, word_end = _milliseconds(obj(raw, at), at)
            words.append(
                make_word(text(raw, "text", at), word_start, word_end, raw.get("confidence"))
            )
        speaker = speaker_label(phrase.get("speaker"))
        if speaker is None and channels:
            speaker = f"channel {phrase.get('channel')}"
        found.append(segment_part(text(phrase, "text", where), start, end, speaker, words))
    found.sort(key=lambda part: part.start if part.start is not None else 0.0)
    return found


def _milliseconds(data: dict[str, Any], where: str) -> tuple[float | None, float | None]:
    """The start and end of a fast transcription's phrase or word."""
    start = seconds(data.get("offsetMilliseconds"), f"{where}.offsetMilliseconds", 0.001)
    duration = seconds(data.get("durationMilliseconds"), f"{where}.durationMilliseconds", 0.001)
    end = start + duration if start is not None and duration is not None else None
    return start, end


_TICKS = {"offset": "offsetInTicks", "duration": "durationInTicks"}


def _time(data: dict[str, Any], key: str, where: str) -> float | None:
    """A time from `<key>InTicks`, else from the ISO 8601 duration at `key`."""
    ticks = data.get(_TICKS[key])
    if ticks is not None:
        found = plain_seconds(ticks, _TICK)
        return found if found is not None else seconds(ticks, f"{where}.{key}InTicks", _TICK)
    return seconds(data.get(key), f"{where}.{key}")


def _word(data: Any, where: str) -> Word:
    word = obj(data, where)
    start = _time(word, "offset", where)
    duration = _time(word, "duration", where)
    end = start + duration if start is not None and duration is not None else None
    value = word.get("displayText", word.get("word", ""))
    return make_word(value if isinstance(value, str) else "", start, end, word.get("confidence"))
