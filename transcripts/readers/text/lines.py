"""Splitting text into lines the way editors and `grep` count them: at LF, CRLF or CR only."""

from __future__ import annotations

from ...compiled import kept

# Characters str.splitlines() also breaks at, which transcripts use as content
# (form feeds at PDF page breaks, U+2028 from word processors): they are not line ends.
_ASCII_EXOTIC_BREAKS = "\v\f\x1c\x1d\x1e"
_EXOTIC_BREAKS = _ASCII_EXOTIC_BREAKS + "\x85\u2028\u2029"
_LINE = kept(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def split_lines(text: str) -> list[str]:
    """The lines of `text`, each with its own line ending; joining them gives `text` back."""
    # str.find is a fast memchr-like scan; one regex pass over a large text costs more.
    # (Text in ASCII, the common case, can hold only the ASCII ones.)
    exotic = _ASCII_EXOTIC_BREAKS if text.isascii() else _EXOTIC_BREAKS
    if not any(char in text for char in exotic):
        return text.splitlines(keepends=True)
    return _rejoined(text.splitlines(keepends=True))


def split_lines_plainly(text: str) -> list[str]:
    """`split_lines` by its definition, one regex match a line (a test holds the two to
    the same lines)."""
    return _LINE.findall(text)


def _rejoined(pieces: list[str]) -> list[str]:
    """`str.splitlines` pieces as lines: a piece it ended at a character that is no line
    end (a form feed) joined to the pieces after it, up to one ending a line. (Twice as
    fast as a regex match a line, where such characters are rare, as page breaks are.)"""
    lines: list[str] = []
    taken = 0  # pieces before this are in `lines`
    for first in [number for number, piece in enumerate(pieces) if piece[-1] in _EXOTIC_BREAKS]:
        if first < taken:
            continue  # joined already, with the run of such pieces it belongs to
        last = first
        while last < len(pieces) and pieces[last][-1] in _EXOTIC_BREAKS:
            last += 1
        lines += pieces[taken:first]
        lines.append("".join(pieces[first : last + 1]))
        taken = last + 1
    lines += pieces[taken:]
    return lines


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
