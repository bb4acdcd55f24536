"""The dict form: versioned, validated against the shipped JSON Schema, strict on input."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml

import transcripts
from tests.conftest import SAMPLES, corpus_files
from transcripts.errors import TranscriptError
from transcripts.model import Block, Kind, Speaker, Transcript


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("transcripts").joinpath("schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    "path", [*sorted(SAMPLES.glob("*.txt")), *corpus_files()], ids=lambda p: p.name
)
def test_json_and_yaml_output_match_the_shipped_schema(validator, path):
    transcript = transcripts.read(path, "text")
    validator.validate(json.loads(transcripts.write(transcript, "json")))
    validator.validate(yaml.safe_load(transcripts.write(transcript, "yaml")))


def test_a_document_without_raw_text_also_matches_the_schema(validator):
    transcript = Transcript(
        blocks=[Block(Kind.TURN, "hi", 1, 1, speaker="Ana", start=0.5, end=1.25)],
        speakers=[Speaker("Ana")],
    )
    validator.validate(transcript.to_dict())


def test_from_dict_round_trips_to_dict():
    transcript = transcripts.read(SAMPLES / "lukashenko-interview.txt")
    data = transcript.to_dict()
    assert Transcript.from_dict(data).to_dict() == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a transcript object at the top level, found a list"),
        ({}, "missing 'blocks'"),
        ({"blocks": {}}, "blocks: expected a list, found an object"),
        ({"blocks": [{"kind": "song", "text": ""}]}, "blocks[0].kind: expected one of"),
        ({"blocks": [{"kind": "turn", "text": "x"}]}, "blocks[0].speaker: a turn needs a speaker"),
        (
            {"blocks": [{"kind": "prose", "text": 3}]},
            "blocks[0].text: expected a string, found a number",
        ),
        (
            {"blocks": [{"kind": "prose", "text": "", "line": 5, "end_line": 2}]},
            "end_line: 2 is before line 5",
        ),
        (
            {"blocks": [{"kind": "prose", "text": "", "start": -1}]},
            "start: expected a non-negative",
        ),
        (
            {"blocks": [], "speakers": [{"name": 7}]},
            "speakers[0].name: expected a non-empty string",
        ),
        ({"blocks": [], "schema_version": 99}, "newer than this tool reads"),
    ],
)
def test_from_dict_names_the_bad_field(data, message):
    with pytest.raises(TranscriptError) as error:
        Transcript.from_dict(data)
    assert message in str(error.value)


def test_speakers_used_by_turns_but_not_listed_join_the_roster():
    transcript = Transcript.from_dict(
        {"blocks": [{"kind": "turn", "speaker": "Ana", "text": "hi", "line": 1, "end_line": 1}]}
    )
    assert transcript.speaker_names() == ["Ana"]
