"""`parse -t parquet`: one table of every block with its file's path (the parquet extra)."""

from __future__ import annotations

import builtins
import json

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


NEWS = (
    "WOLF BLITZER, CNN ANCHOR: Hello and welcome to the show tonight.\n\n"
    "JOHN KING, CNN CORRESPONDENT: Thanks, Wolf.\n\n"
    "BLITZER: Go on, please. What happened?\n"
)


@pytest.mark.parametrize("folder", ["tables/", "existing"])
def test_a_folder_output_holds_the_blocks_and_the_speakers_tables(
    runner, two_files, tmp_path, folder
):
    pq = pytest.importorskip("pyarrow.parquet")
    news = tmp_path / "news.txt"
    news.write_text(NEWS, encoding="utf-8")
    (tmp_path / "existing").mkdir()
    out = tmp_path / folder
    inputs = [*map(str, two_files), str(news)]
    target = str(out) + ("/" if folder.endswith("/") else "")
    result = runner.invoke(cli, ["parse", "-t", "parquet", *inputs, "-o", target])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["blocks.parquet", "speakers.parquet"]
    blocks = pq.read_table(out / "blocks.parquet").to_pylist()
    assert len(blocks) == sum(len(transcripts.read(path).blocks) for path in inputs)
    speakers = pq.read_table(out / "speakers.parquet").to_pylist()
    stats = runner.invoke(cli, ["stats", "--per-file", "--format", "json", *inputs])
    counted = {
        (record["path"], row["speaker"]): (row["turns"], row["words"])
        for record in json.loads(stats.stdout)["files"]
        for row in record["speakers"]
    }
    assert {(r["path"], r["speaker"]): (r["turns"], r["words"]) for r in speakers} == counted
    blitzer = next(r for r in speakers if r["speaker"] == "WOLF BLITZER")
    assert blitzer == {
        "path": str(news),
        "speaker": "WOLF BLITZER",
        "aliases": ["WOLF BLITZER, CNN ANCHOR", "BLITZER"],
        "inferred": True,
        "turns": 2,
        "words": 12,
        "first_line": 1,
    }


def test_a_declared_speaker_who_never_speaks_has_a_row_with_no_turns(runner, two_files, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "tables/"
    args = ["parse", "-t", "parquet", str(two_files[0]), "-s", "Ana", "-s", "Ben", "-s", "Cleo"]
    result = runner.invoke(cli, [*args, "-o", f"{out}/"])
    assert result.exit_code == 0, result.stderr
    rows = pq.read_table(out / "speakers.parquet").to_pylist()
    assert [(r["speaker"], r["inferred"], r["turns"], r["first_line"]) for r in rows] == [
        ("Ana", False, 1, 1),
        ("Ben", False, 1, 3),
        ("Cleo", False, 0, None),
    ]


def test_nothing_readable_writes_no_folder(runner, tmp_path):
    pytest.importorskip("pyarrow")
    out = tmp_path / "tables"
    result = runner.invoke(
        cli, ["parse", "-t", "parquet", str(tmp_path / "missing.txt"), "-o", f"{out}/"]
    )
    assert result.exit_code == 2
    assert not out.exists()
