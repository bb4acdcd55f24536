"""The WebVTT writer: webvtt-py reads what we write; our reader reads it back the same."""

from __future__ import annotations

import html
import io

import pytest
import webvtt
from hypothesis import HealthCheck, given, settings

from tests.readers.captions_helpers import read_as
from tests.writers.timed_docs import (
    close,
    interview,
    read_real,
    real_timed_files,
    spoken,
    timed_transcripts,
)
from transcripts import parse, write
from transcripts.errors import TranscriptError
from transcripts.losses import Losses
from transcripts.options import WriteOptions
from transcripts.timecode import parse_clock as parse_timestamp
from transcripts.timing import estimate_timing
from transcripts.writers import vtt as vtt_writer


def _webvtt(text: str) -> list:
    return list(webvtt.from_buffer(io.StringIO(text)))


def test_webvtt_py_reads_speakers_times_and_text():
    transcript = interview()
    output = write(transcript, "vtt")
    captions = _webvtt(output)
    voices = [caption.voice for caption in captions]
    assert voices[0] is None and voices[1] == "Ana &amp; Bo" and voices[-1] == "Dr. Jha"
    assert captions[1].start == "00:00:02.000" and captions[-1].end == "00:00:40.000"
    assert html.unescape(captions[1].text) == "Q&A time: is 1 < 2 --> yes?"
    starts = [parse_timestamp(c.start) for c in captions]
    assert starts == sorted(starts)
    assert all(len(line) <= 42 for c in captions for line in c.text.split("\n"))


def test_escaped_text_reads_back_unchanged_and_prose_is_reported_lost():
    transcript = interview()
    losses = Losses()
    output = vtt_writer.write(transcript, WriteOptions(losses=losses))
    assert "-->" not in output.replace(" --> ", "")
    assert close(spoken(read_as("vtt", output)), spoken(transcript))
    assert (
        losses.summary()
        == "1 prose block; the times of 4 cues inside turns (shared out by characters)"
    )


def test_untimed_text_is_refused_unless_timing_is_estimated():
    transcript = parse("Ana: hello there\n\nBen: hi\n")
    with pytest.raises(TranscriptError, match="has no times, and vtt needs them"):
        write(transcript, "vtt")
    estimate_timing(transcript, 150)
    output = write(transcript, "vtt")
    assert (
        "NOTE\nTimes are estimates: transcripts estimated them at 150 words per minute." in output
    )
    back = read_as("vtt", output)
    assert back.metadata["timing"] == {"estimated": True, "words_per_minute": 150}
    assert [(b.speaker, b.start, b.end) for b in back.blocks] == [
        ("Ana", 0.0, 1.0),
        ("Ben", 1.0, 2.0),
    ]


@pytest.mark.parametrize("path", real_timed_files(), ids=lambda p: p.name)
def test_real_caption_files_survive_a_trip_through_our_vtt(path):
    transcript = read_real(path)
    output = write(transcript, "vtt")
    assert len(_webvtt(output)) >= len(transcript.blocks)
    assert close(spoken(read_as("vtt", output)), spoken(transcript))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(timed_transcripts())
def test_any_timed_transcript_round_trips_through_vtt(transcript):
    output = write(transcript, "vtt")
    assert close(spoken(read_as("vtt", output)), spoken(transcript))
    assert len(_webvtt(output)) >= len(transcript.blocks)
