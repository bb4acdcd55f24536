"""A file named `.txt` holding captions or a speech-to-text service's JSON is read as what
it holds; a transcript is still read as text, however it opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transcripts.cli import cli
from transcripts.formats import guess_format

STT = Path(__file__).parent / "readers" / "stt_fixtures"

SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nAna: Hello there.\n\n"
    "2\n00:00:03,500 --> 00:00:05,000\nBen: Hi.\n"
)
VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ana>Hello there.\n"


@pytest.mark.parametrize(("text", "expected"), [(SRT, "srt"), (VTT, "vtt")])
def test_captions_saved_as_txt_are_read_as_captions(text, expected):
    assert guess_format("subtitles.txt", text).name == expected


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [("aws-transcribe.json", "aws-transcribe"), ("whisper-cpp.json", "whisper-cpp")],
)
def test_a_services_json_saved_as_txt_is_read_as_that_service(fixture, expected):
    text = (STT / fixture).read_text(encoding="utf-8")
    assert guess_format("transcript.txt", text).name == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ana: hi\nBen: hello\n",
        "[00:00:01] Ana: hi\n[00:00:04] Ben: hello\n",  # opens like JSON, is not
        "0:00:01.200 --> 0:00:03.400 [SPEAKER_00] hello\n",  # a diarised span, no cue
        '{"note": "any JSON data"}\n',  # no service's schema: text as written
        "WEBVTT is the caption format we discuss below.\n\nAna: Right.\n",
    ],
    ids=["labels", "bracketed times", "diarised spans", "other JSON", "prose about WEBVTT"],
)
def test_a_transcript_named_txt_stays_text(text):
    assert guess_format("interview.txt", text).name == "text"


def test_parse_reads_subrip_in_a_txt_file_with_its_cue_times(tmp_path):
    path = tmp_path / "captions.txt"
    path.write_text(SRT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(path), "-t", "jsonl"])
    assert result.exit_code == 0, result.output
    assert '"start":1.0' in result.output and "-->" not in result.output
