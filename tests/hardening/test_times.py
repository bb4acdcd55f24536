"""Times at the edges: whatever time a reader accepts, the caption writers write and
their readers read back; a time no format could hold is one line naming its file."""

from __future__ import annotations

import json

import pytest

from transcripts.cli import cli
from transcripts.timecode import MAX_SECONDS


def _timed_document(path, end: float) -> None:
    block = {"kind": "turn", "speaker": "Ana", "label": "Ana", "text": "late", "line": 1}
    block |= {"end_line": 1, "start": end - 1, "end": end}
    speakers = [{"name": "Ana", "aliases": [], "inferred": False}]
    document = {"schema_version": 1, "source": "x", "speakers": speakers, "blocks": [block]}
    path.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize("format_name", ["srt", "vtt"])
def test_the_latest_time_read_is_written_as_a_clock_its_reader_reads_back(
    runner, tmp_path, format_name
):
    source = tmp_path / "in.json"
    _timed_document(source, MAX_SECONDS)
    captions = tmp_path / f"out.{format_name}"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(captions)])
    assert result.exit_code == 0, result.output
    assert "99999999:59:58.999 --> 99999999:59:59.999" in captions.read_text().replace(",", ".")
    back = runner.invoke(cli, ["convert", str(captions), "-t", "json"])
    assert back.exit_code == 0, back.output
    assert json.loads(back.stdout)["blocks"][0]["end"] == MAX_SECONDS


def test_a_time_past_what_a_clock_of_eight_hour_digits_holds_is_one_line(runner, tmp_path):
    source = tmp_path / "in.json"
    _timed_document(source, 999_999_999_999.0)  # 277777777:46:39, nine digits of hours
    result = runner.invoke(cli, ["convert", str(source), "-t", "srt"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"{source}:" in result.stderr


CHAT = "@UTF8\n@Begin\n@Participants:\tAL Al Participant\n*AL:\thello . \x15{bullet}\x15\n@End\n"


@pytest.mark.parametrize(
    ("bullet", "message"),
    [
        ("5000_1000", "line 4: the media bullet ends (1000 ms) before it starts (5000 ms)"),
        ("1000_999999999999999", "line 4: the media bullet's times must be at most"),
    ],
)
def test_a_chat_bullet_no_caption_could_hold_is_one_line_naming_its_line(
    runner, tmp_path, bullet, message
):
    source = tmp_path / "in.cha"
    source.write_text(CHAT.format(bullet=bullet), encoding="utf-8")
    output = tmp_path / "out.srt"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(output)])
    assert result.exit_code == 2
    assert result.stderr == f"transcripts: {source}: {message}" + result.stderr.split(message)[1]
    assert result.stderr.count("\n") == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.cha"]


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".yaml"])
def test_a_block_that_ends_before_it_starts_is_one_line_naming_the_field(runner, tmp_path, suffix):
    block = {"kind": "turn", "speaker": "Bo", "text": "two", "line": 1, "start": 1.5, "end": 0.5}
    header = {"schema_version": 1, "speakers": []}
    source = tmp_path / f"in{suffix}"
    if suffix == ".jsonl":
        source.write_text(f"{json.dumps(header)}\n{json.dumps(block)}\n", encoding="utf-8")
    else:  # JSON is YAML too
        source.write_text(json.dumps({**header, "blocks": [block]}), encoding="utf-8")
    for target in ("cha", "json"):  # CHAT wrote it as a bullet its reader refuses
        result = runner.invoke(cli, ["convert", str(source), "-t", target])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1
        assert f"{source}: " in result.stderr
        assert "blocks[0].end: 0.5 is before its start 1.5" in result.stderr


def test_the_latest_clock_a_caption_holds_goes_through_json_and_back(runner, tmp_path):
    captions = tmp_path / "late.srt"
    captions.write_text("1\n99999999:59:59,000 --> 99999999:59:59,999\nAna: late\n", "utf-8")
    document = tmp_path / "late.json"
    assert runner.invoke(cli, ["convert", str(captions), "-o", str(document)]).exit_code == 0
    back = runner.invoke(cli, ["convert", str(document), "-t", "srt"])
    assert back.exit_code == 0, back.output
    assert "99999999:59:59,000 --> 99999999:59:59,999" in back.stdout
