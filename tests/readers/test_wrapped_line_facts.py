"""The hard-wrapped text scanner computes each line's facts (indentation; sentence end,
bracket, comma, capitals; the label it opens with) once per line, a chunk of lines at a
time (`paragraphs_wrapped._Lines`): they must be the facts the plain definitions give
line by line (`paragraphs_wrapped.plain_facts`, `opening_label`)."""

from __future__ import annotations

from collections import Counter
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text import paragraphs_wrapped
from transcripts.readers.text.candidates import find_candidates
from transcripts.readers.text.pages import APART, BLANK, LAYOUT, TEXT, Page
from transcripts.readers.text.paragraphs_wrapped import ENDS, _Lines, opening_label, plain_facts

_PIECES = [" ", "\t", "\xa0", "\f", "\v", "\u2003", "a", "A", "É", "ß", "1", ".", ",", ":",
           "(", "[", ")", "].", "?", "”", "—", "HE", "LE ZHOU,", "DIRECT", "\n", "\r\n",
           "x", "Q.", "THE COURT:", "Ana Lima:", "：", ">>", "**Bo:**", " 12  "]  # fmt: skip
_LINE = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
_CODE = st.sampled_from([TEXT, TEXT, TEXT, BLANK, LAYOUT, APART])
#: Lines with where each one's text starts and its page code.
_ROWS = st.lists(st.tuples(_LINE, st.integers(0, 4), _CODE), max_size=14)


def _laid_out(rows: list[tuple[str, int, int]], numbered: bool) -> tuple[list[str], Page, dict]:
    """The lines of `rows` (line, where its text starts, its page code), their page and
    their label candidates by line."""
    lines = [line for line, _, _ in rows]
    starts = [min(at, len(line)) for line, at, _ in rows]
    page = Page(bytearray(code for _, _, code in rows), starts, numbered=numbered)
    return lines, page, {use.line: use for use in find_candidates(lines, 0, page)}


@settings(max_examples=300, deadline=None)
@given(
    _ROWS,
    st.booleans(),
    st.integers(1, 5),
)
def test_each_lines_facts_computed_once_are_its_plain_facts(rows, numbered, chunk):
    lines, page, candidates = _laid_out(rows, numbered)
    with mock.patch.object(paragraphs_wrapped, "_CHUNK", chunk):
        view = _Lines(lines, page, candidates)
    for index in range(len(lines)):
        assert (view.indents[index], view.marks[index]) == plain_facts(lines, page, index)
        assert view.label(index) == opening_label(lines, page, candidates, index)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LINE, _CODE), max_size=20), st.integers(0, 3))
def test_double_spacing_counted_in_the_codes_is_the_line_by_line_count(rows, start):
    lines = [line for line, _ in rows]
    page = Page(bytearray(code for _, code in rows), [0] * len(lines))
    view = _Lines(lines, page)
    codes = page.codes
    text = followed = unfinished = 0
    for index in range(start, len(codes) - 1):  # the definition, line by line
        if codes[index] == TEXT:
            text += 1
            if codes[index + 1] == BLANK:
                followed += 1
                unfinished += not view.marks[index] & paragraphs_wrapped.ENDS
    shares = paragraphs_wrapped._DOUBLE_SPACED_SHARE, paragraphs_wrapped._MID_SENTENCE_SHARE
    expected = text > 0 and followed >= shares[0] * text and unfinished >= shares[1] * followed
    assert paragraphs_wrapped._is_double_spaced(view, start) == expected


@settings(max_examples=150, deadline=None)
@given(
    _ROWS,
    st.booleans(),
    st.integers(0, 6),
)
def test_a_quiet_line_is_one_no_break_test_or_label_would_stop_at(rows, numbered, body_indent):
    lines, page, candidates = _laid_out(rows, numbered)
    view = _Lines(lines, page, candidates)
    breaks = paragraphs_wrapped._Breaks(view, body_indent)
    quiet = breaks.quiet_lines(view.may_label)
    assert len(quiet) == len(lines)
    for index in range(len(lines)):
        if quiet[index]:
            assert index > 0 and page.codes[index] not in (BLANK, LAYOUT)
            assert view.label(index) is None
            for opened_bracket in (False, True):
                assert not breaks.new_paragraph(index - 1, index, opened_bracket, False)


_SCAN_PIECES = ["Ana Lima: ", "THE COURT:", "Q.", "(Recess)", "[laughs]", "DIRECT", "x y", ".",
                ",", "   ", "\t", "12 ", "Well", "then.", "LE ZHOU,", "# tag"]  # fmt: skip
_SCAN_LINE = st.lists(st.sampled_from(_SCAN_PIECES), max_size=6).map(lambda s: "".join(s) + "\n")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_SCAN_LINE, _CODE), max_size=30), st.integers(0, 2))
def test_stepping_over_quiet_lines_finds_the_paragraphs_asking_each_line_finds(rows, start):
    lines = [line for line, _ in rows]
    start = min(start, len(lines))
    codes = bytearray(code for _, code in rows)
    candidates = {
        use.line: use for use in find_candidates(lines, 0, Page(codes[:], [0] * len(lines)))
    }
    stepped = paragraphs_wrapped.scan_wrapped(
        lines, Page(codes[:], [0] * len(lines)), start, candidates
    )
    with mock.patch.object(
        paragraphs_wrapped._Breaks, "quiet_lines", lambda self, may_label: bytearray(len(may_label))
    ):
        asked = paragraphs_wrapped.scan_wrapped(
            lines, Page(codes[:], [0] * len(lines)), start, candidates
        )
    assert stepped == asked


def test_verse_under_labels_alone_is_mostly_quiet_and_scans_the_same():
    lines = ["First Citizen:\n", "Before we proceed any further,\n", "hear me speak, and\n",
             "so on and on.\n", "\n", "All:\n", "Speak, speak and\n", "speak again.\n"]  # fmt: skip
    page = Page(bytearray(map(str.isspace, lines)), [0] * len(lines))
    candidates = {use.line: use for use in find_candidates(lines, 0, page)}
    view = _Lines(lines, page, candidates)
    quiet = paragraphs_wrapped._Breaks(view, 0).quiet_lines(view.may_label)
    assert list(quiet) == [0, 1, 1, 1, 0, 0, 1, 1]
    stepped = paragraphs_wrapped.scan_wrapped(lines, page, 0, candidates)
    with mock.patch.object(
        paragraphs_wrapped._Breaks, "quiet_lines", lambda self, may_label: bytearray(len(may_label))
    ):
        assert paragraphs_wrapped.scan_wrapped(lines, page, 0, candidates) == stepped
    assert [(p.start, p.last) for p in stepped.paragraphs] == [(0, 3), (5, 7)]


@settings(max_examples=200, deadline=None)
@given(_ROWS, st.booleans(), st.integers(0, 3))
def test_the_margin_counted_line_beside_line_is_the_margin_counted_by_index(rows, numbered, start):
    lines, page, candidates = _laid_out(rows, numbered)
    view = _Lines(lines, page, candidates)
    codes, marks, indents = page.codes, view.marks, view.indents
    carried = Counter(  # the definition: each line of text carrying on the sentence above
        indents[index]
        for index in range(start + 1, len(lines))
        if codes[index] == TEXT and codes[index - 1] == TEXT and not marks[index - 1] & ENDS
    )
    if not carried:
        carried = Counter(
            indents[index] for index in range(start, len(lines)) if codes[index] == TEXT
        )
    total = sum(carried.values())
    least = [width for width in sorted(carried) if carried[width] >= 0.2 * total]
    expected = least[0] if least else (carried.most_common(1)[0][0] if carried else 0)
    assert paragraphs_wrapped._body_indent(view, start) == expected
