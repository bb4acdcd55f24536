"""Round trips under --encoding: text read in an encoding and written back from its JSON
form gives the same bytes, byte order mark and byte order; only text encodings are taken."""

from __future__ import annotations

import codecs

import pytest

from transcripts.cli import cli

TEXT = "Ana: Héllo, wörld — ça va?\r\nBen: Très bien, merci.\n"

CASES = {
    "utf-16-le, no mark": ("utf-16-le", b"", "utf-16-le"),
    "utf-16-be, no mark": ("utf-16-be", b"", "utf-16-be"),
    "utf-16-le, its mark": ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
    "utf-16-be, its mark": ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
    "utf-16 given, big-endian mark": ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    "utf-16 given, little-endian mark": ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    "utf-32 given, big-endian mark": ("utf-32-be", codecs.BOM_UTF32_BE, "utf-32"),
    "utf-32-le, no mark": ("utf-32-le", b"", "utf-32-le"),
    "utf-8-sig given, no mark": ("utf-8", b"", "utf-8-sig"),
    "utf-8-sig given, a mark": ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    "cp1252": ("cp1252", b"", "cp1252"),
    "latin-1": ("latin-1", b"", "latin-1"),
    "utf-16 found by its mark": ("utf-16-be", codecs.BOM_UTF16_BE, None),
    "utf-32 found by its mark": ("utf-32-le", codecs.BOM_UTF32_LE, None),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("middle", ["json", "yaml", "jsonl"])
def test_text_comes_back_in_its_own_bytes(runner, tmp_path, case, middle):
    encoding, mark, given = CASES[case]
    original = mark + TEXT.replace("—", "-" if encoding in ("latin-1",) else "—").encode(encoding)
    source = tmp_path / "in.txt"
    source.write_bytes(original)
    document = tmp_path / f"doc.{middle}"
    back = tmp_path / "back.txt"
    flags = ["--encoding", given] if given else []
    first = runner.invoke(cli, ["convert", str(source), *flags, "-t", middle, "-o", str(document)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(cli, ["convert", str(document), "-t", "text", "-o", str(back)])
    assert second.exit_code == 0, second.output
    assert back.read_bytes() == original


@pytest.mark.parametrize("codec", ["rot13", "zlib_codec", "base64", "hex", "bz2_codec"])
@pytest.mark.parametrize("command", [["parse"], ["lint"], ["stats"], ["convert", "-t", "json"]])
def test_a_codec_that_is_not_a_text_encoding_is_one_line(runner, seed, codec, command):
    result = runner.invoke(cli, [*command, str(seed), "--encoding", codec])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert f"--encoding: {codec!r} is not a text encoding" in result.stderr


def test_an_unknown_encoding_is_one_line(runner, seed):
    result = runner.invoke(cli, ["parse", str(seed), "--encoding", "klingon"])
    assert result.exit_code == 2 and "unknown encoding 'klingon'" in result.stderr


def test_a_codec_that_makes_half_characters_is_refused(runner, tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes(b"Ana: +2AA-\n")  # UTF-7 for a lone surrogate
    result = runner.invoke(cli, ["parse", str(path), "--encoding", "utf-7"])
    assert result.exit_code == 2 and "lone surrogate" in result.stderr


def test_a_document_asking_for_a_codec_that_is_not_text_is_one_line(runner, tmp_path):
    path = tmp_path / "doc.json"
    path.write_text('{"layout": {"encoding": "rot13"}, "blocks": []}', encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(path), "-t", "text"])
    assert result.exit_code == 2
    assert "layout.encoding: 'rot13' is not a text encoding" in result.stderr


def test_text_the_encoding_cannot_hold_is_one_line_naming_the_output(runner, tmp_path):
    path = tmp_path / "doc.json"
    path.write_text(
        '{"layout": {"encoding": "latin-1"}, "blocks": [{"kind": "turn", "speaker": "A", '
        '"text": "\\u20ac", "raw": "A: \\u20ac\\n"}]}',
        encoding="utf-8",
    )
    out = tmp_path / "out.txt"
    result = runner.invoke(cli, ["convert", str(path), "-t", "text", "-o", str(out)])
    assert result.exit_code == 2
    assert f"{out}: cannot encode '€' as ISO8859-1" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.json"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_named_with_the_option_that_reads_it(runner, tmp_path, encoding):
    path = tmp_path / "in.txt"
    path.write_bytes(TEXT.encode(encoding))
    refused = runner.invoke(cli, ["stats", str(path)])
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"transcripts: {path}: looks like {encoding.upper()} text without a byte order mark;"
        f" read it with --encoding {encoding}\n"
    )
    assert runner.invoke(cli, ["stats", "--encoding", encoding, str(path)]).exit_code == 0


def test_a_file_with_a_nul_byte_that_is_no_utf16_is_still_binary(runner, tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes(b"Ana: Hello\x00 there.\nBen: Hi.\n")
    result = runner.invoke(cli, ["parse", str(path)])
    assert result.exit_code == 2
    assert "looks like a binary file (NUL byte at offset 10)" in result.stderr
