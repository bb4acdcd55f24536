"""Splitting text into lines the way editors and `grep` count them: at LF, CRLF or CR only."""

from __future__ import annotations

import re

# Characters str.splitlines() also breaks at, which transcripts use as content
# (form feeds at PDF page breaks, U+2028 from word processors): they are not line ends.
_ASCII_EXOTIC_BREAKS = "\v\f\x1c\x1d\x1e"
_EXOTIC_BREAKS = _ASCII_EXOTIC_BREAKS + "\x85\u2028\u2029"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def split_lines(text: str) -> list[str]:
    """The lines of `text`, each with its own line ending; joining them gives `text` back."""
    # str.find is a fast memchr-like scan; one regex pass over a large text costs more.
    # (Text in ASCII, the common case, can hold only the ASCII ones.)
    exotic = _ASCII_EXOTIC_BREAKS if text.isascii() else _EXOTIC_BREAKS
    if not any(char in text for char in exotic):
        return text.splitlines(keepends=True)
    return _LINE.findall(text)


def strip_ending(line: str) -> str:
    """A line without its line ending."""
    if line.endswith("\n"):
        return line[:-2] if line.endswith("\r\n") else line[:-1]
    if line.endswith("\r"):
        return line[:-1]
    return line


def indent_width(line: str) -> int:
    """Columns of white space opening `line`, a tab reaching the next multiple of 8."""
    body = line.lstrip(" \t\xa0\u3000")
    lead = line[: len(line) - len(body)]
    return len(lead.expandtabs(8)) if "\t" in lead else len(lead)
