"""Worker processes never outlive their parent, a refused fork falls back to one process
with a note, SIGTERM ends a run with its workers as cleanly as Ctrl-C, and a worker that
dies costs the run only the file it was reading."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.hardening.helpers import alive, children, run, start, transcript, wait_for
from transcripts.statistics.offload import Offload

# The command with every fork refused, as under a process limit (root ignores RLIMIT_NPROC,
# so the refusal is made by hand: the same BlockingIOError the kernel's EAGAIN gives).
REFUSED_FORK = """
import errno, os, sys
def refuse(*args, **kwargs):
    raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")
os.fork = refuse
from transcripts.cli import main
main(sys.argv[1:])
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Transcripts enough to keep two workers busy for a while: some seconds of work
    even on a fast machine, so a signal sent once the workers are seen finds the run
    still going when the machine is loaded (four of 40,000 turns took 2 s by 2026; twelve
    were once done before a signal reached the run, under a load of four)."""
    path = tmp_path_factory.mktemp("many")
    for number in range(24):
        transcript(path / f"t{number}.txt", 40_000)
    return path


def _started_workers(pid: int, at_least: int = 1) -> list[int]:
    assert wait_for(lambda: len(children(pid)) >= at_least), "no worker was started"
    return children(pid)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminated_run_stops_its_workers_and_says_nothing(folder, signum):
    process = start("lint", "--jobs", "2", str(folder))
    workers = _started_workers(process.pid, 2)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 128 + signum
    assert b"Traceback" not in stderr
    assert wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10)


def test_workers_of_a_killed_run_end_with_it(folder):
    process = start("lint", "--jobs", "2", str(folder))
    workers = _started_workers(process.pid, 2)
    process.kill()  # no chance to clean up: the workers must notice on their own
    process.wait(timeout=10)
    assert wait_for(lambda: not any(alive(pid) for pid in workers), timeout=10)


@pytest.mark.skipif(not Offload.available(), reason="stats counts in one process here")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_the_stats_counting_process_ends_with_its_parent(tmp_path, signum):
    big = transcript(tmp_path / "big.txt", 100_000)
    process = start("stats", str(big))
    (counter,) = _started_workers(process.pid)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode in (128 + signum, -signum)
    assert b"Traceback" not in stderr
    assert wait_for(lambda: not alive(counter), timeout=10)


def test_a_refused_fork_falls_back_to_one_process_with_a_note(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    for number in range(4):
        (small / f"t{number}.txt").write_text(
            "Ana: Hello\u00adthere.\nBen: Hi.\n", encoding="utf-8"
        )
    result = run("lint", "--jobs", "2", str(small), code=REFUSED_FORK)
    assert result.returncode == 1, result.stderr
    notes = [line for line in result.stderr.decode().splitlines() if "note:" in line]
    assert len(notes) == 1 and "cannot start 2 worker processes" in notes[0]
    assert result.stdout.decode().count("TR303") == 4


def test_stats_counts_in_place_when_no_process_can_be_had(tmp_path):
    big = transcript(tmp_path / "big.txt", 30_000)
    refused = run("stats", "--format", "json", str(big), code=REFUSED_FORK)
    normal = run("stats", "--format", "json", str(big))
    assert refused.returncode == 0 and refused.stderr == b""
    assert refused.stdout == normal.stdout


# The command with a file that kills the worker process reading it, as the OOM killer
# would: SIGKILL, no chance to say anything. Only workers read it (the run uses --jobs).
KILLED_READING = """
import os, signal, sys
import transcripts.pipelines.lint as lint
load = lint.load_source
def load_or_die(path, *args, **kwargs):
    if os.path.basename(str(path)) == "dies.txt":
        os.kill(os.getpid(), signal.SIGKILL)
    return load(path, *args, **kwargs)
lint.load_source = load_or_die
from transcripts.cli import main
main(sys.argv[1:])
"""


def test_a_worker_killed_mid_batch_costs_its_file_alone(tmp_path):
    for name in ("a", "b", "c", "dies", "e", "f", "g"):
        (tmp_path / f"{name}.txt").write_text(
            f"Ana: Hello\u00adthere from {name}.\nBen: Hi.\n", encoding="utf-8"
        )
    normal = run("lint", "--jobs", "2", str(tmp_path))
    killed = run("lint", "--jobs", "2", str(tmp_path), code=KILLED_READING)
    assert killed.returncode == 2, killed.stderr
    dies = str(tmp_path / "dies.txt")
    others = [line for line in normal.stdout.decode().splitlines() if dies not in line]
    assert killed.stdout.decode().splitlines() == others  # the same, in the same order
    errors = [line for line in killed.stderr.decode().splitlines() if dies in line]
    assert errors == [
        f"transcripts: {dies}: the worker process reading it was killed by SIGKILL (out of memory?)"
    ]
    assert b"Traceback" not in killed.stderr
