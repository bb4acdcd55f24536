"""`shape_of(line, likely=True)` looks a line's "Name: " opening up among those seen before,
by the line's first colon, before the prose test (for a line after a label, likely
another): it must read every line as a fresh reading (nothing remembered, the prose test
first) reads it, whatever follows an opening seen before; and the opening it looks up
must be the one `_HEAD` finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts.readers.text import shapes
from transcripts.readers.text.shapes import shape_of

_OPENING_WORDS = st.lists(
    st.sampled_from(
        [
            "Ana",
            "ANA",
            "Dr.",
            "Mr.",
            "Ruiz",
            "Ruiz,",
            "van",
            "de",
            "and",
            "said",
            "the",
            "Minister",
            "of",
            "Health",
            "CNN",
            "Speaker",
            "1",
            "agent",
            "Le",
            "journaliste",
            "on",
            "behalf",
            "Group.",
            "—",
            "**",
            "Q",
            "<b>",
        ]
    ),
    min_size=1,
    max_size=6,
)
_REST_WORDS = st.lists(
    st.sampled_from(
        ["Hello", "there", "—", "–", "-", "--", ".", ". —", "sir.", "(laughs)", "Ana:", ",", "**"]
    ),
    min_size=1,
    max_size=12,
)


def _fresh(line: str) -> shapes.Shape | None:
    """The line's shape with nothing remembered."""
    shapes._shapes.clear()
    shapes._heads.clear()
    shapes._alone.clear()
    return shape_of(line)


@settings(max_examples=300, deadline=None)
@given(
    _OPENING_WORDS,
    st.sampled_from([":", "：", " :"]),
    st.sampled_from([" ", "  ", "\t", " \t"]),
    _REST_WORDS,
    _REST_WORDS,
)
def test_a_likely_label_is_read_as_afresh(opening, colon, gap, first, then):
    head = " ".join(opening) + colon + gap
    line = head + " ".join(then) + "\n"
    expected = _fresh(line)
    shape_of(head + " ".join(first) + "\n")  # (an opening seen before, if a label)
    assert shape_of(line, likely=True) == expected
    assert shape_of(line) == expected


def test_an_opening_with_a_comma_is_left_to_the_prose_test():
    # (after a comma the prose test looks past the colon, to a sentence's end: an
    # affiliation in lower case ends with ". —", a sentence does not)
    head = "Ana Ruiz, on behalf of the group: "
    shape_of(head + "Hello. — there\n")
    line = head + "Hello there\n"
    assert shape_of(line) is None
    assert shape_of(line, likely=True) is None


_CHARACTERS = st.sampled_from([*"Aa.,-: ：\t\r\n([1\\", "\xa0", "\u3000", "Ana", "Ruiz"])
_TEXT = st.lists(_CHARACTERS, max_size=12).map("".join)
_NAME_WORDS = ["Ana", "Ruiz", " ", ".", ",", "-", "1", "\xa0", "("]
_NAME_TEXT = st.lists(st.sampled_from(_NAME_WORDS), max_size=5)
# (names up to the widest opening and past it)
_NAME = st.builds(
    lambda width, text: "N" * width + "".join(text), st.sampled_from([0, 1, 70, 78]), _NAME_TEXT
)
_GAP = st.sampled_from([" ", "\t", "  ", " \t", ""])


@settings(max_examples=1000, deadline=None)
@given(_NAME, st.sampled_from([":", "："]), _GAP, _TEXT, st.sampled_from([0, -1, -3]), _TEXT)
def test_the_opening_by_the_first_colon_is_the_heads(name, colon, gap, rest, cut, tail):
    """Where a line up to its first colon and two characters more is an opening `_HEAD`
    gave (another line's), `_HEAD` gives it for the line too."""
    found = shapes._HEAD.match(name + colon + gap + rest)
    if found is None:
        return
    opening = found.group()
    line = opening[: len(opening) + cut] + tail
    colon_at = line.find(":")  # (as `shape_of` finds it)
    if 0 < colon_at <= shapes._HEAD_WIDTH and line[: colon_at + 3] == opening:
        head = shapes._HEAD.match(line)
        assert head is not None
        assert head.group() == opening
