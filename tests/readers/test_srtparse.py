"""SubRip's fast cue parser agrees with the line-by-line one wherever it answers."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_files
from transcripts.errors import TranscriptError
from transcripts.readers.srtparse import parse_lines, parse_usual

_LINES = st.sampled_from(
    [
        "1",
        "2",
        "17",
        " 3 ",
        "00:00:01,000 --> 00:00:02,500",
        "00:00:02,000 --> 00:00:01,000",
        "1:02:03,004 --> 1:02:04,000",
        "00:00:01.000 --> 00:00:02.000",
        "00:00:01,000 --> 00:00:02,000 X1:10",
        "00:00:01,000 -->",
        "Ana: hello there",
        "  indented text  ",
        "<i>styled</i> words",
        "42",
        "a --> b",
        "",
        " ",
        "\t",
        "\x1f",
        "\u2003",
        "ünïcödé ✓",
    ]
)
_BREAKS = st.sampled_from(["\n", "\r\n", "\r"])


def _usual_cue(number: int, start: int, lines: list[str]) -> str:
    clock = f"00:{start // 60:02d}:{start % 60:02d}"
    return f"{number}\n{clock},000 --> {clock},500\n" + "".join(f"{line}\n" for line in lines)


def _plain(text: str) -> object:
    try:
        return parse_lines(text, "x.srt")
    except TranscriptError as error:
        return error


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, max_size=14), _BREAKS, st.booleans())
def test_the_fast_parser_agrees_with_the_line_parser_on_any_lines(lines, newline, final):
    text = newline.join(lines) + (newline if final else "")
    fast = parse_usual(text)
    if fast is not None:
        assert fast == _plain(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(["Ana: hi", "so", " x ", "7", "<b>b</b>"]), max_size=3),
            st.sampled_from(["\n", "\n\n", " \n", "\n\t\n", ""]),
        ),
        min_size=1,
        max_size=8,
    ),
    _BREAKS,
)
def test_the_fast_parser_reads_usual_files_as_the_line_parser_does(cues, newline):
    text = "".join(
        _usual_cue(number, number * 3, lines) + gap
        for number, (lines, gap) in enumerate(cues, start=1)
    ).replace("\n", newline)
    fast = parse_usual(text)
    if all("\n" in gap for _, gap in cues[:-1]):  # blank lines between cues: the usual file
        assert fast is not None
    if fast is not None:
        assert fast == _plain(text)


def test_the_fast_parser_reads_the_corpus_as_the_line_parser_does():
    for path in corpus_files(".srt"):
        text = path.read_text(encoding="utf-8")
        assert parse_usual(text) == parse_lines(text, path.name), path.name


@given(st.integers(0, 999), st.integers(0, 59), st.integers(0, 59), st.integers(0, 999))
def test_the_fast_parser_reads_times_as_parse_timing_does(hours, minutes, seconds, millis):
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"
    text = f"1\n{clock} --> {clock}\nhi\n"
    assert parse_usual(text) == parse_lines(text, "x.srt")
