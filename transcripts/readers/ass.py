"""The ASS/SSA reader: (Advanced) SubStation Alpha subtitles (`.ass`, `.ssa`), Aegisub's.

A script is sections of `Key: value` lines: `[Script Info]` (its `Title`, `ScriptType`,
`WrapStyle`), `[V4+ Styles]` or SSA's `[V4 Styles]`, and `[Events]`, whose `Format:` line
names the fields of each event in their order (`Layer, Start, End, Style, Name, ...,
Text`; SSA's begins with `Marked`); without one, the order the script type defines.
Text is the last field and may hold commas. Times are `H:MM:SS.cc`.

Each `Dialogue:` event is a piece; its speaker is its `Name` field (`Actor` in some
SSA files), and an empty name is no speaker. A file that names no one in any event
(most fansubs) may name speakers in the text as other captions do (`Name:` prefixes,
`>>` changes: `speakermarks`). Consecutive events of one speaker make one turn
(`turns.assemble`), events in the order of their start times.

Text: override blocks (`{\\i1}`, `{\\pos(10,20)}`) are removed and counted in `losses`,
and so are inline comments (`{a translator's note}`) and drawings (`{\\p1}m 0 0 l ...`,
shapes, not words). `\\N` is a line break, and `\\n` too when `WrapStyle: 2` (else a
space, as renderers show it); `\\h` is a no-break space. `Comment:` events are lines
switched off in the editor (drafts, notes, karaoke templates), not speech: they are
left out, and counted in `losses`, as are `Picture:`, `Sound:`, `Movie:` and
`Command:` events. The note our writer leaves when times are estimates (a `;` comment)
gives back the mark.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..errors import TranscriptError
from ..io import SourceText, display_name
from ..losses import note
from ..model import Transcript
from ..options import ReadOptions
from ..timecode import parse_clock
from ..timing import TIMING_KEY, mark_from_note
from .common import LINE_BREAK
from .speakermarks import PrefixRule, split_marks
from .turns import Part, assemble, parts_of_cue

#: The events' fields when a script gives no `Format:` line, by its `ScriptType`.
ASS_FIELDS = ("layer", "start", "end", "style", "name", "marginl", "marginr", "marginv")
SSA_FIELDS = ("marked", *ASS_FIELDS[1:])
_TAIL = ("effect", "text")

_SECTION = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"\{[^{}]*\}")  # an override block, or an inline comment
_DRAWING = re.compile(r"\\p(\d+)")  # `\p1` starts a drawing, `\p0` ends it
_SPACES = re.compile(r"[^\S\xa0\n]+")  # white space but no-break spaces and line breaks
_NOT_SPEECH = ("comment", "picture", "sound", "movie", "command")


class _Event(NamedTuple):
    """A Dialogue event: its times, speaker (its Name, "" for none), raw text and line."""

    start: float
    end: float
    name: str
    text: str
    line: int


class _Script(NamedTuple):
    """What a script holds: its `[Script Info]` values (keys in lower case), the estimate
    mark of our writer's comment, the Dialogue events in order of their start, and how
    many Comment events and other events that are not speech were passed over."""

    info: dict[str, str]
    estimate: dict[str, Any] | None
    events: list[_Event]
    comments: int
    others: int


class _Cleaning:
    """What removing markup from the events' text left out, counted."""

    __slots__ = ("comments", "drawings", "styled", "wraps")

    def __init__(self, wraps: bool) -> None:
        self.wraps = wraps  # `\n` is a line break (WrapStyle 2)
        self.styled = self.comments = self.drawings = 0

    def plain(self, text: str) -> str:
        """An event's text without markup, its lines single-spaced."""
        if "{" in text:
            text = self._unmarked(text)
        if "\\" in text:
            text = text.replace("\\N", "\n").replace("\\n", "\n" if self.wraps else " ")
            text = text.replace("\\h", "\xa0")
        lines = (_SPACES.sub(" ", line).strip(" \xa0") for line in text.split("\n"))
        return "\n".join(line for line in lines if line)

    def _unmarked(self, text: str) -> str:
        kept = []
        at = 0
        drawing = styled = commented = drew = False
        for block in _BLOCK.finditer(text):
            if not drawing:
                kept.append(text[at : block.start()])
            at = block.end()
            inside = block.group()
            if "\\" not in inside:
                commented = True
                continue
            styled = True
            scales = _DRAWING.findall(inside)
            if scales:
                drawing = int(scales[-1][:6]) > 0
                drew = drew or drawing
        if not drawing:
            kept.append(text[at:])
        self.styled += styled
        self.comments += commented
        self.drawings += drew
        return "".join(kept)


def read(source: SourceText, options: ReadOptions | None = None) -> Transcript:
    """Read an ASS or SSA script into turns."""
    options = options or ReadOptions()
    name = display_name(source.path)
    info, estimate, events, comments, others = _script(source.text, name)
    note(options.losses, "{n} Comment event{s} (lines switched off, not speech)", comments)
    note(options.losses, "{n} Picture, Sound, Movie or Command event{s}", others)
    if not events:
        raise TranscriptError("has no subtitles (no Dialogue events found)", name)
    metadata: dict[str, Any] = {}
    if info.get("title"):
        metadata["title"] = " ".join(info["title"].split())
    if estimate:
        metadata[TIMING_KEY] = estimate
    cleaning = _Cleaning(info.get("wrapstyle", "").strip() == "2")
    said = [(event, cleaning.plain(event.text)) for event in events]
    note(options.losses, "override tags of {n} event{s} (styling, positions)", cleaning.styled)
    note(options.losses, "{n} inline comment{s} in braces", cleaning.comments)
    note(options.losses, "drawings of {n} event{s}", cleaning.drawings)
    if any(event.name for event in events):
        parts = [
            Part(text, e.start, e.end, e.line, e.line, bool(e.name), e.name or None)
            for e, text in said
            if text
        ]
        return assemble(parts, source, options, metadata=metadata, every_part_marked=True)
    prefixes = PrefixRule([text for _, text in said], options.speakers)
    parts = []
    for event, text in said:
        marks = split_marks(text, prefixes)
        parts.extend(parts_of_cue(marks, event.start, event.end, event.line, event.line))
    return assemble(parts, source, options, metadata=metadata, inferred=True)


def _script(text: str, name: str) -> _Script:
    """The script's sections read, or a one-line error naming the line at fault."""
    info: dict[str, str] = {}
    estimate = None
    events: list[_Event] = []
    fields: list[str] | None = None
    section = ""
    comments = others = 0
    for number, raw in enumerate(LINE_BREAK.split(text.removeprefix("\ufeff")), start=1):
        line = raw.strip()
        if not line:
            continue
        heading = _SECTION.fullmatch(line)
        if heading:
            section = heading.group(1).strip().lower()
            continue
        if section == "script info":
            if line.startswith((";", "!:")):
                estimate = mark_from_note(line[1:]) or estimate
                continue
            key, _, value = line.partition(":")
            info[key.strip().lower()] = value.strip()
            continue
        if section != "events" or line.startswith((";", "!:")):
            continue  # styles, fonts, graphics: how it looks, not what is said
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon:
            raise TranscriptError(f"line {number}: not an event: {line[:40]!r}", name)
        if key == "format":
            fields = [field.strip().lower() for field in value.split(",")]
            missing = [field for field in ("start", "end", "text") if field not in fields]
            if missing:
                raise TranscriptError(
                    f"line {number}: the Format line names no {' or '.join(missing)} field", name
                )
            continue
        if key in _NOT_SPEECH:
            comments += key == "comment"
            others += key != "comment"
            continue
        if key != "dialogue":
            raise TranscriptError(f"line {number}: unknown event type {key[:20]!r}", name)
        if fields is None:
            fields = _default_fields(info)
        events.append(_event(value, fields, number, name))
    events.sort(key=lambda event: event.start)  # stable: events that start together keep
    return _Script(info, estimate, events, comments, others)


def _default_fields(info: dict[str, str]) -> list[str]:
    """The events' fields of a script without a `Format:` line, by its script type."""
    kind = info.get("scripttype", "").strip().lower()
    return [*(SSA_FIELDS if kind == "v4.00" else ASS_FIELDS), *_TAIL]


def _event(value: str, fields: list[str], number: int, name: str) -> _Event:
    """A Dialogue event's fields (the last, its text, keeps its commas)."""
    values = value.lstrip().split(",", len(fields) - 1)
    if len(values) < len(fields):
        raise TranscriptError(
            f"line {number}: a Dialogue event of {len(values)} fields, "
            f"where the Format line names {len(fields)}",
            name,
        )
    field = dict(zip(fields, values, strict=True))
    times = []
    for which in ("start", "end"):
        seconds = parse_clock(field[which])
        if seconds is None:
            raise TranscriptError(
                f"line {number}: {which} time {field[which].strip()[:24]!r} is not H:MM:SS.cc",
                name,
            )
        times.append(seconds)
    start, end = times
    if end < start:
        raise TranscriptError(f"line {number}: the event ends before it starts", name)
    speaker = " ".join(field.get("name", field.get("actor", "")).split())
    return _Event(start, end, speaker, field["text"], number)


def sniff(text: str) -> bool:
    """A SubStation script opens with its `[Script Info]` section."""
    return text.lstrip("\ufeff \t\r\n")[:13].lower() == "[script info]"
