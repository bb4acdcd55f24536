"""Hostile content in a document (arrows and timings in what was said, blank lines in a
cue, line breaks in a name) leaves every writer's output a file of its format: read
back, it holds the cues and speakers that were written, nothing more."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcripts import write
from transcripts.cli import cli
from transcripts.formats import get_format
from transcripts.io import SourceText
from transcripts.model import Block, Kind, Piece, Speaker, Transcript
from transcripts.timecode import parse_clock


def _document(path, blocks: list[dict]) -> None:
    names = dict.fromkeys(b["speaker"] for b in blocks if b.get("speaker"))
    speakers = [{"name": name, "aliases": [], "inferred": False} for name in names]
    for number, block in enumerate(blocks, start=1):
        block.setdefault("line", number)
        block.setdefault("end_line", number)
    document = {"schema_version": 1, "source": "x", "speakers": speakers, "blocks": blocks}
    path.write_text(json.dumps(document), encoding="utf-8")


def _read_back(runner, path, format_name: str) -> dict:
    result = runner.invoke(cli, ["convert", "-f", format_name, str(path), "-t", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _turn(speaker: str, text: str, start: float, *, piece: bool = False) -> dict:
    block = {"kind": "turn", "speaker": speaker, "label": speaker, "text": text}
    block |= {"start": start, "end": start + 1}
    if piece:  # as read from captions: the cue it was made of, line breaks and all
        block["pieces"] = [{"start": start, "end": start + 1, "text": text}]
    return block


FAKE_CUE = "2\n00:00:09,000 --> 00:00:10,000\nfake"


def test_an_srt_cue_saying_an_arrow_or_a_timing_is_one_cue_and_the_arrow_is_noted(runner, tmp_path):
    source = tmp_path / "in.json"
    _document(
        source,
        [
            _turn("A --> B", "first", 1.0),
            _turn("Bo", f"it went a --> b\n{FAKE_CUE}", 2.0, piece=True),
            _turn("Cy", f"and {FAKE_CUE} again", 3.0),
        ],
    )
    output = tmp_path / "out.srt"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "arrows (-->) in cue text, written ->" in result.stderr
    written = output.read_text(encoding="utf-8")
    timings = [line for line in written.splitlines() if "-->" in line]
    assert timings == [
        "00:00:01,000 --> 00:00:02,000",
        "00:00:02,000 --> 00:00:03,000",
        "00:00:03,000 --> 00:00:04,000",
    ]
    back = _read_back(runner, output, "srt")
    said = " ".join(block["text"] for block in back["blocks"])
    assert "fake" in said and "00:00:09,000 -> 00:00:10,000" in said


@pytest.mark.parametrize("format_name", ["srt", "vtt"])
def test_a_cue_with_blank_lines_in_its_text_stays_one_cue(runner, tmp_path, format_name):
    source = tmp_path / "in.json"
    _document(
        source,
        [
            _turn("Al", f"one\n\n \n{FAKE_CUE}", 1.0, piece=True),
            _turn("Bo", "two\n\t\nthree", 2.0, piece=True),
        ],
    )
    output = tmp_path / f"out.{format_name}"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    back = _read_back(runner, output, format_name)
    turns = [(block["speaker"], block["start"]) for block in back["blocks"]]
    assert turns == [("Al", 1.0), ("Bo", 2.0)]
    assert back["blocks"][1]["text"] == "two three"


NAME = "Ana\n\nRuiz\r\nJr"


@pytest.mark.parametrize("format_name", ["vtt", "srt", "text", "markdown", "docx"])
def test_a_speaker_name_with_line_breaks_is_written_on_one_line(runner, tmp_path, format_name):
    pytest.importorskip("docx") if format_name == "docx" else None
    source = tmp_path / "in.json"
    _document(source, [_turn(NAME, "hello there", 1.0), _turn("Bo", "hi", 2.0)])
    output = tmp_path / f"out.{get_format(format_name).extensions[0].lstrip('.')}"
    result = runner.invoke(cli, ["convert", str(source), "-t", format_name, "-o", str(output)])
    assert result.exit_code == 0, result.output
    back = _read_back(runner, output, format_name)
    said = " ".join(f"{block.get('speaker')}: {block['text']}" for block in back["blocks"])
    assert "Ana Ruiz Jr" in said  # the name read back, or its label in the text


# What was said, from the pieces of captions and of their syntax.
_SAID = st.lists(
    st.sampled_from(
        ["word", " ", "\n", "\n\n", " \n", "-->", "1", "00:00:01,000", "00:00:01.000", "<v X>"]
    ),
    min_size=1,
    max_size=12,
).map("".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(texts=st.lists(_SAID, min_size=1, max_size=5), pieces=st.booleans())
@pytest.mark.parametrize("format_name", ["srt", "vtt"])
def test_every_cue_written_is_read_back_as_one_cue_at_its_times(format_name, texts, pieces):
    # (each cue's words differ from the others': one speaker's same words in cues one
    # after another are a rolling caption's repeats, which the readers join on purpose)
    blocks = []
    for number, said in enumerate(texts):
        if not said.strip():
            continue
        text = f"{said} {number}"
        start = float(number)
        cue = [Piece(text, start, start + 1)] if pieces else None
        speaker = "Ana" if number % 2 else "Bo"
        blocks.append(
            Block(
                Kind.TURN,
                text,
                number + 1,
                number + 1,
                speaker=speaker,
                start=start,
                end=start + 1,
                pieces=cue,
            )
        )
    if not blocks:
        return
    transcript = Transcript(blocks=blocks, speakers=[Speaker("Ana"), Speaker("Bo")])
    written = write(transcript, format_name)
    timings = [line for line in written.splitlines() if "-->" in line]
    assert all(_TIMING.fullmatch(line) for line in timings), timings
    back = get_format(format_name).read(SourceText(text=written, path="x"))
    starts = [piece.start for block in back.blocks for piece in block.pieces or [block]]
    assert starts == [parse_clock(line.split(" --> ")[0]) for line in timings]


_TIMING = re.compile(r"\d\d:\d\d:\d\d[.,]\d{3} --> \d\d:\d\d:\d\d[.,]\d{3}")


def test_a_chat_speaker_named_with_a_comma_stays_one_participant(runner, tmp_path):
    source = tmp_path / "in.json"
    _document(source, [_turn("Ruiz, Ana", "Hello .", 1.0), _turn("Bo", "Hi .", 2.0)])
    output = tmp_path / "out.cha"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "the commas of 1 speaker name (@Participants separates by them)" in result.stderr
    back = _read_back(runner, output, "cha")
    # was: a speaker "Ruiz", and one called "Participant" with the alias "_Ana"
    assert [speaker["name"] for speaker in back["speakers"]] == ["Ruiz Ana", "Bo"]
    assert [block["speaker"] for block in back["blocks"]] == ["Ruiz Ana", "Bo"]
