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
"""

from __future__ import annotations

import bisect
from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..jsondata import has_keys
from ..turns import Part
from .common import (
    Spoken,
    attach,
    items,
    make_word,
    obj,
    parts_from_words,
    plain_seconds,
    read_dialect,
    seconds,
    speaker_label,
    speaker_labels,
    split_at_ends,
    text,
)


def recognise(data: Any) -> bool:
    results = data.get("results") if isinstance(data, dict) else None
    return has_keys(results, "items", "transcripts")


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read an Amazon Transcribe job's JSON into turns."""
    return read_dialect(source, options, "Amazon Transcribe", parts)


def parts(data: Any) -> list[Part]:
    results = obj(obj(data, "top level").get("results"), "results")
    speaker_at = _speaker_lookup(results)
    spoken: list[Spoken] = []
    ids: list[Any] = []  # each word's item id (audio segments list them)
    label = speaker_labels()
    for index, item in enumerate(items(results, "items", "results")):
        # The usual item (a word with its times, or punctuation) in one step; any other
        # by `_item`, which reads every form and names the place of an error.
        best = _first_alternative(item)
        if best is not None:
            content = best.get("content")
            if type(content) is str:
                if item.get("type") == "punctuation":
                    attach(spoken, content)
                    continue
                start = plain_seconds(item.get("start_time"))
                end = plain_seconds(item.get("end_time"))
                if start is not None and end is not None:
                    speaker = label(item.get("speaker_label")) or speaker_at(start)
                    word = make_word(content, start, end, best.get("confidence"))
                    spoken.append(Spoken(word, speaker))
                    ids.append(item.get("id"))
                    continue
        _item(item, f"results.items[{index}]", spoken, ids, speaker_at)
    return parts_from_words(_units(results, spoken, ids))


def _first_alternative(item: Any) -> dict[str, Any] | None:
    """An item's first alternative when the item has the usual shape, else None."""
    if type(item) is dict:
        alternatives = item.get("alternatives")
        if type(alternatives) is list and alternatives and type(alternatives[0]) is dict:
            return alternatives[0]
    return None


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


def _span(item: Any, where: str, label: str | None) -> tuple[float, float, str] | None:
    """A speaker (or channel) segment's item as (start, end, label); None without a start
    or a label."""
    if type(item) is dict:  # the usual item, times in range, in one step
        start = plain_seconds(item.get("start_time"))
        end = plain_seconds(item.get("end_time"))
        if start is not None and end is not None:
            return (start, end, label) if label is not None else None
    start = seconds(obj(item, where).get("start_time"), f"{where}.start_time")
    end = seconds(item.get("end_time"), f"{where}.end_time")
    if start is not None and label is not None:
        return start, end if end is not None else start, label
    return None


def _speaker_lookup(results: dict[str, Any]) -> Any:
    """A function from a word's start to the speaker (or channel) whose segment holds it."""
    spans: list[tuple[float, float, str]] = []
    labels = results.get("speaker_labels")
    label_of = speaker_labels()
    if isinstance(labels, dict):
        for index, segment in enumerate(items(labels, "segments", "results.speaker_labels", False)):
            where = f"results.speaker_labels.segments[{index}]"
            for item in items(segment, "items", where, False) or [segment]:
                raw = (
                    item.get("speaker_label", segment.get("speaker_label"))
                    if type(item) is dict
                    else None
                )
                span = _span(item, where, label_of(raw))
                if span is not None:
                    spans.append(span)
    channels = results.get("channel_labels")
    if not spans and isinstance(channels, dict):
        for index, channel in enumerate(
            items(channels, "channels", "results.channel_labels", False)
        ):
            where = f"results.channel_labels.channels[{index}]"
            label = speaker_label(obj(channel, where).get("channel_label"))
            for item in items(channel, "items", where, False):
                span = _span(item, where, label)
                if span is not None:
                    spans.append(span)
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
