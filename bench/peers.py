"""The peer section: `transcripts` against the libraries users would otherwise pick, each
reading (or converting) the same file in whole processes, interleaved in the same rounds.

    python bench/run.py --only peers             # 1M-cue captions, 20 MB of CHAT
    python bench/run.py --only peers --quick     # 100k cues, 2 MB of CHAT

The peers are the `bench` extra (`pip install -e '.[bench]'`): srt, webvtt-py, pysubs2
and pylangacq. pysrt is left out: it is GPL-3.0. A peer that is not installed is
skipped with a note. Each command runs once per round, all commands of a contest in
turn, so a noisy moment hits them alike; the median time and the highest peak memory of
the rounds are kept, and printed as ratios to ours.
"""

from __future__ import annotations

import importlib.util
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from measure import TRANSCRIPTS, Measure, mb, run_once
from synth import generate_captions, generate_chat

PYTHON_READ = "import sys, transcripts; transcripts.read(sys.argv[1])"

SRT_READ = """
import sys, srt
with open(sys.argv[1], encoding="utf-8") as handle:
    subtitles = list(srt.parse(handle.read()))
"""

# What a user of `srt` writes to turn SubRip into WebVTT: the package has no VTT writer.
SRT_TO_VTT = """
import sys, srt
stamp = srt.timedelta_to_srt_timestamp
with open(sys.argv[1], encoding="utf-8") as handle:
    text = handle.read()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("WEBVTT\\n")
    for cue in srt.parse(text):
        start, end = stamp(cue.start).replace(",", "."), stamp(cue.end).replace(",", ".")
        out.write(f"\\n{start} --> {end}\\n{cue.content}\\n")
"""

PYSUBS2_READ = "import sys, pysubs2; pysubs2.load(sys.argv[1])"
PYSUBS2_CONVERT = "import sys, pysubs2; pysubs2.load(sys.argv[1]).save(sys.argv[2])"
WEBVTT_READ = "import sys, webvtt; webvtt.read(sys.argv[1])"
WEBVTT_READ_SRT = "import sys, webvtt; webvtt.from_srt(sys.argv[1])"
WEBVTT_FROM_SRT = "import sys, webvtt; webvtt.from_srt(sys.argv[1]).save(sys.argv[2])"
PYLANGACQ_READ = "import sys, pylangacq; pylangacq.read_chat(sys.argv[1]).utterances()"


@dataclass
class Contender:
    name: str
    module: str | None  # the peer's import name; None for ours
    script: str | None = None  # Python run with (input, output); None: `argv` instead
    argv: Callable[[Path, Path], list[str]] | None = None

    def command(self, python: str, source: Path, output: Path) -> list[str]:
        if self.argv is not None:
            return self.argv(source, output)
        assert self.script is not None
        return [python, "-c", self.script, str(source), str(output)]

    def installed(self) -> bool:
        return self.module is None or importlib.util.find_spec(self.module) is not None


@dataclass
class Contest:
    """One task on one input: ours first, then the peers; targets against one peer."""

    name: str
    input: str  # "srt", "vtt" or "cha"
    contenders: list[Contender]
    judge: str  # the peer the targets compare with
    time_target: float  # our time / theirs, at most
    memory_target: float | None = None  # our peak memory / theirs, at most


def _convert_to_vtt(source: Path, output: Path) -> list[str]:
    return [*TRANSCRIPTS, "convert", str(source), "-t", "vtt", "-o", str(output)]


def contests() -> list[Contest]:
    ours = Contender("transcripts", None, PYTHON_READ)
    return [
        Contest(
            "SRT read",
            "srt",
            [
                ours,
                Contender("srt", "srt", SRT_READ),
                Contender("pysubs2", "pysubs2", PYSUBS2_READ),
                Contender("webvtt-py", "webvtt", WEBVTT_READ_SRT),
            ],
            judge="srt",
            time_target=1.0,
            memory_target=2.0,
        ),
        Contest(
            "SRT -> VTT",
            "srt",
            [
                Contender("transcripts", None, argv=_convert_to_vtt),
                Contender("srt", "srt", SRT_TO_VTT),
                Contender("pysubs2", "pysubs2", PYSUBS2_CONVERT),
                Contender("webvtt-py", "webvtt", WEBVTT_FROM_SRT),
            ],
            judge="srt",
            time_target=1.0,
            memory_target=2.0,
        ),
        Contest(
            "VTT read",
            "vtt",
            [
                ours,
                Contender("webvtt-py", "webvtt", WEBVTT_READ),
                Contender("pysubs2", "pysubs2", PYSUBS2_READ),
            ],
            judge="webvtt-py",
            time_target=1 / 2.5,
        ),
        Contest(
            "CHAT read",
            "cha",
            [ours, Contender("pylangacq", "pylangacq", PYLANGACQ_READ)],
            judge="pylangacq",
            time_target=1.0,
        ),
    ]


def rounds(commands: Sequence[list[str]], count: int) -> list[Measure]:
    """Each command once per round, in turn; per command the median time and the
    highest peak memory over the rounds."""
    times: list[list[float]] = [[] for _ in commands]
    peaks = [0] * len(commands)
    for _ in range(count):
        for index, argv in enumerate(commands):
            measure = run_once(argv)
            times[index].append(measure.seconds)
            peaks[index] = max(peaks[index], measure.peak_bytes)
    return [Measure(statistics.median(t), p) for t, p in zip(times, peaks, strict=True)]


def bench_peers(python: str, data: Path, cues: int, chat_size: int, count: int) -> bool:
    """Run every contest; print each contender's time and memory and ours as a ratio."""
    srt_path, vtt_path = generate_captions(data, cues)
    inputs = {
        "srt": srt_path,
        "vtt": vtt_path,
        "cha": generate_chat(data / f"chat-{chat_size // 1_000_000}mb.cha", chat_size),
    }
    output = data / "peer-output.vtt"
    print(f"\npeers ({count} rounds, median time, highest peak memory)")
    missing = [c.name for t in contests() for c in t.contenders if not c.installed()]
    if missing:
        print(f"  not installed (pip install -e '.[bench]'): {', '.join(sorted(set(missing)))}")
    print("  pysrt: left out (GPL-3.0)")
    ok = True
    for contest in contests():
        source = inputs[contest.input]
        size = source.stat().st_size
        present = [c for c in contest.contenders if c.installed()]
        measures = rounds([c.command(python, source, output) for c in present], count)
        print(f"  {contest.name}: {source.name}, {mb(size):.1f} MB")
        ours = measures[0]
        for contender, measure in zip(present, measures, strict=True):
            peak = measure.peak_bytes
            line = (
                f"    {contender.name:14} {measure.seconds:7.2f} s"
                f"  peak {peak / 2**20:7.0f} MiB ({peak / size:4.1f}x input)"
            )
            if contender.module is not None:
                time_ratio = ours.seconds / measure.seconds
                memory_ratio = ours.peak_bytes / measure.peak_bytes
                line += f"   ours: {time_ratio:5.2f}x its time, {memory_ratio:5.2f}x its memory"
                if contender.name == contest.judge:
                    verdicts = [_verdict("time", time_ratio, contest.time_target)]
                    ok &= time_ratio <= contest.time_target
                    if contest.memory_target is not None:
                        verdicts.append(_verdict("memory", memory_ratio, contest.memory_target))
                        ok &= memory_ratio <= contest.memory_target
                    line += f"  [{'; '.join(verdicts)}]"
            print(line)
    output.unlink(missing_ok=True)
    return ok


def _verdict(what: str, ratio: float, target: float) -> str:
    return f"{what} <= {target:.2g}x: {'ok' if ratio <= target else 'MISSED'}"
