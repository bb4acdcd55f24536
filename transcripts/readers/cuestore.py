"""A caption file's cues held flat until the blocks are built from them.

A million cues held as a million objects cost more than the file itself; held as
arrays of numbers and a list of texts, a cue costs little more than its text. The
blocks built from the cues then hold the same texts (as their pieces), with the times
made objects. So that the two are never held whole at once, `parts` lets go of the
cues as it gives their parts: it reverses the arrays and takes the cues from their end,
which shrinks them (memory freed at the end of a large array goes back to the system;
freed at its start it would not).

A cue's code says how it marks its speaker: its speaker's number in `names`, or
`UNMARKED` (no mark), `DROPPED` (nothing left to say: a bare dialogue dash), or
`SPLIT` (several marks, or timed words: its parts were made by the reader and are kept
in place of its text).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

from ..model import Piece
from .turns import Part, PlacedPiece

UNMARKED, DROPPED, SPLIT = -1, -2, -3  # codes that name no speaker
_BATCH = 512  # cues taken from the end of the arrays at a time


class CueStore:
    """The cues of a file in order (see the module's docstring): (start, end) and
    (first line, last line) of each, flat; its text (or, for `SPLIT`, its parts); its
    code. A reader fills them (`add`), marks them in place, then asks for `parts` once."""

    __slots__ = ("codes", "lines", "names", "texts", "times")

    def __init__(self) -> None:
        self.times = array("d")
        self.lines = array("q")
        self.texts: list[Any] = []
        self.codes = array("i")
        self.names: list[str] = []  # the speakers the codes number

    def add(
        self, start: float, end: float, line: int, end_line: int, text: Any, code: int = UNMARKED
    ) -> None:
        """One more cue (its code may be set later, in place)."""
        self.times.extend((start, end))
        self.lines.extend((line, end_line))
        self.texts.append(text)
        self.codes.append(code)

    def __len__(self) -> int:
        return len(self.texts)

    def parts(self) -> Iterator[Part | PlacedPiece]:
        """The parts of the cues, in order, once: the cues are let go of as they go. A cue
        with one mark comes as a `PlacedPiece`, a `SPLIT` cue as its parts."""
        names = self.names
        for times, lines, texts, codes in self._batches():
            for index, code in enumerate(codes):
                if code == SPLIT:
                    yield from texts[index]
                elif code != DROPPED:  # one mark (a speaker's number) or none
                    at = 2 * index
                    piece = Piece(texts[index], times[at], times[at + 1])
                    marked = code >= 0
                    yield piece, lines[at], lines[at + 1], marked, names[code] if marked else None

    def taken(self) -> Iterator[tuple[float, float, int, int, Any]]:
        """Each cue's start, end, first and last line and text, in order, once: the cues
        are let go of as they go."""
        for times, lines, texts, _ in self._batches():
            for index, text in enumerate(texts):
                at = 2 * index
                yield times[at], times[at + 1], lines[at], lines[at + 1], text

    def _batches(self) -> Iterator[tuple[array[float], array[int], list[Any], array[int]]]:
        """The cues a batch at a time, in order, each batch taken out of the store."""
        times, lines, texts, codes = self.times, self.lines, self.texts, self.codes
        for held in (times, lines, texts, codes):
            held.reverse()
        while texts:
            count = min(_BATCH, len(texts))
            batch = (times[-2 * count :], lines[-2 * count :], texts[-count:], codes[-count:])
            del times[-2 * count :], lines[-2 * count :], texts[-count:], codes[-count:]
            for held in batch:
                held.reverse()
            yield batch
