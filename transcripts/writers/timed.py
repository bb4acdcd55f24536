"""What the timed writers (vtt, srt, podcast) share: the blocks they hold, checked
times, and turns cut into caption-sized cues.

A turn read from captions is one block however many cues it came from; its pieces
are those cues, so a writer gives each back with its own times and lines. A turn
without pieces (from text with estimated times, say) is cut again: lines of at most
`width` characters, at most `height` lines a cue, a cue closed early at the end of a
sentence once it is half full; its start and end are kept exactly, and the times
between its cues are shared out by characters (and said to be).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..errors import TranscriptError
from ..losses import Losses, note
from ..model import Block, Kind, Piece, Transcript, Word
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
    """One caption: its times, speaker (turns only), lines of text, and the block it is
    from; `words` are its timed words when its piece had them (in order, one per word of
    its lines after `prefix`, which is the `Name: ` a format puts before a turn)."""

    start: float
    end: float
    speaker: str | None
    lines: list[str]
    block: Block
    words: tuple[Word, ...] | None = None
    prefix: str = ""


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


def note_timings(
    blocks: list[Block],
    losses: Losses | None,
    keeps_pieces: bool = False,
    keeps_word_times: bool = False,
) -> None:
    """Count what a format has no place for among the blocks' pieces: the times of the
    cues or segments (unless it keeps them), of the words (likewise), and the words'
    confidence."""
    if losses is None:
        return
    pieces = timed = confident = 0
    for block in blocks:
        for piece in block.pieces or ():
            pieces += piece.start is not None or piece.end is not None
            for word in piece.words or ():
                timed += word.start is not None or word.end is not None
                confident += word.confidence is not None
    if not keeps_pieces:
        note(losses, "the times of {n} cue{s} or segment{s}", pieces)
    if not keeps_word_times:
        note(losses, "the times of {n} word{s}", timed)
    note(losses, "the confidence of {n} word{s}", confident)


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
    blocks: list[Block],
    width: int,
    height: int,
    prefix_of: Callable[[Block], str] = lambda block: "",
    losses: Losses | None = None,
) -> Iterator[Cue]:
    """The blocks as cues of at most `height` lines of about `width` characters.

    A block's pieces (the cues or segments it was read from) are written back as they
    were, one cue each, times and line breaks kept. A block without usable pieces is cut
    into cues whose times inside the block are shared out by characters, which `losses`
    hears about. `prefix_of` gives what opens a block's first cue (`Name: ` in SubRip).
    """
    shared = stale = 0
    for block, end in zip(blocks, ends(blocks), strict=True):
        prefix = prefix_of(block)
        speaker = block.speaker if block.kind == Kind.TURN else None
        pieces = usable_pieces(block)
        if pieces is None:
            stale += block.pieces is not None
            written = list(_cut_block(block, end, width, height, prefix, speaker))
            shared += len(written) - 1
            yield from written
            continue
        for index, piece in enumerate(pieces):
            yield from _piece_cues(piece, block, "" if index else prefix, speaker)
    note(losses, "the times of {n} cue{s} inside turns (shared out by characters)", shared)
    note(losses, "the cue times of {n} block{s} whose text no longer matches its pieces", stale)


def usable_pieces(block: Block) -> list[Piece] | None:
    """A block's pieces, if each has its times and together they still say the block's
    text (an edited text makes them stale)."""
    pieces = block.pieces
    if not pieces or any(piece.start is None or piece.end is None for piece in pieces):
        return None
    if " ".join(piece.text for piece in pieces).split() != block.text.split():
        return None
    return pieces


def _cut_block(
    block: Block, end: float, width: int, height: int, prefix: str, speaker: str | None
) -> Iterator[Cue]:
    """A block without pieces cut into cues, its times shared out by characters."""
    assert block.start is not None
    chunks = cut(prefix + block.text, width, height)
    total = sum(len(" ".join(lines)) for lines in chunks) or 1
    done = 0
    start = block.start
    for index, lines in enumerate(chunks):
        done += len(" ".join(lines))
        if index == len(chunks) - 1:
            cue_end = end
        else:
            cue_end = round(block.start + (end - block.start) * done / total, 3)
        yield Cue(start, cue_end, speaker, lines, block, prefix=prefix if index == 0 else "")
        start = cue_end


def _piece_cues(piece: Piece, block: Block, prefix: str, speaker: str | None) -> Iterator[Cue]:
    """One piece as one cue: its own times and line breaks, and its words when they
    spell its text (a piece is a cue of the source, never cut: readers of sources timed
    only word by word group the words into caption-sized pieces)."""
    assert piece.start is not None and piece.end is not None
    words = piece.words
    if not words or [word.text for word in words] != piece.text.split():
        words = None
    lines = (prefix + piece.text).split("\n")
    yield Cue(piece.start, piece.end, speaker, lines, block, words, prefix)


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
