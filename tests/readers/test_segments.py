"""Timed segments: a transcript naming no one whose lines each open with a time."""

from __future__ import annotations

import transcripts
from transcripts.readers.text.segments import Opening, opening, times_segments


def test_a_span_in_brackets_gives_start_end_and_where_the_words_begin():
    line = "[00:00.000 --> 00:05.000]  Hello, this is the podcast.\n"
    assert opening(line) == Opening(0.0, 5.0, line.index("Hello"))


def test_a_span_with_a_dash_and_a_colon_and_a_bare_time_are_openings():
    assert opening("00:00.060 - 00:05.560:  Hello") == Opening(0.06, 5.56, 24)
    assert opening("00:04:12 Yeah.") == Opening(252.0, None, 9)
    assert opening("(1:50) Ya.") == Opening(110.0, None, 7)


def test_an_end_before_the_start_is_dropped_and_a_time_alone_is_no_opening():
    assert opening("[00:09 --> 00:05] Hello") == Opening(9.0, None, 18)
    assert opening("00:04:12\n") is None
    assert opening("In 2020: a year") is None


def test_three_timed_lines_in_order_are_segments_two_are_not():
    lines = [f"00:00:0{n} Words said here.\n" for n in range(3)]
    assert times_segments(lines)
    assert not times_segments(lines[:2])


def test_lines_that_mostly_do_not_open_with_a_time_are_no_segments():
    lines = ["00:00:01 Hello.\n", "Just text.\n", "More text.\n", "00:00:04 Bye.\n"] * 3
    assert not times_segments(lines)


def test_times_of_day_going_back_or_starting_late_are_no_recording():
    late = ["19:20:21 Good morning.\n", "19:20:25 Let us start.\n", "19:20:31 First item.\n"]
    assert not times_segments(late)
    shuffled = [f"00:00:{n:02d} Words.\n" for n in (30, 10, 20, 5, 1)]
    assert not times_segments(shuffled)


def test_whisper_text_output_reads_as_timed_unattributed_segments():
    text = (
        "[00:00.000 --> 00:05.000]  Hello, this is the podcast.\n"
        "[00:05.000 --> 00:09.000]  Today we talk about testing.\n"
        "[00:09.000 --> 00:12.500]  It is a big topic,\n"
        "and a long one.\n"
        "[00:12.500 --> 00:15.000]  So let us start.\n"
        "[00:15.000 --> 00:18.000]  First, the tools.\n"
    )
    transcript = transcripts.parse(text)
    blocks = transcript.blocks
    assert [(b.kind, b.start, b.end) for b in blocks] == [
        ("unattributed", 0.0, 5.0),
        ("unattributed", 5.0, 9.0),
        ("unattributed", 9.0, 12.5),
        ("unattributed", 12.5, 15.0),
        ("unattributed", 15.0, 18.0),
    ]
    assert blocks[2].text == "It is a big topic,\nand a long one."
    assert "".join(b.raw for b in blocks) == text  # nothing lost


def test_whisper_seconds_in_a_span_are_an_opening():
    line = "[30.440 --> 33.020] 一 开始 是 公 司 的 免 责 说 明\n"
    assert opening(line) == Opening(30.44, 33.02, line.index("一"))
    assert opening("[3.5 million] people") is None


def test_short_timed_lines_are_a_segment_each_not_a_wrapped_paragraph():
    text = "".join(f"[{n * 3}.000 --> {n * 3 + 3}.000] 第 {n} 段\n" for n in range(12))
    blocks = transcripts.parse(text).blocks
    assert [b.start for b in blocks] == [float(n * 3) for n in range(12)]
    assert blocks[0].text == "第 0 段"
