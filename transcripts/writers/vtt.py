"""The WebVTT writer: turns as cues with `<v Speaker>` voice spans, times kept.

Each cue of a turn carries its speaker's voice span, so every player shows who speaks
and a cue without one reads back as having no speaker. Stage directions and
unattributed text are cues without a voice. Estimated times are said so in a NOTE
(which the vtt reader turns back into the metadata mark).
"""

from __future__ import annotations

from ..cues import CueMark, is_direction, marks_every_cue
from ..model import Transcript
from ..options import WriteOptions
from ..timecode import format_clock
from ..timing import ESTIMATE_NOTE, estimated
from .timed import cues, note_metadata, note_unmarked, timed_blocks

WIDTH = 42  # characters a line: the usual caption guideline, within the podcast spec's 65
HEIGHT = 2  # lines a cue

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """Cue text with the characters WebVTT reserves escaped (which also rules out `-->`)."""
    return text.translate(_ESCAPES)


def timestamp(seconds: float) -> str:
    return format_clock(seconds)


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as a WebVTT file."""
    options = options or WriteOptions()
    blocks = timed_blocks(transcript, "vtt", options.losses)
    note_metadata(transcript, options.losses, keeps=frozenset({"title"}))
    header = "WEBVTT"
    title = transcript.title
    if title and title.strip():
        header += " - " + " ".join(title.split()).replace("-->", "->")
    parts = [header + "\n"]
    mark = estimated(transcript)
    if mark:
        rate = mark.get("words_per_minute", "?")
        parts.append(f"\nNOTE\n{ESTIMATE_NOTE.format(rate=rate)}\n")
    written = list(cues(blocks, WIDTH, HEIGHT, lambda block: block.text))
    if not marks_every_cue(
        [CueMark(bool(c.speaker), c.speaker, is_direction(c.block.text)) for c in written]
    ):
        note_unmarked(blocks, options.losses)  # read back, an unvoiced cue continues a turn
    for cue in written:
        end = cue.end if cue.end > cue.start else cue.start + 0.001  # WebVTT: end after start
        text = "\n".join(escape(line) for line in cue.lines)
        if cue.speaker:
            text = f"<v {escape(cue.speaker)}>{text}"
        parts.append(f"\n{timestamp(cue.start)} --> {timestamp(end)}\n{text}\n")
    return "".join(parts)
