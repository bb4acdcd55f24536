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
from .common import clean_spaces
from .rolling import fold_rolling, folded_count
from .speakermarks import PrefixRule, split_marks
from .srtparse import parse_lines, parse_usual
from .turns import Part, assemble, parts_of_cue

_FORMATTING = re.compile(r"</?(?:i|b|u|s|font)\b[^<>]*>|\{\\[^{}]*\}", re.I)
_SNIFF = re.compile(r"\s*\d+[ \t]*\r?\n[ \t]*\d+:\d{1,2}:\d{1,2}[,.]\d+[ \t]*-->")


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a SubRip file into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    cues = parse_usual(source.text) or parse_lines(source.text, name)
    formatted = 0
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


def sniff(text: str) -> bool:
    """SubRip opens with a cue number and a timing line."""
    return _SNIFF.match(text) is not None
