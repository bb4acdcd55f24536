"""Grouping lines into paragraphs, each with the candidate label its first line opens with.

This is the scan for text with a paragraph per line (the common case, and the hot path);
hard-wrapped and paginated text is grouped by `paragraphs_wrapped.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import NamedTuple

from .labels import find_label
from .roster import is_speech

# A document whose lines run longer than this holds a paragraph per line (the seed, Rev
# exports); one whose lines stay shorter is hard-wrapped (court and briefing transcripts).
# The kind of text set apart from the dialogue (a word index after a numbered transcript,
# a document quoted into the record): never part of a turn.
APART_KIND = "apart"
_WRAP_WIDTH = 100
_LONG_LINE_SHARE = 0.02
_MID_SENTENCE_SHARE = 0.4
_SENTENCE_ENDS = (".", "?", "!", ":", ";", '"', "”", "’", ")", "]", "-", "—")
_WRAP_SAMPLE = 20_000  # lines enough to tell a document's style
SPEECH_WINDOW = 64  # characters after a label enough to tell speech


class Paragraph(NamedTuple):
    """Lines `start`..`last` (0-based, inclusive), and the candidate label of the first line.

    `rest_at` is where the text after the label starts in that line; `speech` says
    whether that text reads like something said, `bare` that there is none (the label
    stands alone); `time` is a timestamp given with the label. `kind`, when set, is
    decided by the paragraph's place on the page (page layout, a centred heading).
    """

    start: int
    last: int
    label: str | None = None
    rest_at: int = 0
    speech: bool = False
    bare: bool = False
    rule: str | None = None
    time: float | None = None
    kind: str | None = None


def is_hard_wrapped(lines: Sequence[str], start: int = 0) -> bool:
    """Are the document's paragraphs wrapped over several lines?

    Wrapped text has no long lines, and most lines followed by another line stop
    mid-sentence; text with a paragraph per line has long lines, or lines that end
    where their sentence does.
    """
    nonblank = long = joined = mid_sentence = 0
    previous = ""
    for line in islice(lines, start, start + _WRAP_SAMPLE):
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


class Scan(NamedTuple):
    """What one pass over the lines finds.

    `paragraphs` in order; `uses` of each candidate label as written: [count, index of
    the first paragraph using it, 1 if some use has speech on its line (2 if only on
    the lines after it), the rule that found it, how many uses interrupt a sentence
    the line before left unfinished]; `bare`, the
    paragraphs whose label stands alone with no speech known yet (text may follow in
    the next paragraph); `hashed`, the unlabelled paragraphs opening with `#` (tag lines
    and Markdown headings: rare, so the metadata pass looks only at these).
    """

    paragraphs: list[Paragraph]
    uses: dict[str, list]
    bare: list[int]
    hashed: list[int]


def scan_paragraphs(lines: Sequence[str], start: int = 0) -> Scan:
    """The paragraphs of `lines[start:]`, one per non-blank line."""
    paragraphs: list[Paragraph] = []
    append = paragraphs.append
    new = tuple.__new__  # NamedTuple's own __new__ is a Python function: slow per line
    uses: dict[str, list] = {}
    bare_labels: list[int] = []
    hashed: list[int] = []
    for index in range(start, len(lines)):
        line = lines[index]
        if line.isspace():
            continue
        found = find_label(line)
        if found is None:
            if "#" in line and line.lstrip(" \t\xa0").startswith("#"):
                hashed.append(len(paragraphs))
            append(new(Paragraph, (index, index, None, 0, False, False, None, None, None)))
            continue
        label, rest_at, rule, time = found
        bare = rest_at >= len(line) or line[rest_at] in "\r\n"
        use = uses.get(label)
        if use is None:
            use = uses[label] = [0, len(paragraphs), 0, rule, 0]
        use[0] += 1
        if use[2]:
            speech = True  # known to speak: no need to look again
        else:  # whether the text after the label is speech shows in its first words
            speech = not bare and is_speech(line[rest_at : rest_at + SPEECH_WINDOW].rstrip())
            if speech:
                use[2] = 1
            elif bare:
                bare_labels.append(len(paragraphs))
        append(new(Paragraph, (index, index, label, rest_at, speech, bare, rule, time, None)))
    return Scan(paragraphs, uses, bare_labels, hashed)
