"""The CHAT reader: main tiers are turns named from @Participants; dependent tiers are not."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_file
from tests.readers.captions_helpers import kinds, read_as, turns
from transcripts.errors import TranscriptError
from transcripts.losses import Losses

CHAT = """@UTF8
@Begin
@Languages:\teng
@Participants:\tCHI Ross Target_Child, MOT Mother, INV Investigator, OBS Investigator
@ID:\teng|mac|CHI|6;0.||||Target_Child|||
@ID:\teng|mac|MOT|||||Mother|||
*CHI:\tI want the\x1512000_13500\x15
\tbig one .
%mor:\tpro|I v|want det|the adj|big n|one .
*CHI:\tnow .
*MOT:\tyou can have it .
%com:\tlaughs
@Comment:\tphone rings
*MOT:\there .
*INV:\tthanks .
*OBS:\tok .
@End
"""


def test_main_tiers_are_turns_named_from_the_participants():
    transcript = read_as("cha", CHAT)
    assert turns(transcript) == [
        ("Ross", "I want the big one . now ."),
        ("Mother", "you can have it ."),
        ("Mother", "here ."),
        ("Investigator (INV)", "thanks ."),
        ("Investigator (OBS)", "ok ."),
    ]
    roster = [(s.name, s.aliases, s.inferred) for s in transcript.speakers]
    assert roster == [
        ("Ross", ("CHI",), False),
        ("Mother", ("MOT",), False),
        ("Investigator (INV)", ("INV",), False),
        ("Investigator (OBS)", ("OBS",), False),
    ]


def test_dependent_tiers_are_not_speakers_and_are_counted_as_lost():
    losses = Losses()
    transcript = read_as("cha", CHAT, losses=losses)
    assert not any("pro|I" in block.text or "laughs" in block.text for block in transcript.blocks)
    assert losses.summary() == "2 dependent tiers (%mor, %com)"


def test_a_header_among_utterances_is_a_labelled_block_and_the_turn_resumes():
    transcript = read_as("cha", CHAT)
    assert kinds(transcript)[2:4] == ["labelled", "turn"]
    comment, resumed = transcript.blocks[2:4]
    assert (comment.label, comment.text) == ("Comment", "phone rings")
    assert resumed.continued


def test_media_bullets_give_times_and_continuation_lines_join_their_tier():
    first = read_as("cha", CHAT).blocks[0]
    assert (first.start, first.end) == (12.0, 13.5)
    assert (first.line, first.end_line) == (7, 10)
    assert "\x15" not in first.text


def test_header_metadata_is_kept():
    metadata = read_as("cha", CHAT).metadata
    assert metadata["languages"] == "eng"
    assert len(metadata["id"]) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("@Begin\n*CHI:\thi .\nrandom words\n", "line 3: expected a *SPEAKER:"),
        ("just some text\n", "line 1: expected a *SPEAKER:"),
        ("\tindented first\n", "line 1: a continuation line"),
        ("@Languages:\teng\n", "not a CHAT file"),
    ],
)
def test_malformed_chat_is_an_error_naming_the_line(text, message):
    with pytest.raises(TranscriptError, match=message.replace("*", r"\*")):
        read_as("cha", text)


def test_eve_has_four_participants_and_no_dependent_tier_speakers():
    # Verified by reading the file: @Participants lists CHI Target_Child, MOT Mother,
    # COL Investigator, RIC Investigator (no names); 741 *CHI, 804 *MOT, 30 *COL, 13 *RIC
    # main tiers; %mor/%gra/... dependent tiers follow most of them.
    path = corpus_file("chat-childes-brown-eve-010600a.cha")
    losses = Losses()
    transcript = read_as("cha", path.read_text(encoding="utf-8"), losses=losses)
    assert transcript.speaker_names() == [
        "Target Child",
        "Mother",
        "Investigator (COL)",
        "Investigator (RIC)",
    ]
    speakers = {block.speaker for block in transcript.blocks if block.kind == "turn"}
    assert speakers == set(transcript.speaker_names())
    assert transcript.blocks[0].text == "more cookie . [+ IMP]"
    assert transcript.blocks[1].text.startswith("you &=0v more cookies ? how_about another")
    assert "dependent tiers (%mor, %gra" in losses.summary()
    assert not any("|" in block.text for block in transcript.turns())  # no %mor text
