"""The hard-wrapped text scanner computes each line's facts (indentation; sentence end,
bracket, comma, capitals; the label it opens with) once per line, a chunk of lines at a
time (`paragraphs_wrapped._Lines`): they must be the facts the plain definitions give
line by line (`paragraphs_wrapped.plain_facts`, `plain_label`)."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text import paragraphs_wrapped
from transcripts.readers.text.candidates import find_candidates
from transcripts.readers.text.pages import APART, BLANK, LAYOUT, TEXT, Page
from transcripts.readers.text.paragraphs_wrapped import _Lines, plain_facts, plain_label

_PIECES = [" ", "\t", "\xa0", "\f", "\v", "\u2003", "a", "A", "É", "ß", "1", ".", ",", ":",
           "(", "[", ")", "].", "?", "”", "—", "HE", "LE ZHOU,", "DIRECT", "\n", "\r\n",
           "x", "Q.", "THE COURT:", "Ana Lima:", "：", ">>", "**Bo:**", " 12  "]  # fmt: skip
_LINE = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
_CODE = st.sampled_from([TEXT, TEXT, TEXT, BLANK, LAYOUT, APART])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_LINE, st.integers(0, 4), _CODE), max_size=14),
    st.booleans(),
    st.integers(0, 3),
    st.integers(1, 5),
)
def test_each_lines_facts_computed_once_are_its_plain_facts(rows, numbered, start, chunk):
    lines = [line for line, _, _ in rows]
    starts = [min(at, len(line)) for line, at, _ in rows]
    page = Page(bytearray(code for _, _, code in rows), starts, numbered=numbered)
    candidates = {use.line: use for use in find_candidates(lines, 0, page)}
    with mock.patch.object(paragraphs_wrapped, "_CHUNK", chunk):
        view = _Lines(lines, page, start, candidates)
    for index in range(len(lines)):
        assert (view.indents[index], view.marks[index]) == plain_facts(lines, page, index)
        if index >= start:
            assert view.labels.get(index) == plain_label(lines, page, candidates, index)
