"""The SubRip (SRT) reader: numbered cues into turns, speakers from `Name:` prefixes.

SubRip has no speaker markup; the podcast convention (and most transcription services)
put `Name:` at the start of the cue where the speaker changes, and `>>` marks a change
in broadcast captions. Formatting tags (`<i>`, `<font>`, `{\\an8}`) are removed. See
`turns.py` for how cues become turns; each cue is kept as a piece of its turn.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Transcript
from ..options import ReadOptions
from .common import clean_spaces
from .rolling import fold_rolling, folded_count
from .speakermarks import PrefixRule, split_marks
from .srtparse import SrtCue, UnusualCue, iter_usual, parse_lines
from .turns import Part, assemble, parts_of_cue

_FORMATTING = re.compile(r"</?(?:i|b|u|s|font)\b[^<>]*>|\{\\[^{}]*\}", re.I)
_SNIFF = re.compile(r"\s*\d+[ \t]*\r?\n[ \t]*\d+:\d{1,2}:\d{1,2}[,.]\d+[ \t]*-->")


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a SubRip file into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    # A file of a million cues: each stage lets go of the one before as it goes (cues
    # are cleaned as they are parsed; later lists are taken from the end of reversed
    # ones), so no two whole copies of the text are held at once.
    try:
        timings, spans, texts, formatted = _cleaned(iter_usual(source.text))
    except UnusualCue:
        timings, spans, texts, formatted = _cleaned(iter(parse_lines(source.text, name)))
    if not texts:  # nothing usual: the line parser reads (or names) what is there
        timings, spans, texts, formatted = _cleaned(iter(parse_lines(source.text, name)))
    if not texts:
        raise TranscriptError("has no subtitles (no cue timings found)", name)
    note(options.losses, "formatting tags of {n} line{s}", formatted)
    folded = folded_count(fold_rolling(texts))
    note(options.losses, "{n} rolling-caption repeat{s} (folded)", folded)
    texts.reverse()
    joined = []
    while texts:
        joined.append("\n".join(texts.pop()))
    prefixes = PrefixRule(joined, options.speakers)
    parts: list[Part] = []
    joined.reverse()
    for index in range(len(joined)):
        cue_text = joined.pop()
        start, end = timings[2 * index], timings[2 * index + 1]
        first, last = spans[2 * index], spans[2 * index + 1]
        parts.extend(parts_of_cue(split_marks(cue_text, prefixes), start, end, first, last))
    return assemble(parts, source, options, inferred=True)


def _cleaned(cues: Iterator[SrtCue]) -> tuple[array[float], array[int], list[list[str]], int]:
    """Each cue's (start, end) and (first line, last line), flat, and its text lines
    without formatting tags or odd spacing (blank ones dropped); how many lines lost tags."""
    timings = array("d")
    spans = array("q")
    texts = []
    formatted = 0
    for start, end, raw, first in cues:
        timings.extend((start, end))
        spans.extend((first, first + max(len(raw) - 1, 0)))
        cleaned = []
        for line in raw:
            if "<" in line or "{" in line:
                line, removed = _FORMATTING.subn("", line)
                formatted += bool(removed)
            line = clean_spaces(line)
            if line:
                cleaned.append(line)
        texts.append(cleaned)
    return timings, spans, texts, formatted


def sniff(text: str) -> bool:
    """SubRip opens with a cue number and a timing line."""
    return _SNIFF.match(text) is not None
