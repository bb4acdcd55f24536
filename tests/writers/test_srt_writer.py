"""The SubRip writer: the `srt` library reads what we write; our reader reads it back."""

from __future__ import annotations

import datetime

import pytest
import srt
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
from transcripts.timing import estimate_timing
from transcripts.writers import srt as srt_writer


def test_srt_library_reads_numbers_times_and_speaker_prefixes():
    transcript = interview()
    subtitles = list(srt.parse(write(transcript, "srt")))
    assert [s.index for s in subtitles] == list(range(1, len(subtitles) + 1))
    assert subtitles[0].start == datetime.timedelta(0)
    assert subtitles[-1].end == datetime.timedelta(seconds=40)
    assert subtitles[1].content.startswith("Ana & Bo: Q&A time")
    # The name opens the first cue of a turn only (the podcast SRT convention).
    assert sum(s.content.startswith("Dr. Jha:") for s in subtitles) == 1
    assert all(len(line) <= 32 for s in subtitles for line in s.content.split("\n")[1:])
    assert all(len(s.content.split("\n")) <= 2 for s in subtitles)


def test_what_srt_cannot_hold_is_counted():
    transcript = parse("Ana: hello there\n\nsomething else\n\nBen: hi\n")
    estimate_timing(transcript, 150)
    losses = Losses()
    srt_writer.write(transcript, WriteOptions(losses=losses))
    assert "the note that the times are estimates" in losses.summary()


def test_untimed_text_is_refused():
    with pytest.raises(TranscriptError, match="srt needs them; add --estimate-timing WPM"):
        write(parse("Ana: hello\n\nBen: hi\n\nAna: bye\n"), "srt")


@pytest.mark.parametrize("path", real_timed_files(), ids=lambda p: p.name)
def test_real_caption_files_survive_a_trip_through_our_srt(path):
    transcript = read_real(path)
    output = write(transcript, "srt")
    assert len(list(srt.parse(output))) >= len(transcript.blocks)
    assert close(spoken(read_as("srt", output)), spoken(transcript))


# Names our SRT reader takes for names (no "&"); text without a speaker only first.
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(timed_transcripts())
def test_any_timed_transcript_round_trips_through_srt(transcript):
    output = write(transcript, "srt")
    assert close(spoken(read_as("srt", output)), spoken(transcript))
    assert len(list(srt.parse(output))) >= len(transcript.blocks)
