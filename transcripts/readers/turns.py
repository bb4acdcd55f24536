"""Time-aligned parts into turns: what every reader of cues, segments and utterances shares.

A reader cuts its source into `Part`s (a cue, or the stretch of one cue with one speaker
mark; a speech-to-text segment; a CHAT utterance) and `assemble` makes blocks of them:

* consecutive parts of one speaker become one turn, with the first part's start and the
  last part's end, and the parts kept as the turn's `pieces` (so a writer can give back
  each cue with its own times and line breaks, and each word with its time);
* a part that is only a bracketed sound ("[laughter]") is a stage direction;
* a part whose source names no speaker continues the current speaker when the file
  marks only changes of speaker (the podcast SRT convention, the UW captions); when the
  file marks the speaker on every cue (Zoom, Buzzsprout's VTT, our own writers), such a
  part has no speaker. Which one a file does is counted (`cues.marks_every_cue`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from ..cues import DIRECTION_OPENERS, MarkTally, is_direction
from ..io import SourceText
from ..model import Block, Kind, Piece, Speaker, Transcript, Word, text_from_pieces
from ..options import ReadOptions
from ..spacing import clean_spaces
from .document import declare_speakers
from .speakermarks import Mark


@dataclass(slots=True)
class Part:
    """A stretch of a time-aligned source with one speaker mark (or none).

    `marked` says the source names the speaker here (a voice span, a `Name:` prefix, a
    `>>` change, a segment's speaker field); `speaker` is that name, or None for `>>`
    without a name (a new, unknown speaker). `text` may hold line breaks (a cue's lines).
    """

    text: str
    start: float | None
    end: float | None
    line: int
    end_line: int
    marked: bool = False
    speaker: str | None = None
    words: tuple[Word, ...] | None = None

    def piece(self) -> Piece:
        return Piece(self.text, self.start, self.end, self.words)


#: A part already made a piece, with its first and last line, whether the source marks
#: its speaker and the name: what a reader of many plain cues gives `assemble_lazily`
#: instead of a `Part` (a cue's piece is made once, not a part and then its piece).
PlacedPiece = tuple[Piece, int, int, bool, "str | None"]


def parts_of_cue(
    marks: Sequence[Mark], start: float, end: float, line: int, end_line: int
) -> list[Part]:
    """Parts for the marked stretches of one cue, its time divided in proportion to their
    length when there are several. A stretch that is only a dialogue dash ("- " before
    a voice span) is dropped."""
    if len(marks) == 1:  # the usual cue: one mark (the general case below, without lists)
        marked, name, text = marks[0]
        text = text.strip()
        if marked or text.strip("-– "):
            return [Part(text, start, end, line, end_line, marked, name)]
        return []
    marks = [(marked, name, text.strip()) for marked, name, text in marks]
    marks = [mark for mark in marks if mark[0] or mark[2].strip("-– ")]
    if not marks:
        return []
    if len(marks) == 1:
        marked, name, text = marks[0]
        return [Part(text, start, end, line, end_line, marked, name)]
    total = sum(len(text) for _, _, text in marks) or 1
    parts = []
    done = 0
    for marked, name, text in marks:
        part_start = start + (end - start) * done / total
        done += len(text)
        part_end = start + (end - start) * done / total
        parts.append(
            Part(text, round(part_start, 3), round(part_end, 3), line, end_line, marked, name)
        )
    return parts


def assemble(
    parts: Sequence[Part | Block],
    source: SourceText,
    options: ReadOptions,
    *,
    metadata: dict[str, Any] | None = None,
    inferred: bool = False,
    roster: Sequence[Speaker] = (),
    every_part_marked: bool | None = None,
) -> Transcript:
    """Blocks from parts: one turn per run of one speaker, directions and unattributed text
    between them, each with its start and end time and its pieces.

    Ready-made blocks among the parts (a CHAT comment) pass through and interrupt the
    turn around them. `roster` lists speakers known beforehand (with their aliases);
    speakers first met in the parts follow them. `every_part_marked` is for a reader
    that knows whether an unmarked part continues the speaker before it (a tier format
    puts each part on its speaker's tier, so an unmarked part is nobody's: True); left
    None, the parts are counted (`cues.marks_every_cue`).
    """
    if every_part_marked is None:
        every_part_marked = _marks_every_cue(parts) if _marks_matter(parts) else False
    builder = _TurnBuilder(every_part_marked)
    builder.add_all(parts)
    builder.close()
    transcript = _header(builder.voices.met, source, options, metadata, inferred, roster)
    transcript.blocks = builder.blocks
    return transcript


def assemble_lazily(
    parts: Callable[[], Iterable[Part | PlacedPiece]],
    source: SourceText,
    options: ReadOptions,
    *,
    metadata: dict[str, Any] | None = None,
    inferred: bool = False,
    heard: Hearing | None = None,
) -> tuple[Transcript, Iterator[Block]]:
    """`assemble` as a header and an iterator of its blocks, each built when asked for, so
    that a writer can stream a file of a million cues. `parts` gives the parts afresh
    each time it is called: once to learn how the file marks speakers and whom it names
    (the header's speakers; not needed when `heard` has heard every part already), once
    more as the blocks are built. A part may come as a `PlacedPiece`."""
    if heard is None:
        heard = Hearing()
        for part in parts():
            if isinstance(part, tuple):
                piece, _, _, marked, speaker = part
                heard.hear(marked, speaker, piece.text)
            else:
                heard.hear(part.marked, part.speaker, part.text)
    every_cue_marked = heard.tally.every_cue()
    met = (heard.if_every if every_cue_marked else heard.if_changes).met
    header = _header(met, source, options, metadata, inferred, ())
    return header, _built(parts(), every_cue_marked)


class Hearing:
    """What `assemble_lazily` must know before the first block, heard part by part:
    whether the file names the speaker on every cue, and whom it names either way."""

    __slots__ = ("if_changes", "if_every", "tally")

    def __init__(self) -> None:
        self.tally = MarkTally()
        self.if_every, self.if_changes = _Voices(True), _Voices(False)

    def hear(self, marked: bool, speaker: str | None, text: str) -> None:
        """One part's speaker mark and text, in order."""
        direction = text[:1] in DIRECTION_OPENERS and is_direction(text)
        self.tally.count(marked, speaker, direction)
        if not text:
            self.if_every.change(marked, speaker)
            self.if_changes.change(marked, speaker)
        elif not direction:
            self.if_every.speech(marked, speaker)
            self.if_changes.speech(marked, speaker)


def _built(parts: Iterable[Part | PlacedPiece], every_cue_marked: bool) -> Iterator[Block]:
    """The blocks of `assemble`, each given once no later part can change it."""
    builder = _TurnBuilder(every_cue_marked)
    blocks = builder.blocks
    for part in parts:
        builder.add(part)
        if len(blocks) > 1:  # all but the open block are done
            yield from blocks[:-1]
            del blocks[:-1]
    builder.close()
    yield from blocks


def _header(
    met: Iterable[str],
    source: SourceText,
    options: ReadOptions,
    metadata: dict[str, Any] | None,
    inferred: bool,
    roster: Sequence[Speaker],
) -> Transcript:
    """The transcript without its blocks: the roster, then the speakers met in order."""
    known = {speaker.name for speaker in roster}
    found = (Speaker(name, inferred=inferred) for name in met if name not in known)
    transcript = Transcript(
        blocks=[], speakers=[*roster, *found], metadata=metadata or {}, source=source.path
    )
    if options.speakers:
        transcript = declare_speakers(transcript, options.speakers)
    return transcript


def _marks_matter(parts: Sequence[Part | Block]) -> bool:
    """Can `_marks_every_cue` change whose any part is? Not when every part is a `Part`
    and either every one names its speaker or none does (a speech-to-text service's,
    diarised or not): whether the file marks every cue decides only who says a part
    that names no one, after parts that named someone (`_Voices.speech`)."""
    if set(map(type, parts)) != {Part}:
        return True
    return len(set(map(_MARKED, parts))) > 1


_MARKED = attrgetter("marked")


def _marks_every_cue(parts: Iterable[Part | Block]) -> bool:
    """`cues.marks_every_cue` of the parts, counted as they come (no list of marks)."""
    tally = MarkTally()
    for part in parts:
        if isinstance(part, Part):
            tally.count(part.marked, part.speaker, is_direction(part.text))
    return tally.every_cue()


def _direction(piece: Piece, line: int, end_line: int) -> Block:
    return Block(
        Kind.STAGE_DIRECTION,
        clean_spaces(piece.text),
        line,
        end_line,
        start=piece.start,
        end=piece.end,
        pieces=[piece],
    )


class _Voices:
    """Whose each part of speech is, and the speakers met so far (in order): a part
    names its speaker, or continues the current one when the file marks only changes."""

    __slots__ = ("current", "every_cue_marked", "met")

    def __init__(self, every_cue_marked: bool) -> None:
        self.every_cue_marked = every_cue_marked
        self.current: str | None = None  # the speaker an unnamed part continues
        self.met: dict[str, None] = {}

    def change(self, marked: bool, speaker: str | None) -> None:
        """A part without words: a bare `>>` or an empty voice still changes speaker."""
        if marked:
            self.current = speaker

    def speech(self, marked: bool, speaker: str | None) -> str | None:
        """The speaker of a part of speech (see the module's docstring)."""
        if not marked:
            speaker = None if self.every_cue_marked else self.current
        self.current = speaker
        if speaker:
            self.met[speaker] = None
        return speaker


class _TurnBuilder:
    """The blocks so far, and the open block that parts of its speaker extend."""

    def __init__(self, every_cue_marked: bool) -> None:
        self.voices = _Voices(every_cue_marked)
        self.blocks: list[Block] = []
        self._joining: Block | None = None  # the open block, if its text is its pieces'
        self._last_speaker: str | None = None  # the speaker of the latest turn

    def add(self, part: Part | Block | PlacedPiece) -> None:
        """One part (or ready-made block, or placed piece), in order."""
        if part.__class__ is tuple:
            self.add_piece(*part)
        elif isinstance(part, Block):
            self.add_block(part)
        else:
            assert isinstance(part, Part)
            self.add_piece(part.piece(), part.line, part.end_line, part.marked, part.speaker)

    def add_all(self, parts: Iterable[Part | Block]) -> None:
        """`add` of each part in order, the usual part in fewer steps: a part of speech
        that continues the open block extends it here (what `add_speech` and `_extend`
        do, without their calls: a speech-to-text file gives tens of thousands of parts),
        and a part with the same mark as the one before that did (`lane`) extends it
        without asking whose it is again: the answer cannot change. Any other part goes
        to `add`. `tests/readers/test_turns_fast.py` holds this to `add` part by part."""
        blocks = self.blocks
        speech = self.voices.speech
        lane: tuple[bool, str | None] | None = None  # the mark of the part that extended
        for part in parts:
            if part.__class__ is not Part:
                lane = None
                self.add(part)
                continue
            assert isinstance(part, Part)
            text = part.text
            if not text or text[0] in DIRECTION_OPENERS:
                lane = None
                self.add(part)
                continue
            marked, given = part.marked, part.speaker
            piece = Piece(text, part.start, part.end, part.words)
            if lane is None or lane[0] is not marked or lane[1] != given:
                speaker = speech(marked, given)
                block = blocks[-1] if blocks else None
                if (
                    block is None
                    or block.speaker != speaker
                    or block.kind != (Kind.TURN if speaker else Kind.UNATTRIBUTED)
                    or block.pieces is None
                    or (marked and speaker is None)  # `>>`: someone else, name unknown
                ):
                    self._open(
                        Kind.TURN if speaker else Kind.UNATTRIBUTED,
                        speaker,
                        piece,
                        part.line,
                        part.end_line,
                        block,
                    )
                    lane = None if marked and speaker is None else (marked, given)
                    continue
                lane = (marked, given)
            block = blocks[-1]
            block.pieces.append(piece)  # type: ignore[union-attr]  # `_extend`
            end = piece.end
            if end is not None and (block.end is None or end > block.end):  # `max`
                block.end = end
            block.end_line = part.end_line

    def add_piece(
        self, piece: Piece, line: int, end_line: int, marked: bool, speaker: str | None
    ) -> None:
        """One part, made a piece (see `PlacedPiece`)."""
        text = piece.text
        if not text:
            self.voices.change(marked, speaker)
        elif text[:1] in DIRECTION_OPENERS and is_direction(text):
            self.add_block(_direction(piece, line, end_line))
        else:
            self.add_speech(piece, line, end_line, marked, speaker)

    def close(self) -> None:
        """Finish the open block: its text is its pieces' texts, spaced once, made when
        first asked for (`model.joined_text`: a transcript held whole would hold every
        cue's words twice), and its list of pieces no longer than it is (a list grown
        piece by piece holds spare room, which a million cues' turns would keep)."""
        block = self._joining
        if block is not None:
            text_from_pieces(block)
            if block.pieces is not None and len(block.pieces) > 1:
                block.pieces = block.pieces.copy()
            self._joining = None

    def add_block(self, block: Block) -> None:
        self.close()
        self.blocks.append(block)

    def add_speech(
        self, piece: Piece, line: int, end_line: int, marked: bool, speaker: str | None
    ) -> None:
        speaker = self.voices.speech(marked, speaker)
        kind = Kind.TURN if speaker else Kind.UNATTRIBUTED
        previous = self.blocks[-1] if self.blocks else None
        new_unknown = marked and speaker is None  # `>>`: someone else, name unknown
        if (
            previous is not None
            and previous.kind == kind
            and previous.speaker == speaker
            and previous.pieces is not None
            and not new_unknown
        ):
            self._extend(previous, piece, end_line)
        else:
            self._open(kind, speaker, piece, line, end_line, previous)

    def _extend(self, block: Block, piece: Piece, end_line: int) -> None:
        assert block.pieces is not None
        block.pieces.append(piece)
        end = piece.end
        if end is not None:
            block.end = end if block.end is None else max(block.end, end)
        block.end_line = end_line

    def _open(
        self,
        kind: str,
        speaker: str | None,
        piece: Piece,
        line: int,
        end_line: int,
        previous: Block | None,
    ) -> None:
        self.close()
        continued = kind == Kind.TURN and speaker == self._last_speaker and previous is not None
        block = Block(
            kind,
            "",
            line,
            end_line,
            speaker=speaker,
            start=piece.start,
            end=piece.end,
            continued=continued,
            pieces=[piece],
        )
        self.blocks.append(block)
        self._joining = block
        if speaker:
            self._last_speaker = speaker
