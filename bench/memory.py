"""The memory section: each command's peak resident memory as a multiple of its input,
on a large transcript and on 1M-cue caption files (issue 19: within 4x of the input).

    python bench/run.py --only memory             # 200 MB of text, 1M cues
    python bench/run.py --only memory --quick     # 20 MB of text, 100k cues

Peak memory is the child process's maximum resident set size, interpreter included
(about 15 MB, negligible at these sizes). One run per command: memory is not noisy.
"""

from __future__ import annotations

from pathlib import Path

from measure import PYTHON, TRANSCRIPTS, mb, run_once
from synth import generate, generate_captions

TARGET = 4.0  # peak resident memory / input size, at most
READ = "import sys, transcripts; transcripts.read(sys.argv[1])"


def bench_memory(data: Path, size: int, cues: int) -> bool:
    """Print each command's peak memory / input, with the target's verdict."""
    text = generate(data / f"synthetic-{size // 1_000_000}mb.txt", size)
    srt, vtt = generate_captions(data, cues)
    output = data / "memory-output"
    commands: list[tuple[str, Path, list[str]]] = [
        ("parse -t jsonl", text, [*TRANSCRIPTS, "parse", str(text), "-t", "jsonl"]),
        ("lint", text, [*TRANSCRIPTS, "lint", str(text)]),
        ("stats", text, [*TRANSCRIPTS, "stats", str(text)]),
        (
            "convert text -> json",
            text,
            [*TRANSCRIPTS, "convert", str(text), "-t", "json", "-o", f"{output}.json"],
        ),
        (f"read SRT ({cues:,} cues)", srt, [PYTHON, "-c", READ, str(srt)]),
        (f"read VTT ({cues:,} cues)", vtt, [PYTHON, "-c", READ, str(vtt)]),
        (
            "convert SRT -> VTT",
            srt,
            [*TRANSCRIPTS, "convert", str(srt), "-t", "vtt", "-o", f"{output}.vtt"],
        ),
    ]
    print(f"\npeak memory against the input (target <= {TARGET:g}x)")
    ok = True
    for name, source, argv in commands:
        measure = run_once(argv)
        input_size = source.stat().st_size
        ratio = measure.peak_bytes / input_size
        passed = ratio <= TARGET
        ok &= passed
        print(
            f"  {name:28} {mb(input_size):7.1f} MB in  peak {measure.peak_bytes / 2**20:7.0f} MiB"
            f"  {ratio:5.2f}x input  [{'ok' if passed else 'MISSED'}]"
        )
    for suffix in (".json", ".vtt"):
        Path(f"{output}{suffix}").unlink(missing_ok=True)
    return ok
