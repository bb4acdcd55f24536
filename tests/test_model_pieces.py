"""Time-aligned pieces and words in the model: dict form, schema, every structured format."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from transcripts import parse, write
from transcripts.errors import TranscriptError
from transcripts.model import Block, Kind, Piece, Speaker, Transcript, Word


def timed_document() -> Transcript:
    words = (Word("Hello", 0.5, 0.9, 0.98), Word("there.", 0.9, 1.4), Word("um"))
    pieces = [Piece("Hello there.\num", 0.5, 1.6, words), Piece("Yes.", 2.0, 2.5)]
    block = Block(Kind.TURN, "Hello there. um Yes.", 1, 2, "Ana", start=0.5, end=2.5)
    block.pieces = pieces
    return Transcript(blocks=[block], speakers=[Speaker("Ana")])


@pytest.mark.parametrize("fmt", ["json", "yaml", "jsonl"])
def test_pieces_and_words_survive_every_structured_format(fmt):
    document = timed_document()
    back = parse(write(document, fmt), format=fmt)
    assert back.blocks == document.blocks


def test_the_dict_form_names_each_field_and_leaves_out_what_is_unknown():
    piece = timed_document().blocks[0].to_dict()["pieces"][0]
    assert piece["text"] == "Hello there.\num" and (piece["start"], piece["end"]) == (0.5, 1.6)
    assert piece["words"][0] == {"text": "Hello", "start": 0.5, "end": 0.9, "confidence": 0.98}
    assert piece["words"][2] == {"text": "um"}


def test_a_document_with_pieces_matches_the_schema():
    schema = json.loads(resources.files("transcripts").joinpath("schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(json.loads(write(timed_document(), "json")))


def test_blocks_without_pieces_have_no_pieces_field():
    assert "pieces" not in parse("Ana: hi\n").blocks[0].to_dict()


@pytest.mark.parametrize(
    ("pieces", "message"),
    [
        ("x", "blocks[0].pieces: expected a list"),
        ([{"text": 1}], "blocks[0].pieces[0].text: expected a string"),
        ([{"text": "a", "start": 2, "end": 1}], "blocks[0].pieces[0].end: 1 is before its start"),
        ([{"text": "a", "start": -1}], "blocks[0].pieces[0].start: expected a non-negative"),
        ([{"text": "a", "words": [{"start": 1}]}], "pieces[0].words[0].text: expected a string"),
        ([{"text": "a", "words": [{"text": "a", "confidence": "high"}]}], "confidence"),
    ],
)
def test_bad_pieces_are_refused_with_the_field_named(pieces, message):
    data = {"blocks": [{"kind": "turn", "speaker": "A", "text": "a", "pieces": pieces}]}
    with pytest.raises(TranscriptError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Transcript.from_dict(data)
