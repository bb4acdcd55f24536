"""The Podcasting 2.0 JSON reader: word segments merged into turns, shape errors by line."""

from __future__ import annotations

import json

import pytest

from tests.conftest import corpus_file
from tests.readers.captions_helpers import read_as, turns
from transcripts.errors import TranscriptError
from transcripts.formats import guess_format


def _doc(*segments) -> str:
    return json.dumps({"version": "1.0.0", "segments": list(segments)}, indent=2)


def test_word_segments_of_one_speaker_merge_into_a_turn_with_its_times():
    text = _doc(
        {"speaker": "Darth Vader", "startTime": 0.5, "endTime": 0.75, "body": "I"},
        {"speaker": "Darth Vader", "startTime": 1, "endTime": 1.25, "body": "am"},
        {"speaker": "Darth Vader", "startTime": 2.25, "endTime": 2.5, "body": "father.\n"},
        {"speaker": "Luke", "startTime": 2.75, "endTime": 3.0, "body": "Nooooo"},
    )
    transcript = read_as("podcast", text)
    assert turns(transcript) == [("Darth Vader", "I am father."), ("Luke", "Nooooo")]
    assert [(b.start, b.end) for b in transcript.blocks] == [(0.5, 2.5), (2.75, 3.0)]
    assert transcript.blocks[0].line == 4  # the first segment's opening brace


def test_segments_without_speakers_or_end_times_are_read():
    text = _doc({"startTime": 1, "body": "hello"}, {"startTime": "2.5", "body": "world"})
    transcript = read_as("podcast", text)
    assert turns(transcript) == [(None, "hello world")]
    assert (transcript.blocks[0].start, transcript.blocks[0].end) == (1, 2.5)


@pytest.mark.parametrize(
    ("segments", "message"),
    [
        ([{"startTime": 1, "body": "a"}, {"startTime": "soon", "body": "b"}], "segments[1]"),
        ([{"startTime": 1, "body": "a"}, {"startTime": 2, "body": 7}], "segments[1].body"),
        ([{"body": "a"}], "segments[0].startTime: missing"),
        ([{"startTime": 3, "endTime": 1, "body": "a"}], "segments[0].endTime: 1 is before"),
        ([{"startTime": 1, "body": "a", "speaker": 4}], "segments[0].speaker"),
        (["a"], "segments[0]: expected a segment object"),
    ],
    ids=["bad-start", "body-not-text", "no-start", "end-before-start", "bad-speaker", "string"],
)
def test_segments_of_the_wrong_shape_are_errors_naming_the_line(segments, message):
    with pytest.raises(TranscriptError) as error:
        read_as("podcast", _doc(*segments))
    assert message in str(error.value)
    assert str(error.value).startswith("x: line ")


def test_the_line_of_a_bad_segment_is_its_own():
    text = '{"version": "1.0.0", "segments": [\n{"startTime": 1, "body": "a"},\n{"body": 5}]}'
    with pytest.raises(TranscriptError, match=r"line 3: segments\[1\]\.body"):
        read_as("podcast", text)


@pytest.mark.parametrize("text", ['{"segments": 3}', "[1, 2]", '{"version": "1.0.0"}'])
def test_json_that_is_not_a_podcast_transcript_is_refused(text):
    with pytest.raises(TranscriptError, match=r"not a Podcasting 2\.0 transcript"):
        read_as("podcast", text)


def test_a_json_file_is_told_apart_from_our_own_json_by_its_content():
    podcast = _doc({"startTime": 1, "body": "a"})
    assert guess_format("episode.json", podcast).name == "podcast"
    ours = '{\n  "schema_version": 1,\n  "metadata": {},\n  "speakers": [],\n  "blocks": []\n}'
    assert guess_format("interview.json", ours).name == "json"
    assert guess_format("-", podcast).name == "podcast"  # standard input: sniffed


def test_the_podcast_index_example_is_two_turns():
    path = corpus_file("podcast20-json-podcastindex-example.json")
    transcript = read_as("podcast", path.read_text(encoding="utf-8"))
    assert turns(transcript) == [("Darth Vader", "I am your father."), ("Luke", "Nooooo")]
    assert [(b.start, b.end) for b in transcript.blocks] == [(0.5, 2.5), (2.75, 3.0)]
