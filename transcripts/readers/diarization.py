"""A diarisation's speakers given to a timed transcript: the Whisper + pyannote workflow.

`--diarization FILE.rttm` reads who spoke when (pyannote's RTTM) and gives each timed
word the speaker whose stretch overlaps it most (or the nearest stretch within half a
second, for a word in a gap); a transcript without timed words is matched piece by
piece (caption cues, segments), and one without pieces block by block. Speech is then
cut where the speaker changes, and consecutive speech of one speaker becomes one turn;
stage directions and the text around the conversation stay where they are.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import TranscriptError
from ..model import Block, Kind, Piece, Speaker, Transcript, Word
from .rttm import Stretch

#: A word or piece that overlaps no stretch takes the nearest one this close.
NEAREST = 0.5

_SPEECH = frozenset({Kind.TURN, Kind.UNATTRIBUTED})


class Diarization:
    """Who spoke when: stretches of time by speaker, asked by overlap."""

    def __init__(self, stretches: Sequence[Stretch]) -> None:
        self.stretches = sorted(stretches)
        self.starts = [stretch.start for stretch in self.stretches]
        self.longest = max((s.end - s.start for s in self.stretches), default=0.0)

    def speaker(self, start: float, end: float) -> str | None:
        """The speaker overlapping [start, end] most, else the nearest within NEAREST."""
        overlap: dict[str, float] = {}
        first = bisect.bisect_left(self.starts, start - self.longest)
        last = bisect.bisect_right(self.starts, end)
        nearest: tuple[float, str] | None = None
        for stretch in self.stretches[first:last]:
            shared = min(end, stretch.end) - max(start, stretch.start)
            if shared > 0 or (
                shared == 0 and start == end and stretch.start <= start <= stretch.end
            ):
                overlap[stretch.speaker] = overlap.get(stretch.speaker, 0.0) + max(shared, 1e-9)
            else:
                gap = -shared
                if nearest is None or gap < nearest[0]:
                    nearest = (gap, stretch.speaker)
        if overlap:
            return max(overlap.items(), key=lambda item: item[1])[0]
        if nearest is None:  # look past the window for the nearest stretch
            for index in (first - 1, last):
                if 0 <= index < len(self.stretches):
                    stretch = self.stretches[index]
                    gap = max(stretch.start - end, start - stretch.end)
                    if nearest is None or gap < nearest[0]:
                        nearest = (gap, stretch.speaker)
        return nearest[1] if nearest is not None and nearest[0] <= NEAREST else None


@dataclass(slots=True)
class _Unit:
    """A stretch of speech with one speaker: a piece, part of one, or a whole block."""

    speaker: str | None
    text: str
    start: float | None
    end: float | None
    line: int
    end_line: int
    piece: Piece | None  # None: the block had no pieces


def overlay(transcript: Transcript, diarization: Diarization) -> Transcript:
    """Give the transcript's speech the diarisation's speakers, in place; returned."""
    speech = [block for block in transcript.blocks if block.kind in _SPEECH]
    if not any(block.start is not None for block in speech):
        raise TranscriptError(
            "has no times to match the diarization against (it needs a timed transcript: "
            "captions or speech-to-text output)"
        )
    blocks: list[Block] = []
    units: list[_Unit] = []
    for block in transcript.blocks:
        if block.kind in _SPEECH:
            units.extend(_units(block, diarization))
            continue
        blocks.extend(_group(units, blocks))
        units = []
        blocks.append(block)
    blocks.extend(_group(units, blocks))
    transcript.blocks = blocks
    known = {speaker.name: speaker for speaker in transcript.speakers}
    names = dict.fromkeys(b.speaker for b in blocks if b.speaker is not None)
    transcript.speakers = [known.get(name, Speaker(name)) for name in names]
    return transcript


def _units(block: Block, diarization: Diarization) -> list[_Unit]:
    """A speech block as units of one speaker each: its words' speakers where they are
    timed, else its pieces', else its own."""
    if block.pieces is None:
        if block.start is None:
            return [_Unit(block.speaker, block.text, None, None, block.line, block.end_line, None)]
        end = block.end if block.end is not None else block.start
        speaker = diarization.speaker(block.start, end)
        return [
            _Unit(speaker, block.text, block.start, block.end, block.line, block.end_line, None)
        ]
    units = []
    for piece in block.pieces:
        units.extend(_piece_units(piece, block, diarization))
    return units


def _piece_units(piece: Piece, block: Block, diarization: Diarization) -> list[_Unit]:
    words = piece.words
    timed = words is not None and [w.text for w in words] == piece.text.split()
    if timed and words and all(w.start is not None for w in words):
        runs: list[tuple[str | None, list[Word]]] = []
        for word in words:
            assert word.start is not None
            speaker = diarization.speaker(
                word.start, word.end if word.end is not None else word.start
            )
            if runs and runs[-1][0] == speaker:
                runs[-1][1].append(word)
            else:
                runs.append((speaker, [word]))
        if len(runs) > 1:
            return [_word_unit(speaker, run, piece, block) for speaker, run in runs]
        speaker = runs[0][0]
    elif piece.start is not None:
        end = piece.end if piece.end is not None else piece.start
        speaker = diarization.speaker(piece.start, end)
    else:
        speaker = block.speaker
    return [_Unit(speaker, piece.text, piece.start, piece.end, block.line, block.end_line, piece)]


def _word_unit(speaker: str | None, run: list[Word], piece: Piece, block: Block) -> _Unit:
    """Part of a piece: the run of its words one speaker said."""
    start = piece.start if run[0] is piece.words[0] else run[0].start  # type: ignore[index]
    ends = [w.end for w in run if w.end is not None]
    end = max(ends) if ends else start
    if run[-1] is piece.words[-1] and piece.end is not None:  # type: ignore[index]
        end = piece.end
    text = " ".join(word.text for word in run)
    return _Unit(
        speaker, text, start, end, block.line, block.end_line, Piece(text, start, end, tuple(run))
    )


def _group(units: list[_Unit], before: list[Block]) -> list[Block]:
    """Consecutive units of one speaker as one block each (turns, or unattributed text)."""
    blocks: list[Block] = []
    last_turn = next((b.speaker for b in reversed(before) if b.kind == Kind.TURN), None)
    for unit in units:
        previous = blocks[-1] if blocks else None
        if previous is not None and previous.speaker == unit.speaker:
            previous.text = f"{previous.text} {' '.join(unit.text.split())}".strip()
            if unit.end is not None:
                previous.end = unit.end if previous.end is None else max(previous.end, unit.end)
            previous.end_line = max(previous.end_line, unit.end_line)
            if unit.piece is None or previous.pieces is None:
                previous.pieces = None  # pieces only when all of the text has them
            else:
                previous.pieces.append(unit.piece)
            continue
        kind = Kind.TURN if unit.speaker else Kind.UNATTRIBUTED
        block = Block(
            kind,
            " ".join(unit.text.split()),
            unit.line,
            unit.end_line,
            speaker=unit.speaker,
            start=unit.start,
            end=unit.end,
            continued=kind == Kind.TURN
            and not blocks
            and bool(before)
            and unit.speaker == last_turn,
            pieces=[unit.piece] if unit.piece is not None else None,
        )
        blocks.append(block)
    return blocks


def read_diarization(path: str) -> Diarization:
    """The diarisation in an RTTM file (`-` for standard input)."""
    from ..io import decode, display_name, read_bytes
    from .rttm import stretches

    source = decode(read_bytes(path), path)
    return Diarization(stretches(source.text, display_name(path)))
