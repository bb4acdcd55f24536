"""Finding candidate labels and the words a document writes in lower case."""

from hypothesis import given
from hypothesis import strategies as st

from transcripts.readers.text import candidates

_ascii_prose = st.lists(
    st.sampled_from(
        ["don't", "McDonald", "iPhone", "'tis", "end'", "word'S", "abc1", "_abc", "yeah"]
    )
    | st.text(alphabet="abcXY' \n_1-", max_size=8),
    max_size=12,
).map(" ".join)


@given(_ascii_prose)
def test_lower_case_words_of_ascii_text_are_read_as_the_unicode_pattern_reads_them(text):
    """`common_words` takes the `re` pattern for ASCII text; the `regex` one is the rule."""
    assert candidates._LOWER_ASCII_WORD.findall(text) == candidates._lower_word().findall(text)


def test_a_label_after_a_blank_line_counts_as_after_a_finished_sentence():
    """After a blank line the line before is not asked whether it ends a sentence: the
    label's look is the same either way (`Look.after_sentence`)."""
    lines = ["He began to say\n", "\n", "Ana: hello there.\n", "Ben, as he said\n"]
    lines += ["Ana: and then?\n"]
    first, second = candidates.find_candidates(lines, 0)
    assert first.blank_before and first.after_sentence
    assert not second.blank_before and not second.after_sentence
