"""A batch goes on: each input that fails is its own one-line error, the others are
processed, and the exit status says some failed (2)."""

from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest

import transcripts.io
from transcripts.cli import cli

GOOD = "Ana: Hello\u00adthere.\nBen: Thank you.\n"  # a soft hyphen: one finding
BAD = {
    "hour.srt": "1\n" + "9" * 400 + ":00:00,000 --> 00:00:01,000\nAna: hi\n",
    "digits.json": '{"blocks": [{"kind": "turn", "speaker": "A", "text": "x", "line": '
    + "9" * 5000
    + "}]}",
    "empty.txt": "",
}


@pytest.fixture
def batch(tmp_path: Path) -> list[Path]:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    paths = [good]
    for name, text in BAD.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    also_good = tmp_path / "zz-good.txt"
    also_good.write_text(GOOD, encoding="utf-8")
    return [*paths, also_good]


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("transcripts: ")]


def _check_errors(stderr: str, batch: list[Path]) -> None:
    errors = _errors(stderr)
    assert len(errors) == len(BAD), stderr
    for path, line in zip(batch[1:-1], errors, strict=True):
        assert line.startswith(f"transcripts: {path}: ") and "internal error" not in line


def test_lint_reports_each_bad_file_and_lints_the_others(runner, batch):
    result = runner.invoke(cli, ["lint", "--format", "json", *map(str, batch)])
    assert result.exit_code == 2
    _check_errors(result.stderr, batch)
    linted = {finding["path"] for finding in json.loads(result.stdout)}
    assert linted == {str(batch[0]), str(batch[-1])}


def test_stats_reports_each_bad_file_and_counts_the_others(runner, batch):
    result = runner.invoke(cli, ["stats", "--format", "json", "--per-file", *map(str, batch)])
    assert result.exit_code == 2
    _check_errors(result.stderr, batch)
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        str(batch[0]),
        str(batch[-1]),
    ]


def test_parse_reports_each_bad_file_and_writes_the_others(runner, batch):
    result = runner.invoke(cli, ["parse", *map(str, batch)])
    assert result.exit_code == 2
    _check_errors(result.stderr, batch)
    assert [d["source"] for d in json.loads(result.stdout)] == [str(batch[0]), str(batch[-1])]


def test_report_reports_each_bad_file_and_shows_the_others(runner, batch, tmp_path):
    page = tmp_path / "report.html"
    result = runner.invoke(cli, ["report", *map(str, batch), "-o", str(page)])
    assert result.exit_code == 2
    _check_errors(result.stderr, batch)
    assert "zz-good.txt" in page.read_text(encoding="utf-8")


def test_convert_into_a_folder_reports_each_bad_file_and_converts_the_others(
    runner, batch, tmp_path
):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["convert", *map(str, batch), "-t", "json", "-o", str(out)])
    assert result.exit_code == 2
    _check_errors(result.stderr, batch)
    assert sorted(path.name for path in out.iterdir()) == ["good.json", "zz-good.json"]


def test_a_bug_converting_one_file_is_that_file_s_error(runner, batch, tmp_path, monkeypatch):
    import transcripts.pipelines.convert as pipeline

    real = pipeline.load_source

    def fails_on_the_first(path, *args):
        if path == str(batch[0]):
            raise RuntimeError("a bug")
        return real(path, *args)

    monkeypatch.setattr(pipeline, "load_source", fails_on_the_first)
    out = tmp_path / "out"
    result = runner.invoke(
        cli, ["convert", str(batch[0]), str(batch[-1]), "-t", "json", "-o", str(out)]
    )
    assert result.exit_code == 2
    (line,) = _errors(result.stderr)
    assert line.startswith(f"transcripts: {batch[0]}: internal error (RuntimeError: a bug)")
    assert [path.name for path in out.iterdir()] == ["zz-good.json"]


@pytest.mark.parametrize("to_format", ["json", "srt"])  # a streaming writer, a whole one
def test_a_bug_writing_a_single_file_names_it_and_leaves_no_output(
    runner, batch, tmp_path, monkeypatch, to_format
):
    from transcripts import formats

    module = formats.get_format(to_format).writer_module()

    def fails(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(module, "write_documents" if to_format == "json" else "write", fails)
    out = tmp_path / f"out.{to_format}"
    command = ["convert", str(batch[0]), "-o", str(out), "--estimate-timing", "150"]
    result = runner.invoke(cli, command)
    assert result.exit_code == 2 and "Traceback" not in result.output
    (line,) = _errors(result.stderr)
    assert line.startswith(f"transcripts: {batch[0]}: internal error (RuntimeError: a bug)")
    assert not out.exists()


def test_convert_of_a_bad_file_is_one_line(runner, batch):
    result = runner.invoke(cli, ["convert", str(batch[1]), "-t", "json"])
    assert result.exit_code == 2 and len(_errors(result.stderr)) == 1
    assert "bad SRT timestamp" in result.stderr


def test_an_unreadable_file_is_its_own_error_not_a_usage_error(
    runner, batch, tmp_path, monkeypatch
):
    locked = batch[0]
    monkeypatch.setattr("os.access", lambda path, mode, **kw: str(path) != str(locked))

    def refuse(path, *args, **kwargs):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(transcripts.io, "open", refuse, raising=False)
    out = tmp_path / "out"
    for command in (["lint"], ["stats"], ["parse"], ["convert", "-t", "json", "-o", str(out)]):
        result = runner.invoke(cli, [*command, str(locked), str(batch[-1])])
        assert result.exit_code == 2, (command, result.output)
        assert "Usage:" not in result.output
        assert f"transcripts: {locked}: permission denied" in result.stderr
        # the readable file was processed
        assert result.stdout.strip() or (out / "zz-good.json").exists()


def test_a_bug_on_one_file_is_that_file_s_error_and_the_batch_goes_on(runner, batch, monkeypatch):
    import transcripts.pipelines.lint as pipeline

    real = pipeline.lint_document

    def fails_on_the_first(transcript, source, format_name, settings, path=None):
        if path == str(batch[0]):
            raise RuntimeError("a bug")
        return real(transcript, source, format_name, settings, path=path)

    monkeypatch.setattr(pipeline, "lint_document", fails_on_the_first)
    result = runner.invoke(cli, ["lint", "--format", "json", str(batch[0]), str(batch[-1])])
    assert result.exit_code == 2
    (line,) = _errors(result.stderr)
    assert line.startswith(f"transcripts: {batch[0]}: internal error (RuntimeError: a bug)")
    assert {f["path"] for f in json.loads(result.stdout)} == {str(batch[-1])}


@pytest.mark.parametrize("command", ["parse", "stats", "lint", "report", "convert"])
def test_a_named_link_loop_is_one_line_naming_it_and_the_others_are_processed(
    runner, tmp_path, command
):
    good, also_good = tmp_path / "a.txt", tmp_path / "z.txt"
    for path in (good, also_good):
        path.write_text(GOOD, encoding="utf-8")
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    out = tmp_path / "out"
    args = [command, str(good), str(tmp_path / "loop1"), str(also_good)]
    if command == "convert":
        args += ["-t", "json", "-o", str(out)]
    elif command == "report":
        args += ["-o", str(out / "report.html")]
        out.mkdir()
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert _errors(result.stderr) == [f"transcripts: {tmp_path / 'loop1'}: is a symbolic-link loop"]
    if command == "convert":
        assert sorted(path.name for path in out.iterdir()) == ["a.json", "z.json"]
    elif command == "report":
        assert (out / "report.html").exists()
    elif command == "stats":
        assert "2 files" in result.stdout
    else:
        assert str(good) in result.stdout and str(also_good) in result.stdout


KEPT = "Ana: the only copy of this interview.\nBen: Keep it.\n"


@pytest.mark.parametrize("how", ["the folder", "named files", "through a link"])
def test_converting_into_the_input_folder_never_replaces_an_input(runner, tmp_path, how):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text(KEPT, encoding="utf-8")
    structured = {"blocks": [{"kind": "turn", "speaker": "Cy", "text": "other", "line": 1}]}
    (folder / "b.json").write_text(json.dumps(structured), encoding="utf-8")
    (folder / "c.json").write_text(json.dumps(structured), encoding="utf-8")
    inputs = (
        [str(folder)]
        if how != "named files"
        else [str(folder / "b.json"), str(folder / "c.json"), str(folder / "b.txt")]
    )
    output = folder
    if how == "through a link":
        output = tmp_path / "link"
        output.symlink_to(folder)
    result = runner.invoke(cli, ["convert", *inputs, "-t", "text", "-o", str(output)])
    assert result.exit_code == 2
    assert (folder / "b.txt").read_text(encoding="utf-8") == KEPT
    errors = _errors(result.stderr)
    assert all("would replace an input; convert into another folder" in line for line in errors)
    assert any(line.startswith(f"transcripts: {folder / 'b.json'}: its output ") for line in errors)
    assert (
        (folder / "c.txt").read_text(encoding="utf-8").startswith("Cy: other")
    )  # the others go on


def test_an_earlier_run_s_outputs_outside_the_inputs_are_replaced(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text(KEPT, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "b.json").write_text("old", encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(folder), "-t", "json", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "b.json").read_text(encoding="utf-8").startswith("{")
