"""The CSV reader: our own table read back, and other tools' tables by column name."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import transcripts
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import get_format
from transcripts.io import SourceText
from transcripts.model import Block, Kind, Speaker, Transcript
from transcripts.readers.csv import read_time

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _read(text: str) -> Transcript:
    return get_format("csv").read(SourceText(text=text, path="t.csv"))


def _content(transcript: Transcript) -> list[tuple[object, ...]]:
    return [(b.kind, b.speaker, b.label, b.text, b.start, b.end) for b in transcript.blocks]


@pytest.mark.parametrize("sample", ["qa-interview.txt", "lukashenko-interview.txt"])
def test_a_document_written_as_csv_reads_back_to_the_same_blocks(sample, tmp_path):
    original = transcripts.read(str(SAMPLES / sample))
    table = tmp_path / "t.csv"
    table.write_text(get_format("csv").write(original), encoding="utf-8")
    again = transcripts.read(str(table))
    assert _content(again) == _content(original)
    assert again.speaker_names() == original.speaker_names()


_KINDS = st.sampled_from(sorted({Kind.TURN, Kind.PROSE, Kind.HEADING, Kind.STAGE_DIRECTION}))
_TEXTS = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=30
).map(str.strip)
_TIMES = st.none() | st.integers(0, 10**6).map(lambda n: n / 1000)


@st.composite
def _documents(draw: st.DrawFn) -> Transcript:
    blocks = []
    for number in range(draw(st.integers(1, 6))):
        kind = draw(_KINDS)
        speaker = (
            draw(st.sampled_from(["Ana", "Ben Okafor", "Q, the host"]))
            if kind == Kind.TURN
            else None
        )
        start = draw(_TIMES)
        end = None if start is None else round(start + draw(st.integers(0, 5000)) / 1000, 6)
        text = draw(_TEXTS) or "x"
        blocks.append(
            Block(kind, text, number + 1, number + 1, speaker=speaker, start=start, end=end)
        )
    names = dict.fromkeys(b.speaker for b in blocks if b.speaker)
    return Transcript(blocks=blocks, speakers=[Speaker(n) for n in names])


@settings(max_examples=150, deadline=None)
@given(document=_documents())
def test_any_document_round_trips_through_csv(document):
    again = _read(get_format("csv").write(document))
    assert _content(again) == _content(document)


def test_another_tools_export_is_read_by_its_column_names():
    table = (
        "Start Time,End Time,Speaker Name,Transcript,Confidence\n"
        '00:00:01.500,00:00:04,Ana Ruiz,"Hi Ben, thanks for coming in.",0.9\n'
        "00:00:04,00:00:06,Ana Ruiz,Shall we start?,0.9\n"
        "00:00:06,00:00:09,Ben Cole,Sure.,0.8\n"
    )
    transcript = _read(table)
    turns = list(transcript.turns())
    assert [(t.speaker, t.text, t.start, t.end) for t in turns] == [
        ("Ana Ruiz", "Hi Ben, thanks for coming in. Shall we start?", 1.5, 6.0),
        ("Ben Cole", "Sure.", 6.0, 9.0),
    ]
    assert [(t.line, t.end_line) for t in turns] == [(2, 3), (4, 4)]
    assert transcript.speaker_names() == ["Ana Ruiz", "Ben Cole"]


def test_semicolons_decimal_commas_and_millisecond_columns_are_read():
    table = "speaker;start_ms;end (ms);text\nAna;1500;2250;Hola, ¿qué tal?\nBen;2250;3000;Bien.\n"
    assert [(t.speaker, t.start, t.end) for t in _read(table).turns()] == [
        ("Ana", 1.5, 2.25),
        ("Ben", 2.25, 3.0),
    ]
    assert read_time("12,5") == 12.5
    assert read_time("1:02:03,5") == 3723.5
    assert read_time("1500", milliseconds=True) == 1.5


def test_a_quoted_cell_with_line_breaks_is_one_piece_and_the_line_numbers_follow():
    transcript = _read('speaker,text\nAna,"one\ntwo"\nBen,three\n')
    assert [(t.text, t.line, t.end_line) for t in transcript.turns()] == [
        ("one two", 2, 3),  # a cell's lines are one piece's, joined as a cue's are
        ("three", 4, 4),
    ]


def test_rows_without_a_speaker_are_unattributed_text():
    transcript = _read("text\nA first line.\nA second line.\n")
    assert transcript.speakers == [] and all(b.speaker is None for b in transcript.blocks)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ("speaker,start,end,score\nAna,1,2,3\n", "row 1: no text column in the header"),
        ("", "is empty"),
        ("speaker,start,text\nAna,soon,hi\n", "row at line 2: 'soon' is not a time"),
        ("kind,speaker,label,text\nspeech,Ana,Ana,hi\n", "row at line 2: unknown kind 'speech'"),
        ('speaker,text\nAna,"unclosed\n', "not CSV"),
    ],
)
def test_a_table_that_cannot_be_read_is_one_line_naming_the_row(table, message):
    with pytest.raises(TranscriptError) as caught:
        _read(table)
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_stats_table_given_to_parse_is_exit_2_naming_the_file(runner, tmp_path):
    path = tmp_path / "stats.csv"
    path.write_text("speaker,turns,words\nAna,3,40\n")
    result = runner.invoke(cli, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"transcripts: {path}: row 1: no text column")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_stats_count_the_speakers_of_a_csv_export(runner, tmp_path):
    path = tmp_path / "call.csv"
    path.write_text("Speaker,Text\nAna,one two three\nBen,four\nAna,five six\n")
    result = runner.invoke(cli, ["stats", "--format", "json", str(path)])
    assert result.exit_code == 0, result.stderr
    assert '"speaker": "Ana"' in result.stdout.replace('":"', '": "')


def test_a_cell_longer_than_the_csv_modules_default_limit_is_read():
    speech = "word " * 60_000  # 300 KB, past the csv module's 128 KiB
    transcript = _read(f'speaker,text\nAna,"{speech}"\nBen,ok\n')
    assert [len(t.text) for t in transcript.turns()] == [len(speech.strip()), 2]
    assert csv.field_size_limit() == 131072  # put back after the read


def test_a_folder_walk_takes_a_csv_transcript_and_passes_over_a_table_of_figures(tmp_path):
    from transcripts.inputs import expand_inputs

    (tmp_path / "export.csv").write_text("Speaker,Text\nAna,hello there\nBen,hi\n")
    (tmp_path / "stats.csv").write_text("speaker,turns,words\nAna,3,40\n")
    (tmp_path / "broken.csv").write_text('speaker,"text\n')
    assert [os.path.basename(p) for p in expand_inputs([str(tmp_path)])] == ["export.csv"]


def test_a_csv_export_saved_as_txt_is_read_as_a_table(runner, tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(
        'speaker,start,end,text\nAna Ruiz,00:00:01,00:00:04,"Hi Ben, thanks for coming."\n'
        'Ben Cole,00:00:04,00:00:07,"Happy to be here."\n'
    )
    result = runner.invoke(cli, ["stats", "--format", "json", str(path)])
    assert result.exit_code == 0, result.stderr
    assert '"speaker": "Ana Ruiz"' in result.stdout.replace('":"', '": "')
    assert '"speaker": "Ben Cole"' in result.stdout.replace('":"', '": "')


@pytest.mark.parametrize(
    "text",
    [
        "Hello, and welcome to the show.\nAna: Thanks, Ben.\nBen: Good to have you.\n",
        "Speaker, text and notes\nAna: hi\nBen: hello\n",  # no second row of as many cells
        "Time\tSpeaker\tText\n00:00:01\tAna\thi\n",  # with tabs: the text reader's own
        "Ana: hi, Ben.\nBen: hello, Ana.\n",
    ],
)
def test_plain_text_with_commas_in_its_first_line_stays_text(text):
    from transcripts.formats import guess_format

    assert guess_format("talk.txt", text).name == "text"
