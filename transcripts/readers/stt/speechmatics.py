"""Speechmatics' JSON (json-v2): a list of results, words and punctuation.

`{"format": "2.9", "job", "metadata", "results": [{"type": "word" | "punctuation",
"start_time": 0.5, "end_time": 0.8, "alternatives": [{"content", "confidence",
"speaker"?: "S1"}], "attaches_to"?: "previous" | "next", "is_eos"?, "channel"?}]}`.

Punctuation attaches to the word it says it does (the one before, unless it says
`next`). Speakers keep their labels (`S1`, `S2`); `UU`, Speechmatics' unknown speaker,
is no speaker. A channel (`channel_1`) is the speaker when no speaker is given.
"""

from __future__ import annotations

from itertools import compress, repeat
from operator import eq, not_
from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..jsondata import first_items, has_keys
from ..turns import Part
from . import bulk
from .common import (
    Spoken,
    attach,
    items,
    language_at,
    make_word,
    obj,
    parts_from_words,
    read_dialect,
    seconds,
    speaker_label,
    text,
)

_UNKNOWN = "UU"


metadata = language_at("metadata", "transcription_config", "language")


def recognise(data: Any) -> bool:
    results = first_items(data, "results")
    return bool(results) and all(has_keys(r, "type", "start_time") for r in results)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a Speechmatics transcript into turns."""
    return read_dialect(source, options, "Speechmatics", parts, metadata)


def parts(data: Any) -> list[Part]:
    results = items(data, "results", "top level")
    spoken = (
        bulk.in_chunks(results, lambda chunk, _: _every_result(chunk), opens=bulk.not_punctuation)
        if bulk.usual(results)
        else None
    )
    if spoken is not None:
        return parts_from_words([spoken])
    spoken = []
    pending = ""  # punctuation that attaches to the next word
    for index, result in enumerate(results):
        where = f"results[{index}]"
        result = obj(result, where)
        alternatives = items(result, "alternatives", where, required=False)
        if not alternatives:
            continue
        best = obj(alternatives[0], f"{where}.alternatives[0]")
        content = text(best, "content", f"{where}.alternatives[0]")
        if result.get("type") == "punctuation":
            if result.get("attaches_to") == "next":
                pending += content
            else:
                attach(spoken, content)
            continue
        if result.get("type") not in ("word", "entity"):
            continue
        speaker = speaker_label(best.get("speaker"))
        if speaker == _UNKNOWN:
            speaker = None
        speaker = speaker or speaker_label(result.get("channel"))
        start = seconds(result.get("start_time"), f"{where}.start_time")
        end = seconds(result.get("end_time"), f"{where}.end_time")
        spoken.append(
            Spoken(make_word(pending + content, start, end, best.get("confidence")), speaker)
        )
        pending = ""
    return parts_from_words([spoken])


def _every_result(results: list[Any]) -> list[Spoken] | None:
    """The words (punctuation attached to the word before), the usual results at once
    (`bulk`): None unless every result is a word or punctuation with its alternatives
    and content, no punctuation attaches to the next word, and every word has its times."""
    firsts = bulk.first_alternatives(results)
    if firsts is None:
        return None
    contents = bulk.at_key(firsts, "content")
    kinds = bulk.at_key(results, "type")
    if (
        not bulk.all_are(contents, str)
        or not bulk.all_are(kinds, str)
        or not set(kinds) <= {"word", "punctuation"}
        or "next" in bulk.at_key(results, "attaches_to")
    ):
        return None
    marks = list(map(eq, kinds, repeat("punctuation")))
    found = bulk.punctuated_words(results, contents, marks, "start_time", "end_time", firsts)
    if found is None:
        return None
    said, words = found
    best = list(compress(firsts, map(not_, marks)))
    speakers = bulk.said_by(best, ("speaker",))
    if _UNKNOWN in speakers or None in speakers:  # no one named: the channel, if any
        speakers = [
            (None if who == _UNKNOWN else who) or speaker_label(result.get("channel"))
            for who, result in zip(speakers, said, strict=True)
        ]
    return bulk.spoken(words, speakers)
