"""The prose test's name word matches an abbreviation capitalised as written (faster than
ignoring case): after its lookahead (a capital, then small letters, then a period) that
must take exactly what the abbreviations ignoring case take."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from transcripts import names
from transcripts.readers.text import shapes

_IGNORING_CASE = re.compile(
    rf"(?>{shapes._CAPITALISED}(?!\.)|(?=[A-Z][a-z]{{1,4}}\.)(?i:{shapes._ABBREVIATION})\.)"
)
_AS_WRITTEN = re.compile(shapes._NAME_WORD)


def test_the_abbreviations_are_small_ascii_letters():
    assert all(
        word.isascii() and word.isalpha() and word.islower() for word in names.NAME_ABBREVIATIONS
    )


_PIECES = st.sampled_from(
    sorted(names.NAME_ABBREVIATIONS)
    + [word.upper() for word in names.NAME_ABBREVIATIONS]
    + [word.capitalize() for word in names.NAME_ABBREVIATIONS]
    + ["D", "r", "M", "s", "ſ", "K", "K", ".", " ", "x", "Ab", "é"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=4))
def test_abbreviations_as_written_match_as_ignoring_case_does(pieces):
    text = "".join(pieces)
    a, b = _IGNORING_CASE.match(text), _AS_WRITTEN.match(text)
    assert (a and a.group()) == (b and b.group())
