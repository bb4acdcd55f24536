"""What a text file may hold (`strings.writable`): a NUL from a JSON or YAML string
(`"\\u0000"`) is left out of every conversion to a text format and reported, so the
file written is read back, never refused as binary."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transcripts import convert, parse, write
from transcripts.formats import FORMATS, get_format
from transcripts.io import decode
from transcripts.losses import Losses
from transcripts.model import Block, Kind, Piece, Speaker, Transcript
from transcripts.writers.strings import UNWRITABLE, writable

# Every writer of text that a reader of this project reads back.
TEXT_WRITERS = sorted(
    name
    for name, format in FORMATS.items()
    if format.writer and format.reader and not format.binary
)

_SAID = st.lists(
    st.sampled_from(["word", " ", "\x00", "\x01", "\t", "é", "\n", "Ana:"]), min_size=1, max_size=8
).map("".join)


def _document(texts: list[str], speaker: str) -> Transcript:
    blocks = []
    for number, text in enumerate(texts):
        start = float(number)
        blocks.append(
            Block(
                Kind.TURN,
                text,
                line=number + 1,
                end_line=number + 1,
                speaker=speaker,
                start=start,
                end=start + 1,
                pieces=[Piece(text, start, start + 1)],
            )
        )
    return Transcript(source="in.json", speakers=[Speaker(speaker)], blocks=blocks)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    texts=st.lists(
        # words besides the NULs: a text of NULs alone is written as an empty one
        _SAID.filter(lambda text: bool(text.replace("\x00", "").strip())),
        min_size=1,
        max_size=3,
    ),
    speaker=st.sampled_from(["Ana", "A\x00na"]),
)
@pytest.mark.parametrize("format_name", TEXT_WRITERS)
def test_a_conversion_to_text_leaves_out_a_nul_and_says_so_and_its_file_reads_back(
    format_name, texts, speaker
):
    format = get_format(format_name)
    conversion = convert(_document(texts, speaker), format_name)
    written = conversion.output
    assert isinstance(written, str)
    assert UNWRITABLE not in written
    source = decode(written.encode("utf-8"), f"out.{format_name}")  # not refused as binary
    format.read(source)
    left_out = "NUL" in conversion.lost
    if format_name in (
        "json",
        "jsonl",
        "yaml",
        "podcast",
        "eaf",
    ):  # JSON and YAML escape it; XML has its own rule (`xmlsafe.xml_text`)
        assert not left_out
    elif "\x00" in "".join(texts) + speaker:
        assert left_out


def test_writable_gives_text_without_a_nul_back_as_it_is():
    text = "nothing to leave out"
    assert writable(text, None) is text


def test_writable_counts_each_nul_it_leaves_out():
    losses = Losses()
    assert writable("a\x00b\x00", losses) == "ab"
    assert losses.phrases() == ["2 NUL characters (a file holding one is read as binary)"]


def test_converting_to_vtt_as_a_stream_leaves_out_a_nul_and_says_so(runner, tmp_path):
    from transcripts.cli import cli

    source = tmp_path / "in.json"
    source.write_text(json.dumps(_document(["hi \x00there"], "Ana").to_dict()), encoding="utf-8")
    output = tmp_path / "out.vtt"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "1 NUL character (a file holding one is read as binary)" in result.stderr
    assert "hi there" in output.read_text(encoding="utf-8")


def test_text_parsed_from_a_string_holding_a_nul_is_still_written_back_byte_for_byte():
    # `write` renders what the document holds; only a conversion's output is a file.
    text = "Ana: a\x00b\n"
    assert write(parse(text), "text") == text


# ELAN names a speaker once (its tier); Word names one on each of its turns.
@pytest.mark.parametrize(("format_name", "count"), [("eaf", 3), ("docx", 4)])
def test_xml_writers_say_how_many_characters_xml_cannot_hold_they_replaced(format_name, count):
    if format_name == "docx":
        pytest.importorskip("docx")
    document = _document(["a\x01b", "c\x00d"], "An\x02a")  # two turns, a name of one
    conversion = convert(document, format_name)
    replaced = "characters XML cannot hold (control characters, written as U+FFFD)"
    assert [p for p in conversion.lost.split("; ") if "XML" in p] == [f"{count} {replaced}"]
    assert "NUL" not in conversion.lost  # the NUL is one of them, not said twice
    if isinstance(conversion.output, str):  # (Word's is a zip file)
        assert "\x01" not in conversion.output and "\ufffd" in conversion.output


@pytest.mark.parametrize("format_name", ["vtt", "srt"])
def test_a_line_of_nuls_in_a_cue_neither_ends_the_cue_nor_goes_unsaid(format_name):
    # Left out, the NUL would leave a blank line, which ends a cue in every caption
    # format: the text after it was read back as a malformed cue (found by the test above).
    conversion = convert(_document(["word\n\x00\nmore"], "Ana"), format_name)
    assert isinstance(conversion.output, str)
    back = get_format(format_name).read(decode(conversion.output.encode(), f"x.{format_name}"))
    (block,) = back.blocks
    assert block.speaker == "Ana" and block.text.split() == ["word", "more"]
    assert "1 NUL character" in conversion.lost
