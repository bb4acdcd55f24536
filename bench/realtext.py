"""Real text: files of the shared corpus repeated to 20 MB, parsed against synthetic text
of the same size, per MB (issue 19: real text was 5.8x slower per MB than synthetic).

The corpus lives in `../shared/corpus/` beside the project; without it this section is
skipped with a note. Each family's files are concatenated (blank lines between) and the
whole repeated until the size is reached; podcasts keep their `.md` extension so the
reader users get reads them.

Run alone (`python bench/realtext.py`), it reads the same files in process and prints the
CPU seconds of each stage of the text reader, so a change to one stage can be measured on
a machine others share (compare trees by running each tree's own Python, alternately).
"""

from __future__ import annotations

import argparse
import gc
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from measure import HERE, PYTHON, mb, run
from synth import generate

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

FAMILIES: dict[str, tuple[str, ...]] = {
    "shakespeare": ("play-shakespeare-tinyshakespeare.txt",),
    "hansard": ("parliament-canada-hansard-2000-03-16-debates-065.txt",),
    "court": (
        "court-oral-argument-scotus-11-398-hhs-v-florida-2012-03-27.txt",
        "court-trial-sdny-us-v-guo-2024-05-28.txt",
    ),
    "podcast": (
        "podcast-changelog-gotime-100-pike-griesemer.md",
        "podcast-italic-name-time-security-cocktail-hour-21.md",
        "podcast-otter-bold-names-ladybug-45.md",
        "podcast-bitcointranscripts-stephan-livera-what-is-splicing.md",
    ),
}

# What a user of the library pays to read a file (the CLI's collector setting, as the
# synthetic benchmark's "parse alone").
PARSE_ALONE = "import gc, sys; gc.disable(); import transcripts; transcripts.read(sys.argv[1])"
TARGET = 1.5  # real text's seconds per MB, at most this many times synthetic text's


def repeated(family: str, names: tuple[str, ...], size: int, data: Path) -> Path | None:
    """The family's files concatenated and repeated to `size` bytes (made once); None
    when a file is missing."""
    sources = [CORPUS / name for name in names]
    if not all(source.is_file() for source in sources):
        return None
    path = data / f"real-{family}-{size // 1_000_000}mb{sources[0].suffix}"
    if path.exists() and path.stat().st_size >= size:
        return path
    unit = "\n\n".join(
        source.read_text(encoding="utf-8").replace("\r\n", "\n").strip("\n") for source in sources
    )
    copies = -(-size // len(unit.encode("utf-8")))
    data.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join([unit] * copies) + "\n", encoding="utf-8")
    return path


def bench_real_text(size: int, repeat: int, data: Path) -> bool:
    """Parse each family's file and synthetic text of the same size; compare per MB."""
    if not CORPUS.is_dir():
        print(f"\nreal text: skipped ({CORPUS} is not there)")
        return True
    synthetic = generate(data / f"synthetic-{size // 1_000_000}mb.txt", size)
    base = run([PYTHON, "-c", PARSE_ALONE, str(synthetic)], repeat)
    per_mb = base.seconds / mb(synthetic.stat().st_size)
    print(f"\nreal text, parse alone (best of {repeat}), against synthetic text per MB")
    print(
        f"  {'synthetic':12} {mb(synthetic.stat().st_size):5.1f} MB {base.seconds:7.2f} s"
        f"  peak {base.peak_bytes / synthetic.stat().st_size:4.1f}x input"
    )
    ok = True
    for family, names in FAMILIES.items():
        path = repeated(family, names, size, data)
        if path is None:
            print(f"  {family:12} skipped (a corpus file is missing)")
            continue
        measure = run([PYTHON, "-c", PARSE_ALONE, str(path)], repeat)
        file_size = path.stat().st_size
        ratio = measure.seconds / mb(file_size) / per_mb
        passed = ratio <= TARGET
        ok &= passed
        print(
            f"  {family:12} {mb(file_size):5.1f} MB {measure.seconds:7.2f} s"
            f"  peak {measure.peak_bytes / file_size:4.1f}x input  {ratio:5.2f}x synthetic per MB"
            f"  [target <= {TARGET:g}x: {'ok' if passed else 'MISSED'}]"
        )
    return ok


def stage_seconds(path: Path, rounds: int) -> dict[str, float]:
    """CPU seconds of each stage of `transcripts.read(path)` in this process (the best of
    `rounds` reads by total), the collector off as the CLI has it. A stage is timed where
    the text reader calls it; "rest" is the reader's own work (assembling blocks, the
    roster, attribution)."""
    import transcripts
    import transcripts.readers.text as reader
    from transcripts.readers.text import paragraphs_wrapped

    spent: Counter[str] = Counter()

    def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def measured(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started

        return measured

    stages = [
        (reader, "split_lines"),
        (reader.pages, "detect"),
        (reader, "find_candidates"),
        (reader.conventions, "infer"),
        (reader, "scan_paragraphs"),
        (paragraphs_wrapped, "scan_wrapped"),
    ]
    originals = [(module, name, getattr(module, name)) for module, name in stages]
    for module, name, function in originals:
        setattr(module, name, timed(name, function))
    best: dict[str, float] = {}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            spent.clear()
            started = time.process_time()
            transcripts.read(str(path))
            total = time.process_time() - started
            if not best or total < best["total"]:
                best = {**spent, "rest": total - sum(spent.values()), "total": total}
    finally:
        for module, name, function in originals:
            setattr(module, name, function)
        if enabled:
            gc.enable()
    return best


def print_stages(size: int, rounds: int, data: Path) -> None:
    """Each family's stages, and its total per MB against synthetic text's."""
    if not CORPUS.is_dir():
        print(f"real text: skipped ({CORPUS} is not there)")
        return
    synthetic = generate(data / f"synthetic-{size // 1_000_000}mb.txt", size)
    paths = {"synthetic": synthetic}
    for family, names in FAMILIES.items():
        path = repeated(family, names, size, data)
        if path is not None:
            paths[family] = path
    columns = ["split_lines", "detect", "find_candidates", "infer", "scan_paragraphs"]
    columns += ["scan_wrapped", "rest", "total"]
    heads = ["lines", "pages", "candidates", "infer", "scan", "scan wrapped", "rest", "total"]
    print(f"CPU seconds in process, best of {rounds}; per MB against synthetic text")
    print(f"  {'':12}" + "".join(f"{head:>13}" for head in heads) + "  per MB")
    base = 0.0
    for family, path in paths.items():
        seconds = stage_seconds(path, rounds)
        per_mb = seconds["total"] / mb(path.stat().st_size)
        base = base or per_mb
        cells = "".join(f"{seconds.get(column, 0.0):13.3f}" for column in columns)
        print(f"  {family:12}{cells}  {per_mb / base:5.2f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=4, help="MB of each file (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="reads of each file (best kept)")
    args = parser.parse_args()
    print_stages(int(args.size * 1_000_000), args.rounds, HERE / "data")
