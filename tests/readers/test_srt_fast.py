"""SubRip's fast paths against their references.

`read` takes a file that needs no cleaning as it is written, reads each cue's speaker
mark once, and `stream` builds blocks as they are asked for; the reference below is the
reader as it was before those paths: every cue parsed, cleaned line by line, folded,
split, and assembled whole. The srt package's parse of the same usual file gives the
same cue times.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_files
from transcripts.errors import TranscriptError
from transcripts.io import SourceText
from transcripts.losses import Losses
from transcripts.options import ReadOptions
from transcripts.readers import srt
from transcripts.readers.rolling import fold_rolling, folded_count
from transcripts.readers.speakermarks import PrefixRule, split_marks
from transcripts.readers.srtparse import parse_lines
from transcripts.readers.turns import assemble, parts_of_cue

_LINES = [
    "Ana: hello there",
    "Ben Okafor: so what now",
    "DR. JHA: right",
    "so we went: home",
    "just words here",
    "[laughter]",
    "(music)",
    ">> Ana: yes",
    ">> no name",
    "- dash",
    "-",
    "- Ben Okafor: a dialogue dash before a name",
    "– so we went: home",
    "ünïcödé ✓ words",
    "<i>styled</i> words",
    "{\\an8}Ana: top",
    "two  spaces",
    " leading",
    "trailing ",
    "tab\there",
    "nbsp\u00a0here",
    "Speaker 2: 42",
]
_BREAKS = st.sampled_from(["\n", "\r\n", "\r"])


def _reference(source: SourceText, options: ReadOptions):
    """The SubRip reader without its fast paths."""
    name = source.path
    timings, spans, texts, formatted = srt._cleaned(iter(parse_lines(source.text, name)))
    if not texts:
        raise TranscriptError("has no subtitles (no cue timings found)", name)
    options.losses.add("formatting tags of {n} line{s}", formatted)
    options.losses.add("{n} rolling-caption repeat{s} (folded)", folded_count(fold_rolling(texts)))
    joined = ["\n".join(lines) for lines in texts]
    prefixes = PrefixRule(joined, options.speakers)
    parts = []
    shared = 0
    for index, text in enumerate(joined):
        start, end = timings[2 * index], timings[2 * index + 1]
        first, last = spans[2 * index], spans[2 * index + 1]
        found = parts_of_cue(split_marks(text, prefixes), start, end, first, last)
        shared += len(found) > 1
        parts.extend(found)
    options.losses.add(
        "the times of {n} cue{s} shared by several speakers (split by characters)", shared
    )
    return assemble(parts, source, options, inferred=True)


def _outcome(read, text: str, speakers: tuple[str, ...] = ()):
    losses = Losses()
    try:
        transcript = read(SourceText(text, "x.srt"), ReadOptions(speakers, losses=losses))
    except TranscriptError as error:
        return str(error)
    return transcript.to_dict(), losses.summary()


def _streamed(source: SourceText, options: ReadOptions):
    header, blocks = srt.stream(source, options)
    header.blocks = list(blocks)
    return header


def _file(cues: list[list[str]], newline: str) -> str:
    parts = []
    for number, lines in enumerate(cues, start=1):
        clock = f"00:{number // 60:02d}:{number % 60:02d}"
        parts.append(f"{number}\n{clock},000 --> {clock},900\n" + "".join(f"{x}\n" for x in lines))
    return "\n".join(parts).replace("\n", newline)


_CUES = st.lists(st.lists(st.sampled_from(_LINES), min_size=1, max_size=3), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_CUES, _BREAKS, st.sampled_from([(), ("Ana",)]))
def test_reading_and_streaming_subrip_agree_with_the_plain_reader(cues, newline, speakers):
    text = _file(cues, newline)
    expected = _outcome(_reference, text, speakers)
    assert _outcome(srt.read, text, speakers) == expected
    assert _outcome(_streamed, text, speakers) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["one two", "three", "one two three", "four five"]), max_size=10))
def test_rolling_captions_are_folded_as_the_plain_reader_folds_them(lines):
    # Each cue repeats the line before it: the repetition of auto-generated captions.
    cues = [[before, line] for before, line in zip(["intro", *lines], lines, strict=False)]
    if cues:
        text = _file(cues, "\n")
        assert _outcome(srt.read, text) == _outcome(_reference, text)


@pytest.mark.parametrize("path", corpus_files(".srt"), ids=lambda p: p.name)
def test_real_subrip_files_read_as_the_plain_reader_reads_them(path):
    text = path.read_text(encoding="utf-8-sig")
    assert _outcome(srt.read, text) == _outcome(_reference, text)
    assert _outcome(_streamed, text) == _outcome(_reference, text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 360_000_000), st.integers(0, 10_000_000), st.integers(1, 3)),
        min_size=1,
        max_size=10,
    )
)
def test_cue_times_are_those_the_srt_package_reads(cues):
    srt_package = pytest.importorskip("srt")  # the bench extra
    # Plain words in each cue: one piece each, in order, whatever the times.
    text = "".join(
        f"{number}\n{_clock(start)} --> {_clock(start + length)}\n"
        + "".join(f"words {number} {line}\n" for line in range(lines))
        + "\n"
        for number, (start, length, lines) in enumerate(cues, start=1)
    )
    theirs = [(s.start.total_seconds(), s.end.total_seconds()) for s in srt_package.parse(text)]
    transcript = srt.read(SourceText(text, "x.srt"))
    ours = [(p.start, p.end) for block in transcript.blocks for p in block.pieces or ()]
    assert ours == theirs


def _clock(milliseconds: int) -> str:
    seconds, fraction = divmod(milliseconds, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{fraction:03d}"
