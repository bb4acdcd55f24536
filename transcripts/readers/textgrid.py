"""The Praat TextGrid reader (`.TextGrid`), long, short or chronological text format.

Each interval tier is a speaker (its name); its intervals with text are pieces, and all
tiers' pieces in time order make the turns. Point tiers (TextTier) mark instants, not
speech: they are not kept (`losses` counts them). A tier named for notes (`Comments`,
`notes`: `tiers.names_notes`) holds an annotator's notes, kept in time order as notes
labelled with its name (`losses` names such tiers).

A tier that subdivides another (a forced aligner's phones under its words, as the
Montreal Forced Aligner and WebMAUS write them: more intervals, every boundary of the
other's intervals among its own, most of its intervals inside the other's and covering
most of its time) is a finer level of the same speech, not a speaker: it is not kept
(`losses` counts its intervals). The tier it subdivides is the speaker, named by what
the two names share (`Ana - words` and `Ana - phones`: `Ana`). Names that share nothing
name the levels only (the Montreal Forced Aligner's `words` and `phones` for a file of
one speaker, WebMAUS's `ORT-MAU` and `MAU`): that speech has no named speaker, as
aligned-textgrid reads such a pair as a nameless group. (The file's name is not taken
for one: it names the recording, and MFA takes its speakers from folders.)
Up to 100 tiers are compared, two by two, looking at a few intervals for each of the
file's in all.

The file is read as Praat reads it, as a stream of numbers, strings (`"..."`, quotes
doubled inside) and `<exists>` flags, `!` opening a comment to the end of its line
outside strings, so the long and the short format read the same. The chronological
format (Praat's "Save as chronological text file", `"Praat chronological TextGrid text
file"`) lists the tiers' classes, names and domains, then each interval (a tier's
number, xmin, xmax, text) or point (a tier's number, time, mark) of every tier in time
order. Praat writes non-ASCII TextGrids in UTF-16, which the byte order mark announces.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Block, Kind, Transcript
from ..options import ReadOptions
from ..spacing import clean_spaces
from ..tiers import NOT_SPEAKERS, names_notes
from ..timecode import MAX_SECONDS
from .common import clean_lines
from .turns import Part, assemble

# Strings, numbers and flags; labels (`xmin =`), and indices (`item [1]:`) are skipped,
# and comments (`! Time domain.`, `! Speaker 2:`) matched so that their numbers are too.
_TOKEN = re.compile(
    r'"((?:[^"]|"")*)"|(?<![\w\[])(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\w\]])|<(exists|absent)>'
    r"|(![^\n\r]*)"
)
_COMMENT = 4  # the group of a comment
_CHRONOLOGICAL = "Praat chronological TextGrid text file"


class _Tokens:
    def __init__(self, text: str, name: str) -> None:
        tokens: Iterator[re.Match[str]] = _TOKEN.finditer(text)
        if "!" in text:
            tokens = (token for token in tokens if token.lastindex != _COMMENT)
        self._tokens = tokens
        self._peeked: re.Match[str] | None = None  # a token `ended` looked at
        self.name = name

    def _next(self, what: str) -> re.Match[str]:
        found, self._peeked = self._peeked, None
        if found is None:
            found = next(self._tokens, None)
        if found is None:
            raise TranscriptError(f"the TextGrid ends where {what} should be", self.name)
        return found

    def ended(self) -> bool:
        """Is there no token left? (One that is, `_next` gives next.)"""
        if self._peeked is None:
            self._peeked = next(self._tokens, None)
        return self._peeked is None

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
    kind = tokens.string("the file type")
    if kind == _CHRONOLOGICAL:
        tiers, points = _chronological(tokens)
    elif kind == "ooTextFile" and tokens.string("the object class") == "TextGrid":
        tiers, points = _tier_by_tier(tokens)
    else:
        raise TranscriptError(
            'not a TextGrid (expected File type = "ooTextFile", Object class = "TextGrid", '
            f'or "{_CHRONOLOGICAL}")',
            name,
        )
    note(options.losses, "{n} point{s} of point tiers", points)
    speech: list[_Tier] = []
    notes: list[_Tier] = []  # an annotator's `Comments`
    for tier in tiers:
        (notes if names_notes(tier.name) else speech).append(tier)
    parts: list[Part | Block] = []
    for kept, speaker, marked in _speakers(speech, options):
        parts.extend(
            Part(text, start, end, 0, 0, marked, speaker) for start, end, text in kept.said
        )
    for tier in notes:  # after the speech: a note at the time of a word follows it
        note(
            options.losses,
            "the speaker of {n} interval{s} on note tiers (read as notes)",
            len(tier.said),
            tier.name,
        )
        parts.extend(
            Block(Kind.LABELLED, clean_spaces(text), label=tier.name, start=start, end=end)
            for start, end, text in tier.said
        )
    parts.sort(key=lambda part: part.start or 0.0)
    # Each part is on its speaker's tier: one on no speaker's is nobody's.
    return assemble(parts, source, options, inferred=False, every_part_marked=True)


def _tier_by_tier(tokens: _Tokens) -> tuple[list[_Tier], int]:
    """The interval tiers of the long or short format (each tier with its intervals in
    turn), and the number of points with a mark on its point tiers."""
    tokens.number("xmin")
    tokens.number("xmax")
    tiers: list[_Tier] = []
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
                raise TranscriptError(f"unknown tier class {kind!r}", tokens.name)
            intervals = _Tier(tier)
            tiers.append(intervals)
            for _ in range(count):
                intervals.read_interval(tokens)
    return tiers, points


def _chronological(tokens: _Tokens) -> tuple[list[_Tier], int]:
    """`_tier_by_tier` of the chronological format: the tiers' headers (class, name,
    xmin, xmax), then each interval or point as the number of its tier (from 1) and its
    times and text, to the end of the file, as Praat's TextGrid_readFromChronologicalTextFile
    reads them."""
    tokens.number("xmin")
    tokens.number("xmax")
    count = int(tokens.number("the number of tiers"))
    by_number: list[_Tier | None] = []  # None for a point tier
    for _ in range(count):
        kind = tokens.string("a tier's class")
        tier = " ".join(tokens.string("a tier's name").split())
        tokens.number("the tier's xmin")
        tokens.number("the tier's xmax")
        if kind not in ("IntervalTier", "TextTier"):
            raise TranscriptError(f"unknown tier class {kind!r}", tokens.name)
        by_number.append(_Tier(tier) if kind == "IntervalTier" else None)
    points = 0
    while not tokens.ended():
        number = tokens.number("a tier's number")
        if number != int(number) or not 1 <= number <= count:
            raise TranscriptError(
                f"an entry names tier {number:g}, but the file has {count} tier"
                + ("" if count == 1 else "s"),
                tokens.name,
            )
        intervals = by_number[int(number) - 1]
        if intervals is None:
            tokens.number("a point's time")
            points += bool(tokens.string("a point's mark").strip())
        else:
            intervals.read_interval(tokens)
    return [tier for tier in by_number if tier is not None], points


class _Tier:
    """An interval tier: its name, its intervals with text, and every interval's edges."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.said: list[tuple[float, float, str]] = []
        self.edges: set[float] = set()

    def read_interval(self, tokens: _Tokens) -> None:
        """Read an interval (xmin, xmax, text) and add it."""
        start = tokens.number("an interval's xmin")
        end = tokens.number("an interval's xmax")
        text = clean_lines(tokens.string("an interval's text"))
        if end < start:
            raise TranscriptError(
                f"tier {self.name!r}: an interval ends before it starts", tokens.name
            )
        if start < 0:
            raise TranscriptError(f"tier {self.name!r}: an interval starts before 0", tokens.name)
        self.add(max(start, 0.0), max(end, 0.0), text)

    def add(self, start: float, end: float, text: str) -> None:
        self.edges.add(round(start, 6))
        self.edges.add(round(end, 6))
        if text:
            self.said.append((start, end, text))

    def subdivides(self, other: _Tier, budget: list[int]) -> bool:
        """Is this tier a finer level of `other` (phones under words)? More intervals
        with text, every edge of `other`'s among this tier's edges, most of this tier's
        intervals inside `other`'s, and covering most of their time (a speaker's
        backchannels inside another's long turn cover little of it)."""
        if not other.said or len(self.said) <= len(other.said):
            return False
        edges = self.edges
        for checked, (start, end, _) in enumerate(other.said, start=1):
            if round(start, 6) not in edges or round(end, 6) not in edges:
                budget[0] -= checked
                return False
        budget[0] -= len(other.said) + len(self.said)
        if budget[0] < 0:
            return False
        starts = sorted(start for start, _, _ in other.said)
        ends = {start: end for start, end, _ in other.said}
        inside = 0
        covered = 0.0
        for start, end, _ in self.said:
            at = bisect_right(starts, start + 1e-6) - 1
            if at >= 0 and end <= ends[starts[at]] + 1e-6:
                inside += 1
                covered += end - start
        spoken = sum(end - start for start, end, _ in other.said)
        return inside * 2 > len(self.said) and covered * 2 >= spoken


_MAX_COMPARED = 100
_WORK_PER_INTERVAL = 8  # intervals looked at, per interval of the file, when comparing


def _speakers(tiers: list[_Tier], options: ReadOptions) -> list[tuple[_Tier, str | None, bool]]:
    """The tiers that are speakers' (not a finer level of another tier) with the speaker
    each names, and whether its intervals are marked as that speaker's: those of a tier
    that names levels only (`words` over `phones`) are not (one unnamed voice, its
    intervals one passage), those of our writers' tiers for speech nobody is named for
    are (each interval its own). The comparison looks at a bounded number of intervals
    (a few for each of the file's), so that a file of many tiers made alike costs no more
    than its size."""
    finer: dict[int, _Tier] = {}  # a subdivided tier's index -> a tier subdividing it
    dropped: set[int] = set()
    budget = [_WORK_PER_INTERVAL * sum(len(tier.said) for tier in tiers) + 1000]
    if len(tiers) <= _MAX_COMPARED:
        for fine_index, fine in enumerate(tiers):
            for coarse_index, coarse in enumerate(tiers):
                if budget[0] < 0:
                    break
                if fine_index != coarse_index and fine.subdivides(coarse, budget):
                    dropped.add(fine_index)
                    finer.setdefault(coarse_index, fine)
    kept: list[tuple[_Tier, str | None, bool]] = []
    for index, tier in enumerate(tiers):
        if index in dropped:
            note(options.losses, "{n} interval{s} of tiers that subdivide another", len(tier.said))
            continue
        name = tier.name
        if index in finer:  # "" when the names share nothing: levels, not a speaker
            name = _shared_words(name, finer[index].name)
            if not name:
                kept.append((tier, None, False))
                continue
        kept.append((tier, None if name in NOT_SPEAKERS or not name else name, True))
    return kept


_SEPARATORS = " -_:.|/"


def _shared_words(first: str, second: str) -> str:
    """The words two tier names open with (`Ana - words`, `Ana - phones`: `Ana`), cut at
    a separator so that no word is cut short ("" when they share none)."""
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    if length < min(len(first), len(second)) or len(first) != len(second):
        # cut back to the last separator, unless the prefix ends at one in both names
        ends_at_word = all(
            len(name) == length or name[length] in _SEPARATORS for name in (first, second)
        )
        if not ends_at_word:
            while length and first[length - 1] not in _SEPARATORS:
                length -= 1
    return first[:length].rstrip(_SEPARATORS)


def sniff(text: str) -> bool:
    """TextGrids open with `File type = "ooTextFile"` and the TextGrid class, or, in the
    chronological format, with `"Praat chronological TextGrid text file"`."""
    head = text[:200]
    return ("ooTextFile" in head and "TextGrid" in head) or f'"{_CHRONOLOGICAL}"' in head
