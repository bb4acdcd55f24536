"""The ASS writer: what it writes reads back into the same turns, pysubs2 reads it as
written, and we read what pysubs2 writes; what ASS cannot hold is said."""

from __future__ import annotations

import pytest

from tests.readers.test_ass import AEGISUB
from transcripts import convert, read
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import get_format
from transcripts.io import SourceText
from transcripts.losses import Losses
from transcripts.model import Block, Kind, Piece, Transcript
from transcripts.options import ReadOptions, WriteOptions
from transcripts.timing import estimate_timing

SRT = """1
00:00:01,000 --> 00:00:03,500
ANA: Where were you born,
and when?

2
00:00:03,500 --> 00:00:05,000
Take your time.

3
00:00:05,200 --> 00:00:09,000
BEN: In Lagos, in 1961.

4
00:00:09,000 --> 00:00:10,000
[laughter]

5
00:00:10,000 --> 00:00:12,340
BEN: It was a big city even then.
"""


def _write(transcript: Transcript, losses: Losses | None = None) -> str:
    written = get_format("ass").write(transcript, WriteOptions(losses=losses))
    assert isinstance(written, str)
    return written


def _read_back(written: str) -> Transcript:
    return get_format("ass").read(SourceText(written, "back.ass"))


def _turns(transcript: Transcript) -> list[tuple]:
    return [
        (b.kind, b.speaker, b.text, b.start, b.end, [(p.text, p.start, p.end) for p in b.pieces])
        for b in transcript.blocks
    ]


def test_captions_written_as_ass_read_back_into_the_same_turns():
    transcript = get_format("srt").read(SourceText(SRT, "tape.srt"))
    written = _write(transcript)
    assert "Dialogue: 0,0:00:01.00,0:00:03.50,Default,ANA,0,0,0,,Where were you born,\\Nand" in (
        written
    )
    assert _turns(_read_back(written)) == _turns(transcript)


def test_an_aegisub_script_written_again_reads_back_the_same():
    transcript = get_format("ass").read(SourceText(AEGISUB, "tape3.ass"))
    again = _read_back(_write(transcript))
    assert _turns(again) == _turns(transcript)
    assert again.metadata == transcript.metadata  # the title kept
    assert "\xa0" in again.blocks[-1].pieces[0].text  # `\h` written as `\h`


def test_convert_from_srt_to_ass_on_the_command_line(runner, tmp_path):
    source = tmp_path / "tape.srt"
    source.write_text(SRT, encoding="utf-8")
    result = runner.invoke(
        cli, ["convert", str(source), "-t", "ass", "-o", str(tmp_path / "t.ass")]
    )
    assert result.exit_code == 0, result.output
    assert _turns(read(tmp_path / "t.ass")) == _turns(read(source))


def test_what_ass_cannot_hold_is_said():
    pieces = [Piece("a {brace} and C:\\new\\Nope", 0.0, 1.0015)]
    transcript = Transcript(
        blocks=[
            Block(
                Kind.TURN, pieces[0].text, 1, 1, "Ruiz, Ana", start=0.0, end=1.0015, pieces=pieces
            ),
            Block(Kind.PROSE, "A note.", 2, 2),
        ],
        metadata={"title": "T", "tape": 3},
    )
    losses = Losses()
    written = _write(transcript, losses)
    assert ",Ruiz; Ana," in written
    assert "a \uff5bbrace\uff5d and C:\uff3cnew\uff3cNope" in written
    assert losses.phrases() == [
        "1 prose block",
        "1 metadata field (tape)",
        "the milliseconds of 1 time (ASS counts hundredths)",
        "the commas of 1 speaker name (written ;)",
        "4 markup characters in text (braces, \\ before N, n, h: written full-width)",
    ]
    (block,) = _read_back(written).blocks
    assert block.text == "a \uff5bbrace\uff5d and C:\uff3cnew\uff3cNope"  # nothing read as markup


def test_estimated_times_are_said_in_a_comment_that_reads_back_as_the_mark():
    transcript = read_text("Ana: Hello there, how are you?\n\nBen: Fine, thanks.\n")
    estimate_timing(transcript, 150)
    again = _read_back(_write(transcript))
    assert again.metadata["timing"] == {"estimated": True, "words_per_minute": 150}


def read_text(text: str) -> Transcript:
    return get_format("text").read(SourceText(text, "t.txt"))


def test_an_untimed_transcript_is_refused_with_the_hint():
    with pytest.raises(TranscriptError, match="--estimate-timing"):
        convert(read_text("Ana: Hello.\n\nBen: Hi.\n"), "ass")


# Peers: pysubs2 (a bench peer) reads what we write, and we read what it writes.


def test_pysubs2_reads_what_we_write():
    pysubs2 = pytest.importorskip("pysubs2")
    transcript = get_format("srt").read(SourceText(SRT, "tape.srt"))
    subs = pysubs2.SSAFile.from_string(_write(transcript))
    assert [(e.type, e.start, e.end, e.name, e.plaintext) for e in subs] == [
        ("Dialogue", 1000, 3500, "ANA", "Where were you born,\nand when?"),
        ("Dialogue", 3500, 5000, "ANA", "Take your time."),
        ("Dialogue", 5200, 9000, "BEN", "In Lagos, in 1961."),
        ("Dialogue", 9000, 10000, "", "[laughter]"),
        ("Dialogue", 10000, 12340, "BEN", "It was a big city even then."),
    ]


@pytest.mark.parametrize("format_", ["ass", "ssa"])
def test_we_read_what_pysubs2_writes(format_):
    pysubs2 = pytest.importorskip("pysubs2")
    subs = pysubs2.SSAFile()
    subs.info["Title"] = "Tape 3"
    for start, end, name, text in [
        (1000, 3500, "Ana Ruiz", "{\\b1}Where{\\b0} were you born,\\Nand when?"),
        (3500, 5000, "Ana Ruiz", "Take your time."),
        (5200, 9000, "Ben Okafor", "In Lagos, in 1961."),
    ]:
        subs.append(pysubs2.SSAEvent(start=start, end=end, name=name, text=text))
    subs.append(pysubs2.SSAEvent(start=9000, end=9500, name="Ana Ruiz", text="x", type="Comment"))
    written = subs.to_string(format_)
    losses = Losses()
    transcript = get_format("ass").read(
        SourceText(written, f"p.{format_}"), ReadOptions(losses=losses)
    )
    assert [(b.speaker, b.text, b.start, b.end) for b in transcript.blocks] == [
        ("Ana Ruiz", "Where were you born, and when? Take your time.", 1.0, 5.0),
        ("Ben Okafor", "In Lagos, in 1961.", 5.2, 9.0),
    ]
    assert transcript.metadata["title"] == "Tape 3"
    assert "1 Comment event (lines switched off, not speech)" in losses.phrases()
