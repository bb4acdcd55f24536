"""Hostile and broken input, pipelines and signals: never a traceback, never lost data."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.readers.test_text_roundtrip import transcript_like_text
from transcripts import formats
from transcripts.cli import cli
from transcripts.errors import TranscriptError
from transcripts.io import SourceText, decode, open_output
from transcripts.model import Transcript

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "transcripts", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        **kwargs,
    )


def _big_transcript(path: Path, turns: int) -> Path:
    lines = [
        f"Speaker {i % 3}: This is turn number {i}, and it says something." for i in range(turns)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# Inputs every command must survive: a correct result or one line, exit 2.
HOSTILE = {
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "nul-in-text": b"Ana: hello\x00 there\nBen: hi\n",
    "latin-1-as-utf-8": "Ana: café crème\nBen: très bien\n".encode("latin-1"),
    "utf-16-with-bom": "Ana: hola\nBen: adiós\n".encode("utf-16"),
    "crlf": b"Ana: hi\r\nBen: hello\r\nAna: bye\r\n",
    "cr-only": b"Ana: hi\rBen: hello\rAna: bye\r",
    "truncated-utf-8": "Ana: naïve".encode()[:-1],
}


COMMANDS = {
    "parse": ["parse"],
    "convert": ["convert", "-t", "json"],
    "lint": ["lint", "--format", "json"],
    "stats": ["stats", "--format", "json"],
}


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_hostile_input_gives_a_result_or_one_line_and_exit_2(runner, tmp_path, name, command):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(HOSTILE[name])
    before = path.read_bytes()
    result = runner.invoke(cli, [*COMMANDS[command], str(path)])
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 2:
        assert result.stdout in ("", "[]\n")  # lint's JSON report of no findings
        assert result.stderr.count("\n") == 1 and str(path) in result.stderr
    else:
        assert result.stdout.startswith(("{", "["))
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


def test_a_single_ten_megabyte_line_parses(runner, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Ana: " + "word " * 2_000_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(cli, ["parse", "-t", "jsonl", str(path)])
    assert result.exit_code == 0
    assert time.perf_counter() - started < 30  # a hang guard, not a benchmark
    assert result.stdout.count("\n") == 2


def test_three_hundred_thousand_turns_parse(tmp_path):
    path = _big_transcript(tmp_path / "many.txt", 300_000)
    process = _run("parse", "-t", "jsonl", str(path), "-o", str(tmp_path / "out.jsonl"))
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 300_001


def test_closed_pipe_ends_quietly(tmp_path):
    path = _big_transcript(tmp_path / "big.txt", 50_000)
    process = _run("parse", "-t", "jsonl", str(path))
    assert process.stdout.readline()
    process.stdout.close()  # what `| head -1` does
    process.wait(timeout=60)
    assert process.returncode == 141
    assert process.stderr.read() == b""


def test_ctrl_c_exits_130_without_a_traceback_or_an_output_file(tmp_path):
    read_end, write_end = os.pipe()  # standard input that never ends: the command waits on it
    out = tmp_path / "out.json"
    process = _run("parse", "-", "-o", str(out), stdin=read_end)
    os.close(read_end)
    os.write(write_end, b"Ana: hi\n")
    time.sleep(1.0)  # let it start and block on reading
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    os.close(write_end)
    assert process.returncode == 130
    assert b"Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_write_leaves_neither_output_nor_temporary_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("the old content")
    with pytest.raises(KeyboardInterrupt), open_output(str(target)) as sink:
        sink.write("half of the new")
        raise KeyboardInterrupt
    assert target.read_text() == "the old content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


READERS = [name for name, fmt in formats.FORMATS.items() if fmt.reader]


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=st.sampled_from(READERS), text=st.text(max_size=400))
def test_lint_and_stats_never_raise_on_a_document_any_reader_returns(name, text):
    document = _read_or_refuse(name, SourceText(text=text, path="x"))
    if document is not None:
        _lint_and_count(document)


def _lint_and_count(document: Transcript) -> None:
    import transcripts

    assert isinstance(transcripts.lint(document), list)
    assert transcripts.stats(document).totals is not None


def _read_or_refuse(name: str, source: SourceText | bytes) -> Transcript | None:
    """What a reader makes of any input: a document, or None for its own input error;
    anything else (another exception, another type) fails the test."""
    try:
        if isinstance(source, bytes):
            source = decode(source, "x")
        result = formats.get_format(name).read(source)
    except TranscriptError:
        return None
    assert isinstance(result, Transcript)
    return result


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=st.sampled_from(READERS), text=st.text(max_size=300))
def test_every_reader_returns_a_document_or_raises_its_input_error_on_any_text(name, text):
    _read_or_refuse(name, SourceText(text=text, path="x"))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(name=st.sampled_from(READERS), data=st.binary(max_size=300))
def test_every_reader_returns_a_document_or_raises_its_input_error_on_any_bytes(name, data):
    _read_or_refuse(name, data)


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=transcript_like_text())
def test_lint_and_stats_never_raise_on_transcript_like_text(text):
    document = _read_or_refuse("text", SourceText(text=text, path="x"))
    if document is not None:
        _lint_and_count(document)


# Broken structured input, and bad requests: every command, the same one-line answer.
def _alias_bomb() -> str:
    levels = "".join(f"{b}: &{b} [*{a}, *{a}]\n" for a, b in itertools.pairwise("abcdefghijklmno"))
    return "a: &a [x, x]\n" + levels + "metadata: {bomb: *o}\nblocks: []\n"


BROKEN_DOCUMENTS = {
    "truncated.json": '{"schema_version": 1, "blocks": [{"kind": "turn"',
    "deep.json": "[" * 100_000 + "]" * 100_000,
    "wrong-shape.json": '{"blocks": [{"kind": "turn", "speaker": 7, "text": "hi"}]}',
    "no-blocks.json": '{"schema_version": 1, "speakers": []}',
    "python-tag.yaml": "!!python/object/apply:os.system ['echo pwned']\n",
    "alias-bomb.yaml": _alias_bomb(),
    "broken.yaml": "blocks: [\n  - kind: turn\n  speaker: [\n",
}


@pytest.mark.parametrize("name", list(BROKEN_DOCUMENTS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_broken_documents_give_one_line_and_exit_2(runner, tmp_path, name, command):
    path = tmp_path / name
    path.write_text(BROKEN_DOCUMENTS[name], encoding="utf-8")
    before = path.read_bytes()
    started = time.perf_counter()
    result = runner.invoke(cli, [*COMMANDS[command], str(path)])
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"transcripts: {path}: ")
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_bad_requests_give_one_line_and_exit_2(runner, tmp_path, seed, command):
    text = tmp_path / "a.txt"
    text.write_bytes(seed.read_bytes())
    args = COMMANDS[command]
    cases = {
        "missing file": ([*args, str(tmp_path / "nope.txt")], "no such file"),
        "unknown format": ([*args, "-f", "odt", str(text)], "unknown format 'odt'"),
        "unwritable output": (
            [*args, str(text), "-o", str(tmp_path / "no" / "out")],
            "directory does not exist",
        ),
        "output names the input": ([*args, str(text), "-o", str(text)], "is also an input"),
    }
    for case, (argv, message) in cases.items():
        result = runner.invoke(cli, argv)
        assert result.exit_code == 2, (case, result.output)
        assert result.stderr.count("\n") == 1 and message in result.stderr, (case, result.stderr)
        assert "Traceback" not in result.output
    assert text.read_bytes() == seed.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
