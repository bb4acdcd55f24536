"""Nothing from a file reaches a terminal or a CI log raw: names, text and paths are
shown escaped in every text output, and GitHub annotations stay one line each."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import re
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import transcripts.io
from transcripts.cli import cli
from transcripts.terminal import is_printable, json_escaped, printable, shown

HOSTILE_NAME = "Ana\x1b]0;owned\x07\x1b[2J\u202eevil\n::error file=x::injected\r\u2028\x85"
# What must never reach a terminal: an escape, a bell, a line break or carriage return,
# a bidirectional override, a line separator, a C1 control, a lone surrogate.
RAW = re.compile("[\x1b\x07\r\u202e\u2028\x85\ud800]")


def test_printable_escapes_what_acts_on_terminals_and_keeps_the_rest():
    assert (
        printable("Ana Ruiz\tSmith, café, 東京, naïve, 😀")
        == "Ana Ruiz\tSmith, café, 東京, naïve, 😀"
    )
    assert printable("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert printable("one\ntwo\rthree") == "one\\ntwo\\rthree"
    assert printable("\u202eevil\u2066") == "\\u202eevil\\u2066"
    assert printable("zero\u200bwidth\ufeff") == "zero\\u200bwidth\\ufeff"
    assert printable("\x7f\x85\x9b") == "\\x7f\\x85\\x9b"
    assert printable("\u2028\u2029\ud800\U000e0041") == "\\u2028\\u2029\\ud800\\U000e0041"
    assert printable("no\u00a0break") == "no\u00a0break"  # a visible space is no threat


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_printable_output_holds_nothing_unsafe_and_is_one_line(text):
    shown = printable(text)
    assert is_printable(shown)
    assert "\n" not in shown and "\r" not in shown
    shown.encode("utf-8")  # no lone surrogate left to fail on a terminal


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.text() | st.integers(), lambda inner: st.lists(inner, max_size=3)))
def test_json_escaping_keeps_the_data(data):
    text = json_escaped(json.dumps({"x": data}, ensure_ascii=False, indent=2))
    assert json.loads(text) == {"x": data}
    assert not RAW.search(text)


def _hostile_document(tmp_path):
    name = json.dumps(HOSTILE_NAME)
    path = tmp_path / "evil\x1b[31m.json"
    path.write_text(
        '{"schema_version": 1, "blocks": ['
        f'{{"kind": "turn", "speaker": {name}, "text": "Hello there, how are you?", "line": 1}},'
        '{"kind": "turn", "speaker": "Ben", "text": "Fine.", "line": 2},'
        f'{{"kind": "turn", "speaker": {name}, "text": "Hello there, how are you?", "line": 3}}'
        "]}",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["lint"],
        ["lint", "--format", "github"],
        ["lint", "--format", "json"],
        ["lint", "--format", "sarif"],
        ["lint", "--statistics"],
        ["stats"],
        ["stats", "--format", "markdown"],
        ["stats", "--format", "json"],
        ["stats", "--per-file"],
    ],
)
def test_text_outputs_show_a_hostile_name_and_path_escaped(runner, tmp_path, args):
    path = _hostile_document(tmp_path)
    result = runner.invoke(cli, [*args, str(path)])
    assert result.exit_code in (0, 1), result.output
    assert not RAW.search(result.stdout), result.stdout
    assert not RAW.search(result.stderr), result.stderr


def test_lint_text_shows_where_the_escapes_were(runner, tmp_path):
    result = runner.invoke(cli, ["lint", str(_hostile_document(tmp_path))])
    assert "evil\\x1b[31m.json:" in result.stdout
    assert "Ana\\x1b]0;owned\\x07\\x1b[2J\\u202eevil\\n::error" in result.stdout


def test_github_annotations_are_one_line_each_and_start_no_command(runner, tmp_path):
    result = runner.invoke(cli, ["lint", "--format", "github", str(_hostile_document(tmp_path))])
    lines = result.stdout.splitlines()
    assert lines and all(re.match(r"::(error|warning|notice) file=", line) for line in lines)
    findings = runner.invoke(cli, ["lint", "--format", "json", str(_hostile_document(tmp_path))])
    assert len(lines) == len(json.loads(findings.stdout))  # one line per finding, no more
    assert "evil\\x1b[31m.json,line=" in result.stdout  # the path, escaped


def test_an_error_message_shows_the_path_escaped(runner, tmp_path):
    missing = tmp_path / "no\x1b[2Jsuch\nfile.txt"
    result = runner.invoke(cli, ["stats", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and not RAW.search(result.stderr)
    assert "no\\x1b[2Jsuch\\nfile.txt: no such file" in result.stderr


def test_a_warning_about_a_folder_shows_its_name_escaped(runner, tmp_path):
    folder = tmp_path / "empty\x1b]2;x\x07"
    folder.mkdir()
    result = runner.invoke(cli, ["lint", str(folder)])
    assert not RAW.search(result.stderr) and "empty\\x1b]2;x\\x07" in result.stderr


def test_lint_notes_and_file_lists_show_names_escaped(runner, tmp_path):
    path = tmp_path / "evil\x1b[31m.json"
    path.write_text(
        '{"schema_version": 1, "blocks": ['
        '{"kind": "turn", "speaker": "Ana", "text": "Hello\\u00adthere.", "line": 1},'
        '{"kind": "turn", "speaker": "Ben", "text": "Fine.", "line": 2}]}',
        encoding="utf-8",
    )
    fixing = runner.invoke(cli, ["lint", "--fix", str(path)])
    assert "evil\\x1b[31m.json: 1 fixable finding left as they are" in fixing.stderr
    listing = runner.invoke(cli, ["lint", "--show-files", str(tmp_path)])
    assert listing.stdout == f"{tmp_path}/evil\\x1b[31m.json\n"
    for result in (fixing, listing):
        assert not RAW.search(result.stdout + result.stderr), result.output


# A document written to a terminal (parse, convert, lint --diff) is shown through
# `terminal.shown`: its lines kept, everything else `printable` escapes escaped. Written
# to a file, it keeps its bytes.
HOSTILE_TEXT = (
    "Ana: Hello \x1b]0;owned\x07\x1b[2J there &amp; more.\r\n"
    "Ben: Hi\rHIDDEN \u202e evil \x9b31m.\r\n"
)


class _Terminal(io.BytesIO):
    def isatty(self) -> bool:
        return True


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet="ab\r\n\t\x1b\x07\u202e\u00e9\U0001f600\x85", max_size=30),
    cuts=st.lists(st.integers(min_value=0, max_value=120), max_size=4),
)
def test_a_terminal_sink_shows_the_text_as_shown_shows_it_however_it_is_cut(text, cuts):
    data = text.encode("utf-8")
    stream = _Terminal()
    with patch.object(transcripts.io.Sink, "_CHUNK", 1):  # every write is flushed
        for sink in transcripts.io._write_to_stream(stream, "utf-8", "-"):
            for start, end in itertools.pairwise([0, *sorted(cuts), len(data)]):
                sink.write_bytes(data[start:end])  # cut inside characters and CRLFs
    assert stream.getvalue().decode("utf-8") == shown(text)


def test_shown_keeps_lines_and_tabs_and_escapes_the_rest():
    assert shown("a\tb\r\nc\nd") == "a\tb\r\nc\nd"
    assert shown("x\x1b[2Jy\rz\u202e\x85") == "x\\x1b[2Jy\\rz\\u202e\\u0085"


@pytest.mark.parametrize("args", [["parse"], ["parse", "-t", "jsonl"], ["convert", "-t", "json"]])
def test_json_written_to_a_terminal_stays_json_with_the_same_data(
    runner, tmp_path, monkeypatch, args
):
    path = tmp_path / "evil.txt"
    path.write_bytes("Ana: C1 \x85\x9b31m, DEL \x7f, \u202e and \U000e0041 here.\n".encode())
    piped = runner.invoke(cli, [*args, str(path)])
    monkeypatch.setattr(transcripts.io, "_is_terminal", lambda stream: True)
    on_terminal = runner.invoke(cli, [*args, str(path)])
    assert on_terminal.exit_code == piped.exit_code == 0, on_terminal.output
    assert not RAW.search(on_terminal.stdout)
    assert _json_values(on_terminal.stdout) == _json_values(piped.stdout)


def _json_values(text: str) -> list:
    """The JSON document, or each JSON line, that `text` holds."""
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.split("\n") if line]  # not at NEL


@pytest.mark.parametrize(
    "args",
    [
        ["parse"],
        ["parse", "-t", "yaml"],
        ["convert", "-t", "text"],
        ["convert", "-t", "markdown"],
        ["convert", "-t", "cha"],
        ["lint", "--diff"],
    ],
)
def test_a_document_written_to_a_terminal_is_shown_escaped_and_to_a_file_as_it_is(
    runner, tmp_path, monkeypatch, args
):
    path = tmp_path / "evil.txt"
    path.write_bytes(HOSTILE_TEXT.encode("utf-8"))
    to_file = runner.invoke(cli, [*args, str(path), "-o", str(tmp_path / "out")])
    exact = (tmp_path / "out").read_bytes()
    piped = runner.invoke(cli, [*args, str(path)])
    assert piped.stdout_bytes == exact  # not a terminal: the same bytes as the file
    monkeypatch.setattr(transcripts.io, "_is_terminal", lambda stream: True)
    shown_there = runner.invoke(cli, [*args, str(path)])
    assert shown_there.exit_code == to_file.exit_code in (0, 1), shown_there.output
    text = shown_there.stdout_bytes.decode("utf-8")
    assert not RAW.search(text.replace("\r\n", "\n")), text
    assert text == shown(exact.decode("utf-8"))
    monkeypatch.undo()
    again = runner.invoke(cli, [*args, str(path), "-o", str(tmp_path / "out")])
    assert again.exit_code == to_file.exit_code and (tmp_path / "out").read_bytes() == exact


def test_a_real_terminal_gets_parse_output_escaped(tmp_path):
    import pty

    from tests.hardening.helpers import start

    path = tmp_path / "evil.txt"
    path.write_bytes(HOSTILE_TEXT.encode("utf-8"))
    leader, follower = pty.openpty()
    process = start("convert", "-t", "text", str(path), stdout=follower)
    os.close(follower)
    shown_there = b""
    with contextlib.suppress(OSError):  # the terminal closes when the process ends
        while chunk := os.read(leader, 65536):
            shown_there += chunk
    os.close(leader)
    assert process.wait(timeout=60) == 0
    assert b"\\x1b]0;owned\\x07" in shown_there and b"\\u202e" in shown_there
    assert b"\x1b" not in shown_there and "\u202e".encode() not in shown_there


def test_lint_colours_reach_a_terminal_and_a_file_s_escapes_do_not(runner, tmp_path, monkeypatch):
    path = tmp_path / "evil.txt"
    path.write_bytes(HOSTILE_TEXT.encode("utf-8"))
    monkeypatch.setattr(transcripts.io, "_is_terminal", lambda stream: True)
    monkeypatch.setattr("transcripts.pipelines.lint.use_colour", lambda: True)
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 1
    assert "\x1b[1m" in result.stdout  # lint's own colours
    assert "\x1b]0;" not in result.stdout and "\x1b[2J" not in result.stdout
