"""`transcripts convert` between text, json, jsonl and yaml, byte-exact back to text."""

from __future__ import annotations

import itertools

import pytest

from transcripts.cli import cli


@pytest.mark.parametrize("middle", ["json", "yaml", "jsonl"])
def test_text_to_structured_and_back_is_byte_exact(runner, tmp_path, middle):
    original = b"\xef\xbb\xbfTitle Here\r\n\r\nAna: hi\r\nBen: hello\r\n\r\n(LAUGHTER)\r\nAna: bye"
    source = tmp_path / "a.txt"
    source.write_bytes(original)
    first = runner.invoke(cli, ["convert", str(source), "-t", middle, "-o", str(tmp_path / "m")])
    assert first.exit_code == 0, first.stderr
    back = runner.invoke(
        cli, ["convert", str(tmp_path / "m"), "-f", middle, "-t", "text", "-o", str(tmp_path / "b")]
    )
    assert back.exit_code == 0, back.stderr
    assert (tmp_path / "b").read_bytes() == original


def test_legacy_encoding_is_restored_on_the_way_back(runner, tmp_path):
    original = "Ana: café\nBen: thé\n".encode("cp1252")
    (tmp_path / "a.txt").write_bytes(original)
    runner.invoke(
        cli,
        [
            "convert",
            str(tmp_path / "a.txt"),
            "--encoding",
            "cp1252",
            "-t",
            "json",
            "-o",
            str(tmp_path / "a.json"),
        ],
    )
    runner.invoke(
        cli, ["convert", str(tmp_path / "a.json"), "-t", "text", "-o", str(tmp_path / "b.txt")]
    )
    assert (tmp_path / "b.txt").read_bytes() == original


def test_format_is_sniffed_from_standard_input(runner, seed):
    as_json = runner.invoke(cli, ["convert", str(seed), "-t", "json"]).stdout
    back = runner.invoke(cli, ["convert", "-", "-t", "text"], input=as_json)
    assert back.exit_code == 0
    assert back.stdout_bytes == seed.read_bytes()


# "Billion laughs": each level doubles the one before; expanded, it would not fit in memory.
ALIAS_BOMB = (
    "a: &a [x, x]\n"
    + "".join(
        f"{b}: &{b} [*{a}, *{a}]\n" for a, b in itertools.pairwise("abcdefghijklmnopqrstuvwxyz")
    )
    + "metadata: {bomb: *z}\nblocks: []\n"
)


@pytest.mark.parametrize(
    ("content", "fmt", "message"),
    [
        ('{"blocks": [', "json", "invalid JSON at line 1, column 13"),
        (
            '{"blocks": [{"kind": "turn", "text": "x", "speaker": 5}]}',
            "json",
            "blocks[0].speaker: expected a string",
        ),
        ('{"speakers": []}', "json", "missing 'blocks'"),
        ("[" * 100_000, "json", "nested too deeply"),
        ("blocks: [\n  - kind: turn\n  bad", "yaml", "invalid YAML"),
        ("!!python/object/apply:os.system ['true']", "yaml", "invalid YAML"),
        (ALIAS_BOMB, "yaml", "too large or too deeply aliased"),
    ],
    ids=[
        "truncated",
        "wrong-shape",
        "no-blocks",
        "deep",
        "broken-yaml",
        "python-tag",
        "alias-bomb",
    ],
)
def test_malformed_structured_input_is_one_line_and_exit_2(runner, tmp_path, content, fmt, message):
    path = tmp_path / f"bad.{fmt}"
    path.write_text(content)
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith(f"transcripts: {path}: ")


def test_unknown_format_is_refused(runner, seed):
    result = runner.invoke(cli, ["convert", str(seed), "-t", "docx"])
    assert result.exit_code == 2 and "unknown format 'docx'" in result.stderr


def test_formats_lists_readers_and_writers(runner):
    result = runner.invoke(cli, ["formats"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split()[:3] == ["format", "read", "write"]
    assert any(line.startswith("jsonl") for line in result.stdout.splitlines())
