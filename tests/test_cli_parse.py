"""`transcripts parse` end to end: formats, several inputs, options and bad input."""

from __future__ import annotations

import json
import os

import pytest
import yaml

from transcripts.cli import cli


def _write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def test_parse_writes_json_by_default(runner, seed):
    result = runner.invoke(cli, ["parse", str(seed)])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    assert [s["name"] for s in document["speakers"]] == ["Interviewer", "Lukashenko"]
    assert sum(1 for b in document["blocks"] if b["kind"] == "turn") == 21


def test_parse_jsonl_writes_a_header_then_one_block_per_line_with_its_path(runner, seed):
    result = runner.invoke(cli, ["parse", "-t", "jsonl", str(seed)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(record["path"] == str(seed) for record in records)
    assert "kind" not in records[0] and records[0]["speakers"]
    assert [r["line"] for r in records[1:] if r["kind"] == "turn"][:2] == [9, 10]


def test_parse_several_inputs_gives_a_json_array(runner, seed, tmp_path):
    other = _write(tmp_path / "b.txt", b"Ana: hi\nBen: hello\nAna: bye\n")
    result = runner.invoke(cli, ["parse", str(seed), other])
    assert result.exit_code == 0
    documents = json.loads(result.stdout)
    assert [d["source"] for d in documents] == [str(seed), other]


def test_parse_several_inputs_to_yaml_gives_a_stream(runner, seed, tmp_path):
    other = _write(tmp_path / "b.txt", b"Ana: hi\nBen: hello\nAna: bye\n")
    result = runner.invoke(cli, ["parse", "-t", "yaml", str(seed), other])
    assert result.exit_code == 0
    documents = list(yaml.safe_load_all(result.stdout))
    assert [d["source"] for d in documents] == [str(seed), other]


def test_parse_reads_standard_input_when_no_file_is_given(runner):
    result = runner.invoke(cli, ["parse"], input="Ana: hi\nBen: hello\nAna: bye\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"] == "-"


def test_declared_speakers_override_inference(runner, tmp_path):
    path = _write(tmp_path / "a.txt", b"Summary: a chat\nAna: hi\nBen: hello\nAna: bye\n")
    result = runner.invoke(cli, ["parse", "-s", "Ana", "--speaker", "Ben", path])
    document = json.loads(result.stdout)
    assert document["speakers"] == [
        {"name": "Ana", "aliases": [], "inferred": False},
        {"name": "Ben", "aliases": [], "inferred": False},
    ]
    assert document["blocks"][0]["kind"] == "labelled"


def test_declared_speakers_come_from_the_config_file(runner, tmp_path):
    (tmp_path / ".transcripts.yaml").write_text("speakers: [Ana]\n")
    path = _write(tmp_path / "a.txt", b"Ana: hi\nBen: hello\nAna: bye\n")
    document = json.loads(runner.invoke(cli, ["parse", path]).stdout)
    assert [s["name"] for s in document["speakers"]] == ["Ana"]


def test_output_file_is_written_atomically(runner, tmp_path):
    path = _write(tmp_path / "a.txt", b"Ana: hi\nBen: hello\n")
    result = runner.invoke(cli, ["parse", path, "-o", str(tmp_path / "a.json")])
    assert result.exit_code == 0
    assert json.loads((tmp_path / "a.json").read_text())["blocks"][0]["speaker"] == "Ana"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.txt"]


def test_output_naming_an_input_is_refused_and_the_input_kept(runner, tmp_path):
    path = _write(tmp_path / "a.txt", b"Ana: hi\nBen: hello\n")
    result = runner.invoke(cli, ["parse", path, "-o", path])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"transcripts: {path}: is also an input; write the output to another file (-o)\n"
    )
    assert (tmp_path / "a.txt").read_bytes() == b"Ana: hi\nBen: hello\n"


def test_utf16_with_bom_is_detected(runner, tmp_path):
    path = _write(tmp_path / "u.txt", "Ana: hola\nBen: adiós\n".encode("utf-16"))
    document = json.loads(runner.invoke(cli, ["parse", path]).stdout)
    assert document["layout"]["bom"] is True
    assert document["blocks"][1]["text"] == "adiós"


def test_encoding_option_reads_legacy_text(runner, tmp_path):
    path = _write(tmp_path / "l.txt", "Ana: café\nBen: thé\n".encode("cp1252"))
    result = runner.invoke(cli, ["parse", "--encoding", "cp1252", path])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["blocks"][0]["text"] == "café"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\n  \n", "contains only blank lines"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL byte at offset 8)"),
        (b"Ana: caf\xe9\n", "cannot decode byte 0xe9 at offset 8 (line 1) as UTF-8"),
    ],
    ids=["empty", "blank", "binary", "latin-1"],
)
def test_bad_input_gives_one_line_naming_the_file_and_exit_2(runner, tmp_path, content, message):
    path = _write(tmp_path / "bad.txt", content)
    result = runner.invoke(cli, ["parse", path])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"transcripts: {path}: ")
    assert message in result.stderr


def test_missing_file_and_empty_directory_are_errors(runner, tmp_path):
    missing = runner.invoke(cli, ["parse", str(tmp_path / "nope.txt")])
    assert (missing.exit_code, missing.stderr.strip()) == (
        2,
        f"transcripts: {tmp_path / 'nope.txt'}: no such file",
    )
    directory = runner.invoke(cli, ["parse", str(tmp_path)])
    assert directory.exit_code == 2 and "no transcript files found" in directory.stderr


def test_a_directory_stands_for_the_transcripts_under_it(runner, tmp_path):
    (tmp_path / "b.txt").write_text("Ana: hi\nBen: hello\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("**Ana:** one\n\n**Ben:** two\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Not a transcript\n", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    result = runner.invoke(cli, ["parse", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert [d["source"] for d in json.loads(result.stdout)] == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b.txt"),
    ]


def test_the_output_format_follows_the_output_files_extension(runner, seed, tmp_path):
    assert runner.invoke(cli, ["parse", str(seed), "-o", str(tmp_path / "x.yaml")]).exit_code == 0
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8").startswith("schema_version:")
    runner.invoke(cli, ["parse", str(seed), "-o", str(tmp_path / "x.jsonl")])
    assert json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()[1])["kind"]


def test_one_bad_input_among_several_is_reported_and_the_rest_written(runner, seed, tmp_path):
    result = runner.invoke(cli, ["parse", str(seed), str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert len(json.loads(result.stdout)) == 1
    assert "nope.txt: no such file" in result.stderr


def test_failed_run_leaves_no_output_file(runner, tmp_path):
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["parse", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()


def test_unwritable_output_directory_is_an_error(runner, seed, tmp_path):
    result = runner.invoke(cli, ["parse", str(seed), "-o", str(tmp_path / "no" / "x.json")])
    assert result.exit_code == 2
    assert "directory does not exist" in result.stderr


def test_unknown_option_value_is_a_usage_error(runner, seed):
    result = runner.invoke(cli, ["parse", "-t", "xml", str(seed)])
    assert result.exit_code == 2
    assert "Invalid value" in result.stderr


def test_version_is_printed(runner):
    from transcripts import __version__

    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.stdout


def test_python_dash_m_runs_the_cli(seed):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "transcripts", "parse", "-t", "jsonl", str(seed)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(seed.parent.parent)},
        check=False,
    )
    assert result.returncode == 0 and result.stdout.count("\n") > 20
