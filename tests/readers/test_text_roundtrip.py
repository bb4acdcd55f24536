"""Lossless: every line lands in one block, and text -> dict -> text gives the same bytes."""

from __future__ import annotations

import itertools
import json

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SAMPLES, corpus_files
from transcripts.api import parse, write
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.formats import guess_format
from transcripts.io import SourceText
from transcripts.model import Transcript
from transcripts.readers.text import read as read_text

_LINE_PIECES = st.sampled_from(
    [
        "Alice: hello there.",
        "BOB: Yes.",
        "**Carol:** fine",
        "Q: why?",
        "A.",
        "(LAUGHTER)",
        "[crosstalk]",
        "#tag #other",
        "Title: With a Colon",
        "---",
        "title: x",
        "   ",
        "\xa0",
        "Note: something",
        "12:30 we met",
        "Speaker 1: hi",
        "plain words here",
        "\f",
        "\u2028",
        # The conventions of court, congressional, broadcast and export transcripts.
        "Q. Where were you",
        "A.",
        "Q\xa0\xa0 You have gifts.",
        "BY MS. MURRAY:",
        "LE ZHOU,",
        "having been duly sworn, testified as follows:",
        "  Mr. SMITH of New Jersey. Mr. Speaker,",
        "    The Chairman. Order.",
        "  The SPEAKER pro tempore (Mr. Mica). The House",
        "[[Page H6117]]",
        "{time}  1117",
        ">> WOLF BLITZER, CNN ANCHOR: Good evening",
        ">> and the vote",
        "[00:15] Ana: hi",
        "Chris Wallace (00:00:11):",
        "Jane Doe  0:34",
        "Speaker4:hi",
        " 1   the text of a numbered line",
        "12",
        "                          Alderson Reporting Company",
        "\fOfficial - Subject to Final Review",
        "O5S1GUO1 Le Zhou - Direct",
        "<html><pre>",
        "</pre></html>",
        "Q&amp;A <a href=x>link</a>",
        "**Break:** \\[24:27\\]",
    ]
)
_ENDINGS = st.sampled_from(["\n", "\r\n", "\r", ""])


@st.composite
def transcript_like_text(draw) -> str:
    """Text made of transcript-ish lines with mixed line endings."""
    pieces = draw(st.lists(st.tuples(_LINE_PIECES | st.text(max_size=30), _ENDINGS), max_size=25))
    return "".join(line + ending for line, ending in pieces)


def _round_trip_via_json(text: str) -> str:
    transcript = parse(text)
    data = json.loads(write(transcript, "json"))
    return write(Transcript.from_dict(data), "text")


def _round_trip_via_yaml(text: str) -> str:
    transcript = parse(text)
    data = yaml.safe_load(write(transcript, "yaml"))
    return write(Transcript.from_dict(data), "text")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text() | transcript_like_text())
def test_text_round_trip_through_json_is_exact_for_any_text(text):
    if not text.strip():
        with pytest.raises(TranscriptError):
            parse(text)
        return
    assert _round_trip_via_json(text) == text


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text() | transcript_like_text())
def test_text_round_trip_through_yaml_is_exact_for_any_text(text):
    if text.strip():
        assert _round_trip_via_yaml(text) == text


@given(st.text() | transcript_like_text())
def test_every_line_lands_in_exactly_one_block(text):
    if not text.strip():
        return
    transcript = parse(text)
    lines_in_blocks = []
    for block in transcript.blocks:
        assert 1 <= block.line <= block.end_line
        lines_in_blocks.append((block.line, block.end_line))
    for (_, end), (start, _) in itertools.pairwise(lines_in_blocks):
        assert end < start


def test_bom_and_encoding_are_restored():
    source = SourceText(
        text="Ana: hola\r\nBen: adiós", path="x.txt", encoding="utf-16-le", bom=True
    )
    transcript = read_text(source)
    data = json.loads(write(transcript, "json"))
    restored = Transcript.from_dict(data)
    assert restored.layout.encoding == "utf-16-le" and restored.layout.bom
    assert write(restored, "text") == "\ufeffAna: hola\r\nBen: adiós"


def test_missing_final_newline_is_kept():
    assert _round_trip_via_json("Ana: hi\nBen: bye") == "Ana: hi\nBen: bye"


def test_leading_blank_lines_are_kept():
    assert _round_trip_via_json("\n \n\nAna: hi\n") == "\n \n\nAna: hi\n"


@pytest.mark.parametrize(
    "path",
    [*corpus_files(), *sorted(SAMPLES.glob("*.txt"))],
    ids=lambda path: path.name,
)
def test_round_trip_is_exact_on_real_files(path):
    text = path.read_bytes().decode("utf-8")
    assert _round_trip_via_json(text) == text
    assert _round_trip_via_yaml(text) == text


def _text_read_files() -> list:
    """Every sample and corpus file the text reader reads (by extension: text or Markdown)."""
    paths = [*sorted(SAMPLES.glob("*")), *corpus_files()]
    return [p for p in paths if guess_format(str(p)).reader_module().read is read_text]


def _convert(tmp_path, source, to: str, name: str):
    target = tmp_path / name
    result = CliRunner().invoke(cli, ["convert", str(source), "-t", to, "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    # nothing lost between text, json and yaml (the reader may warn about the speakers)
    assert all(": warning: " in line for line in result.stderr.splitlines())
    return target


@pytest.mark.parametrize("path", _text_read_files(), ids=lambda path: path.name)
def test_files_round_trip_through_json_and_yaml_files_byte_for_byte(tmp_path, path):
    as_json = _convert(tmp_path, path, "json", "a.json")
    as_yaml = _convert(tmp_path, path, "yaml", "a.yaml")
    assert _convert(tmp_path, as_json, "text", "b.txt").read_bytes() == path.read_bytes()
    assert _convert(tmp_path, as_yaml, "text", "c.txt").read_bytes() == path.read_bytes()
    json_again = _convert(tmp_path, _convert(tmp_path, as_json, "yaml", "d.yaml"), "json", "e.json")
    assert json_again.read_bytes() == as_json.read_bytes()
