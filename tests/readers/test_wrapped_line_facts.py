"""The hard-wrapped text scanner computes each line's facts (indentation; sentence end,
bracket, comma, capitals) once per line (`paragraphs_wrapped._Lines`): they must be the
facts the plain definitions give line by line (`paragraphs_wrapped.plain_facts`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text.pages import Page
from transcripts.readers.text.paragraphs_wrapped import _Lines, plain_facts

_PIECES = [" ", "\t", "\xa0", "\f", "\v", "\u2003", "a", "A", "É", "ß", "1", ".", ",", ":",
           "(", "[", ")", "].", "?", "”", "—", "HE", "LE ZHOU,", "DIRECT", "\n", "\r\n",
           "x"]  # fmt: skip
_LINE = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LINE, st.integers(0, 4)), max_size=12))
def test_each_lines_facts_computed_once_are_its_plain_facts(rows):
    lines = [line for line, _ in rows]
    starts = [min(at, len(line)) for line, at in rows]
    page = Page(bytearray(len(lines)), starts)
    view = _Lines(lines, page)
    for index in range(len(lines)):
        assert (view.indents[index], view.marks[index]) == plain_facts(lines, page, index)
