"""Clock times: the golden cases in tests/cases/clock, and the pattern held to the parser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcripts.timecode import (
    CLOCK_PATTERN,
    MERIDIEM_PATTERN,
    STYLES,
    format_clock,
    hours_and_minutes,
    parse_clock,
    parse_time_of_day,
    read_as_times_of_day,
    seconds_later,
)

CASES = Path(__file__).parent / "cases" / "clock"


def _rows(name: str) -> list[list[str]]:
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if not line.startswith("#")]


@pytest.mark.parametrize(("text", "seconds"), _rows("parse.tsv"), ids=repr)
def test_clock_times_read_as_the_golden_cases_say(text, seconds):
    assert parse_clock(text) == (None if seconds == "None" else float(seconds))


@pytest.mark.parametrize(("seconds", "style", "text"), _rows("format.tsv"), ids=repr)
def test_clock_times_written_as_the_golden_cases_say(seconds, style, text):
    assert format_clock(float(seconds), style=style) == text
    assert parse_clock(text) == pytest.approx(float(seconds), abs=0.5 if style == "plain" else 5e-4)


def test_the_old_keyword_arguments_still_choose_the_style():
    assert format_clock(62.5, separator=",") == format_clock(62.5, style="srt")
    assert format_clock(62.5, always_hours=False) == "01:02.500"
    assert format_clock(3723.5, always_hours=False) == "01:02:03.500"


clockish = st.text(alphabet="0123456789:.,", max_size=16)


@given(clockish)
def test_the_pattern_matches_exactly_what_the_parser_reads(text):
    assert (re.fullmatch(CLOCK_PATTERN, text) is not None) == (parse_clock(text) is not None)


def test_the_pattern_has_no_groups_of_its_own_so_it_can_be_embedded_twice():
    assert re.compile(CLOCK_PATTERN).groups == 0
    both = re.compile(rf"\[({CLOCK_PATTERN})\] - \[({CLOCK_PATTERN})\]")
    assert both.fullmatch("[00:01.5] - [1:00:02,250]").groups() == ("00:01.5", "1:00:02,250")


@given(st.floats(min_value=0, max_value=400_000, allow_nan=False), st.sampled_from(list(STYLES)))
def test_written_times_read_back_within_their_precision(seconds, style):
    text = format_clock(seconds, style=style)
    precision = 10 ** -STYLES[style].digits
    assert parse_clock(text) == pytest.approx(seconds, abs=precision / 2 + 1e-9)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("9:14 AM", 9 * 3600 + 14 * 60),
        ("  9:14 pm ", 21 * 3600 + 14 * 60),
        ("12:05:30 a.m.", 5 * 60 + 30),
        ("12:00 PM", 12 * 3600),
        ("10:02PM", 22 * 3600 + 2 * 60),
    ],
)
def test_a_time_of_day_reads_as_seconds_since_midnight(text, seconds):
    assert parse_time_of_day(text) == seconds


@pytest.mark.parametrize("text", ["13:00 PM", "0:03", "00:00:05", "9:14 Amy", "9:75 AM"])
def test_a_clock_time_without_the_half_of_the_day_is_no_time_of_day(text):
    assert parse_time_of_day(text) is None


def test_the_half_of_the_day_never_opens_a_word():
    meridiem = re.compile(MERIDIEM_PATTERN)
    assert meridiem.match(" AM") and meridiem.match("p.m.")
    assert meridiem.match(" Amy") is None


def test_a_time_of_day_is_later_across_midnight():
    assert seconds_later(23 * 3600 + 59 * 60, 60) == 120


def test_hours_and_minutes_in_a_chat_log_are_times_of_day():
    assert read_as_times_of_day(["09:58", "10:01", "10:04"], chat=True)


def test_times_stepping_back_are_a_clock_past_a_new_day():
    assert read_as_times_of_day(["17:40", "17:52", "09:01"], chat=False)


def test_minutes_and_seconds_stepping_forward_stay_offsets():
    assert not read_as_times_of_day(["12:40", "13:05", "13:58"], chat=False)


def test_seconds_or_hours_past_23_are_never_a_chat_clock():
    assert not read_as_times_of_day(["00:00:05", "00:01:02"], chat=True)
    assert not read_as_times_of_day(["45:10", "46:02"], chat=True)


def test_hours_and_minutes_are_minutes_into_a_day_or_none_for_any_other_time():
    assert hours_and_minutes(["9:05", "23:59"]) == [545, 1439]
    assert hours_and_minutes(["9:05", "00:01:02"]) is None
    assert hours_and_minutes(["24:00"]) is None


def test_timecodes_are_read_at_a_frame_rate_inferred_from_their_frames():
    from transcripts.timecode import frame_rate_of, parse_timecode, timecode_frame

    assert timecode_frame("00:00:03:12") == (12, False)
    assert timecode_frame("00;00;03;12") == (12, True)  # drop-frame
    assert timecode_frame("00:03.12") is None and timecode_frame("1:02:03") is None
    assert [frame_rate_of(n) for n in (12, 24, 29, 49, 59)] == [24, 25, 30, 50, 60]
    assert frame_rate_of(12, drop_frame=True) == 30
    assert parse_timecode("01:00:01:12", 24) == 3601.5
    assert parse_timecode("00:00:01:30", 30) is None  # no frame 30 at 30 a second


def test_a_time_written_out_for_a_screen_reader_is_read_in_seconds():
    from transcripts.timecode import parse_spoken_time

    assert parse_spoken_time("0 minutes 3 seconds0:03") == 3.0
    assert parse_spoken_time("Peter Hogg 1 hour 2 minutes 3 seconds") == 3723.0
    assert parse_spoken_time("a minute or two") is None
