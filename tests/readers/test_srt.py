"""The SubRip reader: `Name:` where the speaker changes, tags removed, bad timings refused."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_file
from tests.readers.captions_helpers import read_as, turns
from transcripts.errors import TranscriptError
from transcripts.losses import Losses

CHANGES = """1
00:00:00,179 --> 00:00:02,399
Travis: When you first get
started in podcasting, it's

2
00:00:02,400 --> 00:00:04,799
almost guaranteed.

3
00:00:05,000 --> 00:00:07,000
Sarah: Creating good audio
is really key.
"""


def test_a_name_prefix_names_the_speaker_until_the_next_one():
    transcript = read_as("srt", CHANGES)
    assert turns(transcript) == [
        ("Travis", "When you first get started in podcasting, it's almost guaranteed."),
        ("Sarah", "Creating good audio is really key."),
    ]
    assert [(b.start, b.end) for b in transcript.blocks] == [(0.179, 4.799), (5.0, 7.0)]
    assert [(b.line, b.end_line) for b in transcript.blocks] == [(3, 8), (12, 13)]


def test_formatting_tags_are_removed():
    text = "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Ana:</i> <font color=red>hi</font>\n"
    assert turns(read_as("srt", text)) == [("Ana", "hi")]
    text = "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Ana: <b>hi</b> there\n"
    assert turns(read_as("srt", text)) == [("Ana", "hi there")]


def test_sentences_with_colons_do_not_make_speakers():
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nthe answer is simple: no\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nand then: nothing\n"
    )
    transcript = read_as("srt", text)
    assert transcript.speakers == [] and turns(transcript) == [
        (None, "the answer is simple: no and then: nothing")
    ]


def test_cues_without_blank_lines_between_them_still_split():
    text = "1\n00:00:01,000 --> 00:00:02,000\nAna: hi\n2\n00:00:02,000 --> 00:00:03,000\nBo: yo\n"
    assert turns(read_as("srt", text)) == [("Ana", "hi"), ("Bo", "yo")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1\n00:00:01,000 --> 00:00:61,000\nhi\n", "line 2: bad SRT timestamp '00:00:61,000'"),
        ("1\n00:00:01,000 --> 00:00:xx\nhi\n", "line 2: bad SRT timestamp"),
        ("hello there\n", "line 1: expected a subtitle number or a cue timing"),
        ("1\n00:00:03,000 --> 00:00:01,000\nhi\n", "line 2: cue ends"),
    ],
    ids=["seconds-out-of-range", "not-a-time", "not-srt", "ends-before-start"],
)
def test_malformed_srt_is_an_error_naming_the_line(text, message):
    with pytest.raises(TranscriptError) as error:
        read_as("srt", text)
    assert message in str(error.value)


def test_buzzsprout_srt_has_ten_changes_of_speaker_among_three_people():
    # Verified by reading the file: names appear only on the cue where the speaker
    # changes (lines 3, 87, 152, 322, 387, 467, 556, 826, 891, 1011).
    path = corpus_file("captions-podcastindex-buzzsprout-example.srt")
    transcript = read_as("srt", path.read_text(encoding="utf-8"))
    assert [speaker for speaker, _ in turns(transcript)] == [
        "Travis",
        "Sarah",
        "Travis",
        "Gilon",
        "Travis",
        "Gilon",
        "Travis",
        "Sarah",
        "Gilon",
        "Travis",
    ]
    assert [block.line for block in transcript.blocks] == [
        3, 87, 152, 322, 387, 467, 556, 826, 891, 1011
    ]  # fmt: skip
    assert transcript.blocks[0].text.startswith("When you first get started in podcasting")
    assert transcript.blocks[-1].end == 754.769


def test_cue_numbers_are_no_loss_even_out_of_sequence():
    # SubRip defines the numbers as a counter; writers number cues afresh (see
    # `vttparse.IDENTIFIERS`), so gaps left by deleted cues carry nothing to keep.
    text = (
        "3\n00:00:01,000 --> 00:00:02,000\nAna: Hi.\n\n9\n00:00:02,000 --> 00:00:03,000\nBen: Yo.\n"
    )
    losses = Losses()
    read_as("srt", text, losses=losses)
    assert losses.summary() == ""
