"""The speech-to-text readers' one-step time (`plain_seconds`, asked for every word)
against `seconds`, which reads every form of time and names the place of an error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcripts.errors import TranscriptError
from transcripts.readers.stt.common import plain_seconds, seconds


@given(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1.0, 0.001, 1e-7]))
def test_the_one_step_time_is_what_seconds_reads_or_nothing(value, scale):
    plain = plain_seconds(value, scale)
    try:
        general = seconds(value, "words[3].start", scale)
    except TranscriptError as error:
        assert plain is None  # the error is left to `seconds`, which names the place
        assert "words[3].start" in str(error)
    else:
        assert plain is None or plain == general


@pytest.mark.parametrize("value", [None, 2, "1.5", "1.300s", True, {"seconds": 1}])
def test_times_that_are_not_floats_are_left_to_seconds(value):
    assert plain_seconds(value) is None
