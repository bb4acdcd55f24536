"""The whole source text of a transcript as one string, searched with one regular
expression by the rules that look at characters: one C-level pass however many blocks
there are, and none at all over ASCII text a pattern cannot match in."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import accumulate

from ..model import Block
from .context import Context
from .text import raw_lines


class SourceText:
    """The blocks' source text (their `raw`, or their text when they have none) joined,
    with where each block starts, so a match maps back to a line and column."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.parts = [block.raw if block.raw is not None else block.text + "\n" for block in blocks]
        self.text = "".join(self.parts)
        self.ascii = self.text.isascii()
        self._starts: list[int] | None = None  # computed for the first match only

    def has_ascii_controls(self) -> bool:
        """Does the (ASCII) text hold a control character other than tab, line breaks
        and form feed? Deleting every other byte is a C-speed test, much faster than a
        regular expression over megabytes."""
        text = self.text
        return any(  # a megabyte at a time: no whole copy of the text
            text[at : at + _CHUNK].encode("ascii").translate(None, _ORDINARY_BYTES)
            for at in range(0, len(text), _CHUNK)
        )

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of character `offset` of the joined text."""
        if self._starts is None:
            self._starts = list(accumulate(map(len, self.parts), initial=0))
        index = bisect.bisect_right(self._starts, offset) - 1
        block = self.blocks[index]
        within = offset - self._starts[index]
        part = block.raw if block.raw is not None else block.text
        lines = raw_lines(part[:within])
        return block.line + len(lines) - 1, len(lines[-1]) + 1


_ORDINARY_BYTES = bytes([9, 10, 12, 13, *range(32, 127)])
_CHUNK = 1 << 20


def source_text(context: Context) -> SourceText:
    """The transcript's joined source text, shared by the rules that scan it."""
    return context.cached("source-text", lambda: SourceText(context.transcript.blocks))


#: What a pattern can match in text that is all ASCII (see `find_in_source`).
IN_ASCII = ("anything", "controls", "nothing")


def find_in_source(
    context: Context, pattern: re.Pattern[str], *, in_ascii: str = "anything"
) -> Iterator[tuple[re.Match[str], int, int]]:
    """Every match of `pattern` in the transcript's source text, with its line and column.

    `in_ascii` says what the pattern can match in text that is all ASCII: "anything" (the
    text is searched), "controls" (only control characters other than tab, line breaks
    and form feed: the text is searched only if it holds one) or "nothing" (ASCII text is
    not searched). It is a promise about the pattern that saves a pass over most files.
    """
    if in_ascii not in IN_ASCII:
        raise ValueError(f"in_ascii must be one of {', '.join(IN_ASCII)}")
    source = source_text(context)
    if source.ascii and (
        in_ascii == "nothing" or (in_ascii == "controls" and not source.has_ascii_controls())
    ):
        return
    for found in pattern.finditer(source.text):
        line, column = source.position(found.start())
        yield found, line, column
