"""`parse -t parquet`: one table of every block with its file's path (the parquet extra)."""

from __future__ import annotations

import builtins

import pytest

import transcripts
from transcripts.cli import cli


@pytest.fixture
def two_files(tmp_path):
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("Ana: Hello there.\n\nBen: Hi. How are you?\n", encoding="utf-8")
    second.write_text("(Applause.)\n\nAna: Thank you.\n", encoding="utf-8")
    return first, second


def test_every_block_of_every_file_is_a_row_with_its_path(runner, two_files, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "blocks.parquet"
    result = runner.invoke(cli, ["parse", "-t", "parquet", *map(str, two_files), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = pq.read_table(out).to_pylist()
    expected = [
        (str(path), index, block.kind, block.speaker, block.text, block.line)
        for path in two_files
        for index, block in enumerate(transcripts.read(path).blocks)
    ]
    got = [(r["path"], r["block"], r["kind"], r["speaker"], r["text"], r["line"]) for r in rows]
    assert got == expected and rows[0]["start"] is None


def test_the_output_extension_chooses_parquet(runner, two_files, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "blocks.parquet"
    result = runner.invoke(cli, ["parse", str(two_files[0]), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert pq.read_table(out).num_rows == 2


def test_without_pyarrow_one_line_says_how_to_install_it(runner, two_files, monkeypatch, tmp_path):
    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    out = tmp_path / "x.parquet"
    result = runner.invoke(cli, ["parse", "-t", "parquet", str(two_files[0]), "-o", str(out)])
    assert result.exit_code == 2
    assert "pip install 'interview-transcripts[parquet]'" in result.stderr
    assert not out.exists()
