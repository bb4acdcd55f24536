"""The JSON, JSON Lines and YAML writers encode blocks a batch at a time and the sink
writes a chunk at a time (both sized for the C allocator: `jsonenc.BATCH`, `yaml._BATCH`,
`io.Sink`); what reaches the file is the same whatever the sizes."""

from __future__ import annotations

import io

import pytest

from transcripts.io import Sink
from transcripts.model import Block, Kind, Transcript
from transcripts.writers import json as json_writer
from transcripts.writers import jsonenc, jsonl
from transcripts.writers import yaml as yaml_writer


def _document(count: int) -> Transcript:
    blocks = [
        Block(Kind.TURN, f"words {index} \u00e9\u4e2d", index + 1, index + 1, "Ana", "ANA")
        for index in range(count)
    ]
    return Transcript(blocks=blocks, source="talk.txt")


def _written(module, transcript: Transcript) -> bytes:
    buffer = io.BytesIO()
    sink = Sink(buffer)
    module.write_documents([(transcript, iter(transcript.blocks))], sink)
    sink.flush()
    return buffer.getvalue()


def _batches_of(size: int):
    return lambda blocks: jsonenc.batches(blocks, size)


@pytest.mark.parametrize("module", [jsonl, json_writer], ids=["jsonl", "json"])
@pytest.mark.parametrize("count", [0, 1, 300])
def test_what_is_written_is_the_same_whatever_the_batch_and_the_chunk(module, count, monkeypatch):
    transcript = _document(count)
    expected = module.write(transcript).encode("utf-8")  # (one string, no sink's chunks)
    for batch in (1, 7, 128, 1024):
        for chunk in (1, 1 << 10, 1 << 16, 1 << 20):
            monkeypatch.setattr(module, "batches", _batches_of(batch))
            monkeypatch.setattr(Sink, "_CHUNK", chunk)
            assert _written(module, transcript) == expected, (batch, chunk)


@pytest.mark.parametrize("count", [0, 1, 300])
def test_yaml_written_is_the_same_whatever_the_batch_and_the_chunk(count, monkeypatch):
    transcript = _document(count)
    expected = yaml_writer.write(transcript).encode("utf-8")
    for batch in (1, 7, 128, 2048):
        for chunk in (1, 1 << 10, 1 << 16):
            monkeypatch.setattr(yaml_writer, "_BATCH", batch)
            monkeypatch.setattr(Sink, "_CHUNK", chunk)
            assert _written(yaml_writer, transcript) == expected, (batch, chunk)
