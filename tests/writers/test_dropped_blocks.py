"""A block a writer leaves out is a loss line, never a silent drop (pandoc's "could not
render"): a turn with no words (an RTTM turn is a speaker's time, nothing said) has no
cue, paragraph or utterance to be."""

from __future__ import annotations

import pytest

from transcripts.formats import get_format
from transcripts.losses import EMPTY_BLOCKS, Losses
from transcripts.model import Block, Kind, Speaker, Transcript
from transcripts.options import WriteOptions

# Every writer that writes no block of no text.
LEAVING_OUT = [
    "srt",
    "vtt",
    "podcast",
    "podcast-html",
    "eaf",
    "textgrid",
    "cha",
    "docx",
    "markdown",
]


def _with_an_empty_turn() -> Transcript:
    blocks = [
        Block(Kind.TURN, "Ana said this.", line=1, end_line=1, speaker="Ana", start=0.0, end=1.0),
        Block(Kind.TURN, "", line=2, end_line=2, speaker="Bo", start=1.0, end=3.0),
    ]
    return Transcript(source="d.rttm", speakers=[Speaker("Ana"), Speaker("Bo")], blocks=blocks)


@pytest.mark.parametrize("format_name", LEAVING_OUT)
def test_a_block_with_no_text_left_out_by_a_writer_is_a_loss(format_name):
    if format_name == "docx":
        pytest.importorskip("docx")
    losses = Losses()
    get_format(format_name).write(_with_an_empty_turn(), WriteOptions(losses=losses))
    assert EMPTY_BLOCKS.format(n=1, s="") in losses.phrases()


@pytest.mark.parametrize("format_name", ["json", "yaml", "csv"])
def test_a_block_with_no_text_is_kept_by_the_writers_of_the_whole_model(format_name):
    losses = Losses()
    get_format(format_name).write(_with_an_empty_turn(), WriteOptions(losses=losses))
    assert not any("no text" in phrase for phrase in losses.phrases())


def test_converting_an_rttm_turn_to_srt_says_the_block_was_left_out(runner, tmp_path):
    from transcripts.cli import cli

    source = tmp_path / "d.rttm"
    source.write_text("SPEAKER m 1 0 2 <NA> <NA> a <NA> <NA>\n", encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(source), "-t", "srt"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "lost 1 block with no text" in result.stderr
