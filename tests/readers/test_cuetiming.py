"""Cue timing lines: the whole-line fast path gives the answers of `timecode.parse_clock`."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcripts.errors import TranscriptError
from transcripts.readers.cuetiming import parse_timing, parse_timing_generally

_CLOCKS = st.builds(
    lambda h, m, s, f, sep, hours: (f"{h:02d}:" if hours else "") + f"{m:02d}:{s:02d}{sep}{f:03d}",
    st.integers(0, 999),
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 999),
    st.sampled_from([".", ","]),
    st.booleans(),
)


def _outcome(parse, line):
    try:
        return parse(line, 1, "x", "WebVTT")
    except TranscriptError as error:
        return str(error)


@given(_CLOCKS, _CLOCKS, st.sampled_from(["", " align:start", "\tline:0"]))
def test_the_fast_path_agrees_with_parse_clock(start, end, settings):
    line = f"{start} --> {end}{settings}"
    assert _outcome(parse_timing, line) == _outcome(parse_timing_generally, line)


@pytest.mark.parametrize(
    ("line", "times"),
    [
        ("0:0:0.0 --> 0:0:0.570", (0.0, 0.57)),  # Teams
        ("00:01.5 --> 00:02", (1.5, 2.0)),
        ("01:00:00,001 --> 01:00:00,002", (3600.001, 3600.002)),
        ("00:00:01:500 --> 00:00:02:000", (1.5, 2.0)),  # a colon before milliseconds
    ],
)
def test_lenient_clock_forms_are_read(line, times):
    assert parse_timing(line, 1, "x", "WebVTT")[:2] == times


def test_a_colon_before_two_digits_is_no_millisecond_time():
    with pytest.raises(TranscriptError, match="bad SRT timestamp"):
        parse_timing("00:00:01:12 --> 00:00:02:00", 1, "x", "SRT")
