"""Writing output is safe everywhere: links followed (or refused), devices and pipes
written as they are, a full disk or a closed stream one line, and no temporary file
outliving the run, whatever signal ends it."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import threading
from pathlib import Path

import pytest

import transcripts
from tests.hardening.helpers import run, start, transcript, wait_for
from transcripts.cli import cli
from transcripts.errors import TranscriptError

SEED_TEXT = "Ana: Hello there.\nBen: Hi, Ana.\n"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    return path


def _one_line(stderr: str, *parts: str) -> None:
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    for part in parts:
        assert part in stderr, stderr


def test_output_through_a_symbolic_link_writes_its_target_and_keeps_the_link(
    runner, tmp_path, source
):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    result = runner.invoke(cli, ["parse", str(source), "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "real.json"
    assert real.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "link.json", "real.json"]


def test_a_dangling_link_gets_its_target_made(runner, tmp_path, source):
    (tmp_path / "link.json").symlink_to("made.json")
    result = runner.invoke(cli, ["parse", str(source), "-o", str(tmp_path / "link.json")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "made.json").read_text(encoding="utf-8").startswith("{")


def test_a_loop_of_links_is_one_line_and_nothing_is_written(runner, tmp_path, source):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    result = runner.invoke(cli, ["parse", str(source), "-o", str(tmp_path / "a")])
    assert result.exit_code == 2
    _one_line(result.stderr, "loop of symbolic links")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "in.txt"]


@pytest.mark.skipif(os.geteuid() != 0, reason="needs to give a link to another user")
def test_a_link_planted_by_another_user_in_a_shared_folder_is_not_followed(
    runner, tmp_path, source
):
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: sticky and writable by everyone
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    trap = shared / "out.json"
    trap.symlink_to(victim)
    os.lchown(trap, 65534, 65534)
    result = runner.invoke(cli, ["parse", str(source), "-o", str(trap)])
    assert result.exit_code == 2
    _one_line(result.stderr, "another user", "not followed")
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_device_is_written_as_it_is(runner, source):
    result = runner.invoke(cli, ["parse", str(source), "-o", os.devnull])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_named_pipe_is_written_as_it_is(runner, tmp_path, source):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = runner.invoke(cli, ["parse", str(source), "-o", str(fifo)])
    reader.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert received and received[0].startswith(b"{")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_dev_stdout_is_standard_output_and_stays_what_it_was(source):
    before = os.lstat("/dev/stdout")
    result = run("parse", str(source), "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"{") and result.stderr == b""
    assert os.lstat("/dev/stdout").st_mode == before.st_mode


def test_a_full_disk_is_one_line_naming_the_output(runner, source):
    result = runner.invoke(cli, ["parse", str(source), "-o", "/dev/full"])
    assert result.exit_code == 2
    _one_line(result.stderr, "/dev/full: cannot write: No space left on device")


def test_a_full_standard_output_is_one_line(source):
    with open("/dev/full", "wb") as full:
        for args in (["parse", str(source)], ["--version"], ["formats"]):
            result = run(*args, stdout=full)
            assert result.returncode == 2, args
            _one_line(result.stderr.decode(), "<stdout>: cannot write: No space left on device")


def test_a_file_size_limit_is_one_line_and_leaves_the_old_file(tmp_path, source):
    big = transcript(tmp_path / "big.txt", 2000)
    out = tmp_path / "out.json"
    out.write_text("the old content", encoding="utf-8")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = run("parse", str(big), "-o", str(out), preexec_fn=limit)
    assert result.returncode == 2
    _one_line(result.stderr.decode(), "out.json: cannot write: File too large")
    assert out.read_text(encoding="utf-8") == "the old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "in.txt", "out.json"]


@pytest.mark.parametrize(
    ("closed", "args", "message"),
    [
        (1, ["parse", "{source}"], "<stdout>: cannot write: standard output is closed"),
        (0, ["parse", "-"], "<stdin>: cannot read: standard input is closed"),
    ],
)
def test_a_closed_standard_stream_is_one_line(source, closed, args, message):
    result = run(*[arg.format(source=source) for arg in args], preexec_fn=lambda: os.close(closed))
    assert result.returncode == 2
    _one_line(result.stderr.decode(), message)


def test_with_standard_error_closed_nothing_meant_for_it_lands_in_the_output(tmp_path, source):
    # The first file opened would take descriptor 2, and the error about the missing
    # input would be written into the output.
    out = tmp_path / "out.json"
    missing = str(tmp_path / "missing.txt")
    result = run("parse", str(source), missing, "-o", str(out), preexec_fn=lambda: os.close(2))
    assert result.returncode == 2
    assert json.loads(out.read_text(encoding="utf-8"))[0]["blocks"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_while_writing_leaves_no_temporary_file_and_the_old_output(tmp_path, signum):
    big = transcript(tmp_path / "big.txt", 150_000)
    out = tmp_path / "out.jsonl"
    out.write_text("the old content", encoding="utf-8")
    process = start("parse", str(big), "-t", "jsonl", "-o", str(out))

    def writing() -> bool:
        return any(p.name.endswith(".tmp") for p in tmp_path.iterdir())

    assert wait_for(writing), "the output was never started"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signum, stderr
    assert b"Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "out.jsonl"]
    assert out.read_text(encoding="utf-8") == "the old content"


def test_a_hangup_the_caller_ignores_stays_ignored(tmp_path):
    big = transcript(tmp_path / "big.txt", 20_000)
    out = tmp_path / "out.jsonl"
    process = start(
        "parse",
        str(big),
        "-t",
        "jsonl",
        "-o",
        str(out),
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),  # what nohup does
    )
    assert wait_for(lambda: any(p.suffix == ".tmp" for p in tmp_path.iterdir()) or out.exists())
    process.send_signal(signal.SIGHUP)
    process.communicate(timeout=60)
    assert process.returncode == 0
    assert out.read_text(encoding="utf-8").count("\n") == 20_001


def test_an_output_that_is_a_directory_is_one_line_with_its_name_escaped(runner, tmp_path, source):
    folder = tmp_path / "out\x1b]0;x\x07"
    folder.mkdir()
    result = runner.invoke(cli, ["parse", str(source), "-o", str(folder)])
    assert result.exit_code == 2
    _one_line(result.stderr, "out\\x1b]0;x\\x07: is a directory")


@pytest.mark.parametrize("through_a_link", [False, True])
def test_a_read_only_output_is_one_line_and_kept(runner, tmp_path, source, through_a_link):
    kept = tmp_path / "kept.json"
    kept.write_text("precious", encoding="utf-8")
    kept.chmod(0o444)
    target = kept
    if through_a_link:
        target = tmp_path / "link.json"
        target.symlink_to("kept.json")
    result = runner.invoke(cli, ["parse", str(source), "-o", str(target)])
    assert result.exit_code == 2
    _one_line(result.stderr, f"{target}: is read-only")
    assert kept.read_text(encoding="utf-8") == "precious"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["in.txt", "kept.json", *(["link.json"] if through_a_link else [])]
    )


def test_a_read_only_file_in_a_batch_is_its_own_error_and_the_others_are_written(
    runner, tmp_path, source
):
    folder = tmp_path / "out"
    folder.mkdir()
    other = tmp_path / "other.txt"
    other.write_text(SEED_TEXT, encoding="utf-8")
    kept = folder / "in.json"
    kept.write_text("precious", encoding="utf-8")
    kept.chmod(0o444)
    result = runner.invoke(
        cli, ["convert", str(source), str(other), "-t", "json", "-o", str(folder)]
    )
    assert result.exit_code == 2
    _one_line(result.stderr, "in.json: is read-only")
    assert kept.read_text(encoding="utf-8") == "precious"
    assert (folder / "other.json").read_text(encoding="utf-8").startswith("{")


def test_lint_fix_leaves_a_read_only_transcript_as_it_is(runner, tmp_path):
    path = tmp_path / "in.txt"
    path.write_bytes(b"Ana: caf\xc3\x83\xc2\xa9 time.\nBen: Yes.\n")  # mojibake: a safe fix
    path.chmod(0o444)
    result = runner.invoke(cli, ["lint", "--fix", str(path)])
    assert result.exit_code == 2
    assert f"{path}: is read-only" in result.stderr and "Traceback" not in result.output
    assert path.read_bytes() == b"Ana: caf\xc3\x83\xc2\xa9 time.\nBen: Yes.\n"


def test_lint_fix_still_reports_a_read_only_transcript_s_findings(runner, tmp_path):
    mojibake = b"Ana: caf\xc3\x83\xc2\xa9 time.\nBen: Yes.\n"  # one safe fix
    (tmp_path / "a.txt").write_bytes(mojibake)
    locked = tmp_path / "b.txt"
    locked.write_bytes(mojibake)
    locked.chmod(0o444)
    result = runner.invoke(cli, ["lint", "--fix", str(tmp_path)])
    assert result.exit_code == 2
    assert f"{locked}: is read-only" in result.stderr
    assert f"{locked}:1:" in result.stdout  # its finding, left as it is
    assert "1 fixed" in result.stderr + result.stdout
    assert locked.read_bytes() == mojibake


DEVICE_REFUSED = "is a character device, not a regular file"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_given_as_an_input_is_refused_not_read_forever(runner, source, device):
    result = runner.invoke(cli, ["lint", str(source), device])
    assert result.exit_code == 2
    assert f"transcripts: {device}: {DEVICE_REFUSED}" in result.stderr


def test_the_library_and_diarization_refuse_a_device_too(runner, source):
    with pytest.raises(TranscriptError, match=DEVICE_REFUSED):
        transcripts.read("/dev/zero")
    result = runner.invoke(cli, ["parse", str(source), "--diarization", "/dev/zero"])
    assert result.exit_code == 2
    _one_line(result.stderr, f"/dev/zero: {DEVICE_REFUSED}")


@pytest.mark.parametrize("inputs", [["in.txt", "other.txt"], ["."]], ids=["named", "walked"])
def test_a_baseline_written_over_an_input_is_refused_and_the_input_kept(
    runner, tmp_path, source, monkeypatch, inputs
):
    (tmp_path / "other.txt").write_text(SEED_TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["lint", "--write-baseline", "in.txt", *inputs])
    assert result.exit_code == 2
    _one_line(result.stderr, "in.txt: is also an input", "(--write-baseline)")
    assert source.read_text(encoding="utf-8") == SEED_TEXT
