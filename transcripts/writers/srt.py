"""The SubRip (SRT) writer: numbered cues, `Speaker:` where a turn starts, times kept.

Following the podcast namespace's SRT guidance, a cue holds at most two lines of 32
characters and the speaker's name opens the first cue of each turn; a turn's pieces
(the cues it was read from) are written back with their own times and lines. SubRip has no
comments and no metadata, so a title or the note that times are estimates cannot be
kept (`losses` says so). Nor has it an escape: any line holding `-->` is a cue timing
to its readers, so an arrow in what was said is written `->` (and said to be).
"""

from __future__ import annotations

from ..losses import note
from ..model import Block, Kind, Transcript
from ..options import WriteOptions
from ..spacing import clean_spaces
from ..timing import estimated
from .timed import caption_clock, cues, note_metadata, note_timings, note_unmarked, timed_blocks

WIDTH = 32  # characters a line (podcast namespace SRT guidance)
HEIGHT = 2  # lines a cue


def _prefix(block: Block) -> str:
    return f"{clean_spaces(block.speaker)}: " if block.kind == Kind.TURN and block.speaker else ""


def _cue_text(lines: list[str]) -> tuple[str, int]:
    """A cue's lines as its text, each `-->` made `->` (SubRip cannot escape it: a line
    holding one is read as the next cue's timing); and how many were."""
    text = "\n".join(lines)
    arrows = text.count("-->")
    return (text.replace("-->", "->") if arrows else text), arrows


def write(transcript: Transcript, options: WriteOptions | None = None) -> str:
    """The transcript as a SubRip file."""
    options = options or WriteOptions()
    blocks = timed_blocks(transcript, "srt", options.losses)
    note_metadata(transcript, options.losses)
    note_unmarked(blocks, options.losses)
    note_timings(blocks, options.losses, keeps_pieces=True)
    if estimated(transcript):
        note(options.losses, "the note that the times are estimates (SRT has no comments)")
    parts = []
    arrows = 0
    for number, cue in enumerate(cues(blocks, WIDTH, HEIGHT, _prefix, options.losses), start=1):
        end = cue.end
        start_text = caption_clock(cue.start, separator=",")
        end_text = caption_clock(end, separator=",")
        text, found = _cue_text(cue.lines)
        arrows += found
        parts.append(f"{number}\n{start_text} --> {end_text}\n{text}\n\n")
    note(
        options.losses, "{n} arrow{s} (-->) in cue text, written -> (SRT cannot escape it)", arrows
    )
    return "".join(parts)
