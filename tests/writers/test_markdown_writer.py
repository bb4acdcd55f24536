"""The Markdown writer: `**Speaker:** text`, headings for titles, read back by the text reader."""

from __future__ import annotations

import pytest

from tests.conftest import SEED, corpus_files
from transcripts import parse, read, write
from transcripts.losses import Losses
from transcripts.model import Block, Kind, Speaker, Transcript
from transcripts.options import WriteOptions
from transcripts.writers import markdown


def test_turns_are_bold_labels_and_the_title_a_heading():
    transcript = Transcript(
        blocks=[
            Block(Kind.PROSE, "#1 in a series", 1, 1),
            Block(Kind.TURN, "Hello.\n\nSecond paragraph.", 2, 4, speaker="Ana*", start=1.0),
            Block(Kind.STAGE_DIRECTION, "(LAUGHTER)", 5, 5),
            Block(Kind.LABELLED, "Share below.", 6, 6, label="Question for Readers"),
            Block(Kind.TURN, "Bye.", 7, 7, speaker="Ben"),
        ],
        speakers=[Speaker("Ana*"), Speaker("Ben")],
        metadata={"title": "An Interview", "date": "2024-01-01"},
    )
    losses = Losses()
    output = markdown.write(transcript, WriteOptions(losses=losses))
    assert output == (
        "---\ndate: '2024-01-01'\n---\n\n# An Interview\n\n\\#1 in a series\n\n"
        "**Ana\\*:** Hello.\n\nSecond paragraph.\n\n(LAUGHTER)\n\n"
        "**Question for Readers:** Share below.\n\n**Ben:** Bye.\n"
    )
    assert losses.summary() == "the times of 1 block"


def test_a_title_heading_is_not_written_twice():
    transcript = parse("My Interview: A Talk\n\nAna: hi\n\nBen: hello\n\nAna: bye\n")
    output = write(transcript, "markdown")
    assert output.count("My Interview: A Talk") == 1


@pytest.mark.parametrize("path", [SEED, *corpus_files(".md")], ids=lambda p: p.name)
def test_speakers_and_turns_survive_markdown_and_the_text_reader(path):
    transcript = read(path)
    back = parse(write(transcript, "markdown"))
    # A turn resumed after a stage direction is written with its speaker's label again.
    assert [b.speaker for b in back.turns()] == [b.speaker for b in transcript.turns()]
