"""Google Cloud Speech-to-Text's JSON (v1 and v2 responses).

`{"results": [{"alternatives": [{"transcript", "confidence", "words": [{"startTime":
"1.300s" (v2: "startOffset"), "endTime", "word", "confidence"?, "speakerTag": 1 (or
"speakerLabel": "1")}]}], "resultEndTime" (v2: "resultEndOffset"), "languageCode"}]}`.

With diarisation the last result repeats every word of the audio with its speaker
tag, and the earlier results hold the same words without one: then the last result's
words are read, cut where the earlier results end (each a piece), and the earlier
words are not read twice. A repetition spells the earlier results' words (checked at
each one's first and last word): a last result that only has as many words as those
before it (two results of two words each, v2's results each tagged) is a result like
the others. Times are `"1.300s"`
strings or `{"seconds", "nanos"}`. Audio of several channels recognised each on its
own (`channelTag` on each result) and not diarised has a speaker for each channel
(`channel 1`, `channel 2`), its results put in time order, as the other services'
channels are read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import accumulate, pairwise
from operator import itemgetter
from typing import Any

from ...io import SourceText
from ...model import Transcript, Word
from ...options import ReadOptions
from ..jsondata import first_items, has_keys
from ..turns import Part
from . import bulk
from .bulk import said_by, timed_words
from .common import (
    Spoken,
    items,
    make_word,
    obj,
    parts_from_words,
    read_dialect,
    seconds,
    speaker_label,
)


def recognise(data: Any) -> bool:
    """A list of results, each with alternatives (Speechmatics' results have a type)."""
    results = first_items(data, "results")
    return bool(results) and all(
        has_keys(result, "alternatives") and "type" not in result for result in results
    )


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a Google Speech-to-Text response into turns."""
    return read_dialect(source, options, "Google Speech-to-Text", parts)


def parts(data: Any) -> list[Part]:
    results = items(data, "results", "top level")
    at_once = _repetition_at_once(results)
    if at_once is not None:
        return parts_from_words(at_once)
    repeated = _repetition(results)
    if repeated is not None:
        return parts_from_words(repeated)
    runs = _every_run(results)
    if runs is None:
        runs = [_words(result, f"results[{index}]") for index, result in enumerate(results)]
    channels = _channels(results)
    if channels is not None and not any(s.speaker for run in runs for s in run):
        heard = [
            [Spoken(s.word, channel) for s in run]
            for run, channel in zip(runs, channels, strict=True)
        ]
        found = parts_from_words([run for run in heard if run])
        found.sort(key=lambda part: part.start if part.start is not None else 0.0)
        return found
    runs = [run for run in runs if run]
    if not runs:
        return []
    last = runs[-1]
    earlier = runs[:-1]
    spelled = [s.word.text for run in earlier for s in run]
    if any(s.speaker is not None for s in last) and _repeats(
        spelled.__getitem__,
        lambda i: last[i].word.text,
        len(spelled),
        len(last),
        list(accumulate(map(len, earlier), initial=0)),
    ):
        units, position = [], 0  # the full, tagged repetition: cut it like the results
        for run in earlier:
            units.append(last[position : position + len(run)])
            position += len(run)
        return parts_from_words(units)
    if any(s.speaker is not None for s in last) and all(
        s.speaker is None for run in earlier for s in run
    ):
        return parts_from_words([last])
    return parts_from_words(runs)


def _channels(results: list[Any]) -> list[str | None] | None:
    """Each result's channel (`channel 1`) when the audio had several (`channelTag`,
    multi-channel recognition: a stereo interview, a speaker on each side); None when it
    had one."""
    tags = [r.get("channelTag") if isinstance(r, dict) else None for r in results]
    # (as text: a tag written as a list or an object, in a damaged file, is no crash)
    written = [None if tag is None else str(tag) for tag in tags]
    if len({tag for tag in written if tag is not None}) < 2:
        return None
    return [None if tag is None else f"channel {tag}" for tag in written]


def _repetition_at_once(results: list[Any]) -> list[Iterable[tuple[Word, str | None]]] | None:
    """`_repetition` of the usual diarised response, at once (`bulk`); None for any
    other response (then `_repetition` reads it word by word). Each unit pairs its words
    with their speakers as it is read (no `Spoken` made for each of the words)."""
    firsts = bulk.first_alternatives(results)
    if len(results) < 2 or firsts is None:
        return None
    found = bulk.flattened(firsts[:-1], "words")
    if found is None or any(start == end for start, end in pairwise(found[1])):
        return None
    raw, bounds = found
    if not bulk.all_hold_text(raw, "word"):
        return None
    tagged: Any = firsts[-1].get("words")
    words = timed_words(tagged, ("word",), _START, _END, 1.0, ("confidence",))
    if words is None or not _repeats(
        lambda i: raw[i]["word"].strip(), lambda i: words[i].text, len(raw), len(words), bounds
    ):
        return None
    speakers = said_by(tagged, _TAG, None, _NOBODY)
    if not any(speakers):
        return None
    return list(map(zip, bulk.cut(words, bounds), bulk.cut(speakers, bounds)))


def _repetition(results: list[Any]) -> list[list[Spoken]] | None:
    """The units `parts` makes of a diarised response whose last result repeats every
    word of the results before it with speaker tags: the last result's words, cut like
    those results. The earlier words are only counted, not read (their times are not
    checked: the document keeps none of them, and checking them cost a tenth of the
    read). None unless the last result's words name someone, and every earlier
    result's first alternative has a list of words, each an object with its word, as
    many in all as the last result has."""
    if len(results) < 2:
        return None
    firsts = []
    for result in results:
        alternatives = result.get("alternatives") if isinstance(result, dict) else None
        if not (isinstance(alternatives, list) and alternatives):
            return None
        if not isinstance(alternatives[0], dict):
            return None
        firsts.append(alternatives[0])
    last = _words(results[-1], f"results[{len(results) - 1}]")
    if not any(map(_SPEAKER, last)):
        return None
    bounds = [0]
    for first in firsts[:-1]:
        words = first.get("words")
        if not (isinstance(words, list) and words):
            return None
        if not all(type(word) is dict and type(word.get("word")) is str for word in words):
            return None
        bounds.append(bounds[-1] + len(words))
    earlier = [word["word"].strip() for first in firsts[:-1] for word in first["words"]]
    if not _repeats(
        earlier.__getitem__, lambda i: last[i].word.text, len(earlier), len(last), bounds
    ):
        return None
    return bulk.cut(last, bounds)


def _every_run(results: list[Any]) -> list[list[Spoken]] | None:
    """Every result's words, the usual response at once (`bulk`): each result an object
    whose alternatives open with an object with a list of usual words (a result without
    words is read by `_words`, from its transcript). None for any other response."""
    firsts = bulk.first_alternatives(results)
    if firsts is None:
        return None

    def read(chunk: list[dict[str, Any]], start: int) -> list[list[Spoken]] | None:
        found = bulk.flattened(chunk, "words")
        if found is None:
            return None
        raw, bounds = found
        spoken = bulk.in_chunks(raw, lambda words, _: _spoken(words)) if raw else []
        if spoken is None:
            return None
        runs = bulk.cut(spoken, bounds)
        for index, run in enumerate(runs):
            if not run:
                runs[index] = _words(results[start + index], f"results[{start + index}]")
        return runs

    return bulk.in_chunks(firsts, read, bulk.length_at("words"))


def _spoken(raw: Any) -> list[Spoken] | None:
    """Usual words with their speakers (None if any is unusual)."""
    words = timed_words(raw, ("word",), _START, _END, 1.0, ("confidence",))
    return None if words is None else bulk.spoken(words, said_by(raw, _TAG, None, _NOBODY))


def _words(result: Any, where: str) -> list[Spoken]:
    alternatives = items(result, "alternatives", where)
    if not alternatives:
        return []
    alternative = obj(alternatives[0], f"{where}.alternatives[0]")
    spoken = _spoken(alternative.get("words"))  # the usual list, at once
    if spoken is None:
        spoken = []
        for index, word in enumerate(
            items(alternative, "words", f"{where}.alternatives[0]", False)
        ):
            found = _word(word, f"{where}.alternatives[0].words[{index}]")
            if found is not None:
                spoken.append(found)
    if not spoken and isinstance(alternative.get("transcript"), str):
        end = seconds(
            result.get("resultEndTime", result.get("resultEndOffset")), f"{where}.resultEndTime"
        )
        spoken = [Spoken(make_word(t, None, None), None) for t in alternative["transcript"].split()]
        if spoken and end is not None:
            spoken[-1] = Spoken(spoken[-1].word._replace(end=end), None)
    return spoken


def _repeats(
    earlier: Callable[[int], str],
    last: Callable[[int], str],
    earlier_count: int,
    last_count: int,
    bounds: list[int],
) -> bool:
    """Does the last result repeat the words of the results before it (cut at `bounds`)?
    As many words, and the same first and last word of each earlier result (the words
    at the edges tell a repetition from results that only have as many words; checking
    them, not every word, keeps the read of a long response as fast as it was)."""
    if earlier_count != last_count:
        return False
    return all(earlier(i) == last(i) for a, b in pairwise(bounds) for i in (a, b - 1) if a < b)


_SPEAKER = itemgetter(1)  # of a `Spoken`
_START = ("startTime", "startOffset", "start_time")
_END = ("endTime", "endOffset", "end_time")
_TAG = ("speakerLabel", "speakerTag", "speaker_tag")
_NOBODY = (0, "0", "")  # speaker tags that name no one (a word not diarised)


def _word(data: Any, at: str) -> Spoken | None:
    """A word in any form Google writes (None: no word to read)."""
    word = obj(data, at)
    start = word.get(_START[0], word.get(_START[1], word.get(_START[2])))
    end = word.get(_END[0], word.get(_END[1], word.get(_END[2])))
    value = word.get("word")
    if not isinstance(value, str):
        return None
    tag = word.get(_TAG[0], word.get(_TAG[1], word.get(_TAG[2])))
    speaker = speaker_label(tag) if tag not in _NOBODY else None
    start_seconds = seconds(start, f"{at}.startTime")
    end_seconds = seconds(end, f"{at}.endTime")
    return Spoken(make_word(value, start_seconds, end_seconds, word.get("confidence")), speaker)
