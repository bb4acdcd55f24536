"""Cutting turns into cues, and estimating times for untimed text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcripts import parse
from transcripts.errors import TranscriptError
from transcripts.model import Block, Kind, Transcript
from transcripts.timing import estimate_timing, mark_from_note
from transcripts.writers.timed import cues, cut


@given(st.text(alphabet="ab .?!", max_size=400), st.integers(10, 60), st.integers(1, 3))
def test_cut_keeps_every_word_in_order_within_the_size(text, width, height):
    chunks = cut(text, width, height)
    assert " ".join(" ".join(lines) for lines in chunks).split() == text.split()
    for lines in chunks:
        assert 1 <= len(lines) <= height
        assert all(len(line) <= width or " " not in line for line in lines)


def test_a_cue_closes_at_a_sentence_end_once_half_full():
    assert cut("One two three four five six. Seven eight.", 20, 2) == [
        ["One two three four", "five six."],
        ["Seven eight."],
    ]


def test_cue_times_share_the_turn_by_characters_and_keep_its_ends():
    block = Block(Kind.TURN, "word " * 40, 1, 1, speaker="Ana", start=10.0, end=30.0)
    written = list(cues([block], 42, 2))
    assert written[0].start == 10.0 and written[-1].end == 30.0
    assert all(a.end == b.start for a, b in itertools.pairwise(written))


def test_estimates_continue_from_known_times_and_are_marked():
    transcript = parse("Ana: one two three\n\nBen: four five\n\nAna: six\n")
    transcript.blocks[1].start, transcript.blocks[1].end = 100.0, 101.5
    assert estimate_timing(transcript, 60) == 2
    times = [(b.start, b.end) for b in transcript.turns()]
    assert times == [(0.0, 3.0), (100.0, 101.5), (101.5, 102.5)]
    assert transcript.metadata["timing"] == {
        "estimated": True,
        "words_per_minute": 60,
        "blocks": 2,
    }


def test_an_estimate_stops_at_the_next_known_start():
    transcript = parse("Ana: " + "word " * 50 + "\n\nBen: hi\n\nAna: ok\n")
    transcript.blocks[1].start = 5.0
    estimate_timing(transcript, 150)
    assert transcript.blocks[0].end == 5.0


def test_nothing_to_estimate_leaves_no_mark():
    transcript = Transcript(blocks=[Block(Kind.TURN, "hi", 1, 1, "Ana", start=0, end=1)])
    assert estimate_timing(transcript, 150) == 0 and "timing" not in transcript.metadata


@pytest.mark.parametrize("rate", [0.5, 5000, float("nan")])
def test_an_impossible_speaking_rate_is_refused(rate):
    with pytest.raises(TranscriptError, match="words per minute"):
        estimate_timing(parse("Ana: hi\n\nBen: yo\n"), rate)


def test_an_estimate_note_with_no_speaking_rate_is_only_a_comment():
    # "9" * 400 words per minute is infinite as a float: no writer gave it
    rate = "9" * 400
    assert (
        mark_from_note(
            f"Times are estimates: transcripts estimated them at {rate} words per minute."
        )
        is None
    )
    assert (
        mark_from_note("Times are estimates: transcripts estimated them at 5 words per minute.")
        is None
    )
    assert mark_from_note(
        "Times are estimates: transcripts estimated them at 160 words per minute."
    ) == {"estimated": True, "words_per_minute": 160}
