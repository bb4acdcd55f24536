"""The SubRip (SRT) reader: numbered cues into turns, speakers from `Name:` prefixes.

SubRip has no speaker markup; the podcast convention (and most transcription services)
put `Name:` at the start of the cue where the speaker changes, and `>>` marks a change
in broadcast captions. Formatting tags (`<i>`, `<font>`, `{\\an8}`) are removed. See
`turns.py` for how cues become turns; each cue is kept as a piece of its turn.
"""

from __future__ import annotations

import re

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Transcript
from ..options import ReadOptions
from .common import LINE_BREAK, clean_spaces
from .cuetiming import parse_timing
from .rolling import fold_rolling, folded_count
from .speakermarks import PrefixRule, split_marks
from .turns import Part, assemble, parts_of_cue

_FORMATTING = re.compile(r"</?(?:i|b|u|s|font)\b[^<>]*>|\{\\[^{}]*\}", re.I)
_SNIFF = re.compile(r"\s*\d+[ \t]*\r?\n[ \t]*\d+:\d{1,2}:\d{1,2}[,.]\d+[ \t]*-->")


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a SubRip file into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    lines = LINE_BREAK.split(source.text)
    count = len(lines)
    cues: list[tuple[float, float, list[str], int]] = []  # start, end, text lines, first line
    formatted = 0
    index = 0
    while index < count:
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if "-->" in line:
            timing = index
        elif line.isdigit() and index + 1 < count and "-->" in lines[index + 1]:
            timing = index + 1
        elif cues:
            # Text after a blank line inside a cue: sloppy files have them; keep the words.
            index = _read_text(lines, index, cues[-1][2])
            continue
        else:
            raise TranscriptError(
                f"line {index + 1}: expected a subtitle number or a cue timing "
                f"(00:00:01,000 --> 00:00:02,000), found {line[:40]!r}",
                name,
            )
        start, end, _ = parse_timing(lines[timing], timing + 1, name, "SRT")
        text: list[str] = []
        index = _read_text(lines, timing + 1, text)
        cues.append((start, end, text, timing + 2))
    if not cues:
        raise TranscriptError("has no subtitles (no cue timings found)", name)

    texts = []
    for _, _, text, _ in cues:
        cleaned = []
        for line in text:
            if "<" in line or "{" in line:
                line, removed = _FORMATTING.subn("", line)
                formatted += bool(removed)
            line = clean_spaces(line)
            if line:
                cleaned.append(line)
        texts.append(cleaned)
    note(options.losses, "formatting tags of {n} line{s}", formatted)
    folded = folded_count(fold_rolling(texts))
    note(options.losses, "{n} rolling-caption repeat{s} (folded)", folded)
    joined = ["\n".join(text) for text in texts]
    prefixes = PrefixRule(joined, options.speakers)
    parts: list[Part] = []
    for (start, end, raw, first), cue_text in zip(cues, joined, strict=True):
        last = first + max(len(raw) - 1, 0)
        parts.extend(parts_of_cue(split_marks(cue_text, prefixes), start, end, first, last))
    return assemble(parts, source, options, inferred=True)


def _read_text(lines: list[str], index: int, into: list[str]) -> int:
    """Append a cue's text lines (up to a blank line) to `into`; the index after them."""
    count = len(lines)
    while index < count and lines[index].strip():
        if "-->" in lines[index]:
            break  # a timing with no blank line before it starts the next cue
        into.append(lines[index])
        index += 1
    if index < count and "-->" in lines[index] and into and into[-1].strip().isdigit():
        into.pop()  # that cue's number, not this cue's text
        index -= 1
    return index


def sniff(text: str) -> bool:
    """SubRip opens with a cue number and a timing line."""
    return _SNIFF.match(text) is not None
