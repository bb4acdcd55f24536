"""Running whole processes for the benchmarks: wall time and peak memory of a child."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
# The console script users run, from the same environment as this Python when it is there.
_SCRIPT = Path(PYTHON).parent / "transcripts"
TRANSCRIPTS = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "transcripts"]


def child_env() -> dict[str, str]:
    """The environment benchmarked commands run in.

    Installed packages have compiled bytecode; the children may write and reuse theirs
    too, or every run would pay to compile the package from source (some machines set
    PYTHONDONTWRITEBYTECODE).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(HERE.parent)
    return env


@dataclass
class Measure:
    seconds: float
    peak_bytes: int
    #: CPU time (user and system) of the process and the children it waited for: what
    #: the work cost, which other programs on a busy machine change less than wall time
    cpu_seconds: float = 0.0


# A child's peak memory (`ru_maxrss`) starts from its parent's size when it was forked:
# Linux keeps the high-water mark of the memory an `exec` replaces. After a section
# generated a 200 MB input, every command would report at least this process's own
# size. So each command runs under a small launcher (a fresh interpreter) that forks and
# times it, and reports its wall time, peak memory, CPU time and exit status on a pipe.
_LAUNCHER = r"""
import json, os, sys, time
report, argv = int(sys.argv[1]), sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
cpu, code = usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)
os.write(report, json.dumps([elapsed, usage.ru_maxrss, cpu, code]).encode())
"""


def run_once(argv: Sequence[str]) -> Measure:
    """One run of a whole process: its wall time, peak resident memory and CPU time (the
    launcher's own start-up excluded)."""
    read_end, write_end = os.pipe()
    try:
        process = subprocess.Popen(
            [PYTHON, "-c", _LAUNCHER, str(write_end), *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=child_env(),
            pass_fds=(write_end,),
        )
    finally:
        os.close(write_end)
    assert process.stderr is not None
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    process.wait()
    with os.fdopen(read_end, "rb") as report:
        written = report.read()
    if not written:
        raise SystemExit(f"benchmark launcher failed: {' '.join(argv)}\n{stderr}")
    elapsed, peak_kib, cpu, code = json.loads(written)
    if code not in (0, 1):
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(argv)}\n{stderr}")
    return Measure(elapsed, peak_kib * 1024, cpu)


def run(argv: Sequence[str], repeat: int) -> Measure:
    """Best wall time of `repeat` runs of a whole process, and its peak memory."""
    measures = [run_once(argv) for _ in range(repeat)]
    return Measure(
        min(m.seconds for m in measures),
        max(m.peak_bytes for m in measures),
        min(m.cpu_seconds for m in measures),
    )


def mb(size: int) -> float:
    return size / 1e6
