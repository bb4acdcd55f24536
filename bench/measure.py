"""Running whole processes for the benchmarks: wall time and peak memory of a child."""

from __future__ import annotations

import os
import subprocess
import sys
import time
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


def run_once(argv: Sequence[str]) -> Measure:
    """One run of a whole process: its wall time and peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(argv), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env()
    )
    assert process.stderr is not None
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(argv)}\n{stderr}")
    return Measure(elapsed, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime)


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
