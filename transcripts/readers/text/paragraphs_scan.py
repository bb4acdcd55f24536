"""Grouping lines into paragraphs, each with the candidate label its first line opens with.

This is the scan for text with a paragraph per line (the common case, and the hot path);
hard-wrapped and paginated text is grouped by `paragraphs_wrapped.py`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import partial
from itertools import compress, islice
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from ...compiled import kept
from .paragraphs import LINE_ENDS, MARKDOWN_HEADING
from .shapes import ALONE, UNNAMED, field_of

if TYPE_CHECKING:
    from .evidence import Use

# A document whose lines run longer than this holds a paragraph per line (the seed, Rev
# exports); one whose lines stay shorter is hard-wrapped (court and briefing transcripts).
# The kind of text set apart from the dialogue (a word index after a numbered transcript,
# a document quoted into the record): never part of a turn.
APART_KIND = "apart"
_WRAP_WIDTH = 100
_LONG_LINE_SHARE = 0.02
_MID_SENTENCE_SHARE = 0.4
# A list item ("- Revenue: ...", "2. Guidance"), which starts a line whatever the line
# before it ends with.
_LIST_ITEM = kept(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+\S")
_LIST_OPENINGS = frozenset(" \t-*+•0123456789")
_WRAP_SAMPLE = 20_000  # lines enough to tell a document's style
SPEECH_WINDOW = 64  # characters after a label enough to tell speech


_UNNAMED_MARKS = (">>", UNNAMED)
_OPENERS = {"[": "]", "(": ")"}
_NOTE_LINES = 8  # the most lines a bracketed note runs over


def _note_end(lines: Sequence[str], index: int, next_label: Callable[[], int]) -> int:
    """The last line of a note in brackets that opens line `index` and closes at the end
    of a later line ("[Dr. Beck identifies what went well ..." over four lines, then
    "... Action Plan.]"), with no blank line, label or other bracket between: one
    paragraph, a stage direction like "[pause]". `index` itself where the line closes
    its bracket, or no later line does. A speaker's label ends the note: `next_label`
    gives the line of the next one (asked only of a note left open on its line)."""
    line = lines[index].strip()
    close = _OPENERS[line[0]]
    if close in line:
        return index
    label_line = next_label()
    for later in range(index + 1, min(len(lines), index + 1 + _NOTE_LINES)):
        text = lines[later].strip()
        if not text or later == label_line or line[0] in text:
            return index
        if close in text:
            ended = text.endswith(close) or text.endswith(close + ".")
            return later if ended and text.count(close) == 1 else index
    return index


def is_list_item(line: str) -> bool:
    """Does the line open a list item ("- Revenue: ...", "• Guidance", "2. Outlook")?"""
    return line[:1] in _LIST_OPENINGS and _LIST_ITEM.match(line) is not None


class Paragraph(NamedTuple):
    """Lines `start`..`last` (0-based, inclusive), and the label of the first line.

    `label` is a candidate label as written (a speaker's, a note's, or a name the
    inference did not take); `speaker` says the inference took it as a speaker label.
    `rest_at` is where the text after the label starts in that line, `bare` that there is
    none (the label stands alone); `time` is a timestamp given with the label. `rule` is
    "speaker", "candidate" (a name-shaped label not taken), "field" (a label that is no
    name) or "chevron" (a broadcast `>>` or a nameless "[00:22:41] :": someone speaks,
    the text does not say who). `kind`, when set, is decided by the
    paragraph's place on the page (page layout, a centred heading).
    """

    start: int
    last: int
    label: str | None = None
    rest_at: int = 0
    speaker: bool = False
    bare: bool = False
    rule: str | None = None
    time: float | None = None
    kind: str | None = None


class LineLabel(NamedTuple):
    """What opens a line, for the paragraph scanners: (label, rest_at, rule, time,
    speaker)."""

    label: str
    rest_at: int
    rule: str
    time: float | None
    speaker: bool


def label_of(line: str, at: int, candidate: Use | None) -> LineLabel | None:
    """The label opening a line: its candidate label (taken as a speaker's or not), else
    a field label or a broadcast `>>`."""
    if candidate is not None and (candidate.accepted or not opens_unnamed(line, at)):
        shape = candidate.shape
        speaker = candidate.accepted
        return LineLabel(
            shape.label, shape.rest_at, "speaker" if speaker else "candidate", shape.time, speaker
        )
    if ":" not in line and "：" not in line and ">>" not in line and UNNAMED not in line[:4]:
        return None
    found = field_of(line, at)
    if found is None:
        return None
    return LineLabel(
        found.label, found.rest_at, "chevron" if found.chevron else "field", found.time, False
    )


def _next_taken(uses: Sequence[Use], use: Use | None) -> int:
    """The line of the first speaker's label from `use` on (within a note's reach), -1
    for none."""
    if use is None:
        return -1
    position = bisect_left(uses, use.line, key=_LINE)
    for later in uses[position : position + _NOTE_LINES]:
        if later.accepted:
            return later.line
    return -1


_LINE = attrgetter("line")


def opens_unnamed(line: str, at: int = 0) -> bool:
    """Does the line open with a broadcast `>>` or an unnamed speaker's mark? What
    follows it ("Yes.", "Thank you:") may look like a label, but if the inference did not
    take it, someone the text does not name is speaking."""
    return line[at : at + 20].lstrip(" \t\xa0")[:2] in _UNNAMED_MARKS


def is_hard_wrapped(lines: Sequence[str], start: int = 0) -> bool:
    """Are the document's paragraphs wrapped over several lines?

    Wrapped text has no long lines, and most lines followed by another line stop
    mid-sentence; text with a paragraph per line has long lines, or lines that end
    where their sentence does. (The long lines are counted first, in C, and only as far
    as they settle it: a transcript with a paragraph per line, the common case, is
    told after a few of its lines, without the walk that weighs how lines end. The
    lines other than a bare line end, the blank line of most texts, are as many as its
    lines of text or more: enough long lines for those are enough.)
    """
    sample = lines[start : start + _WRAP_SAMPLE]
    bound = len(sample) - sample.count("\n")
    long = _long_lines(sample, math.floor(_LONG_LINE_SHARE * bound) + 1)
    if long > _LONG_LINE_SHARE * bound:
        return False
    nonblank = list(map(str.isspace, sample)).count(False) - sample.count("")
    if nonblank == 0 or long > _LONG_LINE_SHARE * nonblank:
        return False
    return _mostly_mid_sentence(sample)


def _long_lines(sample: Sequence[str], most: int) -> int:
    """How many lines are longer than `_WRAP_WIDTH` without their line ends, counted up
    to `most` (among the lines longer than that with them; in C)."""
    longer = compress(sample, map(_WRAP_WIDTH.__lt__, map(len, sample)))
    long = filter(_WRAP_WIDTH.__lt__, map(len, map(str.rstrip, longer)))
    return len(list(islice(long, most)))


def _mostly_mid_sentence(sample: Sequence[str]) -> bool:
    """Do most lines of text followed by another line of the same paragraph stop
    mid-sentence? (Headings, list items and labels start lines of their own.)"""
    joined = mid_sentence = 0
    previous = ""
    for line in sample:
        content = line.rstrip()
        if not content:
            previous = ""
            continue
        if content[0] == "#" and MARKDOWN_HEADING.match(content):
            previous = ""  # a Markdown heading is a line of its own, never wrapped text
            continue
        if is_list_item(content):
            previous = content  # a list item starts a line of its own
            continue
        if ":" in content[:82] and field_of(content) is not None:
            previous = content  # so does a label ("ARR: annual ..." under "EPS: ...")
            continue
        if previous:
            joined += 1
            if not previous.endswith(LINE_ENDS):
                mid_sentence += 1
        previous = content
    return joined > 0 and mid_sentence >= _MID_SENTENCE_SHARE * joined


class Scan(NamedTuple):
    """What one pass over the lines finds: the `paragraphs` in order, and `hashed`, the
    unlabelled paragraphs opening with `#` (tag lines and Markdown headings: rare, so the
    metadata pass looks only at these)."""

    paragraphs: list[Paragraph]
    hashed: list[int]


def scan_paragraphs(lines: Sequence[str], start: int, uses: Sequence[Use]) -> Scan:
    """The paragraphs of `lines[start:]`, one per non-blank line; `uses` are the
    candidate labels, in line order (walked beside the lines, not looked up in a table
    of every candidate, which a large file would hold at its peak)."""
    paragraphs: list[Paragraph] = []
    append = paragraphs.append
    new = tuple.__new__  # NamedTuple's own __new__ is a Python function: slow per line
    hashed: list[int] = []
    following = iter(uses)
    use = next(following, None)
    use_line = use.line if use is not None else -1
    inside = -1  # the last line of a bracketed note over several lines, once found
    for index in range(start, len(lines)):
        if index <= inside:
            continue
        candidate = None
        if index == use_line:  # the common case in a transcript, without `label_of`'s calls
            assert use is not None
            shape = use.shape
            verdict = use.verdict
            speaker = verdict is not None and verdict.accepted
            if speaker or not opens_unnamed(lines[index]):
                rule = "speaker" if speaker else "candidate"
                # Whether the label stands alone is its shape's placement, read from this
                # very line (the line itself is not read again: on a large file it has
                # long left the processor's caches).
                bare = shape.placement == ALONE
                fields = (
                    index,
                    index,
                    shape.label,
                    shape.rest_at,
                    speaker,
                    bare,
                    rule,
                    shape.time,
                    None,
                )
                append(new(Paragraph, fields))
                use = next(following, None)
                use_line = use.line if use is not None else -1
                continue
            # ">> Yes." with "Yes" not taken: the broadcast mark's
            candidate, use = use, next(following, None)
            use_line = use.line if use is not None else -1
        line = lines[index]
        if line.isspace():
            continue
        found = label_of(line, 0, candidate)
        if found is None:
            if "#" in line and line.lstrip(" \t\xa0").startswith("#"):
                hashed.append(len(paragraphs))
            last = index
            if line.lstrip(" \t")[:1] in _OPENERS:
                # (a speaker's label ends a note; a name not taken, "J. Peterman's
                # office.]" on its second line, does not)
                last = inside = _note_end(lines, index, partial(_next_taken, uses, use))
                while use is not None and use_line <= inside:  # (candidates in the note)
                    use = next(following, None)
                    use_line = use.line if use is not None else -1
            append(new(Paragraph, (index, last, None, 0, False, False, None, None, None)))
            continue
        label, rest_at, rule, time, speaker = found
        bare = rest_at >= len(line) or line[rest_at] in "\r\n"
        append(new(Paragraph, (index, index, label, rest_at, speaker, bare, rule, time, None)))
    return Scan(paragraphs, hashed)
