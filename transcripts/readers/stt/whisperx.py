"""WhisperX's JSON: Whisper's segments, aligned words scored rather than given a
probability, speakers from pyannote (`SPEAKER_00`) on segments and words.

`{"segments": [{"start", "end", "text", "speaker"?, "words": [{"word", "start"?,
"end"?, "score"?, "speaker"?}]}], "word_segments": [...], "language"}`. Words the
aligner could not place (numbers, symbols) have no times; they are kept without.

A segment's speaker is the one who overlaps it most; its words carry their own. Where
the words name more than one speaker (a segment that runs over a change of speaker),
the segment is cut where the words' speaker changes, as Deepgram's words are followed
over its utterances: a word without a speaker stays with the words before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise, repeat
from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from ..turns import Part
from . import bulk, whisper
from .common import read_dialect, speaker_label


def recognise(data: Any) -> bool:
    """Segments with start, end and text, and WhisperX's `word_segments` or scored words."""
    return whisper.is_whisperx(data)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read WhisperX JSON into turns."""
    return read_dialect(source, options, "WhisperX", parts, whisper.metadata)


def parts(data: Any) -> list[Part]:
    """Whisper's parts of the segments, each cut where its words' speaker changes."""
    found = whisper.parts(data)
    segments = whisper.as_document(data).get("segments")
    if not isinstance(segments, list) or len(segments) != len(found):
        return found
    flat = bulk.flattened(segments, "words")
    if flat is not None and bulk.all_are(flat[0], dict):  # the usual file: looked at at once
        said = list(map(speaker_label, map(dict.get, flat[0], repeat("speaker"))))
        mixed = [i for i, (a, b) in enumerate(pairwise(flat[1])) if len(set(said[a:b])) > 1]
    else:
        mixed = list(range(len(found)))
    if not mixed:
        return found
    cut: list[Part] = []
    done = 0
    for index in mixed:
        cut.extend(found[done:index])
        part, raw = found[index], segments[index].get("words")
        if part.words and isinstance(raw, list) and len(raw) == len(part.words):
            cut.extend(_by_word_speakers(part, raw))
        else:
            cut.append(part)
        done = index + 1
    cut.extend(found[done:])
    return cut


def _by_word_speakers(part: Part, raw: list[Any]) -> Iterator[Part]:
    """The part, or its stretches of one word speaker when its words name several."""
    # (as labels: a speaker written as a list or an object is its text, not a crash)
    said = (
        [speaker_label(w.get("speaker")) for w in raw] if all(type(w) is dict for w in raw) else []
    )
    named = {speaker for speaker in said if speaker is not None}
    words = part.words or ()
    if len(named) < 2 or [w.text for w in words] != part.text.split():
        yield part
        return
    runs: list[tuple[Any, int, int]] = []  # (speaker, first word, after the last)
    for index, speaker in enumerate(said):
        if runs and (speaker is None or speaker == runs[-1][0]):
            runs[-1] = (runs[-1][0], runs[-1][1], index + 1)
        elif runs and runs[-1][0] is None:  # words before anyone was named
            runs[-1] = (speaker, runs[-1][1], index + 1)
        else:
            runs.append((speaker, index, index + 1))
    for number, (speaker, first, after) in enumerate(runs):
        stretch = words[first:after]
        start = part.start if number == 0 else stretch[0].start
        end = part.end if number == len(runs) - 1 else stretch[-1].end
        if start is None:
            start = part.start
        if end is None:
            end = part.end
        label = speaker
        text = " ".join(w.text for w in stretch)
        yield Part(text, start, end, 0, 0, label is not None, label, tuple(stretch))
