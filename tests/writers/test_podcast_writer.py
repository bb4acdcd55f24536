"""The podcast JSON writer: valid per the Podcasting 2.0 transcript spec, read back the same."""

from __future__ import annotations

import json

import jsonschema
import pytest
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

# What the podcast namespace's transcript spec (docs/examples/transcripts/transcripts.md,
# "JSON") requires: a version and a list of segments, each with a start time and a body;
# speaker and end time where known. We always write the end time.
PODCAST_SCHEMA = {
    "type": "object",
    "required": ["version", "segments"],
    "properties": {
        "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"},
        "segments": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["startTime", "endTime", "body"],
                "additionalProperties": False,
                "properties": {
                    "speaker": {"type": "string", "minLength": 1},
                    "startTime": {"type": "number", "minimum": 0},
                    "endTime": {"type": "number", "minimum": 0},
                    "body": {"type": "string", "minLength": 1},
                },
            },
        },
    },
}


def _valid(output: str) -> dict:
    data = json.loads(output)
    jsonschema.validate(data, PODCAST_SCHEMA)
    for segment in data["segments"]:
        assert segment["startTime"] <= segment["endTime"]
    return data


def test_output_has_the_fields_the_spec_requires():
    data = _valid(write(interview(), "podcast"))
    assert data["version"] == "1.0.0"
    segments = data["segments"]
    assert "speaker" not in segments[0]  # text with no speaker names none
    assert segments[1]["speaker"] == "Ana & Bo"
    assert segments[-1]["speaker"] == "Dr. Jha" and segments[-1]["endTime"] == 40.0
    assert all(len(s["body"]) <= 84 for s in segments)


def test_untimed_text_is_refused():
    with pytest.raises(TranscriptError, match="podcast needs them"):
        write(parse("Ana: hello\n\nBen: hi\n\nAna: bye\n"), "podcast")


@pytest.mark.parametrize("path", real_timed_files(), ids=lambda p: p.name)
def test_real_caption_files_survive_a_trip_through_podcast_json(path):
    transcript = read_real(path)
    output = write(transcript, "podcast")
    _valid(output)
    assert close(spoken(read_as("podcast", output)), spoken(transcript))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(timed_transcripts())
def test_any_timed_transcript_round_trips_through_podcast_json(transcript):
    output = write(transcript, "podcast")
    _valid(output)
    assert close(spoken(read_as("podcast", output)), spoken(transcript))
