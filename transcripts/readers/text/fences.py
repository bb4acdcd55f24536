"""Markdown's fenced code blocks (a line of three or more backticks, then the code, then
a line that closes it): code quoted into a document, never dialogue, however its lines
open (`uses: actions/checkout@v4`, `run: pip install ...`)."""

from __future__ import annotations

from collections.abc import Sequence

from ...compiled import kept

# A fence opens a line, after at most three spaces (CommonMark), with three or more
# backticks; a line of at least as many closes it. (Tilde fences, which CommonMark also
# allows, are left out: rare in what people paste, and asking for them would cost every
# document that holds a tilde a walk over its lines.)
_FENCE = kept(r"[ ]{0,3}(?P<run>`{3,})")


def may_hold_fences(text: str) -> bool:
    """Could the text hold a fence at all? (A search for one character, as fast as
    memchr: a document without a backtick is not read line by line for fences.)"""
    return "`" in text


def code_blocks(lines: Sequence[str], start: int = 0) -> list[range]:
    """The closed code blocks of `lines[start:]`, each the range of its lines from the
    opening fence to the closing one; a fence never closed fences nothing (a stray line
    of backticks does not swallow the rest of a transcript)."""
    blocks: list[range] = []
    opened: tuple[int, str] | None = None  # the open fence's line and its run
    for index in [i for i in range(start, len(lines)) if "``" in lines[i][:6]]:
        line = lines[index]
        found = _FENCE.match(line)
        if found is None:
            continue
        run = found["run"]
        if opened is None:
            opened = (index, run)
        elif len(run) >= len(opened[1]) and not line[found.end() :].strip():
            blocks.append(range(opened[0], index + 1))
            opened = None
    return blocks
