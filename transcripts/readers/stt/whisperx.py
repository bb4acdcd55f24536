"""WhisperX's JSON: Whisper's segments, aligned words scored rather than given a
probability, speakers from pyannote (`SPEAKER_00`) on segments and words.

`{"segments": [{"start", "end", "text", "speaker"?, "words": [{"word", "start"?,
"end"?, "score"?, "speaker"?}]}], "word_segments": [...], "language"}`. Words the
aligner could not place (numbers, symbols) have no times; they are kept without.
"""

from __future__ import annotations

from typing import Any

from ...io import SourceText
from ...model import Transcript
from ...options import ReadOptions
from . import whisper
from .common import read_dialect


def recognise(data: Any) -> bool:
    """Segments with start, end and text, and WhisperX's `word_segments` or scored words."""
    return whisper.is_whisperx(data)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read WhisperX JSON into turns."""
    return read_dialect(source, options, "WhisperX", whisper.parts, whisper.metadata)
