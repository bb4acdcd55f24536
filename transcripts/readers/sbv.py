"""The SBV reader: YouTube's SubViewer captions (`captions.sbv`).

Cues are separated by blank lines; each opens with `start,end` (`0:00:01.500,0:00:04.000`,
clock times) and holds its text lines. Speakers come from `>>` changes and `Name:`
prefixes as in other captions (see `speakermarks.py`); each cue is kept as a piece.
"""

from __future__ import annotations

import re

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..model import Transcript
from ..options import ReadOptions
from ..timecode import parse_clock
from .common import LINE_BREAK, clean_lines
from .speakermarks import PrefixRule, split_marks
from .turns import Part, assemble, parts_of_cue

_TIMING = re.compile(r"[ \t]*([\d:.]+)[ \t]*,[ \t]*([\d:.]+)[ \t]*")


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read an SBV file into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    lines = LINE_BREAK.split(source.text)
    cues: list[tuple[float, float, str, int, int]] = []
    index = 0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        found = _TIMING.fullmatch(lines[index])
        start = parse_clock(found.group(1)) if found else None
        end = parse_clock(found.group(2)) if found else None
        if start is None or end is None:
            raise TranscriptError(
                f"line {index + 1}: expected a cue timing (0:00:01.000,0:00:04.000), "
                f"found {lines[index][:40]!r}",
                name,
            )
        if end < start:
            raise TranscriptError(f"line {index + 1}: cue ends before it starts", name)
        first = index + 2
        index += 1
        text = []
        while index < len(lines) and lines[index].strip():
            text.append(lines[index])
            index += 1
        cues.append((start, end, clean_lines("\n".join(text)), first, max(first, index)))
    if not cues:
        raise TranscriptError("has no captions (no cue timings found)", name)
    prefixes = PrefixRule([cue[2] for cue in cues], options.speakers)
    parts: list[Part] = []
    for start, end, cue_text, first, last in cues:
        parts.extend(parts_of_cue(split_marks(cue_text, prefixes), start, end, first, last))
    return assemble(parts, source, options, inferred=True)


def sniff(text: str) -> bool:
    """SBV opens with a `start,end` timing line of clock times."""
    first = text.lstrip().split("\n", 1)[0].rstrip("\r")
    found = _TIMING.fullmatch(first)
    return found is not None and parse_clock(found.group(1)) is not None
