"""Cue timing lines of caption formats (`00:00:01.000 --> 00:00:02.500 align:start`).

Times are clock times, read by `timecode.parse_clock` (leniently: Teams writes
`0:0:0.570`, SubRip a comma, and some subtitle tools a colon before three digits of
milliseconds, `00:00:01:500`, which no frame count has). The usual line is matched
whole by one pattern first; a test holds that fast path to the same answers as the
general one.
"""

from __future__ import annotations

import re

from ..errors import TranscriptError
from ..timecode import parse_clock

# The usual timing line, read in one match (most files never need the general path).
_TIMING = re.compile(
    r"(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})[ \t]+-->[ \t]+"
    r"(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)[.,](\d{3})(?:[ \t]+(.*))?"
)


def usual_timing(separator: str) -> str:
    """The pattern of the usual timing line that the whole-file parsers match (`start -->
    end` alone on its line, `separator` before the milliseconds): each time's `hh:mm` (or
    `mm`), `ss` and `fff` captured, as `MinuteMarks` reads them."""
    clock = rf"((?:[0-9]{{1,3}}:)?[0-5][0-9]):([0-5][0-9]){separator}([0-9]{{3}})"
    return rf"{clock} --> {clock}\n"


class MinuteMarks(dict[str, int]):
    """The milliseconds of `hh:mm` (or `mm`) texts, each read once: a file's cues share a
    few of them. The whole-file parsers of both caption formats read a usual timing as
    this and its seconds and milliseconds as one number (`ss` + `fff`): whole
    milliseconds divided once, the same float as `parse_timing`'s rounding (a test holds
    them to it)."""

    def __missing__(self, hours_minutes: str) -> int:
        hours, _, minutes = hours_minutes.rpartition(":")
        value = self[hours_minutes] = int(hours or 0) * 3600_000 + int(minutes) * 60_000
        return value


def parse_timing(line: str, number: int, name: str, format_name: str) -> tuple[float, float, str]:
    """A `start --> end [settings]` line: its times and what follows them, or a clear error."""
    found = _TIMING.fullmatch(line)
    if found is not None:
        h1, m1, s1, f1, h2, m2, s2, f2, settings = found.groups()
        start = (int(h1 or 0) * 3600 + int(m1) * 60 + int(s1)) + int(f1) / 1000
        end = (int(h2 or 0) * 3600 + int(m2) * 60 + int(s2)) + int(f2) / 1000
        if end >= start:
            return round(start, 3), round(end, 3), (settings or "").strip()
    return parse_timing_generally(line, number, name, format_name)


_COLON_MILLISECONDS = re.compile(r"(\d{1,3}:\d{1,2}:\d{1,2}):(\d{3})")


def _lenient_clock(text: str) -> float | None:
    """`parse_clock`, or a clock time with a colon before its milliseconds."""
    value = parse_clock(text)
    if value is None:
        found = _COLON_MILLISECONDS.fullmatch(text)
        if found is not None:
            value = parse_clock(f"{found.group(1)}.{found.group(2)}")
    return value


def parse_timing_generally(
    line: str, number: int, name: str, format_name: str
) -> tuple[float, float, str]:
    """`parse_timing` for any line: each time through `parse_clock`."""
    head, arrow, tail = line.partition("-->")
    if not arrow:
        raise TranscriptError(f"line {number}: expected a cue timing (start --> end)", name)
    start_text = head.strip()
    tail = tail.strip()
    end_text, _, settings = tail.partition(" ")
    if "\t" in end_text:
        end_text, _, more = end_text.partition("\t")
        settings = f"{more} {settings}".strip()
    start = _lenient_clock(start_text)
    end = _lenient_clock(end_text)
    for text, value in ((start_text, start), (end_text, end)):
        if value is None:
            raise TranscriptError(
                f"line {number}: bad {format_name} timestamp {text!r} "
                f"(expected hh:mm:ss{',' if format_name == 'SRT' else '.'}ttt)",
                name,
            )
    assert start is not None and end is not None
    if end < start:
        raise TranscriptError(
            f"line {number}: cue ends ({end_text}) before it starts ({start_text})", name
        )
    return round(start, 3), round(end, 3), settings.strip()
