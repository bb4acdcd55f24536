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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..errors import TranscriptError
from ..losses import EMPTY_BLOCKS, Losses, note
from ..model import Block, Kind, Piece, Transcript, Word
from ..timing import TIMED_KINDS, TIMING_KEY
from .strings import UNWRITABLE

_UNMARKED = "the no-speaker mark of {n} unattributed block{s} after a turn"

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


def caption_clock(seconds: float, separator: str = ".") -> str:
    """`timecode.format_clock(seconds, separator=separator)` (hours always, milliseconds)
    in one step: the timed writers write two a cue, a million cues in a large file. Each
    minute's `hh:mm:` is made once (up to `_MINUTES_CACHED` of them). A test holds it to
    `format_clock`."""
    minute, within = divmod(round(seconds * 1000), 60_000)
    opening = _MINUTES.get(minute)
    if opening is None:
        hours, minutes = divmod(minute, 60)
        opening = f"{_TWO_DIGITS[hours] if hours < 100 else hours}:{_TWO_DIGITS[minutes]}:"
        if len(_MINUTES) < _MINUTES_CACHED:
            _MINUTES[minute] = opening
    secs, fraction = divmod(within, 1000)
    return f"{opening}{_TWO_DIGITS[secs]}{separator}{_THREE_DIGITS[fraction]}"


_TWO_DIGITS = [f"{number:02d}" for number in range(100)]
_THREE_DIGITS = [f"{number:03d}" for number in range(1000)]
_MINUTES: dict[int, str] = {}  # minute -> "hh:mm:"
_MINUTES_CACHED = 6000  # a hundred hours


def timed_blocks(transcript: Transcript, format_name: str, losses: Losses | None) -> list[Block]:
    """The blocks a timed format holds, each with a start and an end, or a clear refusal.

    What the format cannot hold (prose, headings, ...) is counted in `losses`.
    """
    stream = TimedStream(transcript.blocks, format_name)
    kept = list(stream)
    stream.note_dropped(losses)
    return kept


class TimedStream:
    """`timed_blocks` one block at a time, for a writer that streams a large file.

    Iterating gives the blocks a timed format holds; a block without a start ends the
    iteration with `timed_blocks`' refusal, the rest of the blocks counted for it. What
    `timed_blocks`, `note_timings` and `note_unmarked` count is counted on the way, and
    noted by the `note_*` methods (called in the order a writer of whole lists notes).
    """

    def __init__(self, blocks: Iterable[Block], format_name: str) -> None:
        self._blocks = iter(blocks)
        self._format_name = format_name
        self.dropped: Counter[str] = Counter()
        self.empty = 0  # blocks with no text: no cue can hold them
        self.unmarked = 0
        self._timings = _TimingCounts()

    def __iter__(self) -> Iterator[Block]:
        before: Block | None = None
        kept = 0
        for block in self._blocks:
            if block.kind in TIMED_KINDS and block.text.strip():
                kept += 1
                if block.start is None:
                    self._refuse(block, kept)
                self._count(block, before)
                before = block
                yield block
            elif block.text.strip() or block.kind == Kind.FRONT_MATTER:
                self.dropped[block.kind] += 1
            else:
                self.empty += 1

    def _refuse(self, first: Block, kept: int) -> None:
        """`timed_blocks`' refusal: `first` is the first kept block without times."""
        missing = 1
        for block in self._blocks:  # the rest, counted for the message
            if block.kind in TIMED_KINDS and block.text.strip():
                kept += 1
                missing += block.start is None
        if missing == kept:
            raise TranscriptError(
                f"has no times, and {self._format_name} needs them; add --estimate-timing WPM "
                "to estimate them from word counts (conversation is about 150 words per minute)"
            )
        raise TranscriptError(
            f"{missing} of {kept} blocks have no times (the first at line "
            f"{first.line}), and {self._format_name} needs them; add --estimate-timing WPM "
            "to estimate the missing ones"
        )

    def _count(self, block: Block, before: Block | None) -> None:
        self.unmarked += before is not None and _unmarked(before, block)
        self._timings.add(block)

    def note_dropped(self, losses: Losses | None) -> None:
        """What `timed_blocks` notes: the blocks the format cannot hold."""
        for kind, count in self.dropped.items():
            note(losses, _KIND_NOUNS.get(kind, "{n} " + kind + " block{s}"), count)
        note(losses, EMPTY_BLOCKS, self.empty)

    def note_timings(
        self, losses: Losses | None, keeps_pieces: bool = False, keeps_word_times: bool = False
    ) -> None:
        """What `note_timings` notes, for the blocks iterated."""
        self._timings.note(losses, keeps_pieces, keeps_word_times)

    def note_unmarked(self, losses: Losses | None) -> None:
        """What `note_unmarked` notes, for the blocks iterated."""
        note(losses, _UNMARKED, self.unmarked)


def ends(blocks: list[Block]) -> list[float]:
    """Each block's end: its own, else the next block's start; a refusal when neither."""
    return [end for _, end in with_ends(blocks)]


def with_ends(blocks: Iterable[Block]) -> Iterator[tuple[Block, float]]:
    """`ends` as the blocks come: each block with its end (looking one block ahead)."""
    iterator = iter(blocks)
    block = next(iterator, None)
    while block is not None:
        following = next(iterator, None)
        end = block.end
        if end is None and following is not None:
            end = following.start
        assert block.start is not None
        if end is None or end < block.start:
            raise TranscriptError(
                f"the block at line {block.line} has a start but no end time; add "
                "--estimate-timing WPM to estimate it"
            )
        yield block, end
        block = following


def note_unmarked(blocks: list[Block], losses: Losses | None) -> None:
    """Count unattributed blocks right after a turn, for formats that name a speaker only
    where it changes: read back, they continue that turn."""
    count = sum(1 for before, block in itertools.pairwise(blocks) if _unmarked(before, block))
    note(losses, _UNMARKED, count)


def _unmarked(before: Block, block: Block) -> bool:
    return block.kind == Kind.UNATTRIBUTED and before.kind == Kind.TURN


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
    counts = _TimingCounts()
    for block in blocks:
        counts.add(block)
    counts.note(losses, keeps_pieces, keeps_word_times)


class _TimingCounts:
    """What `note_timings` counts, block by block."""

    __slots__ = ("confident", "pieces", "timed_words")

    def __init__(self) -> None:
        self.pieces = self.timed_words = self.confident = 0

    def add(self, block: Block) -> None:
        for piece in block.pieces or ():
            self.pieces += piece.start is not None or piece.end is not None
            for word in piece.words or ():
                self.timed_words += word.start is not None or word.end is not None
                self.confident += word.confidence is not None

    def note(self, losses: Losses | None, keeps_pieces: bool, keeps_word_times: bool) -> None:
        if not keeps_pieces:
            note(losses, "the times of {n} cue{s} or segment{s}", self.pieces)
        if not keeps_word_times:
            note(losses, "the times of {n} word{s}", self.timed_words)
        note(losses, "the confidence of {n} word{s}", self.confident)


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


@dataclass(slots=True)
class CutCounts:
    """What `cues` tells `losses` when it is done: cues cut from blocks without usable
    pieces (their times shared out), blocks whose pieces no longer say their text, and
    blocks with a piece whose start or end the source did not give (an unaligned ELAN
    time slot)."""

    shared: int = 0
    stale: int = 0
    untimed: int = 0

    def note(self, losses: Losses | None) -> None:
        shared = "the times of {n} cue{s} inside turns (shared out by characters)"
        stale = "the cue times of {n} block{s} whose text no longer matches its pieces"
        untimed = "the cue times of {n} block{s} with a piece of no start or end (cut again)"
        note(losses, shared, self.shared)
        note(losses, stale, self.stale)
        note(losses, untimed, self.untimed)


def cues(
    blocks: Iterable[Block],
    width: int,
    height: int,
    prefix_of: Callable[[Block], str] = lambda block: "",
    losses: Losses | None = None,
    counts: CutCounts | None = None,
) -> Iterator[Cue]:
    """The blocks as cues of at most `height` lines of about `width` characters.

    A block's pieces (the cues or segments it was read from) are written back as they
    were, one cue each, times and line breaks kept. A block without usable pieces is cut
    into cues whose times inside the block are shared out by characters, which `losses`
    hears about at the end (or `counts` counts, for a caller that notes them later).
    `prefix_of` gives what opens a block's first cue (`Name: ` in SubRip). The blocks
    are taken as they come (one looked ahead), so a writer can stream them.
    """
    counted = counts if counts is not None else CutCounts()
    for block, end in with_ends(blocks):
        pieces = usable_pieces(block)
        yield from block_cues(block, pieces, end, width, height, prefix_of(block), counted)
    if counts is None:
        counted.note(losses)


def block_cues(
    block: Block,
    pieces: list[Piece] | None,
    end: float,
    width: int,
    height: int,
    prefix: str,
    counted: CutCounts,
) -> Iterator[Cue]:
    """The cues of one block of `cues` (which gives it its `end`, and counts in
    `counted`), given its `usable_pieces` (which its caller has asked already)."""
    speaker = block.speaker if block.kind == Kind.TURN else None
    if pieces is None:
        if block.pieces is not None:
            untimed = any(p.start is None or p.end is None for p in block.pieces)
            counted.untimed += untimed
            counted.stale += not untimed
        written = list(_cut_block(block, end, width, height, prefix, speaker))
        counted.shared += len(written) - 1
        yield from written
        return
    for index, piece in enumerate(pieces):
        yield _piece_cue(piece, block, "" if index else prefix, speaker)


def usable_pieces(block: Block) -> list[Piece] | None:
    """A block's pieces, if each has its times and together they still say the block's
    text (an edited text makes them stale)."""
    pieces = block.pieces
    if not pieces or None in [piece.start for piece in pieces] + [piece.end for piece in pieces]:
        return None
    said = " ".join([piece.text for piece in pieces])
    # The same text (line breaks as spaces) says the same words, and is quicker to ask.
    if said.replace("\n", " ") != block.text and said.split() != block.text.split():
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


def _piece_cue(piece: Piece, block: Block, prefix: str, speaker: str | None) -> Cue:
    """One piece as one cue: its own times and line breaks, and its words when they
    spell its text (a piece is a cue of the source, never cut: readers of sources timed
    only word by word group the words into caption-sized pieces)."""
    assert piece.start is not None and piece.end is not None
    words = piece.words
    if not words or [word.text for word in words] != piece.text.split():
        words = None
    return Cue(
        piece.start, piece.end, speaker, caption_lines(prefix + piece.text), block, words, prefix
    )


def caption_lines(text: str) -> list[str]:
    """A cue's text as its lines, the blank ones left out: in every caption format a
    blank line ends the cue, so one inside a text (a piece from JSON, a name with a line
    break) would cut it in two, and SubRip would read what follows as the next cue.

    A line of NULs and spaces is blank too once the NULs are left out of the file
    (`strings.UNWRITABLE`); its NULs go on the next line kept (or the last), so that
    what leaves them out still counts them as lost."""
    lines = text.split("\n")
    if len(lines) == 1:
        return lines
    kept: list[str] = []
    nuls = ""
    for line in lines:
        if line.replace(UNWRITABLE, "").strip():
            kept.append(nuls + line)
            nuls = ""
        else:
            nuls += UNWRITABLE * line.count(UNWRITABLE)
    if not kept:
        return [nuls]
    kept[-1] += nuls
    return kept


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
