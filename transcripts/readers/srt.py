"""The SubRip (SRT) reader: numbered cues into turns, speakers from `Name:` prefixes.

SubRip has no speaker markup; the podcast convention (and most transcription services)
put `Name:` at the start of the cue where the speaker changes, and `>>` marks a change
in broadcast captions. Formatting tags (`<i>`, `<font>`, `{\\an8}`) are removed. See
`turns.py` for how cues become turns; each cue is kept as a piece of its turn.

`read` builds the whole transcript; `stream` gives its header and then its blocks one at
a time (what `convert` streams into a writer): it holds each cue's text once, not the
cues' pieces and turns.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Block, Transcript
from ..options import ReadOptions
from ..spacing import clean_spaces
from .common import listed, paused_gc
from .cuespacing import spaced_cleanly
from .cuestore import DROPPED, SPLIT, UNMARKED, CueStore
from .rolling import fold_rolling, folded_count, may_fold
from .speakermarks import PrefixRule, split_marks
from .srtparse import SrtCue, UnusualCue, parse_lines, taken_cues, usual_store
from .turns import Hearing, assemble_lazily, parts_of_cue

_FORMATTING = re.compile(r"</?(?:i|b|u|s|font)\b[^<>]*>|\{\\[^{}]*\}", re.I)
_SNIFF = re.compile(r"\s*\d+[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*\d+:\d{1,2}:\d{1,2}[,.]\d+[ \t]*-->")
_TAG_OPENERS = ("<", "{")  # what `_cleaned` removes besides spacing


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read a SubRip file into turns."""
    with paused_gc():  # a million cues make millions of objects, none in a cycle
        return listed(stream(source, options))


def stream(
    source: SourceText, options: ReadOptions | None = None
) -> tuple[Transcript, Iterator[Block]]:
    """`read` as a header and its blocks, built one at a time as they are asked for."""
    options = options or ReadOptions()
    heard = Hearing()  # what the header needs, heard as the marks are read
    with paused_gc():
        cues = _marked_cues(source, options, heard)
    return assemble_lazily(cues.parts, source, options, inferred=True, heard=heard)


def _marked_cues(source: SourceText, options: ReadOptions, heard: Hearing | None) -> CueStore:
    """The file's cues with their speaker marks read (and heard by `heard`, if given)."""
    cues = _read_cues(source, options)
    shared = _mark(cues, PrefixRule(cues.texts, options.speakers), heard)
    note(
        options.losses,
        "the times of {n} cue{s} shared by several speakers (split by characters)",
        shared,
    )
    return cues


def _mark(cues: CueStore, prefixes: PrefixRule, heard: Hearing | None) -> int:
    """Read each cue's speaker mark once, in place: the usual cue (no `>>`) gets its
    speaker's number (or `UNMARKED`, `DROPPED`) and, in place of its text, the text of its
    one part; any other cue gets its parts (`split_marks`, `parts_of_cue`). The number of
    cues cut among several speakers, whose times were shared out, is returned."""
    shared = 0
    numbers: dict[str, int] = {}
    split = prefixes.split
    hear = heard.hear if heard is not None else None
    texts, codes, times, lines = cues.texts, cues.codes, cues.times, cues.lines
    several = prefixes.line_marks if prefixes.enabled else None
    for index, text in enumerate(texts):
        # `>>`, or a later line naming a speaker (two speakers in one cue): several marks
        changes = ">>" in text
        lined = several(text) if not changes and several is not None and ":" in text else None
        if changes or lined is not None:
            at = 2 * index
            marks = lined if lined is not None else split_marks(text, prefixes)
            parts = parts_of_cue(marks, times[at], times[at + 1], lines[at], lines[at + 1])
            codes[index] = SPLIT
            texts[index] = parts
            shared += len(parts) > 1
            if hear is not None:
                for part in parts:
                    hear(part.marked, part.speaker, part.text)
            continue
        # `split_marks` of a cue without `>>` (a prefix needs a colon: most cues have none)
        name, rest = split(text) if ":" in text else (None, text)
        rest = rest.strip()  # and `parts_of_cue` of its one mark
        if name is None:
            if not rest.strip("-– "):
                codes[index] = DROPPED
                continue
            codes[index] = UNMARKED
        else:
            codes[index] = numbers.setdefault(name, len(numbers))
        texts[index] = rest
        if hear is not None:
            hear(name is not None, name, rest)
    cues.names = list(numbers)
    return shared


def _read_cues(source: SourceText, options: ReadOptions) -> CueStore:
    """The file's cues, with what was lost in cleaning them noted, or a clear error."""
    name = display_name(source.path)
    text = source.text
    try:
        usual: CueStore | None = usual_store(text)  # the usual file, parsed once
    except UnusualCue:  # then the line parser says what is there
        usual = None
    if usual and _written_clean(text) and not may_fold(usual.texts):
        return usual  # each cue's text as written
    # A file of a million cues: each stage lets go of the one before as it goes (cues
    # are cleaned as they are taken from the parse), so no two copies of the text are held.
    if usual:  # (`taken_cues` empties the store as it goes)
        timings, spans, lines, formatted = _cleaned(taken_cues(usual))
    else:  # nothing usual: the line parser reads (or names) what is there
        timings, spans, lines, formatted = _cleaned(iter(parse_lines(text, name)))
    if not lines:
        raise TranscriptError("has no subtitles (no cue timings found)", name)
    note(options.losses, "formatting tags of {n} line{s}", formatted)
    folded = folded_count(fold_rolling(lines))
    note(options.losses, "{n} rolling-caption repeat{s} (folded)", folded)
    cues = CueStore()
    for index, text in enumerate(_joined(lines)):
        at = 2 * index
        cues.add(timings[at], timings[at + 1], spans[at], spans[at + 1], text)
    return cues


def _written_clean(text: str) -> bool:
    """Does `_cleaned` leave every line of this text as it is?"""
    return spaced_cleanly(text, _TAG_OPENERS)


def _joined(lines: list[list[str]]) -> list[str]:
    """Each cue's lines joined, the lists let go of as they are joined."""
    lines.reverse()
    texts = []
    while lines:
        texts.append("\n".join(lines.pop()))
    return texts


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
    """SubRip opens with a cue number and a timing line (blank lines may come between)."""
    return _SNIFF.match(text) is not None
