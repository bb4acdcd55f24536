"""Amazon Transcribe's JSON: items (words and punctuation), times as strings.

`{"jobName", "results": {"transcripts": [{"transcript"}], "items": [{"id"?,
"start_time": "0.49", "end_time": "0.7", "alternatives": [{"content", "confidence"}],
"type": "pronunciation" | "punctuation", "speaker_label"?}], "speaker_labels"?:
{"speakers", "segments": [{"start_time", "end_time", "speaker_label", "items"}]},
"channel_labels"?: {"channels": [{"channel_label", "items"}]}, "audio_segments"?:
[{"start_time", "end_time", "speaker_label"?, "items": [ids]}]}}`.

A word's speaker is its own `speaker_label` (newer jobs), else that of the speaker
segment it falls in, else its channel's (`ch_0`, channel identification).
Punctuation items attach to the word before. The pieces are the `audio_segments`
when the job has them, else the speaker segments, cut into sentences of caption size.

Transcribe Call Analytics writes another shape: `{"JobStatus", "Transcript":
[{"ParticipantRole": "AGENT" | "CUSTOMER", "Content", "BeginOffsetMillis",
"EndOffsetMillis", "Items": [{"Content", "BeginOffsetMillis", "EndOffsetMillis",
"Confidence", "Type"}], "Sentiment", ...}], "Participants", "Categories", ...}`: each
turn of the `Transcript` list is a piece, its speaker its participant's role, its words
its pronunciation items (punctuation attached) where they spell its content.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import chain, pairwise, repeat
from operator import eq
from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..jsondata import has_keys
from ..turns import Part
from . import bulk
from .common import (
    Spoken,
    attach,
    items,
    make_word,
    obj,
    parts_from_words,
    read_dialect,
    seconds,
    segment_part,
    speaker_label,
    split_at_ends,
    text,
)


def recognise(data: Any) -> bool:
    """A job's results with items and transcripts, or Call Analytics' turns."""
    if not isinstance(data, dict):
        return False
    return has_keys(data.get("results"), "items", "transcripts") or _is_call_analytics(data)


def _is_call_analytics(data: dict[str, Any]) -> bool:
    """Call Analytics' output: a `Transcript` list of turns with a role and content."""
    turns = data.get("Transcript")
    return (
        isinstance(turns, list)
        and bool(turns)
        and all(has_keys(t, "ParticipantRole", "Content", "BeginOffsetMillis") for t in turns[:3])
    )


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read an Amazon Transcribe job's JSON into turns."""
    return read_dialect(source, options, "Amazon Transcribe", parts)


def parts(data: Any) -> list[Part]:
    if isinstance(data, dict) and "results" not in data and "Transcript" in data:
        return _call_analytics(data)
    results = obj(obj(data, "top level").get("results"), "results")
    speaker_at = _speaker_lookup(results)
    raw = items(results, "items", "results")
    found = bulk.in_chunks(
        raw, lambda chunk, _: _every_item(chunk, speaker_at), opens=bulk.not_punctuation
    )
    if found is not None:
        spoken = [entry for part in found for entry in part[0]]
        ids = [item_id for part in found for item_id in part[1]]
    else:
        spoken, ids = [], []  # each word's item id (audio segments list them)
        for index, item in enumerate(raw):
            _item(item, f"results.items[{index}]", spoken, ids, speaker_at)
    return parts_from_words(_units(results, spoken, ids))


def _every_item(raw: list[Any], speaker_at: Any) -> list[tuple[list[Spoken], list[Any]]] | None:
    """The words (punctuation attached) and their ids, the usual items at once
    (`bulk`): None unless every item has its alternatives and content, and every word
    its times (then `_item` reads them one by one)."""
    firsts = bulk.first_alternatives(raw)
    if firsts is None:
        return None
    contents = bulk.at_key(firsts, "content")
    if not bulk.all_are(contents, str):
        return None
    marks = list(map(eq, bulk.at_key(raw, "type"), repeat("punctuation")))
    found = bulk.punctuated_words(raw, contents, marks, "start_time", "end_time", firsts)
    if found is None:
        return None
    said, words = found
    speakers = bulk.said_by(said, ("speaker_label",))
    if None in speakers:  # a word without a label: the speaker segment it falls in
        speakers = [who or speaker_at(w.start) for who, w in zip(speakers, words, strict=True)]
    return [(bulk.spoken(words, speakers), bulk.at_key(said, "id"))]


def _item(item: Any, where: str, spoken: list[Spoken], ids: list[Any], speaker_at: Any) -> None:
    """Read one item of any form into `spoken` (and its id into `ids`)."""
    alternatives = items(item, "alternatives", where)
    if not alternatives:
        return
    content = text(alternatives[0], "content", f"{where}.alternatives[0]")
    if item.get("type") == "punctuation":
        attach(spoken, content)
        return
    start = seconds(item.get("start_time"), f"{where}.start_time")
    end = seconds(item.get("end_time"), f"{where}.end_time")
    word = make_word(content, start, end, alternatives[0].get("confidence"))
    speaker = speaker_label(item.get("speaker_label")) or speaker_at(start)
    spoken.append(Spoken(word, speaker))
    ids.append(item.get("id"))


def _speaker_lookup(results: dict[str, Any]) -> Any:
    """A function from a word's start to the speaker (or channel) whose segment holds it.

    The speaker segments (else the channels) are read when a word first needs them, and
    only then can an error in them stop the read: a job that labels each word never
    needs them (their items repeat every word's times, which cost a tenth of the read
    to check)."""
    found: list[Any] = []

    def lazily(start: float | None) -> str | None:
        if not found:
            found.append(_lookup(_speaker_spans(results)))
        return found[0](start)  # type: ignore[no-any-return]

    return lazily


def _speaker_spans(results: dict[str, Any]) -> list[tuple[float, float, str]]:
    """The speaker segments' items as (start, end, speaker); the channels' items when no
    segment names anyone (channel identification)."""
    labels = results.get("speaker_labels")
    spans: list[tuple[float, float, str]] | None = []
    if isinstance(labels, dict):
        spans = _every_span(labels.get("segments"))
    if spans is None:
        spans = []
        for index, segment in enumerate(items(labels, "segments", "results.speaker_labels", False)):
            where = f"results.speaker_labels.segments[{index}]"
            for item in items(segment, "items", where, False) or [segment]:
                start = seconds(obj(item, where).get("start_time"), f"{where}.start_time")
                end = seconds(item.get("end_time"), f"{where}.end_time")
                label = speaker_label(item.get("speaker_label", segment.get("speaker_label")))
                if start is not None and label is not None:
                    spans.append((start, end if end is not None else start, label))
    channels = results.get("channel_labels")
    if not spans and isinstance(channels, dict):
        for index, channel in enumerate(
            items(channels, "channels", "results.channel_labels", False)
        ):
            where = f"results.channel_labels.channels[{index}]"
            label = speaker_label(obj(channel, where).get("channel_label"))
            for item in items(channel, "items", where, False):
                start = seconds(obj(item, where).get("start_time"), f"{where}.start_time")
                end = seconds(item.get("end_time"), f"{where}.end_time")
                if start is not None and label is not None:
                    spans.append((start, end if end is not None else start, label))
    return spans


def _lookup(spans: list[tuple[float, float, str]]) -> Any:
    """`speaker_at` of the spans (start, end, speaker)."""
    spans.sort()
    starts = [span[0] for span in spans]

    def speaker_at(start: float | None) -> str | None:
        if start is None or not spans:
            return None
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and spans[index][0] <= start <= spans[index][1]:
            return spans[index][2]
        return None

    return speaker_at


def _segment_items(segments: Any) -> tuple[list[dict[str, Any]], list[int]] | None:
    """The speaker segments' items as one list, and how many each segment has: None
    unless every segment has a list of items, not empty, and every item is an object."""
    found = bulk.flattened(segments, "items")
    if found is None:
        return None
    raw, bounds = found
    counts = [end - start for start, end in pairwise(bounds)]
    return None if 0 in counts or not bulk.all_are(raw, dict) else (raw, counts)


def _speakers(
    segments: list[Any], raw: list[dict[str, Any]], counts: list[int]
) -> list[str | None]:
    """The speaker of each segment's item: its own label, else its segment's."""
    return bulk.labels(list(_labels(segments, raw, counts)))


def _labels(segments: list[Any], raw: list[dict[str, Any]], counts: list[int]) -> Iterator[Any]:
    """The label of each segment's item as written (its own, else its segment's), as
    they are asked for."""
    around = chain.from_iterable(map(repeat, bulk.at_key(segments, "speaker_label"), counts))
    return map(dict.get, raw, repeat("speaker_label"), around)


def _every_span(segments: Any) -> list[tuple[float, float, str]] | None:
    """The speaker segments' items as (start, end, speaker), the usual segments at once
    (`bulk`): None unless every segment has items and every item its times."""
    if not bulk.usual(segments):
        return None
    return bulk.in_chunks(segments, lambda chunk, _: _spans(chunk), bulk.length_at("items"))


def _spans(segments: list[Any]) -> list[tuple[float, float, str]] | None:
    found = _segment_items(segments)
    if found is None:
        return None
    raw, counts = found
    timed = bulk.starts_and_ends(raw, ("start_time",), ("end_time",))
    if timed is None:
        return None
    starts, ends = timed
    speakers = _speakers(segments, raw, counts)
    return [
        (start, end, who)
        for start, end, who in zip(starts, ends, speakers, strict=True)
        if who is not None
    ]


def _units(results: dict[str, Any], spoken: list[Spoken], ids: list[Any]) -> list[list[Spoken]]:
    """The words cut where the job's audio segments (or speaker segments) end."""
    segments = results.get("audio_segments")
    if (
        isinstance(segments, list)
        and segments
        and all(isinstance(i, (str, int)) for i in ids)  # ids index the words: hashable
    ):
        position = {item_id: index for index, item_id in enumerate(ids)}
        units = []
        for segment in segments:
            indexes = sorted(
                position[i]
                for i in items(segment, "items", "audio_segments", False)
                if isinstance(i, (str, int)) and i in position
            )
            if indexes:
                units.append(spoken[indexes[0] : indexes[-1] + 1])
        if sum(len(unit) for unit in units) == len(spoken):
            return units
    labels = results.get("speaker_labels")
    ends = []
    if isinstance(labels, dict):
        for index, segment in enumerate(items(labels, "segments", "results.speaker_labels", False)):
            where = f"results.speaker_labels.segments[{index}]"
            end = seconds(obj(segment, where).get("end_time"), f"{where}.end_time")
            if end is not None:
                ends.append(end)
    return split_at_ends(spoken, ends)


def _call_analytics(data: dict[str, Any]) -> list[Part]:
    """The parts of Call Analytics' turns, in time order."""
    found = []
    for index, turn in enumerate(items(data, "Transcript", "top level")):
        where = f"Transcript[{index}]"
        content = text(turn, "Content", where)
        start = seconds(turn.get("BeginOffsetMillis"), f"{where}.BeginOffsetMillis", 0.001)
        end = seconds(turn.get("EndOffsetMillis"), f"{where}.EndOffsetMillis", 0.001)
        spoken: list[Spoken] = []
        for number, item in enumerate(items(turn, "Items", where, required=False)):
            at = f"{where}.Items[{number}]"
            value = text(item, "Content", at)
            if obj(item, at).get("Type") == "punctuation":
                attach(spoken, value)
                continue
            word_start = seconds(item.get("BeginOffsetMillis"), f"{at}.BeginOffsetMillis", 0.001)
            word_end = seconds(item.get("EndOffsetMillis"), f"{at}.EndOffsetMillis", 0.001)
            spoken.append(
                Spoken(make_word(value, word_start, word_end, item.get("Confidence")), None)
            )
        words = [entry.word for entry in spoken]
        if [w.text for w in words] != content.split():
            words = []  # the items do not spell the turn (redacted, or a partial list)
        role = turn.get("ParticipantRole")
        found.append(segment_part(content, start, end, speaker_label(role), words))
    found.sort(key=lambda part: part.start if part.start is not None else 0.0)
    return found
