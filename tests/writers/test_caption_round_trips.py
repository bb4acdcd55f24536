"""VTT -> VTT, SRT -> SRT and VTT -> JSON -> VTT keep every cue of the real caption files:
its text and its times to the millisecond, as webvtt-py and srt read them."""

from __future__ import annotations

import html
import io

import pytest
import srt
import webvtt

from tests.conftest import corpus_files
from transcripts import parse, read, write
from transcripts.losses import Losses
from transcripts.options import WriteOptions
from transcripts.timecode import parse_clock


def _text(text: str) -> list[str]:
    """A cue's text as a reader shows it: lines with single spaces, entities unescaped."""
    lines = (" ".join(html.unescape(line).split()) for line in text.split("\n"))
    return [line for line in lines if line]


def vtt_cues(text: str) -> list[tuple[int, int, list[str]]]:
    """(start ms, end ms, lines) of every cue, read by webvtt-py."""
    return [
        (
            round(parse_clock(cue.start) * 1000),
            round(parse_clock(cue.end) * 1000),
            _text(cue.text),
        )
        for cue in webvtt.from_buffer(io.StringIO(text))
    ]


def srt_cues(text: str) -> list[tuple[int, int, list[str]]]:
    return [
        (
            round(cue.start.total_seconds() * 1000),
            round(cue.end.total_seconds() * 1000),
            _text(cue.content),
        )
        for cue in srt.parse(text)
    ]


@pytest.mark.parametrize("path", corpus_files(".vtt"), ids=lambda path: path.name)
@pytest.mark.parametrize("via", ["vtt", "json", "yaml"])
def test_every_vtt_cue_comes_back_with_its_text_and_times(path, via):
    original = path.read_bytes().decode("utf-8")
    transcript = read(path)
    if via != "vtt":
        transcript = parse(write(transcript, via), format=via)
    losses = Losses()
    from transcripts.writers import vtt as vtt_writer

    output = vtt_writer.write(transcript, WriteOptions(losses=losses))
    assert vtt_cues(output) == vtt_cues(original)
    assert "times" not in losses.summary()


@pytest.mark.parametrize("path", corpus_files(".srt"), ids=lambda path: path.name)
def test_every_srt_cue_comes_back_with_its_text_and_times(path):
    original = path.read_bytes().decode("utf-8")
    output = write(read(path), "srt")
    assert srt_cues(output) == srt_cues(original)


@pytest.mark.parametrize("path", corpus_files(".vtt"), ids=lambda path: path.name)
def test_vtt_to_srt_keeps_every_cue_time(path):
    original = vtt_cues(path.read_bytes().decode("utf-8"))
    output = srt_cues(write(read(path), "srt"))
    assert [cue[:2] for cue in output] == [cue[:2] for cue in original]


def test_youtube_inline_word_times_come_back():
    path = next((p for p in corpus_files(".vtt") if "youtube" in p.name), None)
    if path is None:
        pytest.skip("the corpus is not available")
    transcript = read(path)
    first = transcript.blocks[0].pieces[0]
    assert [(w.text, w.start, w.end) for w in first.words[:3]] == [
        ("good", 0.0, 4.16),
        ("evening", 4.16, 4.64),
        ("from", 4.64, 4.799),
    ]
    again = parse(write(transcript, "vtt"), format="vtt")
    assert again.blocks[0].pieces == transcript.blocks[0].pieces
