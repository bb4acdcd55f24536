"""Deepgram's JSON (pre-recorded): words with speakers, paragraphs, utterances.

`{"metadata", "results": {"channels": [{"alternatives": [{"transcript", "words":
[{"word", "punctuated_word"?, "start", "end", "confidence", "speaker"?}], "paragraphs"?:
{"paragraphs": [{"speaker", "sentences": [{"text", "start", "end"}]}]}}]}],
"utterances"?: [{"start", "end", "speaker", "transcript", "words"}]}}`.

The three views can disagree on who spoke (one utterance has one speaker, and hides
a change of speaker inside it); the words carry the diarisation itself, and the
paragraphs, built from them, agree with them. So the words are read, with their
speakers, and cut into pieces where the paragraphs' sentences end (else where the
utterances end). Each channel of a multichannel request is a speaker of its own
(`channel 1`, ...) when the words name none.
"""

from __future__ import annotations

from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..turns import Part
from . import bulk
from .bulk import said_by, spoken, timed_words
from .common import (
    Spoken,
    items,
    make_word,
    obj,
    parts_from_words,
    read_dialect,
    seconds,
    speaker_label,
    split_at_ends,
)


def recognise(data: Any) -> bool:
    results = data.get("results") if isinstance(data, dict) else None
    return isinstance(results, dict) and isinstance(results.get("channels"), list)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a Deepgram response into turns."""
    return read_dialect(source, options, "Deepgram", parts)


def parts(data: Any) -> list[Part]:
    results = obj(obj(data, "top level").get("results"), "results")
    channels = items(results, "channels", "results")
    spoken: list[Spoken] = []
    ends: list[float] = []
    for number, channel in enumerate(channels):
        where = f"results.channels[{number}]"
        alternatives = items(channel, "alternatives", where)
        if not alternatives:
            continue
        alternative = obj(alternatives[0], f"{where}.alternatives[0]")
        fallback = f"channel {number}" if len(channels) > 1 else None
        spoken.extend(_words(alternative, f"{where}.alternatives[0]", fallback))
        ends.extend(_sentence_ends(alternative, where))
    if len(channels) > 1:
        spoken.sort(key=lambda entry: entry.word.start or 0.0)
    if not ends:
        ends = _utterance_ends(results)
    return parts_from_words(split_at_ends(spoken, ends))


def _words(alternative: dict[str, Any], where: str, fallback: str | None) -> list[Spoken]:
    """An alternative's words with their speakers (`fallback` where a word names none):
    the usual list at once (`bulk`), any other word by word."""
    raw: Any = alternative.get("words")
    if bulk.usual(raw):
        at_once = bulk.in_chunks(raw, lambda chunk, _: _words_at_once(chunk, fallback))
        if at_once is not None:
            return at_once
    found = []
    for index, word in enumerate(items(alternative, "words", where, False)):
        at = f"{where}.words[{index}]"
        word = obj(word, at)
        value = word.get("punctuated_word", word.get("word"))
        if not isinstance(value, str):
            continue
        start = seconds(word.get("start"), f"{at}.start")
        end = seconds(word.get("end"), f"{at}.end")
        speaker = speaker_label(word.get("speaker")) or fallback
        found.append(Spoken(make_word(value, start, end, word.get("confidence")), speaker))
    return found


def _words_at_once(raw: list[dict[str, Any]], fallback: str | None) -> list[Spoken] | None:
    words = timed_words(raw, _TEXT, ("start",), ("end",), 1.0, ("confidence",))
    return None if words is None else spoken(words, said_by(raw, ("speaker",), fallback))


_TEXT = ("punctuated_word", "word")


def _sentence_ends(alternative: dict[str, Any], where: str) -> list[float]:
    paragraphs = alternative.get("paragraphs")
    if not isinstance(paragraphs, dict):
        return []
    ends = []
    for index, paragraph in enumerate(
        items(paragraphs, "paragraphs", f"{where}.paragraphs", False)
    ):
        at = f"{where}.paragraphs.paragraphs[{index}]"
        for number, sentence in enumerate(items(paragraph, "sentences", at, False)):
            end = seconds(obj(sentence, at).get("end"), f"{at}.sentences[{number}].end")
            if end is not None:
                ends.append(end)
    return ends


def _utterance_ends(results: dict[str, Any]) -> list[float]:
    ends = []
    for index, utterance in enumerate(items(results, "utterances", "results", False)):
        end = seconds(obj(utterance, "results.utterances").get("end"), f"utterances[{index}].end")
        if end is not None:
            ends.append(end)
    return ends
