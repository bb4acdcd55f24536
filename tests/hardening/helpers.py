"""What the hardening tests share: the command run as a real process (signals, closed
descriptors, process limits need one), and transcripts big enough to be caught at work."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), **extra}


def start(*args: str, code: str | None = None, **kwargs) -> subprocess.Popen:
    """`transcripts ARGS` as a process (or `python -c CODE ARGS`), pipes for its output."""
    command = (
        [sys.executable, "-c", code, *args]
        if code
        else [sys.executable, "-m", "transcripts", *args]
    )
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen(command, env=environment(), **kwargs)


def run(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    process = start(*args, **kwargs)
    stdout, stderr = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def transcript(path: Path, turns: int) -> Path:
    """A plain transcript of `turns` turns between three speakers."""
    lines = [
        f"Speaker {i % 3}: Turn number {i} says something, and then more." for i in range(turns)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def wait_for(condition, timeout: float = 20.0, step: float = 0.02) -> bool:
    """Poll until `condition()` holds (True) or `timeout` passes (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def alive(pid: int) -> bool:
    """Is process `pid` still running (not a zombie)?"""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found
