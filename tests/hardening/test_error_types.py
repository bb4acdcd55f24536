"""One error type: whatever a file holds, reading it, linting it, counting it and writing
it in every format either works or raises `TranscriptError` naming the file, and a
failed conversion leaves nothing behind.

The documents are each format's own examples (the fixtures, and the sample written by
every writer), mutated where they are structured: a value replaced by a huge integer,
NaN, a negative or enormous time, a string of control characters, a wrong type; digits
in text formats replaced by hundreds of digits; hostile characters inserted; the text
cut short.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
import os
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import transcripts
from transcripts import formats
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.model import Block, Kind, Transcript
from transcripts.timing import estimate_timing

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = [
    *sorted((ROOT / "tests" / "readers" / "stt_fixtures").iterdir()),
    *sorted((ROOT / "tests" / "readers" / "format_fixtures").iterdir()),
    ROOT / "samples" / "qa-interview.txt",
]
WRITERS = [name for name, fmt in formats.FORMATS.items() if fmt.writer]


@cache
def seeds() -> list[tuple[str, str]]:
    """(file name, text) of every fixture and of the sample in every writable format."""
    found = [(path.name, path.read_text(encoding="utf-8")) for path in FIXTURES]
    sample = transcripts.read(ROOT / "samples" / "qa-interview.txt")
    estimate_timing(sample, 150)
    for name in WRITERS:
        fmt = formats.get_format(name)
        if fmt.reader is None or fmt.binary:
            continue
        written = fmt.write(sample)
        found.append((f"sample{fmt.extensions[0]}", written))
    return found


HOSTILE_VALUES = st.one_of(
    st.sampled_from(
        [None, True, [], {}, [1, 2], {"a": 1}, 0, -1, -0.5, 1e300, 10**30, 10**400, "12"]
    ),
    st.sampled_from(["1.5s", "PT1S", "99:99:99", "00:00:01.000", "", " ", "\x1b[2J", "\u202e"]),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.text(max_size=8),
)
HOSTILE_TEXT = st.sampled_from(
    ["9" * 400, "1" * 25, "-1", "\x00", "\x1b]0;x\x07", "\u202e", "\n\n", " --> ", "<", "&#0;"]
)


def _places(data: Any, path: tuple = ()) -> list[tuple]:
    """Every place in JSON data a value sits (lists: their first items)."""
    places = [path] if path else []
    if isinstance(data, dict):
        for key, value in data.items():
            places += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data[:6]):
            places += _places(value, (*path, index))
    return places


@st.composite
def hostile_documents(draw: st.DrawFn) -> tuple[str, bytes]:
    name, text = draw(st.sampled_from(seeds()))
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if data is not None and isinstance(data, (dict, list)):
        places = _places(data)
        for _ in range(draw(st.integers(1, 4))):
            if not places:
                break
            *where, last = draw(st.sampled_from(places))
            target = data
            try:
                for key in where:
                    target = target[key]
                # a copy: the sampled `{}` placed twice would nest in itself
                target[last] = copy.deepcopy(draw(HOSTILE_VALUES))
            except (KeyError, IndexError, TypeError):
                pass
        return name, json.dumps(data, ensure_ascii=draw(st.booleans())).encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["digits", "insert", "cut"]))
        if action == "digits":
            end = at
            while end < len(text) and text[end].isdigit():
                end += 1
            text = text[:at] + draw(HOSTILE_TEXT) + text[end:]
        elif action == "insert":
            text = text[:at] + draw(HOSTILE_TEXT) + text[at:]
        else:
            text = text[: max(at, 1)]
    return name, text.encode("utf-8")


def _everything(document: Transcript) -> None:
    """Lint, count and write a document in every format: any error is ours."""
    assert isinstance(transcripts.lint(document), list)
    assert transcripts.stats(document, single_process=True).to_dict()
    for name in WRITERS:
        with contextlib.suppress(TranscriptError):
            formats.get_format(name).write(document)


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_documents())
def test_every_reader_and_writer_lint_and_stats_raise_only_transcript_errors(document):
    name, data = document
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            read = transcripts.read(path)
        except TranscriptError as error:
            assert error.path == str(path), error
            return
        _everything(read)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_documents(), st.sampled_from(["json", "vtt", "text", "yaml", "docx", "eaf"]))
def test_a_conversion_leaves_its_output_or_nothing(document, to_format):
    name, data = document
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        out = Path(folder) / "out"
        result = CliRunner().invoke(cli, ["convert", str(path), "-t", to_format, "-o", str(out)])
        assert result.exit_code in (0, 2), result.output
        left = sorted(os.listdir(folder))
        if result.exit_code == 2:
            assert result.stderr.count("\n") == 1 and "internal error" not in result.stderr
            assert left == [name], left
        else:
            assert left == sorted([name, "out"]), left


# Regressions: each an input that gave "internal error" (or a traceback).

CASES = {
    "hour of 400 digits.srt": "1\n" + "9" * 400 + ":00:00,000 --> 00:00:01,000\nAna: hi\n",
    "5000-digit line.json": '{"blocks": [{"kind": "turn", "speaker": "A", "text": "x", "line": '
    + "9" * 5000
    + "}]}",
    "300-digit start.json": '{"blocks": [{"kind": "turn", "speaker": "A", "text": "x", "start": '
    + "9" * 300
    + "}]}",
    "lone surrogate.json": '{"blocks": [{"kind": "turn", "speaker": "A\\udc00", "text": "x"}]}',
    "surrogate in jsonl.jsonl": '{"schema_version": 1}\n{"kind": "turn", "speaker": "\\ud800", '
    '"text": "x"}\n',
    "non-text codec.json": '{"layout": {"encoding": "rot13"}, "blocks": []}',
    "dict as kind.json": '{"blocks": [{"kind": {"a": 1}, "text": "x"}]}',
    "a day that is not.yaml": "blocks: []\nmetadata: {date: 2001-02-30}\n",
    "integer of 5000 digits.yaml": "blocks: []\nmetadata: {n: " + "9" * 5000 + "}\n",
    "alias in block text.yaml": "x: &x "
    + "y" * 100_000
    + "\nblocks:\n"
    + "- {kind: turn, speaker: A, text: *x}\n" * 100,
    "self-containing alias.yaml": "blocks: &b [*b]\n",
    "infinite time.TextGrid": 'File type = "ooTextFile"\nObject class = "TextGrid"\n\nxmin = 0\n'
    "xmax = 1e999\ntiers? <exists>\nsize = 1e999\n",
    "frames of many digits.ttml": '<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
    '<p begin="00:00:01:' + "9" * 5000 + '" end="00:00:02:00">Hi</p></div></body></tt>',
    "bullet of many digits.cha": "@Begin\n@Participants:\tCHI Eve\n*CHI:\thi . \x15"
    + "9" * 400
    + "_1\x15\n@End\n",
    "hour of 400 digits.ass": "[Script Info]\n[Events]\nDialogue: 0,"
    + "9" * 400
    + ":00:00.00,0:00:01.00,Default,Ana,0,0,0,,hi\n",
    "infinite sync.trs": '<Trans><Episode><Section type="report" startTime="0" endTime="1">'
    '<Turn startTime="0" endTime="1"><Sync time="1e999"/>hi</Turn></Section></Episode></Trans>',
    "timeline of many digits.tei": '<TEI><text><timeline><when xml:id="a" interval="'
    + "9" * 5000
    + '" since="#o"/><when xml:id="o"/></timeline><body><u who="#x" start="#a" end="1e999">'
    "hi</u></body></text></TEI>",
    "negative milliseconds.eaf": '<ANNOTATION_DOCUMENT><TIME_ORDER><TIME_SLOT TIME_SLOT_ID="t1" '
    'TIME_VALUE="-5"/></TIME_ORDER></ANNOTATION_DOCUMENT>',
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("command", [["lint"], ["stats"], ["parse"], ["convert", "-t", "vtt"]])
def test_what_was_an_internal_error_is_one_line_naming_the_file(runner, tmp_path, name, command):
    path = tmp_path / name
    path.write_text(CASES[name], encoding="utf-8", errors="surrogatepass")
    result = runner.invoke(cli, [*command, str(path)])
    assert "internal error" not in result.stderr and "Traceback" not in result.output
    if result.exit_code == 2:
        lines = [line for line in result.stderr.splitlines() if line.startswith("transcripts:")]
        assert len(lines) == 1 and str(path) in lines[0], result.stderr


def test_a_json_line_holding_a_line_separator_is_one_record(tmp_path):
    path = tmp_path / "doc.jsonl"
    path.write_text(
        '{"schema_version": 1}\n{"kind": "turn", "speaker": "A", "text": "one\u2028two"}\n',
        encoding="utf-8",
    )
    (block,) = transcripts.read(path).blocks
    assert block.text == "one\u2028two"


def test_writing_a_lone_surrogate_from_the_library_is_a_transcript_error():
    document = Transcript(blocks=[Block(Kind.TURN, "hi \ud800", 1, 1, "Ana")])
    with pytest.raises(TranscriptError, match="lone surrogate"):
        transcripts.write(document, "jsonl")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("in.json", '{"metadata": {"rate": 1e999, "low": -Infinity}, "blocks": []}'),
        ("in.jsonl", '{"metadata": {"rate": 1e999}}\n{"kind": "prose", "text": "x"}\n'),
        ("in.yaml", "metadata: {rate: .inf, low: -.inf}\nblocks: []\n"),
    ],
)
@pytest.mark.parametrize("to_format", ["json", "jsonl", "yaml"])
def test_an_infinite_number_in_metadata_is_written_as_null(tmp_path, name, text, to_format):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(path), "-t", to_format])
    assert result.exit_code == 0, result.output  # was an internal error writing JSON
    if to_format == "jsonl":
        header = json.loads(result.stdout.splitlines()[0])
    elif to_format == "json":
        header = json.loads(result.stdout)
    else:
        header = yaml.safe_load(result.stdout)
    assert header["metadata"]["rate"] is None


HUGE_HEX = "0x" + "f" * 4000  # YAML reads it; in decimal it is beyond Python's digit limit


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("in.yaml", f"metadata: {{n: {HUGE_HEX}}}\nblocks: []\n"),
        ("in.yaml", "metadata: {n: 0o" + "7" * 5000 + "}\nblocks: []\n"),
        ("in.md", f"---\ntitle: x\nn: {HUGE_HEX}\n---\nAna: hi\nBen: yes\n"),
    ],
)
def test_an_integer_too_long_to_write_in_metadata_is_one_line_naming_the_file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["convert", str(path), "-t", "json"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"transcripts: {path}: metadata holds an integer of more than "
        f"{sys.get_int_max_str_digits()} digits, which no output can write\n"
    )
