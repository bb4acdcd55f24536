"""The CSV writer: one row per block under a fixed header, read back by the csv module."""

from __future__ import annotations

import csv
import io

from tests.conftest import SEED, corpus_file
from transcripts import read, write
from transcripts.losses import Losses
from transcripts.options import WriteOptions
from transcripts.writers import csv as csv_writer


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_every_block_is_a_row_with_kind_speaker_line_and_text():
    transcript = read(SEED)
    output = write(transcript, "csv")
    assert output.splitlines()[0] == "kind,speaker,label,line,end_line,start,end,text"
    rows = _rows(output)
    assert len(rows) == len(transcript.blocks)
    turn = next(row for row in rows if row["kind"] == "turn")
    assert turn["speaker"] == "Interviewer" and turn["start"] == "" and int(turn["line"]) > 0
    block = next(b for b in transcript.blocks if b.kind == "turn")
    assert turn["text"] == block.text


def test_times_are_written_when_known_and_paragraphs_stay_in_their_cell():
    path = corpus_file("captions-ableplayer-uw-itaccess-en.vtt")
    rows = _rows(write(read(path), "csv"))
    assert (rows[0]["speaker"], rows[0]["start"], rows[0]["end"]) == (
        "Michael Young",
        "0.599",
        "29.1",
    )
    transcript = read(SEED)
    multi = [b for b in transcript.blocks if "\n\n" in b.text]
    if multi:
        texts = [row["text"] for row in _rows(write(transcript, "csv"))]
        assert multi[0].text in texts


def test_metadata_cue_and_word_times_are_reported_lost():
    transcript = read(
        corpus_file("captions-youtube-autocaption-debate-2020-first-presidential.vtt")
    )
    losses = Losses()
    csv_writer.write(transcript, WriteOptions(losses=losses))
    assert losses.summary() == (
        "2 metadata fields (kind, language); the times of 2,714 cues or segments; "
        "the times of 19,025 words"
    )
