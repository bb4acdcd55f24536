"""The speech-to-text readers' one-step time (`plain_seconds`, asked for every word)
against `seconds`, which reads every form of time and names the place of an error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcripts.errors import TranscriptError
from transcripts.readers.stt.common import plain_seconds, seconds

_NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(2**80), max_value=2**1100),
)
_TIMES = st.one_of(
    _NUMBERS,
    _NUMBERS.map(str),
    _NUMBERS.map(lambda number: f"{number}s"),  # Google's seconds
    st.from_regex(r"\A\s?[-+]?[0-9._]{0,6}(e-?[0-9]{1,3})?[sS]?\s?\Z"),
    st.sampled_from(
        ["1.300s", " 2s", "2s ", ".5s", "5.s", "1_0", "1_0s", "+1s", "PT1.5S", "", "s"]
    ),
    st.text(max_size=8),
    st.booleans(),
    st.none(),
)


@given(_TIMES, st.sampled_from([1.0, 0.001, 1e-7]))
def test_the_one_step_time_is_what_seconds_reads_or_nothing(value, scale):
    plain = plain_seconds(value, scale)
    try:
        general = seconds(value, "words[3].start", scale)
    except TranscriptError as error:
        assert plain is None  # the error is left to `seconds`, which names the place
        assert "words[3].start" in str(error)
    else:
        assert plain is None or plain == general


@pytest.mark.parametrize(
    ("value", "expected"), [(2, 2.0), ("1.5", 1.5), ("1.300s", 1.3), (1500, 1.5)]
)
def test_the_usual_numbers_and_strings_are_read_in_one_step(value, expected):
    assert plain_seconds(value, 0.001 if value == 1500 else 1.0) == expected


@pytest.mark.parametrize("value", [None, True, {"seconds": 1}, "PT1.5S", "-1", 2**1100, "nan"])
def test_other_times_and_every_error_are_left_to_seconds(value):
    assert plain_seconds(value) is None
