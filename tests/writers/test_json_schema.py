"""JSON and YAML written from every reader's documents match the shipped JSON Schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from tests.conftest import SEED, corpus_files
from transcripts import read, write
from transcripts.timing import estimate_timing


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(resources.files("transcripts").joinpath("schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(
    "path", corpus_files(".vtt", ".srt", ".json", ".cha"), ids=lambda path: path.name
)
def test_documents_from_captions_podcasts_and_chat_match_the_schema(validator, path):
    transcript = read(path)
    validator.validate(json.loads(write(transcript, "json")))
    validator.validate(yaml.safe_load(write(transcript, "yaml")))


def test_estimated_times_and_their_mark_match_the_schema(validator):
    transcript = read(SEED)
    estimate_timing(transcript, 150)
    data = json.loads(write(transcript, "json"))
    validator.validate(data)
    assert data["metadata"]["timing"]["blocks"] == len(
        [b for b in data["blocks"] if b["kind"] in ("turn", "unattributed", "stage_direction")]
    )
