"""Splitting text into lines the way editors and `grep` count them: at LF, CRLF or CR only."""

from __future__ import annotations

import re
from array import array
from itertools import accumulate

# Characters str.splitlines() also breaks at, which transcripts use as content
# (form feeds at PDF page breaks, U+2028 from word processors): they are not line ends.
_EXOTIC_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def split_lines(text: str) -> list[str]:
    """The lines of `text`, each with its own line ending; joining them gives `text` back."""
    # str.find is a fast memchr-like scan; one regex pass over a large text costs more.
    if not any(char in text for char in _EXOTIC_BREAKS):
        return text.splitlines(keepends=True)
    return _LINE.findall(text)


def strip_ending(line: str) -> str:
    """A line without its line ending."""
    if line.endswith("\n"):
        return line[:-2] if line.endswith("\r\n") else line[:-1]
    if line.endswith("\r"):
        return line[:-1]
    return line


class SourceLines:
    """The source text and where each of its lines starts.

    Line contents and raw stretches are sliced from the text on demand, so a large
    document is held once, not once more as a list of line strings.
    """

    __slots__ = ("offsets", "text")

    def __init__(self, text: str, lines: list[str] | None = None) -> None:
        self.text = text
        if lines is None:
            lines = split_lines(text)
        self.offsets = array("q", accumulate(map(len, lines), initial=0))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def line(self, index: int) -> str:
        """Line `index` (0-based) without its line ending."""
        offsets = self.offsets
        return strip_ending(self.text[offsets[index] : offsets[index + 1]])

    def rest(self, index: int, at: int) -> str:
        """Line `index` from column `at`, stripped of surrounding white space."""
        return self.text[self.offsets[index] + at : self.offsets[index + 1]].strip()

    def raw(self, start: int, stop: int) -> str:
        """Lines `start` to `stop` (exclusive), verbatim with their line endings."""
        return self.text[self.offsets[start] : self.offsets[stop]]
