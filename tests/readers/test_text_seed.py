"""The seed interview parses exactly as the foundation issue requires."""

from __future__ import annotations

from collections import Counter

import pytest

import transcripts
from transcripts.model import Kind


@pytest.fixture(scope="module")
def seed_transcript(request):
    from tests.conftest import SEED

    return transcripts.read(SEED)


def _at(transcript, line):
    return next(block for block in transcript.blocks if block.line <= line <= block.end_line)


def test_seed_has_ten_interviewer_and_eleven_lukashenko_turns(seed_transcript):
    counts = Counter(block.speaker for block in seed_transcript.turns())
    assert counts == {"Interviewer": 10, "Lukashenko": 11}


def test_seed_roster_is_only_the_two_speakers(seed_transcript):
    assert seed_transcript.speaker_names() == ["Interviewer", "Lukashenko"]


def test_seed_opening_lines_are_prose(seed_transcript):
    assert [_at(seed_transcript, line).kind for line in range(1, 7)] == [Kind.PROSE] * 6


def test_seed_line_7_is_a_tag_line_and_tags_lose_their_hash(seed_transcript):
    assert _at(seed_transcript, 7).kind == Kind.TAGS
    assert seed_transcript.metadata["tags"] == [
        "Lukashenko",
        "Putin",
        "North",
        "Korea",
        "send",
        "troops",
    ]


def test_seed_line_8_is_the_title_not_a_turn(seed_transcript):
    block = _at(seed_transcript, 8)
    assert block.kind == Kind.HEADING
    assert seed_transcript.title == (
        "Interview with Alexander Lukashenko: Allegations of North Korean Troops in Ukraine"
    )


def test_seed_question_for_readers_is_a_labelled_block_not_a_speaker(seed_transcript):
    block = _at(seed_transcript, 21)
    assert (block.kind, block.label, block.line, block.end_line) == (
        Kind.LABELLED,
        "Question for Readers",
        21,
        21,
    )
    assert "Question for Readers" not in seed_transcript.speaker_names()


def test_seed_line_22_is_unattributed_and_separate(seed_transcript):
    block = _at(seed_transcript, 22)
    assert (block.kind, block.line, block.end_line, block.speaker) == (
        Kind.UNATTRIBUTED,
        22,
        22,
        None,
    )
    assert block.text.startswith("Take on the U.S. claims")


def test_seed_turns_carry_their_source_lines(seed_transcript):
    turns = list(seed_transcript.turns())
    assert (turns[0].line, turns[0].speaker) == (9, "Interviewer")
    assert (turns[-1].line, turns[-1].speaker, turns[-1].text) == (
        31,
        "Lukashenko",
        "Thank you for having me.",
    )
