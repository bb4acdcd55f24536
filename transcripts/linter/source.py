"""The whole source text of a transcript, searched with one regular expression by the
rules that look at characters: one C-level pass however many blocks there are, and none
at all over ASCII text a pattern cannot match in.

The text is searched a piece of about a megabyte at a time, cut between blocks where the
pattern says no match can run across (`cut_after`), so that linting never holds a copy of
the whole text: joined, a text with one character beyond Latin-1 takes two or four bytes
a character, twice or four times the file, where the blocks keep theirs line by line.
A pattern that gives no such rule is searched in one piece, the whole text joined.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from itertools import accumulate

from ..model import Block
from .context import Context
from .text import LineBreaks

#: Where a piece of the text may end: called once a piece is long enough, with the source
#: text of the blocks added since its last call (so every block's, in order, once: it may
#: keep state, such as an open tag), it says whether the piece may end after the last.
CutAfter = Callable[[list[str]], bool]


def at_line_break(parts: list[str]) -> bool:
    """`CutAfter` for a pattern that matches no line break: after any block ending one."""
    return parts[-1].endswith("\n")


class SourceText:
    """The blocks' source text (their `raw`, or their text when they have none), a piece
    at a time (see the module docstring), each with where its blocks start, so a match
    maps back to a line and column."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks

    def part(self, index: int) -> str:
        block = self.blocks[index]
        return block.raw if block.raw is not None else block.text + "\n"

    def head(self, size: int) -> str:
        """The first `size` characters of the text after its leading white space."""
        found = ""
        for index in range(len(self.blocks)):
            found = (found + self.part(index)).lstrip()
            if len(found) >= size:
                break
        return found[:size]

    def pieces(self, cut_after: CutAfter | None = None) -> Iterator[_Piece]:
        """The text in pieces of about `_CHUNK` characters, each ending after a block
        where `cut_after` allows (the whole text in one piece without it)."""
        parts: list[str] = []
        first = size = judged = 0  # `judged`: parts `cut_after` has seen
        for index, block in enumerate(self.blocks):
            part = block.raw  # (the body of `part`, inlined: a call per block adds up)
            if part is None:
                part = block.text + "\n"
            parts.append(part)
            size += len(part)
            if size >= _CHUNK and cut_after is not None:
                fresh, judged = parts[judged:], len(parts)
                if cut_after(fresh):
                    yield _Piece(self.blocks, first, parts)
                    parts, first, size, judged = [], index + 1, 0, 0
        if parts or not first:
            yield _Piece(self.blocks, first, parts)


class _Piece:
    """Consecutive blocks' source text joined: `text`, from block `first` on."""

    def __init__(self, blocks: list[Block], first: int, parts: list[str]) -> None:
        self.blocks = blocks
        self.first = first
        self.parts = parts
        self.text = "".join(parts)
        self._starts: list[int] | None = None  # computed for the first match only
        self._breaks: tuple[int, LineBreaks] | None = None  # the last block a match was in

    def has_ascii_controls(self) -> bool:
        """Does the (ASCII) text hold a control character other than tab, line breaks
        and form feed? Deleting every other byte is a C-speed test, much faster than a
        regular expression over megabytes."""
        text = self.text
        return any(  # a megabyte at a time: no whole copy of a text searched whole
            text[at : at + _CHUNK].encode("ascii").translate(None, _ORDINARY_BYTES)
            for at in range(0, len(text), _CHUNK)
        )

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of character `offset` of the piece's text."""
        if self._starts is None:
            self._starts = list(accumulate(map(len, self.parts), initial=0))
        index = bisect.bisect_right(self._starts, offset) - 1
        block = self.blocks[self.first + index]
        # Matches come in order, so the line breaks of the block the last one was in are
        # kept (of one block only: a block's worth of offsets, never the piece's).
        if self._breaks is None or self._breaks[0] != index:
            part = block.raw if block.raw is not None else block.text
            self._breaks = (index, LineBreaks(part))
        line, column = self._breaks[1].place(offset - self._starts[index])
        return block.line + line, column


_ORDINARY_BYTES = bytes([9, 10, 12, 13, *range(32, 127)])
_CHUNK = 1 << 20


def source_text(context: Context) -> SourceText:
    """The transcript's source text, shared by the rules that scan it."""
    return context.cached("source-text", lambda: SourceText(context.transcript.blocks))


#: What a pattern can match in text that is all ASCII (see `find_in_source`).
IN_ASCII = ("anything", "controls", "nothing")


def find_in_source(
    context: Context,
    pattern: re.Pattern[str],
    *,
    in_ascii: str = "anything",
    cut_after: CutAfter | None = None,
) -> Iterator[tuple[re.Match[str], int, int]]:
    """Every match of `pattern` in the transcript's source text, with its line and column.

    `in_ascii` says what the pattern can match in text that is all ASCII: "anything" (the
    text is searched), "controls" (only control characters other than tab, line breaks
    and form feed: the text is searched only if it holds one) or "nothing" (ASCII text is
    not searched). It is a promise about the pattern that saves a pass over most files.
    `cut_after` says where the text may be cut with no match running across the cut
    (`at_line_break` for a pattern that matches no line break): the text is then searched
    a piece at a time, each piece judged by `in_ascii` on its own.
    """
    if in_ascii not in IN_ASCII:
        raise ValueError(f"in_ascii must be one of {', '.join(IN_ASCII)}")
    for piece in source_text(context).pieces(cut_after):
        if piece.text.isascii() and (
            in_ascii == "nothing" or (in_ascii == "controls" and not piece.has_ascii_controls())
        ):
            continue
        for found in pattern.finditer(piece.text):
            line, column = piece.position(found.start())
            yield found, line, column
