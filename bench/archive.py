"""A deterministic archive of many small interviews, for the archive-scale benchmark.

Each file is an interview of about 8 KB as a newsroom archive holds them: a title, a line
of prose, then a host and a guest (sometimes a second guest) taking turns, with stage
directions here and there. Hosts come from a small staff, guests from a pool of a few
thousand names, so speakers recur across files as they do in a real archive; the words
are those of `synth`, so duplicate detection has something to find.
"""

from __future__ import annotations

import hashlib
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from synth import DIRECTIONS, _paragraph

FIRST = """Ana Ben Chloe David Elena Farid Grace Hiro Ines Jonas Kofi Lena Marta Nadia Omar
Priya Quinn Rosa Samir Tomas Uma Viktor Wen Ximena Yusuf Zoe""".split()
LAST = """Ruiz Okafor Cooper Smith Tanaka Novak Haddad Silva Kowalski Mensah Larsen Park
Costa Fischer Ibrahim Moreau Petrov Quint Reyes Sato Torres Varga Weber Yilmaz Zhou
Adeyemi Bauer Castro Dubois Eriksen Ferreira Gupta Horvat Ivanova Jensen Kim Lopez
Murphy Nilsen Olsen Popescu Rossi Schmidt Tran Umar Vidal Walsh""".split()
HOSTS = ["Host", "Interviewer", "STEVE INSKEEP", "MARY LOUISE KELLY", "Q"]
TARGET_SIZE = 8_000  # bytes per interview, about


def interview(number: int, seed: int = 1) -> str:
    """The text of interview `number` of the archive (the same for the same arguments)."""
    rng = random.Random(seed * 1_000_003 + number)
    host = rng.choice(HOSTS)
    guests = [f"{rng.choice(FIRST)} {rng.choice(LAST)}"]
    if rng.random() < 0.2:
        guests.append(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
    memory: list[str] = []
    parts = [
        f"Interview {number}: {guests[0]} on the story of the week\n\n",
        "Broadcast transcript, edited for clarity.\n\n",
    ]
    written = sum(map(len, parts))
    turn = 0
    while written < TARGET_SIZE:
        speaker = host if turn % 2 == 0 else rng.choice(guests)
        chunk = f"{speaker}: {_paragraph(rng, memory)}\n\n"
        if rng.random() < 0.03:
            chunk += rng.choice(DIRECTIONS) + "\n\n"
        parts.append(chunk)
        written += len(chunk)
        turn += 1
    return "".join(parts)


def generate_archive(folder: Path, count: int, seed: int = 1) -> Path:
    """A folder of `count` interviews in subfolders of 1,000 (made once, reused)."""
    marker = folder / ".complete"
    if marker.exists() and marker.read_text() == f"{count} {seed}":
        return folder
    for number in range(count):
        path = folder / f"{number // 1000:03d}" / f"interview-{number:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(interview(number, seed), encoding="utf-8")
    marker.write_text(f"{count} {seed}")
    return folder


# --- Process trees: CPU of a command and every process it starts --------------------------


@dataclass
class TreeMeasure:
    """One run of a command: wall seconds, CPU seconds (user + system) of the command
    and of every process it started, and a digest of what it printed (to check two
    ways of running it agree)."""

    seconds: float
    cpu: float
    digest: str


def _become_subreaper() -> None:
    """Adopt the descendants of our children that outlive their parents (Linux
    PR_SET_CHILD_SUBREAPER), so their CPU time is counted when we reap them; without it
    an orphaned worker would be reaped by init and its time lost."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def run_tree(argv: Sequence[str], env: dict[str, str]) -> TreeMeasure:
    """Run `argv` to the end, and every process it started: their CPU time is the
    difference in this process's RUSAGE_CHILDREN, which counts every descendant that was
    waited for (a worker's nanny waits for its worker, we wait for the command and for
    any orphan adopted as subreaper)."""
    _become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.run(list(argv), capture_output=True, env=env, check=False)
    while True:  # orphans adopted while it ran
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            break
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 1):
        raise SystemExit(
            f"benchmark command failed ({process.returncode}): {' '.join(argv)}\n"
            + process.stderr.decode(errors="replace")
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    digest = hashlib.sha256(process.stdout + b"\0" + process.stderr).hexdigest()
    return TreeMeasure(elapsed, cpu, digest)
