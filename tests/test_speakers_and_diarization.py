"""--speaker-map renames speakers in any format; --diarization gives a timed transcript
the speakers of an RTTM diarisation by overlap; RTTM read on its own gives talk time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from transcripts import read
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.speakermap import parse_speaker_map

STT = Path(__file__).parent / "readers" / "stt_fixtures"

RTTM = (
    ";; pyannote output\n"
    "SPEAKER interview 1 0.000 0.950 <NA> <NA> SPEAKER_00 <NA> <NA>\n"
    "SPEAKER interview 1 1.000 1.600 <NA> <NA> SPEAKER_01 <NA> <NA>\n"
    "SPEAKER interview 1 2.600 0.500 <NA> <NA> SPEAKER_00 <NA> <NA>\n"
)


@pytest.fixture
def rttm(tmp_path) -> Path:
    path = tmp_path / "interview.rttm"
    path.write_text(RTTM)
    return path


def test_speaker_map_names_machine_labels_and_keeps_them_as_aliases():
    transcript = read(STT / "aws-transcribe.json", speaker_map=["spk_0=Ana Ruiz"])
    assert [b.speaker for b in transcript.blocks] == ["Ana Ruiz", "spk_1"]
    assert transcript.speakers[0].name == "Ana Ruiz"
    assert transcript.speakers[0].aliases == ("spk_0",)


def test_two_labels_mapped_to_one_name_are_one_speaker_and_one_turn():
    transcript = read(STT / "aws-transcribe.json", speaker_map={"spk_0": "Ana", "spk_1": "Ana"})
    assert [b.speaker for b in transcript.blocks] == ["Ana"]
    assert transcript.blocks[0].text == "Hello, Ana. Hi Ben."
    assert transcript.speakers[0].aliases == ("spk_0", "spk_1")


@pytest.mark.parametrize(
    ("name", "text", "mapping", "speakers"),
    [
        (
            "a.txt",
            "Ana: hi\n\nBen: yo\n\nAna: ok\n",
            ["Ana=Ana Ruiz"],
            ["Ana Ruiz", "Ben", "Ana Ruiz"],
        ),
        ("a.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi\n", ["A=Ana"], ["Ana"]),
        ("a.cha", "@Begin\n*CHI:\thi .\n@End\n", ["CHI=Eve"], ["Eve"]),
    ],
)
def test_the_map_works_for_every_format_through_the_command_line(
    runner, tmp_path, name, text, mapping, speakers
):
    path = tmp_path / name
    path.write_text(text)
    args = [arg for pair in mapping for arg in ("--speaker-map", pair)]
    result = runner.invoke(cli, ["parse", str(path), *args])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    turns = [b["speaker"] for b in data["blocks"] if b["kind"] == "turn"]
    assert turns == speakers


def test_the_map_can_be_set_in_the_configuration_file(runner, tmp_path):
    (tmp_path / ".transcripts.yaml").write_text("speaker-map:\n  spk_0: Ana Ruiz\n")
    path = tmp_path / "job.json"
    path.write_text((STT / "aws-transcribe.json").read_text())
    result = runner.invoke(cli, ["stats", "--format", "json", str(path)])
    assert result.exit_code == 0, result.stderr
    assert [s["speaker"] for s in json.loads(result.stdout)["speakers"]] == ["Ana Ruiz", "spk_1"]


@pytest.mark.parametrize("bad", ["spk_0", "=Ana", "spk_0="])
def test_a_malformed_map_item_is_a_clear_error(bad):
    with pytest.raises(TranscriptError, match="expected LABEL=NAME"):
        parse_speaker_map([bad])


def test_diarization_splits_segments_where_the_words_change_speaker(rttm):
    transcript = read(STT / "whisper-openai.json", diarization=str(rttm))
    assert [(b.speaker, b.text) for b in transcript.blocks] == [
        ("SPEAKER_00", "Hello"),
        ("SPEAKER_01", "there. How are you?"),
    ]
    first, second = transcript.blocks
    assert (first.start, first.end) == (0.0, 0.6)  # the segment's start, the word's end
    assert [p.text for p in second.pieces] == ["there.", "How are you?"]
    assert second.pieces[0].end == 1.5  # the segment's own end is kept


def test_diarization_then_the_map(runner, rttm):
    args = ["--diarization", str(rttm), "--speaker-map", "SPEAKER_00=Ana"]
    result = runner.invoke(cli, ["convert", str(STT / "whisper-openai.json"), "-t", "vtt", *args])
    assert result.exit_code == 0, result.stderr
    assert "<v Ana><00:00:00.120>Hello" in result.stdout and "<v SPEAKER_01>there." in result.stdout


def test_diarization_matches_caption_cues_without_words(tmp_path, rttm):
    path = tmp_path / "a.srt"
    path.write_text(
        "1\n00:00:00,000 --> 00:00:00,900\nHello\n\n2\n00:00:01,100 --> 00:00:02,400\nHi.\n"
    )
    transcript = read(path, diarization=str(rttm))
    assert [(b.speaker, b.text) for b in transcript.blocks] == [
        ("SPEAKER_00", "Hello"),
        ("SPEAKER_01", "Hi."),
    ]


def test_diarization_of_an_untimed_transcript_is_refused_in_one_line(runner, tmp_path, rttm):
    path = tmp_path / "a.txt"
    path.write_text("Ana: hi\n")
    result = runner.invoke(cli, ["convert", str(path), "-t", "text", "--diarization", str(rttm)])
    assert result.exit_code == 2
    assert "has no times to match the diarization against" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_bad_rttm_is_named_in_the_error(runner, tmp_path):
    bad = tmp_path / "bad.rttm"
    bad.write_text("SPEAKER x 1 zero 1.0 <NA> <NA> A <NA> <NA>\n")
    result = runner.invoke(
        cli, ["convert", str(STT / "whisper-openai.json"), "-t", "text", "--diarization", str(bad)]
    )
    assert result.exit_code == 2 and f"{bad}: line 1: onset and duration" in result.stderr


def test_an_rttm_read_on_its_own_gives_turns_and_talk_time(runner, rttm):
    transcript = read(rttm)
    assert [(b.speaker, b.start, b.end) for b in transcript.blocks] == [
        ("SPEAKER_00", 0.0, 0.95),
        ("SPEAKER_01", 1.0, 2.6),
        ("SPEAKER_00", 2.6, 3.1),
    ]
    result = runner.invoke(cli, ["stats", "--format", "json", str(rttm)])
    talk = {s["speaker"]: s["talk_seconds"] for s in json.loads(result.stdout)["speakers"]}
    assert talk == {"SPEAKER_00": 1.45, "SPEAKER_01": 1.6}
