"""`shape_of(line, likely=True)` looks a line's "Name: " opening up before the prose test
(for a line after a label, likely another): it must read every line as the usual order
(the prose test first) reads it, whatever follows an opening seen before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


@settings(max_examples=300, deadline=None)
@given(
    _OPENING_WORDS,
    st.sampled_from([":", "：", " :"]),
    st.sampled_from([" ", "  ", "\t", " \t"]),
    _REST_WORDS,
    _REST_WORDS,
)
def test_a_likely_label_is_read_as_the_usual_order_reads_it(opening, colon, gap, first, then):
    head = " ".join(opening) + colon + gap
    shape_of(head + " ".join(first) + "\n")  # (an opening seen before, if a label)
    line = head + " ".join(then) + "\n"
    assert shape_of(line, likely=True) == shape_of(line)


def test_an_opening_with_a_comma_is_left_to_the_prose_test():
    # (after a comma the prose test looks past the colon, to a sentence's end: an
    # affiliation in lower case ends with ". —", a sentence does not)
    head = "Ana Ruiz, on behalf of the group: "
    shape_of(head + "Hello. — there\n")
    line = head + "Hello there\n"
    assert shape_of(line) is None
    assert shape_of(line, likely=True) is None
