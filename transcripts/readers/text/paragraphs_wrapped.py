"""Paragraphs of hard-wrapped and paginated text, where one paragraph runs over many lines.

A line continues the paragraph above it unless something says a new one starts: a
blank line, a label, or one of the small named breaks below. Page layout (`pages.py`)
does not break a paragraph: a page header between two halves of a sentence stays in the
paragraph's lines (and its raw text) and out of its words; where the text after the page
break starts something new, the layout lines make a paragraph of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from ... import names
from ...model import Kind
from . import paragraphs
from .pages import APART, BLANK, LAYOUT, TEXT, Page, layout_end
from .paragraphs_scan import APART_KIND, LineLabel, Paragraph, Scan, label_of
from .shapes import ALONE, UNNAMED

if TYPE_CHECKING:
    from .evidence import Use

# A double-spaced document (a blank line after nearly every line of text) uses its blank
# lines for spacing, not to end paragraphs.
_DOUBLE_SPACED_SHARE = 0.6
_MID_SENTENCE_SHARE = 0.4
# Where a line ends a sentence (or a cut-off one), a capitalised or bracketed line can
# start a new paragraph.
_ENDS = (".", "?", "!", ":", ";", '"', "'", "”", "’", ")", "]", "-", "—", "\u00ad")
_BRACKETS = ("(", "[")
_CLOSERS = (")", "]", ").", "].")
# Of the lines of text, the share that sets the margin.
_MARGIN_SHARE = 0.2
# Text indented this much further than the labels is set apart from the dialogue.
_INSET = 3
# A one-line paragraph indented this far beyond the text's own margin is centred: a
# heading when it reads like one ("In the Committee of the Whole").
_CENTRED = 10


class _Lines:
    """The lines as the scanner sees them, with the facts each stage asks about a line
    computed once per line (every stage below asks them again and again), and kept as
    numbers, not copies of the text (a file may have millions of lines):

    - `indents`: how far the line's text stands in (spaces, tabs, no-break spaces, form
      feeds), its margin number aside;
    - `marks`: what its stripped text is (`line_marks`): ends a sentence, ends a
      bracketed note, ends with a comma, opens a bracket, is in capitals;
    - `may_label`: whether the line may open with a label (a candidate label's line, or
      one holding a colon or `>>`, which a field label needs); `label` gives the label
      (`opening_label`), asking the grammar only of those lines.

    `plain_facts` gives the same facts from their plain definitions, line by line; a
    test holds the two (and `label` to `opening_label`) to each other."""

    def __init__(
        self,
        lines: Sequence[str],
        page: Page,
        candidates: dict[int, Use] | None = None,
    ) -> None:
        self.lines = lines
        self.page = page
        self.codes = page.codes
        self.starts = page.starts
        self.candidates = candidates = candidates or {}
        self.indents: list[int] = []
        self.marks = bytearray()
        self.may_label = bytearray()
        for chunk in range(0, len(lines), _CHUNK):
            self._add_facts(lines[chunk : chunk + _CHUNK], page.starts[chunk : chunk + _CHUNK])
        for index in candidates:
            self.may_label[index] = True
        self._last_asked, self._last_label = -1, None

    def label(self, index: int) -> LineLabel | None:
        """The label opening line `index` (`opening_label`). The scan asks it of a label's
        line twice (does it end the paragraph above? what opens the next?), so the last
        answer is kept."""
        if not self.may_label[index]:
            return None
        if index != self._last_asked:
            self._last_asked = index
            self._last_label = opening_label(self.lines, self.page, self.candidates, index)
        return self._last_label

    def _add_facts(self, lines: Sequence[str], starts: Sequence[int]) -> None:
        """The facts of a chunk of lines, in a few passes over the chunk's stripped
        lines (list comprehensions: a Python loop over the lines costs twice as much).
        Most lines' marks are told by their last character; the few that hold a bracket
        (which may open or close the line) or are in capitals get `line_marks`."""
        if any(starts):
            contents = [line[at:].rstrip() for line, at in zip(lines, starts, strict=True)]
        else:  # no margin numbers: the lines themselves (a map, no slice per line)
            contents = list(map(str.rstrip, lines))
        self.indents += [len(content) - len(content.lstrip(_INDENT)) for content in contents]
        last_mark = _LAST_MARK.get
        marks = bytearray([last_mark(content[-1:], 0) for content in contents])
        rare = [
            offset
            for offset, content in enumerate(contents)
            if "(" in content
            or "[" in content
            or ")" in content
            or "]" in content
            or content.isupper()
            or "#" in content
        ]
        # Lines that may be a play's entrance or exit ("Enter Ghost", "Exeunt"), found
        # in the chunk's text at once: a test of every line cost a tenth of the facts.
        text = "\n".join(contents)
        if _ENTRANCE_OPENING.search(text) is not None:
            ends = list(accumulate(len(content) + 1 for content in contents))
            rare = sorted(
                {
                    *rare,
                    *(bisect_right(ends, at.start()) for at in _ENTRANCE_OPENING.finditer(text)),
                }
            )
        for offset in rare:
            marks[offset] = line_marks(contents[offset].lstrip())
        self.marks += marks
        self.may_label += bytearray(
            [":" in line or "：" in line or ">>" in line or UNNAMED in line for line in lines]
        )

    def content(self, index: int) -> str:
        """The line's text without its margin number and its trailing white space."""
        return self.lines[index][self.starts[index] :].rstrip()


_INDENT = " \t\xa0\f"  # what indents a line
_CHUNK = 10_000  # lines whose stripped copies `_Lines` holds at a time
# What `line_marks` says of a line's stripped text, a bit each.
ENDS, CLOSES, COMMA, BRACKET, CAPS, HEADING, ENTRANCE = 1, 2, 4, 8, 16, 32, 64
# A line of its own: a Markdown heading, a play's entrance or exit ("Enter HORATIO and
# MARCELLUS", "Exit") set as its verse is, with no blank line around it.
_OWN_LINE = HEADING | ENTRANCE


def line_marks(text: str) -> int:
    """The marks of a stripped line of text (see `_Lines`)."""
    if not text:
        return 0
    return (
        (ENDS if text.endswith(_ENDS) else 0)
        | (CLOSES if text.endswith(_CLOSERS) else 0)
        | (COMMA if text.endswith(",") else 0)
        | (BRACKET if text.startswith(_BRACKETS) else 0)
        | (CAPS if text.isupper() and _is_caps(text) else 0)
        | (HEADING if paragraphs.MARKDOWN_HEADING.match(text) is not None else 0)
        | (ENTRANCE if text[:1] in _ENTRANCE_FIRST and _is_entrance(text) else 0)
    )


# The marks a line's last character gives, where it holds no bracket and is not in
# capitals (`_Lines` gives the others `line_marks` itself).
_LAST_MARK = {
    **dict.fromkeys(_ENDS, ENDS),
    ")": ENDS | CLOSES,
    "]": ENDS | CLOSES,
    ",": COMMA,
}


def plain_facts(lines: Sequence[str], page: Page, index: int) -> tuple[int, int]:
    """A line's (indent, marks) as `_Lines` defines them, from scratch."""
    content = lines[index][page.starts[index] :].rstrip()
    text = content.strip()
    marks = (
        ENDS * text.endswith(_ENDS)
        + CLOSES * text.endswith(_CLOSERS)
        + COMMA * text.endswith(",")
        + BRACKET * text.startswith(_BRACKETS)
        + CAPS * _is_caps(text)
        + HEADING * (paragraphs.MARKDOWN_HEADING.match(text) is not None)
        + ENTRANCE * _is_entrance(text)
    )
    return len(content) - len(content.lstrip(_INDENT)), marks


def opening_label(
    lines: Sequence[str], page: Page, candidates: dict[int, Use], index: int
) -> LineLabel | None:
    """The label opening line `index`: none outside the lines of text (text apart from a
    numbered body is no dialogue); else `label_of` where the text starts (after the
    margin number and the blank standing in for indentation on a numbered page)."""
    if page.codes[index] != TEXT:
        return None
    line, at = lines[index], page.starts[index]
    if page.numbered:
        at += len(line[at:]) - len(line[at:].lstrip(_INDENT))
    return label_of(line, at, candidates.get(index))


def _is_caps(text: str) -> bool:
    """A line in capitals ("DIRECT EXAMINATION", "LE ZHOU,"): a heading or a name."""
    return text.isupper() and (text[:4].isalpha() or sum(map(str.isalpha, text)) >= 4)


class _Breaks:
    """Why a line starts a new paragraph (the label and blank-line tests aside)."""

    def __init__(self, view: _Lines, body_indent: int) -> None:
        self.codes, self.marks, self.indents = view.codes, view.marks, view.indents
        self.body_indent = body_indent

    def quiet_lines(self, may_label: bytearray) -> bytearray:
        """Per line, 1 where it goes on with the paragraph of the line right above it
        whatever that paragraph is: both are lines of text (or both set apart), no label
        may open it (`may_label`), and none of `new_paragraph`'s tests can fire (neither
        line is in capitals, the line above closes no bracket, this one opens none and
        stands no further in than the margin). Most lines of wrapped prose and verse are
        quiet, so the scan steps over a run of them at once instead of asking each line;
        a test holds each quiet line to `new_paragraph` and `_Lines.label`."""
        codes, marks, indents, body = self.codes, self.marks, self.indents, self.body_indent
        quiet = bytearray(1)  # (the first line has none above it)
        quiet += bytearray(
            [
                code == above
                and (
                    code == APART
                    or (
                        code == TEXT
                        and not label
                        and not mark_above & _STOPS_BELOW
                        and not mark & _STOPS_HERE
                        and indent <= body
                    )
                )
                for above, code, mark_above, mark, label, indent in zip(
                    codes, codes[1:], marks, marks[1:], may_label[1:], indents[1:], strict=False
                )
            ]
        )
        return quiet[: len(codes)]

    def new_paragraph(
        self, previous: int, index: int, opened_bracket: bool, page_break: bool
    ) -> bool:
        code = self.codes[index]
        if code != self.codes[previous]:
            return True  # into or out of the numbered body
        if code == APART:
            return False  # an index runs on; only blank lines and layout divide it
        marks = self.marks
        before, this = marks[previous], marks[index]
        caps_before, caps = before & CAPS, this & CAPS
        before_ends = before & ENDS
        if caps_before and caps and not before_ends:
            return False  # a heading in capitals over two or three lines, centred or not
        # A first-line indent: the line stands further in than the text's margin (a
        # sentence carried over a page break goes on at the margin).
        indents = self.indents
        if indents[index] > self.body_indent and (
            page_break or indents[previous] <= self.body_indent or before_ends
        ):
            return True
        # A complete bracketed note ("(Recess)", "[Roll No. 390]") stands alone.
        if opened_bracket and before & CLOSES:
            return True
        if this & BRACKET and before_ends:
            return True
        # Capitals: a heading, or a witness's name; a line of them ending in a comma
        # runs on ("LE ZHOU," / "called as a witness ...").
        if caps_before:
            return not caps and not before & COMMA
        return bool(caps and before_ends)


# Marks of the line above, and of the line itself, that `_Breaks.new_paragraph` may break at.
_STOPS_BELOW = CAPS | CLOSES | _OWN_LINE
_STOPS_HERE = CAPS | BRACKET | _OWN_LINE


def scan_wrapped(lines: Sequence[str], page: Page, start: int, candidates: dict[int, Use]) -> Scan:
    """The paragraphs of `lines[start:]` in hard-wrapped or paginated text."""
    view = _Lines(lines, page, candidates)
    codes = page.codes
    count = len(lines)
    double = _is_double_spaced(view, start)
    breaks = _Breaks(view, _body_indent(view, start))
    paragraphs: list[Paragraph] = []
    hashed: list[int] = []
    label_at = view.label
    new_paragraph = breaks.new_paragraph
    marks = view.marks
    quiet = breaks.quiet_lines(view.may_label)
    new = tuple.__new__  # NamedTuple's own __new__ is a Python function: slow per paragraph

    index = start
    while index < count:
        code = codes[index]
        if code == BLANK:
            index += 1
            continue
        if code == LAYOUT:  # layout no text continues through: a paragraph of its own
            last = layout_end(codes, index)
            paragraphs.append(Paragraph(index, last, kind=Kind.LAYOUT))
            index = last + 1
            continue
        first = index
        found = label_at(first)
        opened_bracket = found is None and bool(marks[first] & BRACKET)
        last = first
        index += 1
        # a Markdown heading: a line of its own (but in text set apart, which runs on)
        heading = bool(marks[first] & _OWN_LINE) and codes[first] != APART
        while index < count and not heading:  # (here `index` is always `last + 1`)
            if quiet[index]:  # a run of lines that go on with the paragraph: step over it
                index = quiet.find(0, index)
                if index < 0:
                    index = count
                last = index - 1
                continue
            # Look past a gap of blank lines and page layout to the next line of text.
            gap_end, layout = index, False
            while gap_end < count and codes[gap_end] in (BLANK, LAYOUT):
                layout = layout or codes[gap_end] == LAYOUT
                gap_end += 1
            if gap_end >= count:
                break
            if gap_end > index and not (double or layout):
                break  # a blank line ends the paragraph
            if marks[gap_end] & _OWN_LINE and codes[gap_end] != APART:
                break  # a Markdown heading, an entrance: a line of its own ("## Scène III")
            opening = label_at(gap_end)
            if (
                opening is not None
                and _breaks_paragraph(
                    opening,
                    lines[gap_end],
                    # (a blank line, a finished sentence or a label right above)
                    gap_end > index
                    or bool(marks[last] & ENDS)
                    or (last == first and found is not None),
                )
            ) or new_paragraph(last, gap_end, opened_bracket, layout):
                break
            last = gap_end
            index = gap_end + 1
        index = last + 1
        kind = None
        if found is None:
            if "#" in lines[first] and view.content(first).lstrip(_INDENT).startswith("#"):
                hashed.append(len(paragraphs))
            if codes[first] == APART:
                kind = APART_KIND
            elif first == last and not double and _is_centred_heading(view, breaks, first):
                kind = Kind.HEADING
            paragraphs.append(
                new(Paragraph, (first, last, None, 0, False, False, None, None, kind))
            )
            continue
        label, rest_at, rule, time, speaker = found
        bare = not lines[first][rest_at:].strip()
        fields = (first, last, label, rest_at, speaker, bare, rule, time, None)
        paragraphs.append(new(Paragraph, fields))
    if not double:
        _set_insets_apart(view, paragraphs, breaks.body_indent)
    return Scan(paragraphs, hashed)


# How a play's entrance or exit opens its line: the verb (`paragraphs.ENTRANCE_VERBS`)
# capitalised, in italics or not
# ("Enter Ghost", "Exeunt", "_Re-enter PUCK_"); `_ENTRANCE_OPENING` finds such lines in
# a chunk's lines joined by line ends.
_ENTRANCE_VERB = r"[*_]{0,2}(?:" + paragraphs.ENTRANCE_VERBS + r")\b"
_ENTRANCE_START = re.compile(_ENTRANCE_VERB)
_ENTRANCE_FIRST = frozenset("ERM_*")  # (what such a line opens with, asked first)
_ENTRANCE_OPENING = re.compile(r"^[^\S\n]*" + _ENTRANCE_VERB, re.M)


def _is_entrance(text: str) -> bool:
    """Is the stripped line shaped as a play's entrance or exit ("Enter Ghost",
    "Exeunt")? Only its shape (`paragraphs.entrance_of`): the assembler weighs who it
    names, and a line of speech so shaped goes on with the speech."""
    return _ENTRANCE_START.match(text) is not None and paragraphs.entrance_of(text) is not None


def _breaks_paragraph(found: LineLabel | None, line: str, above_ends: bool) -> bool:
    """Does a label start a new paragraph where it stands? A speaker's label does; so does
    a label that is no name ("Question for Readers:") or one alone on its line ("BY MS.
    MURRAY:"). A name-shaped label the inference did not take ("Next:" in the middle of
    a wrapped sentence) goes on with the paragraph it sits in, and so does a field
    ("Date:", "Note:") unless `above_ends` (a blank line, a finished sentence or a label
    right above): "or defend yourself" over "By calmness or by absence: all's in anger."
    is a sentence wrapped."""
    if found is None:
        return False
    if found.speaker or found.rule == "chevron":
        return True
    if found.rule == "field" and not above_ends:
        return False
    if found.rule == "candidate":  # "BY MS. MURRAY:" alone: a colon ends it
        if found.label.islower():
            return False  # "the following new" then "section:": a sentence wrapped
        rest = line[found.rest_at :]
        return not rest.strip() and line[: found.rest_at].rstrip().endswith(":")
    return names.is_label_shaped(found.label) and not names.is_speaker_shaped(found.label)


def _set_insets_apart(view: _Lines, paragraphs: list[Paragraph], body_indent: int) -> None:
    """Paragraphs set in from where the labels stand (an amendment's text, a letter put
    into the record) are documents quoted into the transcript, not a speaker's words
    running on."""
    indents = view.indents
    label_indents = Counter(indents[p.start] for p in paragraphs if p.speaker)
    if not label_indents:
        return
    inset = max(label_indents.most_common(1)[0][0], body_indent) + _INSET
    if max(indents) < inset:
        return  # no line stands that far in (every paragraph checked opens with text)
    codes = view.codes
    for number, paragraph in enumerate(paragraphs):
        if paragraph.speaker or paragraph.kind is not None:
            continue
        if number and paragraphs[number - 1].speaker and paragraphs[number - 1].bare:
            continue  # right under a name alone, its speech, set in as a play's verse is
        if all(
            indents[index] >= inset
            for index in range(paragraph.start, paragraph.last + 1)
            if codes[index] == TEXT
        ):
            paragraphs[number] = paragraph._replace(kind=APART_KIND)


def _is_double_spaced(view: _Lines, start: int) -> bool:
    """Is nearly every line of text followed by a blank line, and do sentences run on
    over the blank lines (else the blank lines part paragraphs of a line each)?"""
    codes, marks = view.codes, view.marks
    # Counted in the codes themselves: lines of text (but the last line), and lines of
    # text followed by a blank line (such pairs cannot overlap).
    text = codes.count(TEXT, start, len(codes) - 1)
    followed = codes.count(bytes([TEXT, BLANK]), start)
    if text == 0 or followed < _DOUBLE_SPACED_SHARE * text:
        return False
    # (a name standing alone over its speech, "_Halla._" then a blank line, as a play
    # sets it, finishes no sentence and spaces nothing: it is not counted)
    candidates = view.candidates
    unfinished = sum(
        not marks[found.start()] & ENDS and not _stands_alone(candidates.get(found.start()))
        for found in _TEXT_THEN_BLANK.finditer(codes, start)
    )
    return unfinished >= _MID_SENTENCE_SHARE * followed


def _stands_alone(use: Use | None) -> bool:
    """Is the line a label taken as one, standing alone on its line?"""
    return use is not None and use.accepted and use.shape.placement == ALONE


_TEXT_THEN_BLANK = re.compile(b"%c(?=%c)" % (TEXT, BLANK))


def _body_indent(view: _Lines, start: int) -> int:
    """The text's margin, where wrapped lines go on: of the lines that carry on a sentence
    from the line above, the least indentation a good share have (quoted documents, set
    further in, may outnumber the speech; a hanging indent puts labels left of it)."""
    codes, marks, indent = view.codes, view.marks, view.indents
    indents = Counter(
        [  # (each line beside the line above it: no index arithmetic per line)
            width
            for above, code, mark_above, width in zip(
                codes[start:], codes[start + 1 :], marks[start:], indent[start + 1 :], strict=False
            )
            if code == TEXT and above == TEXT and not mark_above & ENDS
        ]
    )
    if not indents:
        indents = Counter(
            indent[index] for index in range(start, len(view.lines)) if codes[index] == TEXT
        )
    total = sum(indents.values())
    for indent in sorted(indents):
        if indents[indent] >= _MARGIN_SHARE * total:
            return indent
    return indents.most_common(1)[0][0] if indents else 0


def _is_centred_heading(view: _Lines, breaks: _Breaks, index: int) -> bool:
    """A short line set far in from the margin between blank lines, reading as a title."""
    codes = view.codes
    if view.indents[index] < breaks.body_indent + _CENTRED:
        return False
    if (
        index == 0
        or codes[index - 1] != BLANK
        or (index + 1 < len(codes) and codes[index + 1] != BLANK)
    ):
        return False
    text = view.content(index).strip()
    return not text.startswith(_BRACKETS) and paragraphs.is_title_case_heading(text)
