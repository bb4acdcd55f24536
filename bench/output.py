"""What writing costs on top of reading, and what a transcript read whole holds.

    python bench/output.py                # 50 MB synthetic: CPU seconds, best of 5
    python bench/output.py --size 20 --repeat 3
    PYTHONPATH=/tmp/main-tree python bench/output.py   # another tree, same machine

In one process, with the CLI's garbage-collector setting: the CPU time of streaming the
file's blocks with no output, then of streaming them into each writer (JSON Lines, JSON,
YAML) bound for /dev/null; the difference is the writer's share. Then, in a child
process each (so one measure does not inherit the other's heap), `transcripts.read`'s
peak and held memory as traced by `tracemalloc`, as multiples of the input. CPU time,
not wall time: on a shared machine it is what stays put between runs; compare trees by
running them one after the other in the same sitting.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import generate  # noqa: E402

MEMORY = """
import gc, os, sys, tracemalloc
gc.disable()
sys.path.insert(0, sys.argv[2])  # the tree the parent measures, not the working folder's
import transcripts
size = os.path.getsize(sys.argv[1])
tracemalloc.start()
transcript = transcripts.read(sys.argv[1])
held, peak = tracemalloc.get_traced_memory()
transcript.inference = None  # what the reader's evidence holds aside
gc.collect()
blocks = tracemalloc.get_traced_memory()[0]
print(peak / size, held / size, blocks / size)
"""


def cpu_seconds(path: Path, writer: str | None, repeat: int) -> float:
    """Best CPU time of streaming the file's blocks into `writer` (None: nowhere)."""
    import importlib

    from transcripts.api import open_document
    from transcripts.io import open_output

    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        header, blocks = open_document(path)
        if writer is None:
            deque(blocks, 0)
        else:
            module = importlib.import_module(f"transcripts.writers.{writer}")
            with open_output("/dev/null") as sink:
                module.write_documents([(header, blocks)], sink)
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=50, help="MB of synthetic text")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (best kept)")
    args = parser.parse_args()
    path = generate(HERE / "data" / f"synthetic-{args.size}mb.txt", args.size * 1_000_000)
    gc.disable()
    import transcripts

    tree = str(Path(transcripts.__file__).parent.parent)
    print(f"{path.name} with {tree}")
    alone = cpu_seconds(path, None, args.repeat)
    print(f"  {'read, no output':24} {alone:6.3f} s CPU")
    for writer in ("jsonl", "json", "yaml"):
        total = cpu_seconds(path, writer, args.repeat)
        share = total - alone
        print(f"  {'read, write ' + writer:24} {total:6.3f} s CPU  writing {share:6.3f} s")
    measured = subprocess.run(
        [sys.executable, "-c", MEMORY, str(path), tree], capture_output=True, text=True, check=True
    )
    peak, held, blocks = map(float, measured.stdout.split())
    print(
        f"  transcripts.read: peak {peak:4.2f}x input, held {held:4.2f}x"
        f" ({blocks:4.2f}x without the reader's evidence)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
