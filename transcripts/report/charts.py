"""The pictures of a report, as geometry for the SVG the page template draws.

Who spoke when: one row per speaker, each turn a segment along the conversation, by time
where every turn has one, else by word position. A row is `VIEW_WIDTH` units wide, about
a pixel each on a laptop-wide page; a turn narrower than a unit is not drawn on its own
but merged, per pixel column, into one path per speaker, so a transcript of tens of
thousands of turns draws a few thousand shapes, not one per turn. Talk share: bars whose
lengths are the `stats` shares themselves.

Only numbers and ids leave this module; the page template escapes every text it shows.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import words
from ..model import Block, Kind
from ..timecode import format_clock
from .palette import SpeakerStyle

#: Width of a timeline row in SVG units (its viewBox), about a pixel each on screen.
VIEW_WIDTH = 1000
#: Height of a timeline row in SVG units.
ROW_HEIGHT = 10
#: Where the axis is labelled: the start, the quarters and the end.
TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)
#: Words of a turn its hover text shows.
PREVIEW_WORDS = 12


@dataclass(frozen=True)
class TurnSpan:
    """Where one turn lies along the conversation (seconds or words from the start)."""

    block: Block
    start: float
    end: float
    target: str  # the id of the turn in the page


@dataclass
class Segment:
    """A turn drawn on its own: a focusable link to the turn, with hover text."""

    x: float
    width: float
    target: str
    label: str


@dataclass
class MergedTurns:
    """A speaker's turns too short to draw alone, as one path over the pixel columns
    they cover; `xs` and `targets` (space-separated, in order) let a click find the
    nearest of them."""

    path: str
    count: int
    xs: str
    targets: str


@dataclass
class TimelineRow:
    speaker: str
    style: SpeakerStyle
    segments: list[Segment] = field(default_factory=list)
    merged: MergedTurns | None = None

    @property
    def turns(self) -> int:
        return len(self.segments) + (self.merged.count if self.merged else 0)


@dataclass
class Timeline:
    rows: list[TimelineRow]
    by_time: bool
    ticks: list[str]
    unit: str  # what the axis counts: "time" or "words"


def is_timed(turns: Sequence[Block]) -> bool:
    """Draw by time only when every turn has a start time."""
    return bool(turns) and all(block.start is not None for block in turns)


def turn_spans(blocks: Sequence[Block], targets: Sequence[str], by_time: bool) -> list[TurnSpan]:
    """Each turn's span, in order. By time, a turn with a start and no end lasts until
    the next timed block starts (the rule `stats` counts talk time by); by words, each
    turn is as long as its spoken words. `targets` holds each block's page id."""
    spans: list[TurnSpan] = []
    if by_time:
        open_turn: tuple[Block, float, str] | None = None  # a turn waiting for its end
        for block, target in zip(blocks, targets, strict=True):
            if block.start is None:
                continue
            if open_turn is not None:
                turn, start, turn_target = open_turn
                spans.append(TurnSpan(turn, start, max(block.start, start), turn_target))
                open_turn = None
            if block.kind == Kind.TURN:
                if block.end is None:
                    open_turn = (block, block.start, target)
                else:
                    spans.append(TurnSpan(block, block.start, max(block.end, block.start), target))
        if open_turn is not None:
            turn, start, turn_target = open_turn
            spans.append(TurnSpan(turn, start, start, turn_target))
        return spans
    position = 0.0
    for block, target in zip(blocks, targets, strict=True):
        if block.kind == Kind.TURN:
            count = spoken_words(block.text)
            spans.append(TurnSpan(block, position, position + count, target))
            position += count
    return spans


def spoken_words(text: str) -> int:
    """`words.count_words(text)`, faster: a word never spans white space, so the words of
    a text are those of its tokens, and each distinct token is looked at once. (A test
    holds it to `words.count_words`.)"""
    return sum(map(_token_words, words.speech(text).split()))


@functools.lru_cache(maxsize=1 << 16)
def _token_words(token: str) -> int:
    return len(words.token_words(token))


def timeline(
    spans: Sequence[TurnSpan],
    styles: dict[str, SpeakerStyle],
    by_time: bool,
) -> Timeline:
    """The rows of the timeline, one per speaker in `styles` (in its order)."""
    first = min((span.start for span in spans), default=0.0)
    last = max((span.end for span in spans), default=0.0)
    extent = (last - first) or 1.0
    scale = VIEW_WIDTH / extent
    rows = {name: TimelineRow(name, style) for name, style in styles.items()}
    short: dict[str, list[tuple[float, float, str]]] = {}
    for span in spans:
        row = rows[span.block.speaker or ""]
        x = (span.start - first) * scale
        width = (span.end - span.start) * scale
        if width >= 1:
            text = hover_text(span, by_time)
            row.segments.append(Segment(round(x, 2), round(width, 2), span.target, text))
        else:
            short.setdefault(row.speaker, []).append((x, width, span.target))
    for name, turns in short.items():
        rows[name].merged = _merge(turns)
    return Timeline(
        rows=list(rows.values()),
        by_time=by_time,
        ticks=[_tick(first + fraction * (last - first), by_time) for fraction in TICKS],
        unit="time" if by_time else "words",
    )


def _merge(turns: list[tuple[float, float, str]]) -> MergedTurns:
    """Short turns as runs of whole pixel columns, one path for all of them."""
    covered = bytearray(VIEW_WIDTH + 1)
    for x, width, _ in turns:
        for column in range(int(x), min(int(x + width), VIEW_WIDTH) + 1):
            covered[column] = 1
    parts = []
    column = 0
    while column <= VIEW_WIDTH:
        if covered[column]:
            run = column
            while run <= VIEW_WIDTH and covered[run]:
                run += 1
            width = min(run, VIEW_WIDTH) - column or 1
            parts.append(f"M{column} 0h{width}v{ROW_HEIGHT}h-{width}z")
            column = run
        else:
            column += 1
    return MergedTurns(
        path="".join(parts),
        count=len(turns),
        xs=" ".join(f"{x:.1f}" for x, _, _ in turns),
        targets=" ".join(target for _, _, target in turns),
    )


def hover_text(span: TurnSpan, by_time: bool) -> str:
    """What hovering a turn shows: speaker, where it is, and its first words."""
    block = span.block
    words = block.text.split()
    preview = " ".join(words[:PREVIEW_WORDS]) + (" …" if len(words) > PREVIEW_WORDS else "")
    where = [f"line {block.line}"] if block.line else []
    if by_time:
        where.append(clock(span.start))
    return f"{block.speaker} ({', '.join(where)}): {preview}" if where else preview


def _tick(value: float, by_time: bool) -> str:
    return clock(value) if by_time else f"{round(value):,}"


def clock(seconds: float) -> str:
    """A time for people: `m:ss`, or `h:mm:ss` from an hour on (whole seconds)."""
    text = format_clock(float(round(seconds)), always_hours=seconds >= 3599.5)
    text = text[: -len(".000")]
    return text[1:] if text.startswith("0") and len(text) > 4 else text


def bar_width(percent: float | None) -> float:
    """A share bar's length, out of 100 units, from a percentage (none: no bar)."""
    if percent is None or math.isnan(percent):
        return 0.0
    return max(0.0, min(100.0, float(percent)))
