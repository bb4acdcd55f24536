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
    assert candidates._LOWER_ASCII_WORD.findall(text) == candidates._LOWER_WORD.findall(text)
