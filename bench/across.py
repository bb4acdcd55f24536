"""The across-files benchmark: an archive of generated interviews with planted copies.

`python bench/run.py --only across` lints archives of 5,000 and 10,000 interviews of
about 8 KB (`archive.interview`) in which copies were planted: one file in every hundred
has a guest's passage pasted from a file before it (two sentences of its own words,
so nothing else in the archive holds them), and one file in every thousand is another
interview filed again under a new name. It reports each run's time and peak memory,
the time the across-files rules add to `lint` at the same size (a run with them
ignored), whether every planted copy was found (and how many other findings the rules
made), and how time grows from the smaller archive to the larger: linear is about 2x.
"""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Sequence
from pathlib import Path

from archive import FIRST, LAST, interview
from measure import TRANSCRIPTS, run

SIZES = (5_000, 10_000)
#: Time growth allowed when the archive doubles (linear is 2x; a pairwise step, 4x).
GROWTH_TARGET = 2.5
ACROSS_RULES = "TR205,TR206"

WORDS = """harbour ledger council ferry auditor trustee quarry orchard beacon tunnel granary
mill depot chapel wharf vineyard foundry lantern reservoir embankment pier signal cannery
bridge almanac meadow tannery brewery archive turbine""".split()


def _passage(number: int) -> str:
    """Two sentences no other file holds (numbered words), long enough to report."""
    rng = random.Random(number)
    words = [rng.choice(WORDS) for _ in range(12)]
    return (
        f"The {words[0]} {words[1]} report number {number} named the {words[2]} and the "
        f"{words[3]} as the first to go. Then planted copy {number} moved the {words[4]} "
        f"{words[5]} money to the {words[6]} without telling the {words[7]} board."
    )


def _with_turn(text: str, turn: str) -> str:
    """`text` with `turn` inserted between two of its turns, near the middle."""
    middle = text.find("\n\n", len(text) // 2)
    return text[: middle + 2] + turn + "\n\n" + text[middle + 2 :]


def plants(count: int) -> tuple[dict[int, str], dict[int, int], dict[int, int]]:
    """Which files carry what: the passage each holder says (by file number), the file
    each pasted copy repeats, and the file each second filing is a copy of."""
    said: dict[int, str] = {}
    pasted: dict[int, int] = {}
    for hundred in range(count // 100):
        first, later = hundred * 100 + 3, hundred * 100 + 57
        said[first] = said[later] = _passage(hundred)
        pasted[later] = first
    twice = {thousand * 1000 + 999: thousand * 1000 + 500 for thousand in range(count // 1000)}
    return said, pasted, twice


def name(number: int) -> str:
    return f"{number // 1000:03d}/interview-{number:06d}.txt"


def generate(folder: Path, count: int, seed: int = 1) -> Path:
    """The archive of `count` interviews with its planted copies (made once, reused)."""
    marker = folder / ".complete"
    if marker.exists() and marker.read_text() == f"{count} {seed} across":
        return folder
    said, _, twice = plants(count)
    for number in range(count):
        source = twice.get(number, number)
        text = interview(source, seed)
        if number in twice:
            text = f"Filed again: interview {source}\n\n" + text.split("\n\n", 1)[1]
        if source in said:
            rng = random.Random(source)
            guest = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            text = _with_turn(text, f"{guest}: {said[source]}")
        path = folder / name(number)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    marker.write_text(f"{count} {seed} across")
    return folder


def bench_across(data: Path, sizes: Sequence[int] = SIZES) -> bool:
    """Lint each archive with and without the across-files rules: time, peak memory,
    planted copies found, and time growth from the smallest size to the largest."""
    print(f"\nacross files: {', '.join(f'{size:,}' for size in sizes)} interviews, copies planted")
    ok = True
    times = []
    for size in sizes:
        folder = generate(data / f"across-{size}", size)
        without = run(
            [*TRANSCRIPTS, "lint", "--exit-zero", "--ignore", ACROSS_RULES, str(folder)], 1
        )
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / "findings.json"
            measure = run(
                [*TRANSCRIPTS, "lint", "--exit-zero", "-t", "json", "-o", str(report), str(folder)],
                1,
            )
            findings = json.loads(report.read_text(encoding="utf-8"))
        times.append(measure.seconds)
        found, missed, other = _check(findings, size, folder)
        ok &= not missed
        print(
            f"  lint {size:>7,} files {measure.seconds:7.2f} s"
            f"  peak {measure.peak_bytes / 1e6:6.1f} MB  (without the across rules"
            f" {without.seconds:6.2f} s, peak {without.peak_bytes / 1e6:6.1f} MB:"
            f" {measure.seconds / without.seconds:4.2f}x the time)"
        )
        print(
            f"  planted copies found {found} of {found + missed}"
            f"  [{'ok' if not missed else 'MISSED'}]; other across-files findings: {other}"
        )
    growth = times[-1] / times[0]
    scale = sizes[-1] / sizes[0]
    passed = growth <= GROWTH_TARGET * scale / 2
    ok &= passed
    print(
        f"  time growth {growth:4.2f}x for {scale:g}x the files"
        f"  [target <= {GROWTH_TARGET * scale / 2:g}x: {'ok' if passed else 'MISSED'}]"
    )
    return ok


def _check(findings: list[dict], count: int, folder: Path) -> tuple[int, int, int]:
    """How many planted copies were found (at the right file, against the right one),
    how many were missed, and how many other across-files findings were made."""
    _, pasted, twice = plants(count)
    expected = {(name(later), "TR205", name(first)) for later, first in pasted.items()} | {
        (name(later), "TR206", name(first)) for later, first in twice.items()
    }
    made = set()
    other = 0
    for finding in findings:
        if finding["code"] not in ("TR205", "TR206"):
            continue
        key = (
            _relative(finding["path"], folder),
            finding["code"],
            _relative(finding["related"][0]["path"], folder),
        )
        if key in expected:
            made.add(key)
        else:
            other += 1
    return len(made), len(expected - made), other


def _relative(path: str, folder: Path) -> str:
    return Path(path).resolve().relative_to(folder.resolve()).as_posix()
