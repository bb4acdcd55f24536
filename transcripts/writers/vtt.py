"""The WebVTT writer: turns as cues with `<v Speaker>` voice spans, times kept.

Each cue of a turn carries its speaker's voice span, so every player shows who speaks
and a cue without one reads back as having no speaker. Stage directions and
unattributed text are cues without a voice. A block's pieces (the cues it was read
from) are written back with their own times and line breaks; timed words become
inline timestamps (`word <00:00:04.160>next`, karaoke captions). Estimated times are
said so in a NOTE (which the vtt reader turns back into the metadata mark).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..cues import DIRECTION_OPENERS, MarkTally, is_direction
from ..io import Sink
from ..losses import note
from ..model import Block, Kind, Transcript
from ..options import WriteOptions
from ..spacing import clean_spaces
from ..timing import ESTIMATE_NOTE, estimated
from .strings import StringSink, written
from .timed import (
    Cue,
    CutCounts,
    TimedStream,
    block_cues,
    caption_clock,
    caption_lines,
    note_metadata,
    usable_pieces,
    with_ends,
)

WIDTH = 42  # characters a line: the usual caption guideline, within the podcast spec's 65
HEIGHT = 2  # lines a cue

_BATCH = 1024  # cues joined per write to the sink

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """Cue text with the characters WebVTT reserves escaped (which also rules out `-->`)."""
    if "&" in text or "<" in text or ">" in text:
        return text.translate(_ESCAPES)
    return text  # the usual line: nothing to escape, and no copy made


def timestamp(seconds: float) -> str:
    return caption_clock(seconds)


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as a WebVTT file."""
    return written(write_documents, transcript, options)


def write_documents(
    documents: Iterable[tuple[Transcript, Iterable[Block]]],
    sink: Sink | StringSink,
    options: WriteOptions | None = None,
    many: bool = False,
) -> None:
    """Write each document (`convert` gives one) as WebVTT, cue by cue as its blocks
    come: a million cues need not be held at once. What is lost is noted at the end, in
    the order `write` always noted it."""
    for header, blocks in documents:
        _write_one(header, blocks, sink, options or WriteOptions())


def _write_one(
    transcript: Transcript, blocks: Iterable[Block], sink: Sink | StringSink, options: WriteOptions
) -> None:
    losses = options.losses
    timed = TimedStream(blocks, "vtt")
    header = "WEBVTT"
    title = transcript.title
    if title and title.strip():
        header += " - " + " ".join(title.split()).replace("-->", "->")
    parts = [header + "\n"]
    mark = estimated(transcript)
    if mark:
        rate = mark.get("words_per_minute", "?")
        parts.append(f"\nNOTE\n{ESTIMATE_NOTE.format(rate=rate)}\n")
    tally = MarkTally()
    lengthened = 0
    cut = CutCounts()
    clock = caption_clock
    voices: dict[str, str] = {}  # each speaker's voice tag, written once
    for block, block_end in with_ends(timed):
        speaker = block.speaker if block.kind == Kind.TURN else None
        said = block.text
        direction = said[:1] in DIRECTION_OPENERS and is_direction(said)
        voice = ""
        if speaker:
            voice = voices.get(speaker) or voices.setdefault(
                speaker, f"<v {escape(clean_spaces(speaker))}>"
            )
        for start, end, text in _block_cues(block, block_end, cut):
            tally.count(bool(speaker), speaker, direction)
            if end <= start:  # WebVTT: a cue ends after it starts
                end = start + 0.001
                lengthened += 1
            parts.append(f"\n{clock(start)} --> {clock(end)}\n{voice}{text}\n")
        if len(parts) >= _BATCH:
            sink.write("".join(parts))
            parts.clear()
    sink.write("".join(parts))
    timed.note_dropped(losses)
    note_metadata(transcript, losses, keeps=frozenset({"title"}))
    timed.note_timings(losses, keeps_pieces=True, keeps_word_times=True)
    cut.note(losses)
    if not tally.every_cue():
        timed.note_unmarked(losses)  # read back, an unvoiced cue continues a turn
    note(losses, "{n} cue{s} of no length (made 1 ms long)", lengthened)


def _block_cues(block: Block, end: float, cut: CutCounts) -> list[tuple[float, float, str]]:
    """The start, end and escaped text of each cue of a block (`timed.block_cues`): a
    block whose pieces are plain cues (no timed words), the usual block read from
    captions, gives them as they are, without making a `Cue` of each."""
    pieces = usable_pieces(block)
    if pieces is None or any([piece.words for piece in pieces]):
        return [
            (cue.start, cue.end, _cue_text(cue))
            for cue in block_cues(block, pieces, end, WIDTH, HEIGHT, "", cut)
        ]
    return [
        (piece.start, piece.end, escape(_one_cue(piece.text)))  # type: ignore[misc]
        for piece in pieces
    ]


def _one_cue(text: str) -> str:
    """A piece's text with no blank line to end its cue early (`timed.caption_lines`)."""
    return text if "\n" not in text else "\n".join(caption_lines(text))


def _cue_text(cue: Cue) -> str:
    """The cue's lines, escaped and joined (see `_lines`)."""
    if cue.words is None:  # the usual cue: its lines escaped at once
        return escape("\n".join(cue.lines))
    return "\n".join(_lines(cue))


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
