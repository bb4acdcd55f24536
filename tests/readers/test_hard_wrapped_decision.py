"""`is_hard_wrapped` counts the long lines first and walks the lines only when they do
not settle it: it must decide as the plain definition (one walk counting everything)
does."""

from __future__ import annotations

from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text.paragraphs import LINE_ENDS, MARKDOWN_HEADING
from transcripts.readers.text.paragraphs_scan import (
    _LONG_LINE_SHARE,
    _MID_SENTENCE_SHARE,
    _WRAP_SAMPLE,
    _WRAP_WIDTH,
    is_hard_wrapped,
    is_list_item,
)
from transcripts.readers.text.shapes import field_of


def plain_is_hard_wrapped(lines: list[str], start: int = 0) -> bool:
    """The definition, one walk over the sample (as `paragraphs_scan.py` first wrote it)."""
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
        if content[0] == "#" and MARKDOWN_HEADING.match(content):
            previous = ""
            continue
        if is_list_item(content):
            previous = content
            continue
        if ":" in content[:82] and field_of(content) is not None:
            previous = content
            continue
        if previous:
            joined += 1
            if not previous.endswith(LINE_ENDS):
                mid_sentence += 1
        previous = content
    if nonblank == 0 or long > _LONG_LINE_SHARE * nonblank:
        return False
    return joined > 0 and mid_sentence >= _MID_SENTENCE_SHARE * joined


_LINES = st.one_of(
    st.sampled_from(
        [
            "\n",
            "   \n",
            "and so the line runs on\n",
            "where it ends.\n",
            "# Heading\n",
            "- an item\n",
            "Ana: a label and speech\n",
            "EPS: earnings per share\n",
            "a line long enough to count as long " * 3 + "\n",
            "x" * _WRAP_WIDTH + "\n",
            "x" * (_WRAP_WIDTH + 1) + "\n",
            "x" * _WRAP_WIDTH + "  \t\n",
        ]
    ),
    st.text(alphabet=" \tab.:#-\n\r\u3000", max_size=120),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, max_size=120), st.integers(0, 5))
def test_the_wrapping_decision_is_the_plain_definitions(lines, start):
    assert is_hard_wrapped(lines, start) == plain_is_hard_wrapped(lines, start)


def test_a_document_of_long_lines_is_not_wrapped():
    lines = ["Ana: " + "words and more words " * 8 + "\n", "\n"] * 50
    assert not is_hard_wrapped(lines)
    assert plain_is_hard_wrapped(lines) is False


def test_a_document_of_lines_stopping_mid_sentence_is_wrapped():
    lines = ["the witness said that he had seen\n", "the car turn left at the\n"] * 30
    assert is_hard_wrapped(lines)
