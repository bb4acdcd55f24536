"""The Praat TextGrid reader (`.TextGrid`), long or short text format.

Each interval tier is a speaker (its name); its intervals with text are pieces, and all
tiers' pieces in time order make the turns. Point tiers (TextTier) mark instants, not
speech: they are not kept (`losses` counts them). The file is read as Praat reads it,
as a stream of numbers, strings (`"..."`, quotes doubled inside) and `<exists>` flags,
so the long and the short format read the same. Praat writes non-ASCII TextGrids in
UTF-16, which the byte order mark announces.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Transcript
from ..options import ReadOptions
from ..tiers import NOT_SPEAKERS
from ..timecode import MAX_SECONDS
from .common import clean_lines
from .turns import Part, assemble

# Strings, numbers and flags; labels (`xmin =`), and indices (`item [1]:`) are skipped.
_TOKEN = re.compile(
    r'"((?:[^"]|"")*)"|(?<![\w\[])(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\w\]])|<(exists|absent)>'
)


class _Tokens:
    def __init__(self, text: str, name: str) -> None:
        self._tokens: Iterator[re.Match[str]] = _TOKEN.finditer(text)
        self.name = name

    def _next(self, what: str) -> re.Match[str]:
        found = next(self._tokens, None)
        if found is None:
            raise TranscriptError(f"the TextGrid ends where {what} should be", self.name)
        return found

    def string(self, what: str) -> str:
        found = self._next(what)
        if found.group(1) is None:
            raise TranscriptError(
                f"expected {what} as a quoted string, found {found.group()!r}", self.name
            )
        return found.group(1).replace('""', '"')

    def number(self, what: str) -> float:
        found = self._next(what)
        if found.group(2) is None:
            raise TranscriptError(
                f"expected {what} as a number, found {found.group()[:30]!r}", self.name
            )
        number = float(found.group(2))
        if not math.isfinite(number) or abs(number) > MAX_SECONDS:
            raise TranscriptError(f"{what} is out of range: {found.group()[:30]}", self.name)
        return number

    def flag(self) -> bool:
        found = self._next("<exists>")
        return found.group(3) == "exists"


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a Praat TextGrid into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    tokens = _Tokens(source.text, name)
    if (
        tokens.string("the file type") != "ooTextFile"
        or tokens.string("the object class") != "TextGrid"
    ):
        raise TranscriptError(
            'not a TextGrid (expected File type = "ooTextFile", Object class = "TextGrid")', name
        )
    tokens.number("xmin")
    tokens.number("xmax")
    parts: list[Part] = []
    points = 0
    if tokens.flag():
        for _ in range(int(tokens.number("the number of tiers"))):
            kind = tokens.string("a tier's class")
            tier = " ".join(tokens.string("a tier's name").split())
            tokens.number("the tier's xmin")
            tokens.number("the tier's xmax")
            count = int(tokens.number("the number of intervals"))
            if kind == "TextTier":
                for _ in range(count):
                    tokens.number("a point's time")
                    points += bool(tokens.string("a point's mark").strip())
                continue
            if kind != "IntervalTier":
                raise TranscriptError(f"unknown tier class {kind!r}", name)
            speaker = None if tier in NOT_SPEAKERS or not tier else tier
            for _ in range(count):
                start = tokens.number("an interval's xmin")
                end = tokens.number("an interval's xmax")
                text = clean_lines(tokens.string("an interval's text"))
                if end < start:
                    raise TranscriptError(f"tier {tier!r}: an interval ends before it starts", name)
                if start < 0:
                    raise TranscriptError(f"tier {tier!r}: an interval starts before 0", name)
                if text:
                    parts.append(Part(text, max(start, 0.0), max(end, 0.0), 0, 0, True, speaker))
    note(options.losses, "{n} point{s} of point tiers", points)
    parts.sort(key=lambda part: part.start or 0.0)
    return assemble(parts, source, options, inferred=False)


def sniff(text: str) -> bool:
    """TextGrids open with `File type = "ooTextFile"` and the TextGrid class."""
    head = text[:200]
    return "ooTextFile" in head and "TextGrid" in head
