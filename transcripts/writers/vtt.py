"""The WebVTT writer: turns as cues with `<v Speaker>` voice spans, times kept.

Each cue of a turn carries its speaker's voice span, so every player shows who speaks
and a cue without one reads back as having no speaker. Stage directions and
unattributed text are cues without a voice. A block's pieces (the cues it was read
from) are written back with their own times and line breaks; timed words become
inline timestamps (`word <00:00:04.160>next`, karaoke captions). Estimated times are
said so in a NOTE (which the vtt reader turns back into the metadata mark).
"""

from __future__ import annotations

from ..cues import CueMark, MarkTally, is_direction
from ..losses import note
from ..model import Transcript
from ..options import WriteOptions
from ..timecode import format_clock
from ..timing import ESTIMATE_NOTE, estimated
from .timed import Cue, cues, note_metadata, note_timings, note_unmarked, timed_blocks

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
    note_timings(blocks, options.losses, keeps_pieces=True, keeps_word_times=True)
    header = "WEBVTT"
    title = transcript.title
    if title and title.strip():
        header += " - " + " ".join(title.split()).replace("-->", "->")
    parts = [header + "\n"]
    mark = estimated(transcript)
    if mark:
        rate = mark.get("words_per_minute", "?")
        parts.append(f"\nNOTE\n{ESTIMATE_NOTE.format(rate=rate)}\n")
    # Cue by cue: a million of them need not be held at once.
    tally = MarkTally()
    lengthened = 0
    for cue in cues(blocks, WIDTH, HEIGHT, losses=options.losses):
        tally.add(CueMark(bool(cue.speaker), cue.speaker, is_direction(cue.block.text)))
        end = cue.end
        if end <= cue.start:  # WebVTT: a cue ends after it starts
            end = cue.start + 0.001
            lengthened += 1
        text = "\n".join(_lines(cue))
        if cue.speaker:
            text = f"<v {escape(cue.speaker)}>{text}"
        parts.append(f"\n{timestamp(cue.start)} --> {timestamp(end)}\n{text}\n")
    if not tally.every_cue():
        note_unmarked(blocks, options.losses)  # read back, an unvoiced cue continues a turn
    note(options.losses, "{n} cue{s} of no length (made 1 ms long)", lengthened)
    return "".join(parts)


def _lines(cue: Cue) -> list[str]:
    """The cue's lines, escaped, with an inline timestamp before each word that starts
    inside the cue (and not before the word before it): karaoke timing, read back as
    words. (A word that shares its start with the word before keeps its own tag, as in
    YouTube's captions.)"""
    if cue.words is None:
        return [escape(line) for line in cue.lines]
    words = iter(cue.words)
    skip = len(cue.prefix.split())
    clock = cue.start
    lines = []
    for line in cue.lines:
        tokens = []
        for token in line.split(" "):
            if skip or not token:
                skip -= bool(token) and skip > 0
                tokens.append(escape(token))
                continue
            start = next(words).start
            if start is not None and cue.start < start < cue.end and start >= clock:
                clock = start
                tokens.append(f"<{timestamp(start)}>{escape(token)}")
            else:
                tokens.append(escape(token))
        lines.append(" ".join(tokens))
    return lines
