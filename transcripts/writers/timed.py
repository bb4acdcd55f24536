"""What the timed writers (vtt, srt, podcast) share: the blocks they hold, checked
times, and turns cut into caption-sized cues.

A turn read from captions is one block however many cues it came from, so a writer
cuts it again: lines of at most `width` characters, at most `height` lines a cue, a
cue closed early at the end of a sentence once it is half full. The turn's start and
end are kept exactly; the times between its cues are shared out by characters.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import TranscriptError
from ..losses import Losses, note
from ..model import Block, Kind, Transcript
from ..timing import TIMED_KINDS, TIMING_KEY

# What each kind a timed format cannot hold is called in the "lost" line.
_KIND_NOUNS = {
    Kind.PROSE: "{n} prose block{s}",
    Kind.HEADING: "{n} heading{s}",
    Kind.TAGS: "{n} tag line{s}",
    Kind.LABELLED: "{n} labelled block{s}",
    Kind.TIMESTAMP: "{n} timestamp line{s}",
    Kind.LAYOUT: "{n} layout block{s}",
    Kind.FRONT_MATTER: "{n} front matter block{s}",
}


@dataclass(slots=True)
class Cue:
    """One caption: its times, speaker (turns only) and lines of text."""

    start: float
    end: float
    speaker: str | None
    lines: list[str]
    block: Block


def timed_blocks(transcript: Transcript, format_name: str, losses: Losses | None) -> list[Block]:
    """The blocks a timed format holds, each with a start and an end, or a clear refusal.

    What the format cannot hold (prose, headings, ...) is counted in `losses`.
    """
    kept: list[Block] = []
    dropped: Counter[str] = Counter()
    for block in transcript.blocks:
        if block.kind in TIMED_KINDS and block.text.strip():
            kept.append(block)
        elif block.text.strip() or block.kind == Kind.FRONT_MATTER:
            dropped[block.kind] += 1
    missing = [block for block in kept if block.start is None]
    if missing:
        if len(missing) == len(kept):
            raise TranscriptError(
                f"has no times, and {format_name} needs them; add --estimate-timing WPM "
                "to estimate them from word counts (conversation is about 150 words per minute)"
            )
        raise TranscriptError(
            f"{len(missing)} of {len(kept)} blocks have no times (the first at line "
            f"{missing[0].line}), and {format_name} needs them; add --estimate-timing WPM "
            "to estimate the missing ones"
        )
    for kind, count in dropped.items():
        note(losses, _KIND_NOUNS.get(kind, "{n} " + kind + " block{s}"), count)
    return kept


def ends(blocks: list[Block]) -> list[float]:
    """Each block's end: its own, else the next block's start; a refusal when neither."""
    result = []
    for index, block in enumerate(blocks):
        end = block.end
        if end is None and index + 1 < len(blocks):
            end = blocks[index + 1].start
        assert block.start is not None
        if end is None or end < block.start:
            raise TranscriptError(
                f"the block at line {block.line} has a start but no end time; add "
                "--estimate-timing WPM to estimate it"
            )
        result.append(end)
    return result


def note_unmarked(blocks: list[Block], losses: Losses | None) -> None:
    """Count unattributed blocks right after a turn, for formats that name a speaker only
    where it changes: read back, they continue that turn."""
    count = sum(
        1
        for before, block in itertools.pairwise(blocks)
        if block.kind == Kind.UNATTRIBUTED and before.kind == Kind.TURN
    )
    note(losses, "the no-speaker mark of {n} unattributed block{s} after a turn", count)


def note_metadata(
    transcript: Transcript, losses: Losses | None, keeps: frozenset[str] = frozenset()
) -> None:
    """Count the metadata fields a format has no place for.

    A document read from text is exempt: its metadata came from its own front matter,
    headings and tag lines, which are counted as blocks.
    """
    if transcript.layout is not None:
        return
    for key in transcript.metadata:
        if key not in keeps and key != TIMING_KEY:
            note(losses, "{n} metadata field{s}", detail=key)


def cues(
    blocks: list[Block], width: int, height: int, text_of: Callable[[Block], str]
) -> Iterator[Cue]:
    """The blocks cut into cues, times shared out within each block by characters.

    `text_of` gives a block's text as the format writes it (with a `Name:` prefix, say).
    """
    for block, end in zip(blocks, ends(blocks), strict=True):
        assert block.start is not None
        chunks = cut(text_of(block), width, height)
        speaker = block.speaker if block.kind == Kind.TURN else None
        total = sum(len(" ".join(lines)) for lines in chunks) or 1
        done = 0
        start = block.start
        for index, lines in enumerate(chunks):
            done += len(" ".join(lines))
            if index == len(chunks) - 1:
                cue_end = end
            else:
                cue_end = round(block.start + (end - block.start) * done / total, 3)
            yield Cue(start, cue_end, speaker, lines, block)
            start = cue_end


def cut(text: str, width: int, height: int) -> list[list[str]]:
    """Text as cues of at most `height` lines of about `width` characters."""
    chunks: list[list[str]] = []
    lines: list[str] = []
    line = ""
    half = width * height // 2
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = ""
            if len(lines) == height:
                chunks.append(lines)
                lines = []
        line = f"{line} {word}" if line else word
        if word[-1] in ".?!" and sum(map(len, lines)) + len(line) >= half:
            lines.append(line)
            chunks.append(lines)
            lines, line = [], ""
    if line:
        lines.append(line)
    if lines:
        chunks.append(lines)
    return chunks
