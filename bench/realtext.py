"""Real text: files of the shared corpus repeated to 20 MB, parsed against synthetic text
of the same size, per MB (issue 19: real text was 5.8x slower per MB than synthetic).

The corpus lives in `../shared/corpus/` beside the project; without it this section is
skipped with a note. Each family's files are concatenated (blank lines between) and the
whole repeated until the size is reached; podcasts keep their `.md` extension so the
reader users get reads them.
"""

from __future__ import annotations

from pathlib import Path

from measure import PYTHON, mb, run
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
