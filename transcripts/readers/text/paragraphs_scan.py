"""Grouping lines into paragraphs, each with the candidate label its first line opens with."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .labels import LabelMatch, match_label
from .lines import strip_ending

# A document whose lines run longer than this holds a paragraph per line (the seed, Rev
# exports); one whose lines stay shorter is hard-wrapped (court and briefing transcripts).
_WRAP_WIDTH = 100
_LONG_LINE_SHARE = 0.02
_MID_SENTENCE_SHARE = 0.4
_SENTENCE_ENDS = (".", "?", "!", ":", ";", '"', "”", "’", ")", "]", "-", "—")


class Paragraph(NamedTuple):
    """Lines `start`..`last` (0-based, inclusive) and the label the first line opens with."""

    start: int
    last: int
    match: LabelMatch | None


def is_hard_wrapped(lines: Sequence[str], start: int = 0) -> bool:
    """Are the document's paragraphs wrapped over several lines?

    Wrapped text has no long lines, and most lines followed by another line stop
    mid-sentence; text with a paragraph per line has long lines, or lines that end
    where their sentence does.
    """
    nonblank = long = joined = mid_sentence = 0
    previous = ""
    for line in lines[start:]:
        content = line.rstrip()
        if not content:
            previous = ""
            continue
        nonblank += 1
        if len(content) > _WRAP_WIDTH:
            long += 1
        if previous:
            joined += 1
            if not previous.endswith(_SENTENCE_ENDS):
                mid_sentence += 1
        previous = content
    if nonblank == 0 or long > _LONG_LINE_SHARE * nonblank:
        return False
    return joined > 0 and mid_sentence >= _MID_SENTENCE_SHARE * joined


def scan_paragraphs(lines: Sequence[str], start: int = 0) -> list[Paragraph]:
    """The paragraphs of `lines[start:]`.

    A blank line ends a paragraph, and so does a line opening with a candidate label. In
    a hard-wrapped document the other lines continue the paragraph; otherwise each line
    is a paragraph of its own.
    """
    wrapped = is_hard_wrapped(lines, start)
    paragraphs: list[Paragraph] = []
    append = paragraphs.append
    count = len(lines)
    index = start
    while index < count:
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        first = index
        match = match_label(strip_ending(line))
        index += 1
        if wrapped:
            while index < count:
                following = lines[index]
                if not following.strip() or match_label(strip_ending(following)) is not None:
                    break
                index += 1
        append(Paragraph(first, index - 1, match))
    return paragraphs
