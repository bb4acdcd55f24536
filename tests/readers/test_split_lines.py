"""Lines split at LF, CRLF and CR only: the fast path (`str.splitlines`, its pieces at
form feeds and the like joined again) must give the lines the plain definition gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text.lines import split_lines, split_lines_plainly

_PIECES = ["a", " ", "é", "\n", "\r\n", "\r", "\f", "\v", "\x1c", "\x1d", "\x1e", "\x85",
           "\u2028", "\u2029", "\t"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_lines_split_fast_are_the_lines_of_the_plain_definition(text):
    lines = split_lines(text)
    assert lines == split_lines_plainly(text)
    assert "".join(lines) == text


def test_a_form_feed_inside_a_line_does_not_end_it():
    assert split_lines("a\fb\n\f\fc\r\nd\f") == ["a\fb\n", "\f\fc\r\n", "d\f"]
